# Launcher activity: shows the privacy-policy dialog ("隐私政策"), which cannot
# be cancelled: "同意" is MainActivity$1, "不同意" (MainActivity$2) closes the app.
.class public Lcn/gov/example/afterconsent/MainActivity;
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
    invoke-virtual {p0, v0}, Lcn/gov/example/afterconsent/MainActivity;->setContentView(I)V

    new-instance v0, Landroid/app/AlertDialog$Builder;
    invoke-direct {v0, p0}, Landroid/app/AlertDialog$Builder;-><init>(Landroid/content/Context;)V
    const-string v1, "\u9690\u79c1\u653f\u7b56"    # "隐私政策"
    invoke-virtual {v0, v1}, Landroid/app/AlertDialog$Builder;->setTitle(Ljava/lang/CharSequence;)Landroid/app/AlertDialog$Builder;
    move-result-object v0
    const-string v1, "\u8bf7\u9605\u8bfb\u5e76\u540c\u610f\u300a\u9690\u79c1\u653f\u7b56\u300b\u540e\u4f7f\u7528\u672c\u5e94\u7528"    # "请阅读并同意《隐私政策》后使用本应用"
    invoke-virtual {v0, v1}, Landroid/app/AlertDialog$Builder;->setMessage(Ljava/lang/CharSequence;)Landroid/app/AlertDialog$Builder;
    move-result-object v0
    const/4 v1, 0x0
    invoke-virtual {v0, v1}, Landroid/app/AlertDialog$Builder;->setCancelable(Z)Landroid/app/AlertDialog$Builder;
    move-result-object v0

    const-string v1, "\u540c\u610f"    # "同意"
    new-instance v2, Lcn/gov/example/afterconsent/MainActivity$1;
    invoke-direct {v2, p0}, Lcn/gov/example/afterconsent/MainActivity$1;-><init>(Lcn/gov/example/afterconsent/MainActivity;)V
    invoke-virtual {v0, v1, v2}, Landroid/app/AlertDialog$Builder;->setPositiveButton(Ljava/lang/CharSequence;Landroid/content/DialogInterface$OnClickListener;)Landroid/app/AlertDialog$Builder;
    move-result-object v0

    const-string v1, "\u4e0d\u540c\u610f"    # "不同意"
    new-instance v2, Lcn/gov/example/afterconsent/MainActivity$2;
    invoke-direct {v2, p0}, Lcn/gov/example/afterconsent/MainActivity$2;-><init>(Lcn/gov/example/afterconsent/MainActivity;)V
    invoke-virtual {v0, v1, v2}, Landroid/app/AlertDialog$Builder;->setNegativeButton(Ljava/lang/CharSequence;Landroid/content/DialogInterface$OnClickListener;)Landroid/app/AlertDialog$Builder;
    move-result-object v0

    invoke-virtual {v0}, Landroid/app/AlertDialog$Builder;->show()Landroid/app/AlertDialog;

    return-void
.end method
