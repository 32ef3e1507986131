# Anonymous OnClickListener of the "下单" button: new PayTask(activity).payV2(..).
# The payment call runs on the caller's thread (static-analysis fixture; the
# real SDK requires a worker thread).
.class Lcn/gov/example/commerce/MainActivity$1;
.super Ljava/lang/Object;
.source "MainActivity.java"

# interfaces
.implements Landroid/view/View$OnClickListener;


# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lcn/gov/example/commerce/MainActivity;->onCreate(Landroid/os/Bundle;)V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lcn/gov/example/commerce/MainActivity;


# direct methods
.method constructor <init>(Lcn/gov/example/commerce/MainActivity;)V
    .locals 0

    iput-object p1, p0, Lcn/gov/example/commerce/MainActivity$1;->this$0:Lcn/gov/example/commerce/MainActivity;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onClick(Landroid/view/View;)V
    .locals 3

    new-instance v0, Lcom/alipay/sdk/app/PayTask;
    iget-object v1, p0, Lcn/gov/example/commerce/MainActivity$1;->this$0:Lcn/gov/example/commerce/MainActivity;
    invoke-direct {v0, v1}, Lcom/alipay/sdk/app/PayTask;-><init>(Landroid/app/Activity;)V

    # Sample order string (normally signed by the merchant's server).
    const-string v1, "app_id=2021000000000000&method=alipay.trade.app.pay&biz_content=%7B%22out_trade_no%22%3A%22SAMPLE001%22%7D"
    const/4 v2, 0x1    # show the SDK's loading dialog
    invoke-virtual {v0, v1, v2}, Lcom/alipay/sdk/app/PayTask;->payV2(Ljava/lang/String;Z)Ljava/util/Map;

    return-void
.end method
