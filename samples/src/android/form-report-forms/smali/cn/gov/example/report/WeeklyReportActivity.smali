# "周报" screen (opened from DailyReportActivity). The activity is the
# OnClickListener of its "报送" button, which submits through ReportSubmitter.
.class public Lcn/gov/example/report/WeeklyReportActivity;
.super Landroid/app/Activity;
.source "WeeklyReportActivity.java"

# interfaces
.implements Landroid/view/View$OnClickListener;


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

    const v0, 0x7f020002  # R.layout.activity_weekly
    invoke-virtual {p0, v0}, Lcn/gov/example/report/WeeklyReportActivity;->setContentView(I)V

    const v0, 0x7f040001  # R.id.submit
    invoke-virtual {p0, v0}, Lcn/gov/example/report/WeeklyReportActivity;->findViewById(I)Landroid/view/View;
    move-result-object v0
    invoke-virtual {v0, p0}, Landroid/view/View;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    return-void
.end method

.method public onClick(Landroid/view/View;)V
    .locals 2

    const v0, 0x7f040000  # R.id.content
    invoke-virtual {p0, v0}, Lcn/gov/example/report/WeeklyReportActivity;->findViewById(I)Landroid/view/View;
    move-result-object v0
    check-cast v0, Landroid/widget/EditText;
    invoke-virtual {v0}, Landroid/widget/EditText;->getText()Landroid/text/Editable;
    move-result-object v0
    invoke-virtual {v0}, Ljava/lang/Object;->toString()Ljava/lang/String;
    move-result-object v0
    const-string v1, "weekly"
    invoke-static {v1, v0}, Lcn/gov/example/report/ReportSubmitter;->submit(Ljava/lang/String;Ljava/lang/String;)V

    return-void
.end method
