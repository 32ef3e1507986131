# Anonymous OnClickListener of the "转发" button: shares to WeChat Moments with
# WXAPIFactory.createWXAPI(...) and IWXAPI.sendReq(SendMessageToWX.Req).
.class Lcn/gov/example/social/MainActivity$2;
.super Ljava/lang/Object;
.source "MainActivity.java"

# interfaces
.implements Landroid/view/View$OnClickListener;


# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lcn/gov/example/social/MainActivity;->onCreate(Landroid/os/Bundle;)V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lcn/gov/example/social/MainActivity;


# direct methods
.method constructor <init>(Lcn/gov/example/social/MainActivity;)V
    .locals 0

    iput-object p1, p0, Lcn/gov/example/social/MainActivity$2;->this$0:Lcn/gov/example/social/MainActivity;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onClick(Landroid/view/View;)V
    .locals 3

    iget-object v0, p0, Lcn/gov/example/social/MainActivity$2;->this$0:Lcn/gov/example/social/MainActivity;
    const-string v1, "wx0123456789abcdef"    # sample WeChat app id
    invoke-static {v0, v1}, Lcom/tencent/mm/opensdk/openapi/WXAPIFactory;->createWXAPI(Landroid/content/Context;Ljava/lang/String;)Lcom/tencent/mm/opensdk/openapi/IWXAPI;
    move-result-object v0
    invoke-interface {v0, v1}, Lcom/tencent/mm/opensdk/openapi/IWXAPI;->registerApp(Ljava/lang/String;)Z

    new-instance v1, Lcom/tencent/mm/opensdk/modelmsg/SendMessageToWX$Req;
    invoke-direct {v1}, Lcom/tencent/mm/opensdk/modelmsg/SendMessageToWX$Req;-><init>()V
    const-string v2, "task-share"
    iput-object v2, v1, Lcom/tencent/mm/opensdk/modelmsg/SendMessageToWX$Req;->transaction:Ljava/lang/String;
    const/4 v2, 0x1    # SendMessageToWX.Req.WXSceneTimeline (Moments)
    iput v2, v1, Lcom/tencent/mm/opensdk/modelmsg/SendMessageToWX$Req;->scene:I
    invoke-interface {v0, v1}, Lcom/tencent/mm/opensdk/openapi/IWXAPI;->sendReq(Lcom/tencent/mm/opensdk/modelbase/BaseReq;)Z

    return-void
.end method
