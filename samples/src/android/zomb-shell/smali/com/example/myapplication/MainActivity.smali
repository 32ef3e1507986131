# The whole app: the launcher opens one website in a WebView (a 空壳 wrapper).
.class public Lcom/example/myapplication/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method

# Template residue: the development server's address, never replaced.
.method public static apiBase()Ljava/lang/String;
    .locals 1
    const-string v0, "http://192.168.1.20:8080/api/"
    return-object v0
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .locals 2
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    new-instance v0, Landroid/webkit/WebView;
    invoke-direct {v0, p0}, Landroid/webkit/WebView;-><init>(Landroid/content/Context;)V
    new-instance v1, Lcom/example/myapplication/MainActivity$Client;
    invoke-direct {v1}, Lcom/example/myapplication/MainActivity$Client;-><init>()V
    invoke-virtual {v0, v1}, Landroid/webkit/WebView;->setWebViewClient(Landroid/webkit/WebViewClient;)V
    invoke-virtual {p0, v0}, Lcom/example/myapplication/MainActivity;->setContentView(Landroid/view/View;)V

    const-string v1, "https://www.example.gov.cn/h5/index.html"
    invoke-virtual {v0, v1}, Landroid/webkit/WebView;->loadUrl(Ljava/lang/String;)V
    return-void
.end method
