# A WebView with the lax client; a second WebView gets the strict client (the
# precision check). The views are returned, never shown.
.class public final Lcn/gov/example/sectlsdead/WebPage;
.super Ljava/lang/Object;
.source "WebPage.java"


.method private constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static attach(Landroid/content/Context;)Landroid/webkit/WebView;
    .locals 3

    new-instance v0, Landroid/webkit/WebView;
    invoke-direct {v0, p0}, Landroid/webkit/WebView;-><init>(Landroid/content/Context;)V
    new-instance v1, Lcn/gov/example/sectlsdead/LaxWebClient;
    invoke-direct {v1}, Lcn/gov/example/sectlsdead/LaxWebClient;-><init>()V
    invoke-virtual {v0, v1}, Landroid/webkit/WebView;->setWebViewClient(Landroid/webkit/WebViewClient;)V

    new-instance v1, Landroid/webkit/WebView;
    invoke-direct {v1, p0}, Landroid/webkit/WebView;-><init>(Landroid/content/Context;)V
    new-instance v2, Lcn/gov/example/sectlsdead/StrictWebClient;
    invoke-direct {v2}, Lcn/gov/example/sectlsdead/StrictWebClient;-><init>()V
    invoke-virtual {v1, v2}, Landroid/webkit/WebView;->setWebViewClient(Landroid/webkit/WebViewClient;)V

    const-string v1, "https://www.example.gov.cn/"
    invoke-virtual {v0, v1}, Landroid/webkit/WebView;->loadUrl(Ljava/lang/String;)V

    return-object v0
.end method
