# Not always true: verify accepts only hosts ending in ".gov.cn".
.class public final Lcn/gov/example/sectls/GovHostVerifier;
.super Ljava/lang/Object;
.source "GovHostVerifier.java"

# interfaces
.implements Ljavax/net/ssl/HostnameVerifier;


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public verify(Ljava/lang/String;Ljavax/net/ssl/SSLSession;)Z
    .locals 1
    const-string v0, ".gov.cn"
    invoke-virtual {p1, v0}, Ljava/lang/String;->endsWith(Ljava/lang/String;)Z
    move-result v0
    return v0
.end method
