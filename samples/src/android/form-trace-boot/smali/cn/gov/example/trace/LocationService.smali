# Location foreground service (foregroundServiceType="location"). onStartCommand
# goes to the foreground, requests GPS updates for LocationService$1 (which
# uploads each fix) and starts the LocationService$2 loop that re-requests
# location every 60 s with Handler.postDelayed.
.class public Lcn/gov/example/trace/LocationService;
.super Landroid/app/Service;
.source "LocationService.java"


# instance fields
.field final handler:Landroid/os/Handler;

.field final listener:Landroid/location/LocationListener;

.field final ticker:Ljava/lang/Runnable;


# direct methods
.method public constructor <init>()V
    .locals 2

    invoke-direct {p0}, Landroid/app/Service;-><init>()V

    new-instance v0, Landroid/os/Handler;
    invoke-static {}, Landroid/os/Looper;->getMainLooper()Landroid/os/Looper;
    move-result-object v1
    invoke-direct {v0, v1}, Landroid/os/Handler;-><init>(Landroid/os/Looper;)V
    iput-object v0, p0, Lcn/gov/example/trace/LocationService;->handler:Landroid/os/Handler;

    new-instance v0, Lcn/gov/example/trace/LocationService$1;
    invoke-direct {v0, p0}, Lcn/gov/example/trace/LocationService$1;-><init>(Lcn/gov/example/trace/LocationService;)V
    iput-object v0, p0, Lcn/gov/example/trace/LocationService;->listener:Landroid/location/LocationListener;

    new-instance v0, Lcn/gov/example/trace/LocationService$2;
    invoke-direct {v0, p0}, Lcn/gov/example/trace/LocationService$2;-><init>(Lcn/gov/example/trace/LocationService;)V
    iput-object v0, p0, Lcn/gov/example/trace/LocationService;->ticker:Ljava/lang/Runnable;

    return-void
.end method


# virtual methods
.method public onBind(Landroid/content/Intent;)Landroid/os/IBinder;
    .locals 1

    const/4 v0, 0x0

    return-object v0
.end method

.method public onStartCommand(Landroid/content/Intent;II)I
    .locals 5

    # A foreground service started with startForegroundService must call
    # startForeground within seconds; API 26+ also needs a channel.
    sget v0, Landroid/os/Build$VERSION;->SDK_INT:I
    const/16 v1, 0x1a    # Build.VERSION_CODES.O
    if-lt v0, v1, :pre_o

    const-string v0, "notification"
    invoke-virtual {p0, v0}, Lcn/gov/example/trace/LocationService;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/app/NotificationManager;
    new-instance v1, Landroid/app/NotificationChannel;
    const-string v2, "trace"
    const-string v3, "\u5de1\u67e5\u8f68\u8ff9"    # "巡查轨迹"
    const/4 v4, 0x2    # NotificationManager.IMPORTANCE_LOW
    invoke-direct {v1, v2, v3, v4}, Landroid/app/NotificationChannel;-><init>(Ljava/lang/String;Ljava/lang/CharSequence;I)V
    invoke-virtual {v0, v1}, Landroid/app/NotificationManager;->createNotificationChannel(Landroid/app/NotificationChannel;)V

    new-instance v0, Landroid/app/Notification$Builder;
    invoke-direct {v0, p0, v2}, Landroid/app/Notification$Builder;-><init>(Landroid/content/Context;Ljava/lang/String;)V
    goto :build

    :pre_o
    new-instance v0, Landroid/app/Notification$Builder;
    invoke-direct {v0, p0}, Landroid/app/Notification$Builder;-><init>(Landroid/content/Context;)V

    :build
    const-string v1, "\u5de1\u67e5\u8f68\u8ff9\u8bb0\u5f55\u4e2d"    # "巡查轨迹记录中"
    invoke-virtual {v0, v1}, Landroid/app/Notification$Builder;->setContentTitle(Ljava/lang/CharSequence;)Landroid/app/Notification$Builder;
    move-result-object v0
    const v1, 0x01080047    # android.R.drawable.ic_menu_mylocation
    invoke-virtual {v0, v1}, Landroid/app/Notification$Builder;->setSmallIcon(I)Landroid/app/Notification$Builder;
    move-result-object v0
    invoke-virtual {v0}, Landroid/app/Notification$Builder;->build()Landroid/app/Notification;
    move-result-object v0
    const/4 v1, 0x1
    invoke-virtual {p0, v1, v0}, Lcn/gov/example/trace/LocationService;->startForeground(ILandroid/app/Notification;)V

    invoke-virtual {p0}, Lcn/gov/example/trace/LocationService;->requestLocation()V

    # Start the 60 s re-request loop (LocationService$2 re-posts itself).
    iget-object v0, p0, Lcn/gov/example/trace/LocationService;->handler:Landroid/os/Handler;
    iget-object v1, p0, Lcn/gov/example/trace/LocationService;->ticker:Ljava/lang/Runnable;
    const-wide/32 v2, 0xea60    # 60000 ms
    invoke-virtual {v0, v1, v2, v3}, Landroid/os/Handler;->postDelayed(Ljava/lang/Runnable;J)Z

    const/4 v0, 0x1    # Service.START_STICKY

    return v0
.end method

.method public onDestroy()V
    .locals 2

    iget-object v0, p0, Lcn/gov/example/trace/LocationService;->handler:Landroid/os/Handler;
    iget-object v1, p0, Lcn/gov/example/trace/LocationService;->ticker:Ljava/lang/Runnable;
    invoke-virtual {v0, v1}, Landroid/os/Handler;->removeCallbacks(Ljava/lang/Runnable;)V

    const-string v0, "location"
    invoke-virtual {p0, v0}, Lcn/gov/example/trace/LocationService;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/location/LocationManager;
    iget-object v1, p0, Lcn/gov/example/trace/LocationService;->listener:Landroid/location/LocationListener;
    invoke-virtual {v0, v1}, Landroid/location/LocationManager;->removeUpdates(Landroid/location/LocationListener;)V

    invoke-super {p0}, Landroid/app/Service;->onDestroy()V

    return-void
.end method

# Package-private (not private) so LocationService$2 calls it directly, without
# the access$ bridge javac would add for a private method.
.method requestLocation()V
    .locals 6

    const-string v0, "location"
    invoke-virtual {p0, v0}, Lcn/gov/example/trace/LocationService;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/location/LocationManager;

    # requestLocationUpdates("gps", 60000L, 0.0f, listener)
    const-string v1, "gps"
    const-wide/32 v2, 0xea60
    const/4 v4, 0x0
    iget-object v5, p0, Lcn/gov/example/trace/LocationService;->listener:Landroid/location/LocationListener;

    :try_start_0
    invoke-virtual/range {v0 .. v5}, Landroid/location/LocationManager;->requestLocationUpdates(Ljava/lang/String;JFLandroid/location/LocationListener;)V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    return-void

    # Location permission revoked: try again on the next tick.
    :catch_0
    move-exception v0
    return-void
.end method
