# Location check-in: reads the last GPS fix, subscribes to updates (it is its
# own LocationListener) and POSTs the position to the attendance endpoint.
# The network call runs on the caller's thread: these samples are for static
# analysis, on a device it would need a worker thread.
.class public Lcn/gov/example/checkin/CheckinClient;
.super Ljava/lang/Object;
.source "CheckinClient.java"

# interfaces
.implements Landroid/location/LocationListener;


# instance fields
.field private final context:Landroid/content/Context;


# direct methods
.method public constructor <init>(Landroid/content/Context;)V
    .locals 0

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    iput-object p1, p0, Lcn/gov/example/checkin/CheckinClient;->context:Landroid/content/Context;

    return-void
.end method


# virtual methods
.method public checkIn()V
    .locals 8

    iget-object v0, p0, Lcn/gov/example/checkin/CheckinClient;->context:Landroid/content/Context;
    const-string v1, "location"
    invoke-virtual {v0, v1}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/location/LocationManager;

    :try_start_0
    const-string v1, "gps"
    invoke-virtual {v0, v1}, Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;
    move-result-object v6

    # requestLocationUpdates("gps", 5000L, 10.0f, this): the long takes v2/v3,
    # so six registers are needed and the /range form is mandatory.
    const-wide/16 v2, 0x1388
    const/high16 v4, 0x41200000    # 10.0f
    move-object v5, p0
    invoke-virtual/range {v0 .. v5}, Landroid/location/LocationManager;->requestLocationUpdates(Ljava/lang/String;JFLandroid/location/LocationListener;)V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    # Form body "provider=gps&lat=..&lng=..".
    new-instance v1, Ljava/lang/StringBuilder;
    invoke-direct {v1}, Ljava/lang/StringBuilder;-><init>()V
    const-string v2, "provider=gps"
    invoke-virtual {v1, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    if-eqz v6, :no_fix
    const-string v2, "&lat="
    invoke-virtual {v1, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v6}, Landroid/location/Location;->getLatitude()D
    move-result-wide v2
    invoke-virtual {v1, v2, v3}, Ljava/lang/StringBuilder;->append(D)Ljava/lang/StringBuilder;
    const-string v2, "&lng="
    invoke-virtual {v1, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v6}, Landroid/location/Location;->getLongitude()D
    move-result-wide v2
    invoke-virtual {v1, v2, v3}, Ljava/lang/StringBuilder;->append(D)Ljava/lang/StringBuilder;

    :no_fix
    invoke-virtual {v1}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v1

    const-string v2, "https://daka.example.gov.cn/api/attendance/checkin"
    invoke-static {v2, v1}, Lcn/gov/example/checkin/Uploader;->post(Ljava/lang/String;Ljava/lang/String;)I
    move-result v1

    const/16 v2, 0xc8    # HTTP 200
    if-ne v1, v2, :failed
    iget-object v0, p0, Lcn/gov/example/checkin/CheckinClient;->context:Landroid/content/Context;
    const-string v1, "\u6253\u5361\u6210\u529f"    # "打卡成功"
    const/4 v2, 0x0
    invoke-static {v0, v1, v2}, Landroid/widget/Toast;->makeText(Landroid/content/Context;Ljava/lang/CharSequence;I)Landroid/widget/Toast;
    move-result-object v0
    invoke-virtual {v0}, Landroid/widget/Toast;->show()V

    :failed
    return-void

    # Location permission not granted: no check-in.
    :catch_0
    move-exception v0
    return-void
.end method

.method public onLocationChanged(Landroid/location/Location;)V
    .locals 0

    return-void
.end method

.method public onProviderDisabled(Ljava/lang/String;)V
    .locals 0

    return-void
.end method

.method public onProviderEnabled(Ljava/lang/String;)V
    .locals 0

    return-void
.end method

.method public onStatusChanged(Ljava/lang/String;ILandroid/os/Bundle;)V
    .locals 0

    return-void
.end method
