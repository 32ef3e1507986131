# Anonymous OnClickListener of the "排行榜" button: startActivity(RankActivity).
.class Lcn/gov/example/ranking/MainActivity$1;
.super Ljava/lang/Object;
.source "MainActivity.java"

# interfaces
.implements Landroid/view/View$OnClickListener;


# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lcn/gov/example/ranking/MainActivity;->onCreate(Landroid/os/Bundle;)V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lcn/gov/example/ranking/MainActivity;


# direct methods
.method constructor <init>(Lcn/gov/example/ranking/MainActivity;)V
    .locals 0

    iput-object p1, p0, Lcn/gov/example/ranking/MainActivity$1;->this$0:Lcn/gov/example/ranking/MainActivity;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onClick(Landroid/view/View;)V
    .locals 3

    iget-object v0, p0, Lcn/gov/example/ranking/MainActivity$1;->this$0:Lcn/gov/example/ranking/MainActivity;
    new-instance v1, Landroid/content/Intent;
    const-class v2, Lcn/gov/example/ranking/RankActivity;
    invoke-direct {v1, v0, v2}, Landroid/content/Intent;-><init>(Landroid/content/Context;Ljava/lang/Class;)V
    invoke-virtual {v0, v1}, Lcn/gov/example/ranking/MainActivity;->startActivity(Landroid/content/Intent;)V

    return-void
.end method
