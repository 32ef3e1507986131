# Launcher course screen: counts the time it is in the foreground and reports
# it on pause; while resumed, CourseActivity$1 sends a heartbeat every 30 s.
.class public Lcn/gov/example/study/CourseActivity;
.super Landroid/app/Activity;
.source "CourseActivity.java"


# instance fields
.field handler:Landroid/os/Handler;

.field private heartbeat:Ljava/lang/Runnable;

.field private resumedAt:J


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

    const v0, 0x7f020000  # R.layout.activity_course
    invoke-virtual {p0, v0}, Lcn/gov/example/study/CourseActivity;->setContentView(I)V

    new-instance v0, Landroid/os/Handler;
    invoke-static {}, Landroid/os/Looper;->getMainLooper()Landroid/os/Looper;
    move-result-object v1
    invoke-direct {v0, v1}, Landroid/os/Handler;-><init>(Landroid/os/Looper;)V
    iput-object v0, p0, Lcn/gov/example/study/CourseActivity;->handler:Landroid/os/Handler;

    new-instance v0, Lcn/gov/example/study/CourseActivity$1;
    invoke-direct {v0, p0}, Lcn/gov/example/study/CourseActivity$1;-><init>(Lcn/gov/example/study/CourseActivity;)V
    iput-object v0, p0, Lcn/gov/example/study/CourseActivity;->heartbeat:Ljava/lang/Runnable;

    return-void
.end method

.method protected onResume()V
    .locals 4

    invoke-super {p0}, Landroid/app/Activity;->onResume()V

    invoke-static {}, Landroid/os/SystemClock;->elapsedRealtime()J
    move-result-wide v0
    iput-wide v0, p0, Lcn/gov/example/study/CourseActivity;->resumedAt:J

    iget-object v0, p0, Lcn/gov/example/study/CourseActivity;->handler:Landroid/os/Handler;
    iget-object v1, p0, Lcn/gov/example/study/CourseActivity;->heartbeat:Ljava/lang/Runnable;
    const-wide/16 v2, 0x7530    # 30000 ms
    invoke-virtual {v0, v1, v2, v3}, Landroid/os/Handler;->postDelayed(Ljava/lang/Runnable;J)Z

    return-void
.end method

.method protected onPause()V
    .locals 4

    invoke-super {p0}, Landroid/app/Activity;->onPause()V

    iget-object v0, p0, Lcn/gov/example/study/CourseActivity;->handler:Landroid/os/Handler;
    iget-object v1, p0, Lcn/gov/example/study/CourseActivity;->heartbeat:Ljava/lang/Runnable;
    invoke-virtual {v0, v1}, Landroid/os/Handler;->removeCallbacks(Ljava/lang/Runnable;)V

    # Time in the foreground since onResume.
    invoke-static {}, Landroid/os/SystemClock;->elapsedRealtime()J
    move-result-wide v0
    iget-wide v2, p0, Lcn/gov/example/study/CourseActivity;->resumedAt:J
    sub-long/2addr v0, v2
    invoke-static {v0, v1}, Lcn/gov/example/study/StudyReporter;->report(J)V

    const-string v0, "\u6709\u6548\u5b66\u4e60\u65f6\u957f\u5df2\u8bb0\u5f55"    # "有效学习时长已记录"
    const/4 v1, 0x0
    invoke-static {p0, v0, v1}, Landroid/widget/Toast;->makeText(Landroid/content/Context;Ljava/lang/CharSequence;I)Landroid/widget/Toast;
    move-result-object v0
    invoke-virtual {v0}, Landroid/widget/Toast;->show()V

    return-void
.end method
