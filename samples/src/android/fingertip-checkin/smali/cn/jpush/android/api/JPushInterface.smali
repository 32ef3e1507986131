# Stand-in for a third-party SDK entry point, written for this sample: only the
# class and method names matter to the scanner's SDK fingerprinting.
.class public final Lcn/jpush/android/api/JPushInterface;
.super Ljava/lang/Object;
.source "JPushInterface.java"


# direct methods
.method public static init(Landroid/content/Context;)V
    .locals 0

    return-void
.end method
