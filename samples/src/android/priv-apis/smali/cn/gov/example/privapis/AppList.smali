# Installed apps: PackageManager.getInstalledPackages(0), the whole list
# (QUERY_ALL_PACKAGES on targetSdk 30+). Returns how many there are.
.class public final Lcn/gov/example/privapis/AppList;
.super Ljava/lang/Object;
.source "AppList.java"


# direct methods
.method private constructor <init>()V
    .locals 0

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method public static scan(Landroid/content/Context;)I
    .locals 2

    invoke-virtual {p0}, Landroid/content/Context;->getPackageManager()Landroid/content/pm/PackageManager;
    move-result-object v0
    const/4 v1, 0x0    # flags
    invoke-virtual {v0, v1}, Landroid/content/pm/PackageManager;->getInstalledPackages(I)Ljava/util/List;
    move-result-object v0
    invoke-interface {v0}, Ljava/util/List;->size()I
    move-result v0

    return v0
.end method
