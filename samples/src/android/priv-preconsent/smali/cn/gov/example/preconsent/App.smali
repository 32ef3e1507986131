# Application subclass. onCreate runs when the process starts, before any
# activity and so before the privacy dialog: reading the IMEI and ANDROID_ID
# and initialising Umeng here collects personal data without consent.
.class public Lcn/gov/example/preconsent/App;
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
    .locals 5

    invoke-super {p0}, Landroid/app/Application;->onCreate()V

    # IMEI: TelephonyManager.getDeviceId() (SecurityException without
    # READ_PHONE_STATE granted, and always on Android 10+).
    :try_start_0
    const-string v0, "phone"
    invoke-virtual {p0, v0}, Lcn/gov/example/preconsent/App;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0
    sput-object v0, Lcn/gov/example/preconsent/App;->deviceId:Ljava/lang/String;
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    # ANDROID_ID: Settings.Secure.getString(resolver, "android_id").
    :android_id
    invoke-virtual {p0}, Lcn/gov/example/preconsent/App;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v0
    const-string v1, "android_id"    # Settings.Secure.ANDROID_ID
    invoke-static {v0, v1}, Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    sput-object v0, Lcn/gov/example/preconsent/App;->androidId:Ljava/lang/String;

    # UMConfigure.init(context, appkey, channel, DEVICE_TYPE_PHONE, pushSecret)
    const-string v1, "5f0000000000000000000001"    # sample Umeng app key
    const-string v2, "official"
    const/4 v3, 0x1    # UMConfigure.DEVICE_TYPE_PHONE
    const/4 v4, 0x0
    invoke-static {p0, v1, v2, v3, v4}, Lcom/umeng/commonsdk/UMConfigure;->init(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;)V

    return-void

    :catch_0
    move-exception v0
    goto :android_id
.end method
