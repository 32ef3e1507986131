# Receives the proximity alert: KEY_PROXIMITY_ENTERING ("entering") tells
# whether the device entered or left the attendance fence.
.class public Lcn/gov/example/geofence/FenceReceiver;
.super Landroid/content/BroadcastReceiver;
.source "FenceReceiver.java"


# direct methods
.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/content/BroadcastReceiver;-><init>()V

    return-void
.end method


# virtual methods
.method public onReceive(Landroid/content/Context;Landroid/content/Intent;)V
    .locals 2

    const-string v0, "entering"    # LocationManager.KEY_PROXIMITY_ENTERING
    const/4 v1, 0x0
    invoke-virtual {p2, v0, v1}, Landroid/content/Intent;->getBooleanExtra(Ljava/lang/String;Z)Z
    move-result v0

    if-eqz v0, :left
    const-string v0, "\u5df2\u8fdb\u5165\u8003\u52e4\u8303\u56f4"    # "已进入考勤范围"
    goto :show

    :left
    const-string v0, "\u5df2\u79bb\u5f00\u8003\u52e4\u8303\u56f4"    # "已离开考勤范围"

    :show
    invoke-static {p1, v0, v1}, Landroid/widget/Toast;->makeText(Landroid/content/Context;Ljava/lang/CharSequence;I)Landroid/widget/Toast;
    move-result-object v0
    invoke-virtual {v0}, Landroid/widget/Toast;->show()V

    return-void
.end method
