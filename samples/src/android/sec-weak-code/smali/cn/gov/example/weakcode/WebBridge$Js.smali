# The object exposed to JavaScript as "bridge": one public method marked
# @JavascriptInterface, callable from the page as bridge.version().
.class public final Lcn/gov/example/weakcode/WebBridge$Js;
.super Ljava/lang/Object;
.source "WebBridge.java"


# annotations
.annotation system Ldalvik/annotation/EnclosingClass;
    value = Lcn/gov/example/weakcode/WebBridge;
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x19
    name = "Js"
.end annotation


# direct methods
.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public version()Ljava/lang/String;
    .locals 1
    .annotation runtime Landroid/webkit/JavascriptInterface;
    .end annotation

    const-string v0, "1.0.0"

    return-object v0
.end method
