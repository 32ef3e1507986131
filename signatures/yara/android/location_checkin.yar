// Location check-in (定位打卡签到): English and pinyin identifiers of KW-CHECKIN (DOMAIN.md §2),
// which need regexes; the Chinese keyword sets are generated into keywords.yar. Whether a
// location API is referenced or reached is the call graph's job (signatures/data/behaviours.toml).

rule checkin_keywords_en
{
    meta:
        signal = "keyword"
        set = "KW-CHECKIN"
        description = "English and pinyin check-in identifiers (KW-CHECKIN); generic words such as checkin/signin are left out: Google Play services and every login screen use them"
        sample = "samples/fingertip-checkin.apk"
    strings:
        $clock = /[cC]lock_?[iI]n[A-Z_\/\"\x00]/
        $punch = /[pP]unch_?([iI]n|[cC]ard)[A-Z_\/\"\x00]/
        $attendance = /[aA]ttendance/
        $daka = /[dD]aka([A-Z_\/\"\x00]|$)/
        $qiandao = "qiandao" nocase
        $kaoqin = "kaoqin" nocase
    condition:
        any of them
}
