# Not trust-all: checkServerTrusted throws when the chain is empty.
.class public final Lcn/gov/example/sectls/PinnedManager;
.super Ljava/lang/Object;
.source "PinnedManager.java"

# interfaces
.implements Ljavax/net/ssl/X509TrustManager;


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public checkClientTrusted([Ljava/security/cert/X509Certificate;Ljava/lang/String;)V
    .locals 0
    return-void
.end method

.method public checkServerTrusted([Ljava/security/cert/X509Certificate;Ljava/lang/String;)V
    .locals 2
    if-eqz p1, :fail
    array-length v0, p1
    if-eqz v0, :fail
    return-void
    :fail
    new-instance v0, Ljava/security/cert/CertificateException;
    const-string v1, "empty chain"
    invoke-direct {v0, v1}, Ljava/security/cert/CertificateException;-><init>(Ljava/lang/String;)V
    throw v0
.end method

.method public getAcceptedIssuers()[Ljava/security/cert/X509Certificate;
    .locals 1
    const/4 v0, 0x0
    new-array v0, v0, [Ljava/security/cert/X509Certificate;
    return-object v0
.end method
