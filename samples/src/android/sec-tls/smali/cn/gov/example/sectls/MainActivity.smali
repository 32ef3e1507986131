# Launcher activity: onCreate installs the trust-all TLS helpers and attaches
# the lax WebView client: onCreate -> SecureNet.install / WebPage.attach.
.class public Lcn/gov/example/sectls/MainActivity;
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
    invoke-virtual {p0, v0}, Lcn/gov/example/sectls/MainActivity;->setContentView(I)V

    invoke-static {}, Lcn/gov/example/sectls/SecureNet;->install()V

    invoke-static {p0}, Lcn/gov/example/sectls/WebPage;->attach(Landroid/content/Context;)Landroid/webkit/WebView;

    return-void
.end method
