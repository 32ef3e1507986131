# Stand-in for a third-party SDK entry point, written for this sample: only the
# class and method names matter to the scanner's SDK fingerprinting.
.class public final Lcom/tencent/bugly/crashreport/CrashReport;
.super Ljava/lang/Object;
.source "CrashReport.java"


# direct methods
.method public static initCrashReport(Landroid/content/Context;Ljava/lang/String;Z)V
    .locals 0

    return-void
.end method
