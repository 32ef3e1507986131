# City C's survey list on the vendor template: the template's list screen, pointed at the
# surveys of tenant "cityc"; showing the list opens the survey form.
.class public Lcn/gov/cityc/survey/SurveyListActivity;
.super Lcn/govtmpl/core/BaseListActivity;
.source "SurveyListActivity.java"


# direct methods
.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Lcn/govtmpl/core/BaseListActivity;-><init>()V

    return-void
.end method


# virtual methods
.method protected listPath()Ljava/lang/String;
    .locals 1

    const-string v0, "survey/list?tenant=cityc"

    return-object v0
.end method

.method protected show(Ljava/lang/String;)V
    .locals 2

    invoke-super {p0, p1}, Lcn/govtmpl/core/BaseListActivity;->show(Ljava/lang/String;)V

    new-instance v0, Landroid/content/Intent;
    const-class v1, Lcn/gov/cityc/survey/SurveyFormActivity;
    invoke-direct {v0, p0, v1}, Landroid/content/Intent;-><init>(Landroid/content/Context;Ljava/lang/Class;)V
    invoke-virtual {p0, v0}, Lcn/gov/cityc/survey/SurveyListActivity;->startActivity(Landroid/content/Intent;)V

    return-void
.end method
