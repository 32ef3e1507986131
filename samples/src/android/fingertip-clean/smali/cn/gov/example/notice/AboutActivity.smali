# Non-exported "about" screen listing the feedback channels a filing requires.
.class public Lcn/gov/example/notice/AboutActivity;
.super Landroid/app/Activity;
.source "AboutActivity.java"


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
    const-string v0, "\u9690\u79c1\u653f\u7b56"    # "隐私政策"
    invoke-virtual {p0, v0}, Lcn/gov/example/notice/AboutActivity;->setTitle(Ljava/lang/CharSequence;)V

    new-instance v0, Landroid/widget/TextView;
    invoke-direct {v0, p0}, Landroid/widget/TextView;-><init>(Landroid/content/Context;)V
    # "意见反馈 / 投诉建议"
    const-string v1, "\u610f\u89c1\u53cd\u9988 / \u6295\u8bc9\u5efa\u8bae"
    invoke-virtual {v0, v1}, Landroid/widget/TextView;->setText(Ljava/lang/CharSequence;)V
    invoke-virtual {p0, v0}, Lcn/gov/example/notice/AboutActivity;->setContentView(Landroid/view/View;)V

    return-void
.end method
