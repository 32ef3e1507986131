# Launcher activity: the "现场照片" button launches the camera (MainActivity$1);
# onActivityResult stamps time and GPS position on the photo and uploads it.
.class public Lcn/gov/example/watermark/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"


# direct methods
.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .locals 2

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    const v0, 0x7f020000  # R.layout.activity_main
    invoke-virtual {p0, v0}, Lcn/gov/example/watermark/MainActivity;->setContentView(I)V

    const v0, 0x7f040000  # R.id.photo_button
    invoke-virtual {p0, v0}, Lcn/gov/example/watermark/MainActivity;->findViewById(I)Landroid/view/View;
    move-result-object v0

    new-instance v1, Lcn/gov/example/watermark/MainActivity$1;
    invoke-direct {v1, p0}, Lcn/gov/example/watermark/MainActivity$1;-><init>(Lcn/gov/example/watermark/MainActivity;)V
    invoke-virtual {v0, v1}, Landroid/view/View;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    return-void
.end method

.method protected onActivityResult(IILandroid/content/Intent;)V
    .locals 6

    invoke-super {p0, p1, p2, p3}, Landroid/app/Activity;->onActivityResult(IILandroid/content/Intent;)V

    # requestCode 1 (the camera), RESULT_OK (-1), with data.
    const/4 v0, 0x1
    if-ne p1, v0, :done
    const/4 v0, -0x1
    if-ne p2, v0, :done
    if-eqz p3, :done

    # The camera app returns a thumbnail in the "data" extra.
    invoke-virtual {p3}, Landroid/content/Intent;->getExtras()Landroid/os/Bundle;
    move-result-object v0
    if-eqz v0, :done
    const-string v1, "data"
    invoke-virtual {v0, v1}, Landroid/os/Bundle;->get(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/graphics/Bitmap;
    if-eqz v0, :done

    # A mutable copy to draw on.
    sget-object v1, Landroid/graphics/Bitmap$Config;->ARGB_8888:Landroid/graphics/Bitmap$Config;
    const/4 v2, 0x1
    invoke-virtual {v0, v1, v2}, Landroid/graphics/Bitmap;->copy(Landroid/graphics/Bitmap$Config;Z)Landroid/graphics/Bitmap;
    move-result-object v0

    # Watermark text: "yyyy-MM-dd HH:mm:ss lat,lng".
    new-instance v1, Ljava/text/SimpleDateFormat;
    const-string v2, "yyyy-MM-dd HH:mm:ss"
    sget-object v3, Ljava/util/Locale;->CHINA:Ljava/util/Locale;
    invoke-direct {v1, v2, v3}, Ljava/text/SimpleDateFormat;-><init>(Ljava/lang/String;Ljava/util/Locale;)V
    new-instance v2, Ljava/util/Date;
    invoke-direct {v2}, Ljava/util/Date;-><init>()V
    invoke-virtual {v1, v2}, Ljava/text/SimpleDateFormat;->format(Ljava/util/Date;)Ljava/lang/String;
    move-result-object v1
    new-instance v2, Ljava/lang/StringBuilder;
    invoke-direct {v2, v1}, Ljava/lang/StringBuilder;-><init>(Ljava/lang/String;)V

    const-string v1, "location"
    invoke-virtual {p0, v1}, Lcn/gov/example/watermark/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v1
    check-cast v1, Landroid/location/LocationManager;

    :try_start_0
    const-string v3, "gps"
    invoke-virtual {v1, v3}, Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;
    move-result-object v1
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :located
    if-eqz v1, :no_fix
    const-string v3, " "
    invoke-virtual {v2, v3}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v1}, Landroid/location/Location;->getLatitude()D
    move-result-wide v3
    invoke-virtual {v2, v3, v4}, Ljava/lang/StringBuilder;->append(D)Ljava/lang/StringBuilder;
    const-string v3, ","
    invoke-virtual {v2, v3}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v1}, Landroid/location/Location;->getLongitude()D
    move-result-wide v3
    invoke-virtual {v2, v3, v4}, Ljava/lang/StringBuilder;->append(D)Ljava/lang/StringBuilder;

    :no_fix
    invoke-virtual {v2}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v2

    # Draw it in white, 16 px, at (10, 30).
    new-instance v1, Landroid/graphics/Canvas;
    invoke-direct {v1, v0}, Landroid/graphics/Canvas;-><init>(Landroid/graphics/Bitmap;)V
    new-instance v3, Landroid/graphics/Paint;
    invoke-direct {v3}, Landroid/graphics/Paint;-><init>()V
    const/4 v4, -0x1    # Color.WHITE
    invoke-virtual {v3, v4}, Landroid/graphics/Paint;->setColor(I)V
    const/high16 v4, 0x41800000    # 16.0f
    invoke-virtual {v3, v4}, Landroid/graphics/Paint;->setTextSize(F)V
    const/high16 v4, 0x41200000    # 10.0f
    const/high16 v5, 0x41f00000    # 30.0f
    invoke-virtual {v1, v2, v4, v5, v3}, Landroid/graphics/Canvas;->drawText(Ljava/lang/String;FFLandroid/graphics/Paint;)V

    invoke-static {v0}, Lcn/gov/example/watermark/PhotoUploader;->upload(Landroid/graphics/Bitmap;)I
    move-result v0
    const/16 v1, 0xc8    # HTTP 200
    if-ne v0, v1, :done
    const-string v0, "\u73b0\u573a\u7167\u7247\u5df2\u4e0a\u4f20"    # "现场照片已上传"
    const/4 v1, 0x0
    invoke-static {p0, v0, v1}, Landroid/widget/Toast;->makeText(Landroid/content/Context;Ljava/lang/CharSequence;I)Landroid/widget/Toast;
    move-result-object v0
    invoke-virtual {v0}, Landroid/widget/Toast;->show()V

    :done
    return-void

    # No location permission: watermark with the time only.
    :catch_0
    move-exception v1
    const/4 v1, 0x0
    goto :located
.end method
