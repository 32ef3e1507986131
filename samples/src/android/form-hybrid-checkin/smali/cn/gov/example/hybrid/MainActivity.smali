.class public Lcn/gov/example/hybrid/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# The native shell: the page in assets/apps/H5F1A6E01/www (an HBuilder app id; aapt skips directories starting with "_", so not __UNI__…) does the work.

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .registers 2
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    return-void
.end method
