# Anonymous OnClickListener of the "考勤范围" button: registers a 200 m
# proximity alert (the attendance fence) around a fixed office location.
.class Lcn/gov/example/geofence/MainActivity$1;
.super Ljava/lang/Object;
.source "MainActivity.java"

# interfaces
.implements Landroid/view/View$OnClickListener;


# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lcn/gov/example/geofence/MainActivity;->onCreate(Landroid/os/Bundle;)V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lcn/gov/example/geofence/MainActivity;


# direct methods
.method constructor <init>(Lcn/gov/example/geofence/MainActivity;)V
    .locals 0

    iput-object p1, p0, Lcn/gov/example/geofence/MainActivity$1;->this$0:Lcn/gov/example/geofence/MainActivity;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onClick(Landroid/view/View;)V
    .locals 11

    iget-object v0, p0, Lcn/gov/example/geofence/MainActivity$1;->this$0:Lcn/gov/example/geofence/MainActivity;

    const-string v1, "location"
    invoke-virtual {v0, v1}, Lcn/gov/example/geofence/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v1
    check-cast v1, Landroid/location/LocationManager;

    # Explicit broadcast to FenceReceiver when the device enters or leaves.
    new-instance v2, Landroid/content/Intent;
    const-class v3, Lcn/gov/example/geofence/FenceReceiver;
    invoke-direct {v2, v0, v3}, Landroid/content/Intent;-><init>(Landroid/content/Context;Ljava/lang/Class;)V
    const-string v3, "fence_name"
    const-string v4, "\u8003\u52e4\u8303\u56f4"    # "考勤范围"
    invoke-virtual {v2, v3, v4}, Landroid/content/Intent;->putExtra(Ljava/lang/String;Ljava/lang/String;)Landroid/content/Intent;

    const/4 v3, 0x0
    const/high16 v4, 0x4000000    # PendingIntent.FLAG_IMMUTABLE
    invoke-static {v0, v3, v2, v4}, Landroid/app/PendingIntent;->getBroadcast(Landroid/content/Context;ILandroid/content/Intent;I)Landroid/app/PendingIntent;
    move-result-object v10

    # addProximityAlert(39.9087, 116.3975, 200.0f, -1L, pendingIntent): two
    # doubles, a float, a long and an object take nine registers (/range).
    move-object v2, v1
    const-wide v3, 0x4043f4504816f007L    # 39.9087
    const-wide v5, 0x405d1970a3d70a3dL    # 116.3975
    const/high16 v7, 0x43480000    # 200.0f
    const-wide/16 v8, -0x1    # no expiration

    :try_start_0
    invoke-virtual/range {v2 .. v10}, Landroid/location/LocationManager;->addProximityAlert(DDFJLandroid/app/PendingIntent;)V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    return-void

    # Location permission not granted.
    :catch_0
    move-exception v1
    return-void
.end method
