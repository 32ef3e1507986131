// Signals for the zombie (ZOMB-*), function (FUNC-*) and filing-number (ID-FILING-003) rules:
// UI words whose ABSENCE is a finding, the filing number, and template residue. Signals only
// (meta: signal, set); scanner/analyzers/function.py and zombie.py (and their iOS twins) turn
// them into findings and say where they looked. UTF-16LE variants match binary XML, UTF-16
// resource tables and iOS .strings files only: in dex, ELF and Mach-O files short 4-byte
// patterns match by chance (iOS binaries' own strings are read from the Mach-O facts instead).

rule ui_feedback
{
    meta:
        signal = "keyword"
        set = "KW-FEEDBACK"
    strings:
        $k0 = "投诉"
        $k1 = "意见反馈"
        $k2 = "问题反馈"
        $k3 = "反馈意见"
        $k4 = "用户反馈"
        $k5 = "我要反馈"
        $k6 = "留言"
        $k7 = "意见建议"
        $k8 = "投诉建议"
        $k9 = "建议反馈"
        $k10 = "咨询建议"
    condition:
        any of them
}

rule ui_feedback_utf16
{
    meta:
        signal = "keyword"
        set = "KW-FEEDBACK"
    strings:
        $k0_utf16 = { 95 62 c9 8b }  // 投诉
        $k1_utf16 = { 0f 61 c1 89 cd 53 88 99 }  // 意见反馈
        $k2_utf16 = { ee 95 98 98 cd 53 88 99 }  // 问题反馈
        $k3_utf16 = { cd 53 88 99 0f 61 c1 89 }  // 反馈意见
        $k4_utf16 = { 28 75 37 62 cd 53 88 99 }  // 用户反馈
        $k5_utf16 = { 11 62 81 89 cd 53 88 99 }  // 我要反馈
        $k6_utf16 = { 59 75 00 8a }  // 留言
        $k7_utf16 = { 0f 61 c1 89 fa 5e ae 8b }  // 意见建议
        $k8_utf16 = { 95 62 c9 8b fa 5e ae 8b }  // 投诉建议
        $k9_utf16 = { fa 5e ae 8b cd 53 88 99 }  // 建议反馈
        $k10_utf16 = { a8 54 e2 8b fa 5e ae 8b }  // 咨询建议
    condition:
        uint32(0) != 0x0a786564 and uint32(0) != 0x464c457f and uint32(0) != 0xfeedfacf and uint32(0) != 0xfeedface and uint32(0) != 0xbebafeca and any of them
}

// English words: UI files only (in dex and binaries they are method and class names:
// performHapticFeedback, PrivacyPolicyActivity of an SDK).
rule ui_feedback_en
{
    meta:
        signal = "keyword"
        set = "KW-FEEDBACK"
    strings:
        $e0 = "feedback" nocase
        $e1 = "complaint" nocase
        $e0_utf16 = "feedback" nocase wide
        $e1_utf16 = "complaint" nocase wide
    condition:
        uint32(0) != 0x0a786564 and uint32(0) != 0x464c457f and uint32(0) != 0xfeedfacf and uint32(0) != 0xfeedface and uint32(0) != 0xbebafeca and any of them
}

rule ui_privacy_policy
{
    meta:
        signal = "keyword"
        set = "KW-POLICY"
    strings:
        $k0 = "隐私政策"
        $k1 = "隐私协议"
        $k2 = "隐私条款"
        $k3 = "隐私声明"
        $k4 = "隐私保护指引"
        $k5 = "隐私保护政策"
        $k6 = "个人信息保护政策"
        $k7 = "隐私权政策"
    condition:
        any of them
}

rule ui_privacy_policy_utf16
{
    meta:
        signal = "keyword"
        set = "KW-POLICY"
    strings:
        $k0_utf16 = { 90 96 c1 79 3f 65 56 7b }  // 隐私政策
        $k1_utf16 = { 90 96 c1 79 4f 53 ae 8b }  // 隐私协议
        $k2_utf16 = { 90 96 c1 79 61 67 3e 6b }  // 隐私条款
        $k3_utf16 = { 90 96 c1 79 f0 58 0e 66 }  // 隐私声明
        $k4_utf16 = { 90 96 c1 79 dd 4f a4 62 07 63 15 5f }  // 隐私保护指引
        $k5_utf16 = { 90 96 c1 79 dd 4f a4 62 3f 65 56 7b }  // 隐私保护政策
        $k6_utf16 = { 2a 4e ba 4e e1 4f 6f 60 dd 4f a4 62 3f 65 56 7b }  // 个人信息保护政策
        $k7_utf16 = { 90 96 c1 79 43 67 3f 65 56 7b }  // 隐私权政策
    condition:
        uint32(0) != 0x0a786564 and uint32(0) != 0x464c457f and uint32(0) != 0xfeedfacf and uint32(0) != 0xfeedface and uint32(0) != 0xbebafeca and any of them
}

// English words: UI files only (in dex and binaries they are method and class names:
// performHapticFeedback, PrivacyPolicyActivity of an SDK).
rule ui_privacy_policy_en
{
    meta:
        signal = "keyword"
        set = "KW-POLICY"
    strings:
        $e0 = "privacy policy" nocase
        $e1 = "privacy statement" nocase
        $e2 = "privacy notice" nocase
        $e0_utf16 = "privacy policy" nocase wide
        $e1_utf16 = "privacy statement" nocase wide
        $e2_utf16 = "privacy notice" nocase wide
        $url = /https?:\/\/[!-~]{1,120}privacy/ nocase
    condition:
        uint32(0) != 0x0a786564 and uint32(0) != 0x464c457f and uint32(0) != 0xfeedfacf and uint32(0) != 0xfeedface and uint32(0) != 0xbebafeca and any of them
}

// An ICP filing number: `粤ICP备12345678号-3A` for an app (the trailing A), without it a website's.
// The analyzer tells the two apart and reports the numbers it found.
rule filing_number
{
    meta:
        signal = "filing_number"
    strings:
        $n = /(京|津|沪|渝|冀|晋|辽|吉|黑|苏|浙|皖|闽|赣|鲁|豫|鄂|湘|粤|琼|川|贵|云|陕|甘|青|蒙|桂|藏|宁|新)ICP备[0-9]{4,12}号(-[0-9]{1,4}A?)?/
        $n_utf16 = /(\xac\x4e|\x25\x6d|\xaa\x6c|\x1d\x6e|\x80\x51|\x4b\x66|\xbd\x8f|\x09\x54|\xd1\x9e|\xcf\x82|\x59\x6d|\x96\x76|\xfd\x95|\x63\x8d|\x81\x9c|\x6b\x8c|\x02\x91|\x58\x6e|\xa4\x7c|\x3c\x74|\xdd\x5d|\x35\x8d|\x91\x4e|\x55\x96|\x18\x75|\x52\x97|\x99\x84|\x42\x68|\xcf\x85|\x81\x5b|\xb0\x65)I\x00C\x00P\x00\x07\x59([0-9]\x00){4,12}\xf7\x53(-\x00([0-9]\x00){1,4}(A\x00)?)?/
    condition:
        any of them
}

// Template residue in UI files and web assets (code strings are read from the call graph, so
// that an SDK's own test URLs are not taken for the app's).
rule template_local_endpoint
{
    meta:
        signal = "local_endpoint"
    strings:
        $u = /https?:\/\/(127\.0\.0\.1|localhost|10\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|192\.168\.[0-9]{1,3}\.[0-9]{1,3}|172\.(1[6-9]|2[0-9]|3[01])\.[0-9]{1,3}\.[0-9]{1,3})(:[0-9]{2,5})?[\/"' ?]/
    condition:
        uint32(0) != 0x0a786564 and uint32(0) != 0x464c457f and uint32(0) != 0xfeedfacf and uint32(0) != 0xfeedface and uint32(0) != 0xbebafeca and $u
}

rule template_text
{
    meta:
        signal = "template_text"
    strings:
        $hello = "Hello World!"
        $hello2 = "Hello world!"
        $lorem = "Lorem ipsum" nocase
        $hello_utf16 = "Hello World!" wide
        $hello2_utf16 = "Hello world!" wide
    condition:
        uint32(0) != 0x0a786564 and uint32(0) != 0x464c457f and uint32(0) != 0xfeedfacf and uint32(0) != 0xfeedface and uint32(0) != 0xbebafeca and any of them
}

// A hybrid framework's start page on a server: Cordova/APICloud config.xml `<content src=…>`,
// uni-app/HTML5+ manifest.json `launch_path`. With few own classes and no native feature,
// the package is a shell around a website (ZOMB-SHELL-001).
rule shell_remote_start
{
    meta:
        signal = "shell_remote_start"
    strings:
        $config = /<content\s+src\s*=\s*"https?:\/\/[^"]{3,200}"/
        $launch = /"launch_path"\s*:\s*"https?:\/\/[^"]{3,200}"/
    condition:
        uint32(0) != 0x0a786564 and uint32(0) != 0x464c457f and uint32(0) != 0xfeedfacf and uint32(0) != 0xfeedface and uint32(0) != 0xbebafeca and any of them
}

// A bundled web page: where it sits tells a shell's `www/` folder (iOS Cordova-style bundles).
rule web_page
{
    meta:
        signal = "web_page"
    strings:
        $doctype = "<!DOCTYPE html" nocase
        $html = "<html" nocase
    condition:
        uint32(0) != 0x0a786564 and uint32(0) != 0x464c457f and uint32(0) != 0xfeedfacf and uint32(0) != 0xfeedface and uint32(0) != 0xbebafeca and ($doctype at 0 or $html in (0..512))
}
