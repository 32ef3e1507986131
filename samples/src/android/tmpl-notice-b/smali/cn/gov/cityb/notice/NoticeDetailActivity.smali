# City B's notice detail screen: the template's detail layout and the tenant's notice text.
.class public Lcn/gov/cityb/notice/NoticeDetailActivity;
.super Landroid/app/Activity;
.source "NoticeDetailActivity.java"


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

    const v0, 0x7f030000  # R.layout.activity_detail
    invoke-virtual {p0, v0}, Lcn/gov/cityb/notice/NoticeDetailActivity;->setContentView(I)V

    const-string v0, "notice/detail?tenant=cityb"
    invoke-static {v0}, Lcn/govtmpl/core/ApiClient;->get(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    invoke-virtual {p0, v0}, Lcn/gov/cityb/notice/NoticeDetailActivity;->setTitle(Ljava/lang/CharSequence;)V

    return-void
.end method
