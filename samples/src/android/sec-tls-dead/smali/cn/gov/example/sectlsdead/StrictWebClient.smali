# Not lax: onReceivedSslError cancels the load.
.class public final Lcn/gov/example/sectlsdead/StrictWebClient;
.super Landroid/webkit/WebViewClient;
.source "StrictWebClient.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/webkit/WebViewClient;-><init>()V
    return-void
.end method

.method public onReceivedSslError(Landroid/webkit/WebView;Landroid/webkit/SslErrorHandler;Landroid/net/http/SslError;)V
    .locals 0
    invoke-virtual {p2}, Landroid/webkit/SslErrorHandler;->cancel()V
    return-void
.end method
