# Stand-in for the WeChat OpenSDK API interface, written for this sample: only
# the class and method names matter to the scanner.
.class public interface abstract Lcom/tencent/mm/opensdk/openapi/IWXAPI;
.super Ljava/lang/Object;
.source "IWXAPI.java"


# virtual methods
.method public abstract registerApp(Ljava/lang/String;)Z
.end method

.method public abstract sendReq(Lcom/tencent/mm/opensdk/modelbase/BaseReq;)Z
.end method
