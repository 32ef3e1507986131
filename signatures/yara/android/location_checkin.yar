// Location check-in (定位打卡签到): signals for FORM-CHECKIN-001. See DOMAIN.md §2, KW-CHECKIN.
// String pools in resources may be UTF-8 or UTF-16 (binary XML is UTF-16): both are matched.
// The analyzer reports FORM-CHECKIN-001 only when a keyword signal is present: at E2 when a
// location API is referenced in the same package, at E1 otherwise. Location APIs alone are
// not check-ins and produce nothing here.

rule checkin_keywords_zh
{
    meta:
        id = "FORM-CHECKIN-001"
        signal = "keyword"
        description = "Chinese check-in vocabulary (KW-CHECKIN)"
        sample = "samples/fingertip-checkin.apk"
    strings:
        $zh0 = "打卡"  // UTF-8: dex, JS, UTF-8 string pools
        $zh1 = "签到"  // UTF-8: dex, JS, UTF-8 string pools
        $zh2 = "签退"  // UTF-8: dex, JS, UTF-8 string pools
        $zh3 = "考勤"  // UTF-8: dex, JS, UTF-8 string pools
        $zh4 = "外勤"  // UTF-8: dex, JS, UTF-8 string pools
        $zh5 = "补卡"  // UTF-8: dex, JS, UTF-8 string pools
        $zh6 = "定位打卡"  // UTF-8: dex, JS, UTF-8 string pools
    condition:
        any of them
}

rule checkin_keywords_zh_utf16
{
    meta:
        id = "FORM-CHECKIN-001"
        signal = "keyword"
        description = "Chinese check-in vocabulary (KW-CHECKIN) in UTF-16LE, in binary XML and resource tables only: elsewhere (dex, .so) these 4-byte patterns match by chance"
        sample = "samples/fingertip-checkin.apk"
    strings:
        $zh0_utf16 = { 53 62 61 53 }  // "打卡"
        $zh1_utf16 = { 7e 7b 30 52 }  // "签到"
        $zh2_utf16 = { 7e 7b 00 90 }  // "签退"
        $zh3_utf16 = { 03 80 e4 52 }  // "考勤"
        $zh4_utf16 = { 16 59 e4 52 }  // "外勤"
        $zh5_utf16 = { 65 88 61 53 }  // "补卡"
        $zh6_utf16 = { 9a 5b 4d 4f 53 62 61 53 }  // "定位打卡"
    condition:
        // binary XML (RES_XML_TYPE) or a resource table (RES_TABLE_TYPE) only
        (uint32(0) == 0x00080003 or uint32(0) == 0x000c0002) and any of them
}

rule checkin_keywords_en
{
    meta:
        id = "FORM-CHECKIN-001"
        signal = "keyword"
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

rule location_api_android_framework
{
    meta:
        id = "FORM-CHECKIN-001"
        signal = "api"
        api = "android.location.LocationManager"
        description = "Framework location API referenced from dex code"
        sample = "samples/fingertip-checkin.apk"
    strings:
        $cls = "Landroid/location/LocationManager;"
        $m1 = "requestLocationUpdates"
        $m2 = "getLastKnownLocation"
        $m3 = "requestSingleUpdate"
        $m4 = "getCurrentLocation"
    condition:
        uint32(0) == 0x0a786564 and $cls and any of ($m*)
}

rule location_api_fused
{
    meta:
        id = "FORM-CHECKIN-001"
        signal = "api"
        api = "com.google.android.gms.location.FusedLocationProviderClient"
        description = "Google Play services fused location referenced from dex code"
        sample = ""
    strings:
        $cls = "Lcom/google/android/gms/location/FusedLocationProviderClient;"
    condition:
        uint32(0) == 0x0a786564 and $cls
}

rule location_sdk_china
{
    meta:
        id = "FORM-CHECKIN-001"
        signal = "api"
        api = "AMap / Baidu / Tencent location SDK"
        description = "Chinese location SDK client classes referenced from dex code"
        sample = "samples/fingertip-checkin.apk"
    strings:
        $amap = "Lcom/amap/api/location/AMapLocationClient;"
        $baidu = "Lcom/baidu/location/LocationClient;"
        $tencent = "Lcom/tencent/map/geolocation/TencentLocationManager;"
    condition:
        uint32(0) == 0x0a786564 and any of them
}
