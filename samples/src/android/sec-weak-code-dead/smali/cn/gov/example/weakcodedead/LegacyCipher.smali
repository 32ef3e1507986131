# Weak cryptography: DES in ECB mode with a key that is a constant in the code.
# The transformation string is loaded in the same method that calls
# Cipher.getInstance, as javac emits Cipher.getInstance("DES/ECB/PKCS5Padding").
# Returns null if the provider refuses (DES is still in Android's provider).
.class public final Lcn/gov/example/weakcodedead/LegacyCipher;
.super Ljava/lang/Object;
.source "LegacyCipher.java"


# direct methods
.method private constructor <init>()V
    .locals 0

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method public static encrypt([B)[B
    .locals 4

    :try_start_0
    const-string v0, "DES/ECB/PKCS5Padding"
    invoke-static {v0}, Ljavax/crypto/Cipher;->getInstance(Ljava/lang/String;)Ljavax/crypto/Cipher;
    move-result-object v0

    new-instance v1, Ljavax/crypto/spec/SecretKeySpec;
    const-string v2, "k3y-8byt"
    invoke-virtual {v2}, Ljava/lang/String;->getBytes()[B
    move-result-object v2
    const-string v3, "DES"
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
