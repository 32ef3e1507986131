# encrypt: an AES key from a string constant ("Gov-App-AES-Key!".getBytes()).
# mac: an HMAC key from a byte-array literal the static initialiser stores in
# MAC_KEY. fresh: a key from SecureRandom (not a hard-coded key).
.class public final Lcn/gov/example/secstore/Crypto;
.super Ljava/lang/Object;
.source "Crypto.java"


# static fields
.field private static final MAC_KEY:[B


.method static constructor <clinit>()V
    .locals 1
    const/16 v0, 0x8
    new-array v0, v0, [B
    fill-array-data v0, :key
    sput-object v0, Lcn/gov/example/secstore/Crypto;->MAC_KEY:[B
    return-void

    :key
    .array-data 1
        0x47t
        0x6ft
        0x76t
        0x2dt
        0x4dt
        0x61t
        0x63t
        0x21t
    .end array-data
.end method

.method private constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static encrypt([B)[B
    .locals 4

    :try_start_0
    const-string v0, "AES/CBC/PKCS5Padding"
    invoke-static {v0}, Ljavax/crypto/Cipher;->getInstance(Ljava/lang/String;)Ljavax/crypto/Cipher;
    move-result-object v0

    new-instance v1, Ljavax/crypto/spec/SecretKeySpec;
    const-string v2, "Gov-App-AES-Key!"
    invoke-virtual {v2}, Ljava/lang/String;->getBytes()[B
    move-result-object v2
    const-string v3, "AES"
    invoke-direct {v1, v2, v3}, Ljavax/crypto/spec/SecretKeySpec;-><init>([BLjava/lang/String;)V

    const/4 v2, 0x1    # Cipher.ENCRYPT_MODE
    invoke-virtual {v0, v2, v1}, Ljavax/crypto/Cipher;->init(ILjava/security/Key;)V
    invoke-virtual {v0, p0}, Ljavax/crypto/Cipher;->doFinal([B)[B
    move-result-object v0
    :try_end_0
    .catch Ljava/security/GeneralSecurityException; {:try_start_0 .. :try_end_0} :catch_0

    return-object v0

    :catch_0
    move-exception v0
    const/4 v0, 0x0
    return-object v0
.end method

.method public static mac([B)[B
    .locals 3

    :try_start_0
    const-string v0, "HmacSHA256"
    invoke-static {v0}, Ljavax/crypto/Mac;->getInstance(Ljava/lang/String;)Ljavax/crypto/Mac;
    move-result-object v0
    new-instance v1, Ljavax/crypto/spec/SecretKeySpec;
    sget-object v2, Lcn/gov/example/secstore/Crypto;->MAC_KEY:[B
    const-string v3, "HmacSHA256"
    invoke-direct {v1, v2, v3}, Ljavax/crypto/spec/SecretKeySpec;-><init>([BLjava/lang/String;)V
    invoke-virtual {v0, v1}, Ljavax/crypto/Mac;->init(Ljava/security/Key;)V
    invoke-virtual {v0, p0}, Ljavax/crypto/Mac;->doFinal([B)[B
    move-result-object v0
    :try_end_0
    .catch Ljava/security/GeneralSecurityException; {:try_start_0 .. :try_end_0} :catch_0

    return-object v0

    :catch_0
    move-exception v0
    const/4 v0, 0x0
    return-object v0
.end method

.method public static fresh([B)[B
    .locals 3

    const/16 v0, 0x10
    new-array v0, v0, [B
    new-instance v1, Ljava/security/SecureRandom;
    invoke-direct {v1}, Ljava/security/SecureRandom;-><init>()V
    invoke-virtual {v1, v0}, Ljava/security/SecureRandom;->nextBytes([B)V
    new-instance v1, Ljavax/crypto/spec/SecretKeySpec;
    const-string v2, "AES"
    invoke-direct {v1, v0, v2}, Ljavax/crypto/spec/SecretKeySpec;-><init>([BLjava/lang/String;)V
    invoke-virtual {v1}, Ljavax/crypto/spec/SecretKeySpec;->getEncoded()[B
    move-result-object v0
    return-object v0
.end method
