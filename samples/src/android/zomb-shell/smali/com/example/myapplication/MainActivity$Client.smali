# Keeps navigation inside the WebView, as wrapper templates do.
.class public Lcom/example/myapplication/MainActivity$Client;
.super Landroid/webkit/WebViewClient;
.source "MainActivity.java"

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/webkit/WebViewClient;-><init>()V
    return-void
.end method
