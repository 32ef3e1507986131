# Ignores certificate errors: onReceivedSslError proceeds.
.class public final Lcn/gov/example/sectlsdead/LaxWebClient;
.super Landroid/webkit/WebViewClient;
.source "LaxWebClient.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/webkit/WebViewClient;-><init>()V
    return-void
.end method

.method public onReceivedSslError(Landroid/webkit/WebView;Landroid/webkit/SslErrorHandler;Landroid/net/http/SslError;)V
    .locals 0
    invoke-virtual {p2}, Landroid/webkit/SslErrorHandler;->proceed()V
    return-void
.end method
