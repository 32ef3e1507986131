# Stand-in for the WeChat OpenSDK share request, written for this sample (the
# real SendMessageToWX.Req also carries the WXMediaMessage to share).
.class public Lcom/tencent/mm/opensdk/modelmsg/SendMessageToWX$Req;
.super Lcom/tencent/mm/opensdk/modelbase/BaseReq;
.source "SendMessageToWX.java"


# instance fields
.field public scene:I


# direct methods
.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Lcom/tencent/mm/opensdk/modelbase/BaseReq;-><init>()V

    return-void
.end method
