# Heartbeat Runnable of CourseActivity: POSTs a heartbeat and re-posts itself
# 30 s later (removed in onPause).
.class Lcn/gov/example/study/CourseActivity$1;
.super Ljava/lang/Object;
.source "CourseActivity.java"

# interfaces
.implements Ljava/lang/Runnable;


# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lcn/gov/example/study/CourseActivity;->onCreate(Landroid/os/Bundle;)V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lcn/gov/example/study/CourseActivity;


# direct methods
.method constructor <init>(Lcn/gov/example/study/CourseActivity;)V
    .locals 0

    iput-object p1, p0, Lcn/gov/example/study/CourseActivity$1;->this$0:Lcn/gov/example/study/CourseActivity;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public run()V
    .locals 3

    invoke-static {}, Lcn/gov/example/study/StudyReporter;->heartbeat()V

    iget-object v0, p0, Lcn/gov/example/study/CourseActivity$1;->this$0:Lcn/gov/example/study/CourseActivity;
    iget-object v0, v0, Lcn/gov/example/study/CourseActivity;->handler:Landroid/os/Handler;
    const-wide/16 v1, 0x7530    # 30000 ms
    invoke-virtual {v0, p0, v1, v2}, Landroid/os/Handler;->postDelayed(Ljava/lang/Runnable;J)Z

    return-void
.end method
