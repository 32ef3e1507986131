# Stand-in for the WeChat OpenSDK factory, written for this sample.
.class public Lcom/tencent/mm/opensdk/openapi/WXAPIFactory;
.super Ljava/lang/Object;
.source "WXAPIFactory.java"


# direct methods
.method private constructor <init>()V
    .locals 0

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method public static createWXAPI(Landroid/content/Context;Ljava/lang/String;)Lcom/tencent/mm/opensdk/openapi/IWXAPI;
    .locals 1

    new-instance v0, Lcom/tencent/mm/opensdk/openapi/WXApiImplV10;
    invoke-direct {v0}, Lcom/tencent/mm/opensdk/openapi/WXApiImplV10;-><init>()V

    return-object v0
.end method
