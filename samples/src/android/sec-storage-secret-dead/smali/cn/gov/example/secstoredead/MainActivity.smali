# Launcher activity: shows its layout and nothing else. Store, Auth, Cloud and
# Crypto are in the dex (as in sec-storage-secret), but nothing calls them.
.class public Lcn/gov/example/secstoredead/MainActivity;
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
    .locals 2

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    const v0, 0x7f020000  # R.layout.activity_main
    invoke-virtual {p0, v0}, Lcn/gov/example/secstoredead/MainActivity;->setContentView(I)V

    return-void
.end method
