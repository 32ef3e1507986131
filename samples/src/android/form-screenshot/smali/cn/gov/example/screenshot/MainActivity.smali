# Launcher activity: registers ScreenshotObserver on the external images
# collection for as long as it lives.
.class public Lcn/gov/example/screenshot/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"


# instance fields
.field private observer:Lcn/gov/example/screenshot/ScreenshotObserver;


# direct methods
.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .locals 4

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    const v0, 0x7f020000  # R.layout.activity_main
    invoke-virtual {p0, v0}, Lcn/gov/example/screenshot/MainActivity;->setContentView(I)V

    new-instance v0, Lcn/gov/example/screenshot/ScreenshotObserver;
    new-instance v1, Landroid/os/Handler;
    invoke-static {}, Landroid/os/Looper;->getMainLooper()Landroid/os/Looper;
    move-result-object v2
    invoke-direct {v1, v2}, Landroid/os/Handler;-><init>(Landroid/os/Looper;)V
    invoke-direct {v0, p0, v1}, Lcn/gov/example/screenshot/ScreenshotObserver;-><init>(Landroid/content/Context;Landroid/os/Handler;)V
    iput-object v0, p0, Lcn/gov/example/screenshot/MainActivity;->observer:Lcn/gov/example/screenshot/ScreenshotObserver;

    # getContentResolver().registerContentObserver(EXTERNAL_CONTENT_URI, true, observer)
    invoke-virtual {p0}, Lcn/gov/example/screenshot/MainActivity;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v1
    sget-object v2, Landroid/provider/MediaStore$Images$Media;->EXTERNAL_CONTENT_URI:Landroid/net/Uri;
    const/4 v3, 0x1
    invoke-virtual {v1, v2, v3, v0}, Landroid/content/ContentResolver;->registerContentObserver(Landroid/net/Uri;ZLandroid/database/ContentObserver;)V

    return-void
.end method

.method protected onDestroy()V
    .locals 2

    invoke-virtual {p0}, Lcn/gov/example/screenshot/MainActivity;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v0
    iget-object v1, p0, Lcn/gov/example/screenshot/MainActivity;->observer:Lcn/gov/example/screenshot/ScreenshotObserver;
    invoke-virtual {v0, v1}, Landroid/content/ContentResolver;->unregisterContentObserver(Landroid/database/ContentObserver;)V

    invoke-super {p0}, Landroid/app/Activity;->onDestroy()V

    return-void
.end method
