# Launcher activity: the "拍照" button launches the camera (MainActivity$1);
# onActivityResult shows the thumbnail as the profile picture. Nothing else.
.class public Lcn/gov/example/avatar/MainActivity;
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
    invoke-virtual {p0, v0}, Lcn/gov/example/avatar/MainActivity;->setContentView(I)V

    const v0, 0x7f040001  # R.id.photo_button
    invoke-virtual {p0, v0}, Lcn/gov/example/avatar/MainActivity;->findViewById(I)Landroid/view/View;
    move-result-object v0

    new-instance v1, Lcn/gov/example/avatar/MainActivity$1;
    invoke-direct {v1, p0}, Lcn/gov/example/avatar/MainActivity$1;-><init>(Lcn/gov/example/avatar/MainActivity;)V
    invoke-virtual {v0, v1}, Landroid/view/View;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    return-void
.end method

.method protected onActivityResult(IILandroid/content/Intent;)V
    .locals 2

    invoke-super {p0, p1, p2, p3}, Landroid/app/Activity;->onActivityResult(IILandroid/content/Intent;)V

    # requestCode 1 (the camera), RESULT_OK (-1), with data.
    const/4 v0, 0x1
    if-ne p1, v0, :done
    const/4 v0, -0x1
    if-ne p2, v0, :done
    if-eqz p3, :done

    invoke-virtual {p3}, Landroid/content/Intent;->getExtras()Landroid/os/Bundle;
    move-result-object v0
    if-eqz v0, :done
    const-string v1, "data"
    invoke-virtual {v0, v1}, Landroid/os/Bundle;->get(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/graphics/Bitmap;

    const v1, 0x7f040000  # R.id.avatar
    invoke-virtual {p0, v1}, Lcn/gov/example/avatar/MainActivity;->findViewById(I)Landroid/view/View;
    move-result-object v1
    check-cast v1, Landroid/widget/ImageView;
    invoke-virtual {v1, v0}, Landroid/widget/ImageView;->setImageBitmap(Landroid/graphics/Bitmap;)V

    :done
    return-void
.end method
