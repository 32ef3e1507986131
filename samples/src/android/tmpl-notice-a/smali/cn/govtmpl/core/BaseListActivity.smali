# Vendor template code: the list screen every app of the template starts on. It loads the
# template's list layout and fetches the list the subclass names from the vendor backend.
.class public abstract Lcn/govtmpl/core/BaseListActivity;
.super Landroid/app/Activity;
.source "BaseListActivity.java"


# direct methods
.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected abstract listPath()Ljava/lang/String;
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .locals 1

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    const v0, 0x7f030001  # R.layout.activity_list
    invoke-virtual {p0, v0}, Lcn/govtmpl/core/BaseListActivity;->setContentView(I)V

    invoke-virtual {p0}, Lcn/govtmpl/core/BaseListActivity;->listPath()Ljava/lang/String;
    move-result-object v0
    invoke-static {v0}, Lcn/govtmpl/core/ApiClient;->get(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    invoke-virtual {p0, v0}, Lcn/govtmpl/core/BaseListActivity;->show(Ljava/lang/String;)V

    return-void
.end method

.method protected show(Ljava/lang/String;)V
    .locals 0

    invoke-virtual {p0, p1}, Lcn/govtmpl/core/BaseListActivity;->setTitle(Ljava/lang/CharSequence;)V

    return-void
.end method
