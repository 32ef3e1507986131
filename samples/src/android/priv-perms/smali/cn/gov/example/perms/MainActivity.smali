# Launcher activity: onCreate reads the last location (the one permission the
# app uses) and wakes another app's service; onResume asks for permissions on
# every return to the screen.
.class public Lcn/gov/example/perms/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"


# direct methods
.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .locals 1

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    const v0, 0x7f020000  # R.layout.activity_main
    invoke-virtual {p0, v0}, Lcn/gov/example/perms/MainActivity;->setContentView(I)V

    invoke-static {p0}, Lcn/gov/example/perms/Locator;->last(Landroid/content/Context;)Landroid/location/Location;
    invoke-static {p0}, Lcn/gov/example/perms/PartnerWaker;->wake(Landroid/content/Context;)V

    return-void
.end method

.method protected onResume()V
    .locals 0

    invoke-super {p0}, Landroid/app/Activity;->onResume()V

    invoke-static {p0}, Lcn/gov/example/perms/PermissionHelper;->ask(Landroid/app/Activity;)V

    return-void
.end method
