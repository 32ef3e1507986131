# Camera: Camera.open() then release() (null or an exception without the grant).
.class public final Lcn/gov/example/permsused/Scanner;
.super Ljava/lang/Object;
.source "Scanner.java"


# direct methods
.method private constructor <init>()V
    .locals 0

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method public static open()V
    .locals 1

    :try_start_0
    invoke-static {}, Landroid/hardware/Camera;->open()Landroid/hardware/Camera;
    move-result-object v0
    if-eqz v0, :done
    invoke-virtual {v0}, Landroid/hardware/Camera;->release()V
    :try_end_0
    .catch Ljava/lang/RuntimeException; {:try_start_0 .. :try_end_0} :done

    :done
    return-void
.end method
