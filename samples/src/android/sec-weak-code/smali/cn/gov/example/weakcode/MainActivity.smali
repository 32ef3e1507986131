# Launcher activity: onCreate itself (no click handler) calls both helpers, so
# each API is one call away from the entry point:
# onCreate -> LegacyCipher.encrypt / WebBridge.attach / SessionCipher.seal and sealRandom.
# The results are dropped.
.class public Lcn/gov/example/weakcode/MainActivity;
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
    .locals 1

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    const v0, 0x7f020000  # R.layout.activity_main
    invoke-virtual {p0, v0}, Lcn/gov/example/weakcode/MainActivity;->setContentView(I)V

    const-string v0, "hello"
    invoke-virtual {v0}, Ljava/lang/String;->getBytes()[B
    move-result-object v0
    invoke-static {v0}, Lcn/gov/example/weakcode/LegacyCipher;->encrypt([B)[B

    invoke-static {p0}, Lcn/gov/example/weakcode/WebBridge;->attach(Landroid/content/Context;)Landroid/webkit/WebView;
    move-result-object v0
    invoke-static {v0}, Lcn/gov/example/weakcode/WebBridge;->showStatement(Landroid/webkit/WebView;)V

    # AES/CBC with a zero IV (seal) and with a random one (sealRandom); the key is not a
    # constant (the package name's bytes), so only the IV is at fault.
    invoke-virtual {p0}, Lcn/gov/example/weakcode/MainActivity;->getPackageName()Ljava/lang/String;
    move-result-object v0
    invoke-virtual {v0}, Ljava/lang/String;->getBytes()[B
    move-result-object v0
    invoke-static {v0, v0}, Lcn/gov/example/weakcode/SessionCipher;->seal([B[B)[B
    invoke-static {v0, v0}, Lcn/gov/example/weakcode/SessionCipher;->sealRandom([B[B)[B

    return-void
.end method
