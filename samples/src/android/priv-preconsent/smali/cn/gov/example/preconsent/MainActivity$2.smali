# Negative button ("不同意") of the privacy-policy dialog: closes the app.
.class Lcn/gov/example/preconsent/MainActivity$2;
.super Ljava/lang/Object;
.source "MainActivity.java"

# interfaces
.implements Landroid/content/DialogInterface$OnClickListener;


# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lcn/gov/example/preconsent/MainActivity;->onCreate(Landroid/os/Bundle;)V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lcn/gov/example/preconsent/MainActivity;


# direct methods
.method constructor <init>(Lcn/gov/example/preconsent/MainActivity;)V
    .locals 0

    iput-object p1, p0, Lcn/gov/example/preconsent/MainActivity$2;->this$0:Lcn/gov/example/preconsent/MainActivity;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onClick(Landroid/content/DialogInterface;I)V
    .locals 1

    iget-object v0, p0, Lcn/gov/example/preconsent/MainActivity$2;->this$0:Lcn/gov/example/preconsent/MainActivity;
    invoke-virtual {v0}, Lcn/gov/example/preconsent/MainActivity;->finish()V

    return-void
.end method
