# Installs the TLS helpers process-wide: an SSLContext initialised with
# TrustAllManager becomes HttpsURLConnection's default socket factory, and
# AnyHostVerifier its default host-name verifier. PinnedManager and
# GovHostVerifier are created too (the precision checks), then dropped.
# legacyVerifier sets Apache's ALLOW_ALL_HOSTNAME_VERIFIER as the default.
.class public final Lcn/gov/example/sectlsdead/SecureNet;
.super Ljava/lang/Object;
.source "SecureNet.java"


.method private constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static install()V
    .locals 5

    :try_start_0
    const-string v0, "TLS"
    invoke-static {v0}, Ljavax/net/ssl/SSLContext;->getInstance(Ljava/lang/String;)Ljavax/net/ssl/SSLContext;
    move-result-object v0

    const/4 v1, 0x1
    new-array v1, v1, [Ljavax/net/ssl/TrustManager;
    new-instance v2, Lcn/gov/example/sectlsdead/TrustAllManager;
    invoke-direct {v2}, Lcn/gov/example/sectlsdead/TrustAllManager;-><init>()V
    const/4 v3, 0x0
    aput-object v2, v1, v3

    const/4 v2, 0x0
    invoke-virtual {v0, v2, v1, v2}, Ljavax/net/ssl/SSLContext;->init([Ljavax/net/ssl/KeyManager;[Ljavax/net/ssl/TrustManager;Ljava/security/SecureRandom;)V

    invoke-virtual {v0}, Ljavax/net/ssl/SSLContext;->getSocketFactory()Ljavax/net/ssl/SSLSocketFactory;
    move-result-object v0
    invoke-static {v0}, Ljavax/net/ssl/HttpsURLConnection;->setDefaultSSLSocketFactory(Ljavax/net/ssl/SSLSocketFactory;)V

    new-instance v0, Lcn/gov/example/sectlsdead/AnyHostVerifier;
    invoke-direct {v0}, Lcn/gov/example/sectlsdead/AnyHostVerifier;-><init>()V
    invoke-static {v0}, Ljavax/net/ssl/HttpsURLConnection;->setDefaultHostnameVerifier(Ljavax/net/ssl/HostnameVerifier;)V

    new-instance v0, Lcn/gov/example/sectlsdead/PinnedManager;
    invoke-direct {v0}, Lcn/gov/example/sectlsdead/PinnedManager;-><init>()V
    new-instance v0, Lcn/gov/example/sectlsdead/GovHostVerifier;
    invoke-direct {v0}, Lcn/gov/example/sectlsdead/GovHostVerifier;-><init>()V

    invoke-static {}, Lcn/gov/example/sectlsdead/SecureNet;->legacyVerifier()V
    :try_end_0
    .catch Ljava/security/GeneralSecurityException; {:try_start_0 .. :try_end_0} :catch_0

    return-void

    :catch_0
    move-exception v0
    return-void
.end method

.method public static legacyVerifier()V
    .locals 1
    sget-object v0, Lorg/apache/http/conn/ssl/SSLSocketFactory;->ALLOW_ALL_HOSTNAME_VERIFIER:Lorg/apache/http/conn/ssl/X509HostnameVerifier;
    invoke-static {v0}, Ljavax/net/ssl/HttpsURLConnection;->setDefaultHostnameVerifier(Ljavax/net/ssl/HostnameVerifier;)V
    return-void
.end method
