# Anonymous OnClickListener of the check-in button: hands over to CheckinClient.
.class Lcn/gov/example/checkin/MainActivity$1;
.super Ljava/lang/Object;
.source "MainActivity.java"

# interfaces
.implements Landroid/view/View$OnClickListener;


# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lcn/gov/example/checkin/MainActivity;->onCreate(Landroid/os/Bundle;)V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lcn/gov/example/checkin/MainActivity;


# direct methods
.method constructor <init>(Lcn/gov/example/checkin/MainActivity;)V
    .locals 0

    iput-object p1, p0, Lcn/gov/example/checkin/MainActivity$1;->this$0:Lcn/gov/example/checkin/MainActivity;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onClick(Landroid/view/View;)V
    .locals 2

    new-instance v0, Lcn/gov/example/checkin/CheckinClient;
    iget-object v1, p0, Lcn/gov/example/checkin/MainActivity$1;->this$0:Lcn/gov/example/checkin/MainActivity;
    invoke-direct {v0, v1}, Lcn/gov/example/checkin/CheckinClient;-><init>(Landroid/content/Context;)V
    invoke-virtual {v0}, Lcn/gov/example/checkin/CheckinClient;->checkIn()V

    return-void
.end method
