# Launcher "日报" screen. The activity is its own OnClickListener: "报送"
# submits the form through ReportSubmitter, "周报" and "台账" open the other
# two report screens.
.class public Lcn/gov/example/report/DailyReportActivity;
.super Landroid/app/Activity;
.source "DailyReportActivity.java"

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

    const v0, 0x7f020000  # R.layout.activity_daily
    invoke-virtual {p0, v0}, Lcn/gov/example/report/DailyReportActivity;->setContentView(I)V

    const v0, 0x7f040001  # R.id.submit
    invoke-virtual {p0, v0}, Lcn/gov/example/report/DailyReportActivity;->findViewById(I)Landroid/view/View;
    move-result-object v0
    invoke-virtual {v0, p0}, Landroid/view/View;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    const v0, 0x7f040002  # R.id.open_weekly
    invoke-virtual {p0, v0}, Lcn/gov/example/report/DailyReportActivity;->findViewById(I)Landroid/view/View;
    move-result-object v0
    invoke-virtual {v0, p0}, Landroid/view/View;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    const v0, 0x7f040003  # R.id.open_ledger
    invoke-virtual {p0, v0}, Lcn/gov/example/report/DailyReportActivity;->findViewById(I)Landroid/view/View;
    move-result-object v0
    invoke-virtual {v0, p0}, Landroid/view/View;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    return-void
.end method

.method public onClick(Landroid/view/View;)V
    .locals 2

    invoke-virtual {p1}, Landroid/view/View;->getId()I
    move-result v0

    const v1, 0x7f040001  # R.id.submit
    if-ne v0, v1, :not_submit
    const v0, 0x7f040000  # R.id.content
    invoke-virtual {p0, v0}, Lcn/gov/example/report/DailyReportActivity;->findViewById(I)Landroid/view/View;
    move-result-object v0
    check-cast v0, Landroid/widget/EditText;
    invoke-virtual {v0}, Landroid/widget/EditText;->getText()Landroid/text/Editable;
    move-result-object v0
    invoke-virtual {v0}, Ljava/lang/Object;->toString()Ljava/lang/String;
    move-result-object v0
    const-string v1, "daily"
    invoke-static {v1, v0}, Lcn/gov/example/report/ReportSubmitter;->submit(Ljava/lang/String;Ljava/lang/String;)V
    return-void

    :not_submit
    const v1, 0x7f040002  # R.id.open_weekly
    if-ne v0, v1, :not_weekly
    new-instance v0, Landroid/content/Intent;
    const-class v1, Lcn/gov/example/report/WeeklyReportActivity;
    invoke-direct {v0, p0, v1}, Landroid/content/Intent;-><init>(Landroid/content/Context;Ljava/lang/Class;)V
    invoke-virtual {p0, v0}, Lcn/gov/example/report/DailyReportActivity;->startActivity(Landroid/content/Intent;)V
    return-void

    :not_weekly
    const v1, 0x7f040003  # R.id.open_ledger
    if-ne v0, v1, :done
    new-instance v0, Landroid/content/Intent;
    const-class v1, Lcn/gov/example/report/LedgerActivity;
    invoke-direct {v0, p0, v1}, Landroid/content/Intent;-><init>(Landroid/content/Context;Ljava/lang/Class;)V
    invoke-virtual {p0, v0}, Lcn/gov/example/report/DailyReportActivity;->startActivity(Landroid/content/Intent;)V

    :done
    return-void
.end method
