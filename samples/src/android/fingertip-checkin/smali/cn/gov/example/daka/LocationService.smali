# Location foreground service (foregroundServiceType="location" in the manifest).
.class public Lcn/gov/example/daka/LocationService;
.super Landroid/app/Service;
.source "LocationService.java"


# direct methods
.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/app/Service;-><init>()V

    return-void
.end method


# virtual methods
.method public onBind(Landroid/content/Intent;)Landroid/os/IBinder;
    .locals 1

    const/4 v0, 0x0

    return-object v0
.end method

.method public onStartCommand(Landroid/content/Intent;II)I
    .locals 6

    const-string v0, "location"
    invoke-virtual {p0, v0}, Lcn/gov/example/daka/LocationService;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/location/LocationManager;

    # requestLocationUpdates("gps", 60000L, 0.0f, listener) in background.
    const-string v1, "gps"
    const-wide/32 v2, 0xea60
    const/4 v4, 0x0
    new-instance v5, Lcn/gov/example/daka/TrackingListener;
    invoke-direct {v5}, Lcn/gov/example/daka/TrackingListener;-><init>()V
    invoke-virtual/range {v0 .. v5}, Landroid/location/LocationManager;->requestLocationUpdates(Ljava/lang/String;JFLandroid/location/LocationListener;)V

    const/4 v0, 0x1    # Service.START_STICKY

    return v0
.end method
