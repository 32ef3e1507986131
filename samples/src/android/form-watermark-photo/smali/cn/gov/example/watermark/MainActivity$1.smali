# Anonymous OnClickListener of the photo button: opens the camera app.
.class Lcn/gov/example/watermark/MainActivity$1;
.super Ljava/lang/Object;
.source "MainActivity.java"

# interfaces
.implements Landroid/view/View$OnClickListener;


# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lcn/gov/example/watermark/MainActivity;->onCreate(Landroid/os/Bundle;)V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lcn/gov/example/watermark/MainActivity;


# direct methods
.method constructor <init>(Lcn/gov/example/watermark/MainActivity;)V
    .locals 0

    iput-object p1, p0, Lcn/gov/example/watermark/MainActivity$1;->this$0:Lcn/gov/example/watermark/MainActivity;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onClick(Landroid/view/View;)V
    .locals 3

    new-instance v0, Landroid/content/Intent;
    const-string v1, "android.media.action.IMAGE_CAPTURE"    # MediaStore.ACTION_IMAGE_CAPTURE
    invoke-direct {v0, v1}, Landroid/content/Intent;-><init>(Ljava/lang/String;)V

    iget-object v1, p0, Lcn/gov/example/watermark/MainActivity$1;->this$0:Lcn/gov/example/watermark/MainActivity;
    const/4 v2, 0x1    # request code
    invoke-virtual {v1, v0, v2}, Lcn/gov/example/watermark/MainActivity;->startActivityForResult(Landroid/content/Intent;I)V

    return-void
.end method
