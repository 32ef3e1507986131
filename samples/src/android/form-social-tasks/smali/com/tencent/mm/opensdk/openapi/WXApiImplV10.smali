# Stand-in for the WeChat OpenSDK implementation class, written for this
# sample: every call succeeds and does nothing.
.class final Lcom/tencent/mm/opensdk/openapi/WXApiImplV10;
.super Ljava/lang/Object;
.source "WXApiImplV10.java"

# interfaces
.implements Lcom/tencent/mm/opensdk/openapi/IWXAPI;


# direct methods
.method constructor <init>()V
    .locals 0

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public registerApp(Ljava/lang/String;)Z
    .locals 1

    const/4 v0, 0x1

    return v0
.end method

.method public sendReq(Lcom/tencent/mm/opensdk/modelbase/BaseReq;)Z
    .locals 1

    const/4 v0, 0x1

    return v0
.end method
