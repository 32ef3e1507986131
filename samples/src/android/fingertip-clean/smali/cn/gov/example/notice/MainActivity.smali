# Launcher activity of the negative control: shows the feedback, complaint and
# privacy-policy entries and opens the HTTPS privacy policy.
.class public Lcn/gov/example/notice/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"


# direct methods
.method static constructor <clinit>()V
    .locals 1

    # Loads lib/x86_64/libhard.so, the hardened native library.
    const-string v0, "hard"
    invoke-static {v0}, Ljava/lang/System;->loadLibrary(Ljava/lang/String;)V

    return-void
.end method

.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .locals 2

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    # Resource IDs are inlined as javac does; build_samples.py checks every
    # "# R.<type>.<name>" annotated constant against aapt's R.java.
    const v0, 0x7f020000  # R.layout.activity_main
    invoke-virtual {p0, v0}, Lcn/gov/example/notice/MainActivity;->setContentView(I)V

    const v0, 0x7f050002  # R.id.privacy_policy
    invoke-virtual {p0, v0}, Lcn/gov/example/notice/MainActivity;->findViewById(I)Landroid/view/View;
    move-result-object v0

    new-instance v1, Lcn/gov/example/notice/MainActivity$1;
    invoke-direct {v1, p0}, Lcn/gov/example/notice/MainActivity$1;-><init>(Lcn/gov/example/notice/MainActivity;)V
    invoke-virtual {v0, v1}, Landroid/view/View;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    return-void
.end method
