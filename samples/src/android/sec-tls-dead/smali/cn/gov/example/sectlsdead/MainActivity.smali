# Launcher activity: shows its layout and nothing else. SecureNet and WebPage
# (and the trust-all classes they create) are in the dex, but nothing calls them.
.class public Lcn/gov/example/sectlsdead/MainActivity;
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
    invoke-virtual {p0, v0}, Lcn/gov/example/sectlsdead/MainActivity;->setContentView(I)V

    return-void
.end method
