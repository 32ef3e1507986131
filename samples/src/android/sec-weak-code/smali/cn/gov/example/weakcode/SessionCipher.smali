# AES/CBC twice, with the key passed in (not a constant): seal() makes its IV from
# new byte[16] and never fills it, so the IV is sixteen zeros on every call (a static IV,
# SEC-CRYPTO-001); sealRandom() fills its IV with SecureRandom.nextBytes first (the
# correct pattern, not reported).
.class public final Lcn/gov/example/weakcode/SessionCipher;
.super Ljava/lang/Object;
.source "SessionCipher.java"


# direct methods
.method private constructor <init>()V
    .locals 0

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method private static aes([BLjavax/crypto/spec/IvParameterSpec;[B)[B
    .locals 4

    const-string v0, "AES/CBC/PKCS5Padding"
    invoke-static {v0}, Ljavax/crypto/Cipher;->getInstance(Ljava/lang/String;)Ljavax/crypto/Cipher;
    move-result-object v0

    new-instance v1, Ljavax/crypto/spec/SecretKeySpec;
    const-string v2, "AES"
    invoke-direct {v1, p0, v2}, Ljavax/crypto/spec/SecretKeySpec;-><init>([BLjava/lang/String;)V

    const/4 v3, 0x1    # Cipher.ENCRYPT_MODE
    invoke-virtual {v0, v3, v1, p1}, Ljavax/crypto/Cipher;->init(ILjava/security/Key;Ljava/security/spec/AlgorithmParameterSpec;)V

    invoke-virtual {v0, p2}, Ljavax/crypto/Cipher;->doFinal([B)[B
    move-result-object v0

    return-object v0
.end method

.method public static seal([B[B)[B
    .locals 2
    .annotation system Ldalvik/annotation/Throws;
        value = {
            Ljava/security/GeneralSecurityException;
        }
    .end annotation

    const/16 v0, 0x10
    new-array v0, v0, [B
    new-instance v1, Ljavax/crypto/spec/IvParameterSpec;
    invoke-direct {v1, v0}, Ljavax/crypto/spec/IvParameterSpec;-><init>([B)V

    invoke-static {p0, v1, p1}, Lcn/gov/example/weakcode/SessionCipher;->aes([BLjavax/crypto/spec/IvParameterSpec;[B)[B
    move-result-object v0

    return-object v0
.end method

.method public static sealRandom([B[B)[B
    .locals 3
    .annotation system Ldalvik/annotation/Throws;
        value = {
            Ljava/security/GeneralSecurityException;
        }
    .end annotation

    const/16 v0, 0x10
    new-array v0, v0, [B
    new-instance v1, Ljava/security/SecureRandom;
    invoke-direct {v1}, Ljava/security/SecureRandom;-><init>()V
    invoke-virtual {v1, v0}, Ljava/security/SecureRandom;->nextBytes([B)V
    new-instance v2, Ljavax/crypto/spec/IvParameterSpec;
    invoke-direct {v2, v0}, Ljavax/crypto/spec/IvParameterSpec;-><init>([B)V

    invoke-static {p0, v2, p1}, Lcn/gov/example/weakcode/SessionCipher;->aes([BLjavax/crypto/spec/IvParameterSpec;[B)[B
    move-result-object v0

    return-object v0
.end method
