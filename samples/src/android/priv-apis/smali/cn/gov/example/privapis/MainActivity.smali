# Launcher activity: onCreate itself (no click handler, no dialog) calls every
# helper, so each API is one call away from the entry point:
# onCreate -> DeviceInfo.collect / AppList.scan / ClipReader.read /
# Locator.last / Recorder.start. The results are dropped.
.class public Lcn/gov/example/privapis/MainActivity;
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
    invoke-virtual {p0, v0}, Lcn/gov/example/privapis/MainActivity;->setContentView(I)V

    invoke-static {p0}, Lcn/gov/example/privapis/DeviceInfo;->collect(Landroid/content/Context;)Ljava/lang/String;
    invoke-static {p0}, Lcn/gov/example/privapis/AppList;->scan(Landroid/content/Context;)I
    invoke-static {p0}, Lcn/gov/example/privapis/ClipReader;->read(Landroid/content/Context;)Ljava/lang/String;
    invoke-static {p0}, Lcn/gov/example/privapis/Locator;->last(Landroid/content/Context;)Landroid/location/Location;
    invoke-static {}, Lcn/gov/example/privapis/Recorder;->start()V

    return-void
.end method
