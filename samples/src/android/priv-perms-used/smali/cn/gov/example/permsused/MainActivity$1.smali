# The scan button: asks for the camera permission, then opens the camera.
.class Lcn/gov/example/permsused/MainActivity$1;
.super Ljava/lang/Object;
.source "MainActivity.java"

# interfaces
.implements Landroid/view/View$OnClickListener;


# instance fields
.field final synthetic this$0:Lcn/gov/example/permsused/MainActivity;


# direct methods
.method constructor <init>(Lcn/gov/example/permsused/MainActivity;)V
    .locals 0

    iput-object p1, p0, Lcn/gov/example/permsused/MainActivity$1;->this$0:Lcn/gov/example/permsused/MainActivity;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onClick(Landroid/view/View;)V
    .locals 1

    iget-object v0, p0, Lcn/gov/example/permsused/MainActivity$1;->this$0:Lcn/gov/example/permsused/MainActivity;
    invoke-static {v0}, Lcn/gov/example/permsused/PermissionHelper;->ask(Landroid/app/Activity;)V
    invoke-static {}, Lcn/gov/example/permsused/Scanner;->open()V

    return-void
.end method
