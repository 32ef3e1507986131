# Streams an image file to the evidence endpoint with an HTTPS POST. Returns
# the HTTP status, or -1 on an I/O error. Runs on the caller's thread
# (static-analysis fixture).
.class public final Lcn/gov/example/screenshot/EvidenceUploader;
.super Ljava/lang/Object;
.source "EvidenceUploader.java"


# direct methods
.method private constructor <init>()V
    .locals 0

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method public static upload(Ljava/lang/String;)I
    .locals 6

    :try_start_0
    new-instance v0, Ljava/io/FileInputStream;
    invoke-direct {v0, p0}, Ljava/io/FileInputStream;-><init>(Ljava/lang/String;)V

    new-instance v1, Ljava/net/URL;
    const-string v2, "https://evidence.example.gov.cn/api/evidence/screenshot"
    invoke-direct {v1, v2}, Ljava/net/URL;-><init>(Ljava/lang/String;)V
    invoke-virtual {v1}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;
    move-result-object v1
    check-cast v1, Ljava/net/HttpURLConnection;

    const-string v2, "POST"
    invoke-virtual {v1, v2}, Ljava/net/HttpURLConnection;->setRequestMethod(Ljava/lang/String;)V
    const/4 v2, 0x1
    invoke-virtual {v1, v2}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V
    const-string v2, "Content-Type"
    const-string v3, "image/png"
    invoke-virtual {v1, v2, v3}, Ljava/net/HttpURLConnection;->setRequestProperty(Ljava/lang/String;Ljava/lang/String;)V

    invoke-virtual {v1}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;
    move-result-object v2

    # Copy the file in 8 KiB chunks.
    const/16 v3, 0x2000
    new-array v3, v3, [B
    const/4 v5, 0x0

    :copy
    invoke-virtual {v0, v3}, Ljava/io/FileInputStream;->read([B)I
    move-result v4
    if-lez v4, :eof
    invoke-virtual {v2, v3, v5, v4}, Ljava/io/OutputStream;->write([BII)V
    goto :copy

    :eof
    invoke-virtual {v0}, Ljava/io/FileInputStream;->close()V
    invoke-virtual {v2}, Ljava/io/OutputStream;->close()V

    invoke-virtual {v1}, Ljava/net/HttpURLConnection;->getResponseCode()I
    move-result v4
    invoke-virtual {v1}, Ljava/net/HttpURLConnection;->disconnect()V
    :try_end_0
    .catch Ljava/io/IOException; {:try_start_0 .. :try_end_0} :catch_0

    return v4

    :catch_0
    move-exception v0
    const/4 v0, -0x1
    return v0
.end method
