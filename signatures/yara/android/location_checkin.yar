// Location check-in (定位打卡签到): English/pinyin keywords and location-API signals for
// FORM-CHECKIN-001 (DOMAIN.md §2). The Chinese keyword sets are generated into keywords.yar.
// The API rules tell, without the code graph, that a location API is referenced (E2).

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
