# Anonymous OnClickListener of the "点赞" button: POSTs the like and confirms
# that the task counts towards the assessment.
.class Lcn/gov/example/social/MainActivity$1;
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

    iput-object p1, p0, Lcn/gov/example/social/MainActivity$1;->this$0:Lcn/gov/example/social/MainActivity;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onClick(Landroid/view/View;)V
    .locals 3

    const-string v0, "20240101-001"    # article id
    invoke-static {v0}, Lcn/gov/example/social/TaskClient;->like(Ljava/lang/String;)I
    move-result v0

    const/16 v1, 0xc8    # HTTP 200
    if-ne v0, v1, :done
    iget-object v0, p0, Lcn/gov/example/social/MainActivity$1;->this$0:Lcn/gov/example/social/MainActivity;
    const-string v1, "\u70b9\u8d5e\u4efb\u52a1\u5df2\u5b8c\u6210\uff0c\u8ba1\u5165\u8003\u6838"    # "点赞任务已完成，计入考核"
    const/4 v2, 0x0
    invoke-static {v0, v1, v2}, Landroid/widget/Toast;->makeText(Landroid/content/Context;Ljava/lang/CharSequence;I)Landroid/widget/Toast;
    move-result-object v0
    invoke-virtual {v0}, Landroid/widget/Toast;->show()V

    :done
    return-void
.end method
