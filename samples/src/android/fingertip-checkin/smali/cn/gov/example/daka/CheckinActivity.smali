# Exported punch screen. Its strings are the check-in keywords the scanner's
# location/attendance rule matches on.
.class public Lcn/gov/example/daka/CheckinActivity;
.super Landroid/app/Activity;
.source "CheckinActivity.java"


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

    # Chinese literals are written as \u escapes so that smali's reading of the
    # file cannot depend on the build machine's locale.
    const-string v0, "\u7b7e\u5230"    # "签到"
    invoke-virtual {p0, v0}, Lcn/gov/example/daka/CheckinActivity;->setTitle(Ljava/lang/CharSequence;)V

    const-string v0, "clockIn"
    const-string v1, "/api/attendance/punch"
    invoke-static {v0, v1}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    const-string v0, "\u6253\u5361\u6210\u529f"    # "打卡成功"
    const/4 v1, 0x0
    invoke-static {p0, v0, v1}, Landroid/widget/Toast;->makeText(Landroid/content/Context;Ljava/lang/CharSequence;I)Landroid/widget/Toast;
    move-result-object v0
    invoke-virtual {v0}, Landroid/widget/Toast;->show()V

    return-void
.end method
