# Positive button of the forced update dialog: opens the download page.
.class Lcn/gov/example/forcelogin/MainActivity$1;
.super Ljava/lang/Object;
.source "MainActivity.java"

# interfaces
.implements Landroid/content/DialogInterface$OnClickListener;


# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lcn/gov/example/forcelogin/MainActivity;->onCreate(Landroid/os/Bundle;)V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lcn/gov/example/forcelogin/MainActivity;


# direct methods
.method constructor <init>(Lcn/gov/example/forcelogin/MainActivity;)V
    .locals 0

    iput-object p1, p0, Lcn/gov/example/forcelogin/MainActivity$1;->this$0:Lcn/gov/example/forcelogin/MainActivity;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onClick(Landroid/content/DialogInterface;I)V
    .locals 3

    const-string v0, "https://app.example.gov.cn/download/latest.apk"
    invoke-static {v0}, Landroid/net/Uri;->parse(Ljava/lang/String;)Landroid/net/Uri;
    move-result-object v0

    new-instance v1, Landroid/content/Intent;
    const-string v2, "android.intent.action.VIEW"
    invoke-direct {v1, v2, v0}, Landroid/content/Intent;-><init>(Ljava/lang/String;Landroid/net/Uri;)V

    iget-object v2, p0, Lcn/gov/example/forcelogin/MainActivity$1;->this$0:Lcn/gov/example/forcelogin/MainActivity;
    invoke-virtual {v2, v1}, Lcn/gov/example/forcelogin/MainActivity;->startActivity(Landroid/content/Intent;)V

    return-void
.end method
