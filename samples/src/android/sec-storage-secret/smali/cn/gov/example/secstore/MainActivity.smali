# Launcher activity: onCreate calls each helper once:
# onCreate -> Store.save / Store.export / Auth.login / Cloud.keys / Auth.unlock /
# Crypto.encrypt / Crypto.mac / Crypto.fresh.
.class public Lcn/gov/example/secstore/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"


# direct methods
.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .locals 2

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    const v0, 0x7f020000  # R.layout.activity_main
    invoke-virtual {p0, v0}, Lcn/gov/example/secstore/MainActivity;->setContentView(I)V

    invoke-static {p0}, Lcn/gov/example/secstore/Store;->save(Landroid/content/Context;)V
    invoke-static {}, Lcn/gov/example/secstore/Store;->export()V

    const-string v0, "citizen"
    const-string v1, "123456"
    invoke-static {v0, v1}, Lcn/gov/example/secstore/Auth;->login(Ljava/lang/String;Ljava/lang/String;)V

    invoke-static {}, Lcn/gov/example/secstore/Cloud;->keys()[Ljava/lang/String;

    new-instance v0, Landroid/widget/EditText;
    invoke-direct {v0, p0}, Landroid/widget/EditText;-><init>(Landroid/content/Context;)V
    invoke-static {v0}, Lcn/gov/example/secstore/Auth;->unlock(Landroid/widget/EditText;)Z

    const-string v0, "hello"
    invoke-virtual {v0}, Ljava/lang/String;->getBytes()[B
    move-result-object v0
    invoke-static {v0}, Lcn/gov/example/secstore/Crypto;->encrypt([B)[B
    invoke-static {v0}, Lcn/gov/example/secstore/Crypto;->mac([B)[B
    invoke-static {v0}, Lcn/gov/example/secstore/Crypto;->fresh([B)[B

    return-void
.end method
