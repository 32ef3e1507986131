# Stand-in for the Pangle ad SDK configuration builder, written for this sample.
.class public final Lcom/bytedance/sdk/openadsdk/TTAdConfig$Builder;
.super Ljava/lang/Object;
.source "TTAdConfig.java"


# instance fields
.field private final config:Lcom/bytedance/sdk/openadsdk/TTAdConfig;


# direct methods
.method public constructor <init>()V
    .locals 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    new-instance v0, Lcom/bytedance/sdk/openadsdk/TTAdConfig;
    invoke-direct {v0}, Lcom/bytedance/sdk/openadsdk/TTAdConfig;-><init>()V
    iput-object v0, p0, Lcom/bytedance/sdk/openadsdk/TTAdConfig$Builder;->config:Lcom/bytedance/sdk/openadsdk/TTAdConfig;

    return-void
.end method


# virtual methods
.method public appId(Ljava/lang/String;)Lcom/bytedance/sdk/openadsdk/TTAdConfig$Builder;
    .locals 1

    iget-object v0, p0, Lcom/bytedance/sdk/openadsdk/TTAdConfig$Builder;->config:Lcom/bytedance/sdk/openadsdk/TTAdConfig;
    iput-object p1, v0, Lcom/bytedance/sdk/openadsdk/TTAdConfig;->appId:Ljava/lang/String;

    return-object p0
.end method

.method public appName(Ljava/lang/String;)Lcom/bytedance/sdk/openadsdk/TTAdConfig$Builder;
    .locals 1

    iget-object v0, p0, Lcom/bytedance/sdk/openadsdk/TTAdConfig$Builder;->config:Lcom/bytedance/sdk/openadsdk/TTAdConfig;
    iput-object p1, v0, Lcom/bytedance/sdk/openadsdk/TTAdConfig;->appName:Ljava/lang/String;

    return-object p0
.end method

.method public build()Lcom/bytedance/sdk/openadsdk/TTAdConfig;
    .locals 1

    iget-object v0, p0, Lcom/bytedance/sdk/openadsdk/TTAdConfig$Builder;->config:Lcom/bytedance/sdk/openadsdk/TTAdConfig;

    return-object v0
.end method
