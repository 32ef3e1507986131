// Hybrid apps (uni-app, DCloud HTML5+, Cordova, WeChat-style JS bridges): the feature's APIs
// called from bundled JavaScript and HTML. Signals for the behaviour analyzer: a JS location
// call in a web asset that also shows the feature's words is E2 ("hybrid"); the code graph does
// not follow JavaScript, and remote H5 pages are not in the package at all.

rule hybrid_location_js
{
    meta:
        id = "FORM-CHECKIN-001"
        signal = "hybrid_api"
        api = "JS geolocation (uni.getLocation / plus.geolocation / wx.getLocation / navigator.geolocation)"
        sample = "samples/form-hybrid-checkin.apk"
    strings:
        $uni = "uni.getLocation"
        $plus = "plus.geolocation.getCurrentPosition"
        $plus_watch = "plus.geolocation.watchPosition"
        $wx = "wx.getLocation"
        $nav = "navigator.geolocation.getCurrentPosition"
        $nav_watch = "navigator.geolocation.watchPosition"
    condition:
        uint32(0) != 0x0a786564 and uint32(0) != 0x464c457f and any of them
}

rule hybrid_request_js
{
    meta:
        signal = "hybrid_sink"
        api = "JS network request"
        description = "JS network request: uni.request, plus.net, XMLHttpRequest, fetch, $.ajax"
        sample = "samples/form-hybrid-checkin.apk"
    strings:
        $uni = "uni.request"
        $plus = "plus.net.XMLHttpRequest"
        $xhr = "new XMLHttpRequest"
        $fetch = "fetch("
        $ajax = /\$\.(ajax|post)\(/
        $wx = "wx.request"
    condition:
        uint32(0) != 0x0a786564 and uint32(0) != 0x464c457f and any of them
}
