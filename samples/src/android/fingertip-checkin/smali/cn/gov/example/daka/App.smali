# Application subclass. Its onCreate reads the IMEI and initialises the
# third-party SDK stubs, which is what the scanner's privacy rules look for.
.class public Lcn/gov/example/daka/App;
.super Landroid/app/Application;
.source "App.java"


# static fields
.field public static deviceId:Ljava/lang/String;


# direct methods
.method static constructor <clinit>()V
    .locals 1

    # Loads lib/x86_64/libweak.so, the deliberately unhardened native library.
    const-string v0, "weak"
    invoke-static {v0}, Ljava/lang/System;->loadLibrary(Ljava/lang/String;)V

    return-void
.end method

.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/app/Application;-><init>()V

    return-void
.end method


# virtual methods
.method public onCreate()V
    .locals 3

    invoke-super {p0}, Landroid/app/Application;->onCreate()V

    # Third-party SDK initialisation (stubs written for this sample).
    const-string v0, "fingertip-sample-amap-key"
    invoke-static {v0}, Lcom/amap/api/location/AMapLocationClient;->setApiKey(Ljava/lang/String;)V

    invoke-static {p0}, Lcn/jpush/android/api/JPushInterface;->init(Landroid/content/Context;)V

    invoke-static {p0}, Lcom/umeng/analytics/MobclickAgent;->onResume(Landroid/content/Context;)V

    const-string v0, "fingertip-sample-bugly-id"
    const/4 v1, 0x1
    invoke-static {p0, v0, v1}, Lcom/tencent/bugly/crashreport/CrashReport;->initCrashReport(Landroid/content/Context;Ljava/lang/String;Z)V

    # Device identifier collection: TelephonyManager.getDeviceId() (IMEI).
    const-string v0, "phone"
    invoke-virtual {p0, v0}, Lcn/gov/example/daka/App;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;

    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v2
    sput-object v2, Lcn/gov/example/daka/App;->deviceId:Ljava/lang/String;

    return-void
.end method
