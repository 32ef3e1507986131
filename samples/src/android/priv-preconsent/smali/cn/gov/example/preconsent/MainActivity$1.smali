# Positive button ("同意") of the privacy-policy dialog: records the consent.
# (The data was already collected in App.onCreate.)
.class Lcn/gov/example/preconsent/MainActivity$1;
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

    iput-object p1, p0, Lcn/gov/example/preconsent/MainActivity$1;->this$0:Lcn/gov/example/preconsent/MainActivity;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onClick(Landroid/content/DialogInterface;I)V
    .locals 3

    # getSharedPreferences("privacy", MODE_PRIVATE).edit().putBoolean("agreed", true).apply()
    iget-object v0, p0, Lcn/gov/example/preconsent/MainActivity$1;->this$0:Lcn/gov/example/preconsent/MainActivity;
    const-string v1, "privacy"
    const/4 v2, 0x0
    invoke-virtual {v0, v1, v2}, Lcn/gov/example/preconsent/MainActivity;->getSharedPreferences(Ljava/lang/String;I)Landroid/content/SharedPreferences;
    move-result-object v0
    invoke-interface {v0}, Landroid/content/SharedPreferences;->edit()Landroid/content/SharedPreferences$Editor;
    move-result-object v0
    const-string v1, "agreed"
    const/4 v2, 0x1
    invoke-interface {v0, v1, v2}, Landroid/content/SharedPreferences$Editor;->putBoolean(Ljava/lang/String;Z)Landroid/content/SharedPreferences$Editor;
    move-result-object v0
    invoke-interface {v0}, Landroid/content/SharedPreferences$Editor;->apply()V

    return-void
.end method
