# City C's survey form: another business on the same vendor template. It reads the last
# known GPS location and posts the answers with it to the vendor backend (ApiClient.post).
.class public Lcn/gov/cityc/survey/SurveyFormActivity;
.super Landroid/app/Activity;
.source "SurveyFormActivity.java"


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

    const v0, 0x7f030000  # R.layout.activity_form
    invoke-virtual {p0, v0}, Lcn/gov/cityc/survey/SurveyFormActivity;->setContentView(I)V

    invoke-virtual {p0}, Lcn/gov/cityc/survey/SurveyFormActivity;->submit()V

    return-void
.end method

.method private submit()V
    .locals 3

    const-string v0, "location"
    invoke-virtual {p0, v0}, Lcn/gov/cityc/survey/SurveyFormActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/location/LocationManager;

    const-string v1, "gps"
    invoke-virtual {v0, v1}, Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;
    move-result-object v0
    invoke-static {v0}, Ljava/lang/String;->valueOf(Ljava/lang/Object;)Ljava/lang/String;
    move-result-object v0

    const-string v1, "survey/submit?tenant=cityc"
    invoke-static {v1, v0}, Lcn/govtmpl/core/ApiClient;->post(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method
