# Launcher activity: shows the daily-login warning and a forced update dialog
# (setCancelable(false), only a positive button: MainActivity$1).
.class public Lcn/gov/example/forcelogin/MainActivity;
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
    .locals 3

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    const v0, 0x7f020000  # R.layout.activity_main
    invoke-virtual {p0, v0}, Lcn/gov/example/forcelogin/MainActivity;->setContentView(I)V

    const-string v0, "\u6bcf\u65e5\u767b\u5f55\uff1a\u672a\u767b\u5f55\u5c06\u901a\u62a5"    # "每日登录：未登录将通报"
    const/4 v1, 0x1    # Toast.LENGTH_LONG
    invoke-static {p0, v0, v1}, Landroid/widget/Toast;->makeText(Landroid/content/Context;Ljava/lang/CharSequence;I)Landroid/widget/Toast;
    move-result-object v0
    invoke-virtual {v0}, Landroid/widget/Toast;->show()V

    # new AlertDialog.Builder(this).setTitle(..).setMessage(..)
    #     .setCancelable(false).setPositiveButton("立即更新", listener).show()
    new-instance v0, Landroid/app/AlertDialog$Builder;
    invoke-direct {v0, p0}, Landroid/app/AlertDialog$Builder;-><init>(Landroid/content/Context;)V
    const-string v1, "\u7248\u672c\u66f4\u65b0"    # "版本更新"
    invoke-virtual {v0, v1}, Landroid/app/AlertDialog$Builder;->setTitle(Ljava/lang/CharSequence;)Landroid/app/AlertDialog$Builder;
    move-result-object v0
    const-string v1, "\u53d1\u73b0\u65b0\u7248\u672c\uff0c\u8bf7\u7acb\u5373\u66f4\u65b0"    # "发现新版本，请立即更新"
    invoke-virtual {v0, v1}, Landroid/app/AlertDialog$Builder;->setMessage(Ljava/lang/CharSequence;)Landroid/app/AlertDialog$Builder;
    move-result-object v0
    const/4 v1, 0x0
    invoke-virtual {v0, v1}, Landroid/app/AlertDialog$Builder;->setCancelable(Z)Landroid/app/AlertDialog$Builder;
    move-result-object v0
    const-string v1, "\u7acb\u5373\u66f4\u65b0"    # "立即更新"
    new-instance v2, Lcn/gov/example/forcelogin/MainActivity$1;
    invoke-direct {v2, p0}, Lcn/gov/example/forcelogin/MainActivity$1;-><init>(Lcn/gov/example/forcelogin/MainActivity;)V
    invoke-virtual {v0, v1, v2}, Landroid/app/AlertDialog$Builder;->setPositiveButton(Ljava/lang/CharSequence;Landroid/content/DialogInterface$OnClickListener;)Landroid/app/AlertDialog$Builder;
    move-result-object v0
    invoke-virtual {v0}, Landroid/app/AlertDialog$Builder;->show()Landroid/app/AlertDialog;

    return-void
.end method
