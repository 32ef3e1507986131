# Stand-in for a third-party SDK entry point, written for this sample: only the
# class and method names matter to the scanner's SDK fingerprinting.
.class public final Lcom/amap/api/location/AMapLocationClient;
.super Ljava/lang/Object;
.source "AMapLocationClient.java"


# direct methods
.method public static setApiKey(Ljava/lang/String;)V
    .locals 0

    return-void
.end method
