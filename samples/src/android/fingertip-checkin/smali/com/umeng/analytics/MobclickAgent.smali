# Stand-in for a third-party SDK entry point, written for this sample: only the
# class and method names matter to the scanner's SDK fingerprinting.
.class public final Lcom/umeng/analytics/MobclickAgent;
.super Ljava/lang/Object;
.source "MobclickAgent.java"


# direct methods
.method public static onResume(Landroid/content/Context;)V
    .locals 0

    return-void
.end method
