# The launcher shows the service menu: feedback, privacy policy, and the About line with
# the app filing number.
.class public Lcn/gov/example/service/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .locals 1
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    const v0, 0x7f020000  # R.layout.activity_main
    invoke-virtual {p0, v0}, Lcn/gov/example/service/MainActivity;->setContentView(I)V
    return-void
.end method
