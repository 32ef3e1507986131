# Application subclass. onCreate does nothing sensitive: identifiers are read
# and Umeng is initialised only after consent, in MainActivity$1.onClick. The
# static fields hold what that handler reads.
.class public Lcn/gov/example/afterconsent/App;
.super Landroid/app/Application;
.source "App.java"


# static fields
.field public static androidId:Ljava/lang/String;

.field public static deviceId:Ljava/lang/String;


# direct methods
.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/app/Application;-><init>()V

    return-void
.end method


# virtual methods
.method public onCreate()V
    .locals 0

    invoke-super {p0}, Landroid/app/Application;->onCreate()V

    return-void
.end method
