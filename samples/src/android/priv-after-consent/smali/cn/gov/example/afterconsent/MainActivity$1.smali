# Positive button ("同意") of the privacy-policy dialog: records the consent,
# then, and only then, reads the IMEI and ANDROID_ID and initialises Umeng.
.class Lcn/gov/example/afterconsent/MainActivity$1;
.super Ljava/lang/Object;
.source "MainActivity.java"

# interfaces
.implements Landroid/content/DialogInterface$OnClickListener;


# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lcn/gov/example/afterconsent/MainActivity;->onCreate(Landroid/os/Bundle;)V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lcn/gov/example/afterconsent/MainActivity;


# direct methods
.method constructor <init>(Lcn/gov/example/afterconsent/MainActivity;)V
    .locals 0

    iput-object p1, p0, Lcn/gov/example/afterconsent/MainActivity$1;->this$0:Lcn/gov/example/afterconsent/MainActivity;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onClick(Landroid/content/DialogInterface;I)V
    .locals 6

    iget-object v5, p0, Lcn/gov/example/afterconsent/MainActivity$1;->this$0:Lcn/gov/example/afterconsent/MainActivity;

    # getSharedPreferences("privacy", MODE_PRIVATE).edit().putBoolean("agreed", true).apply()
    const-string v1, "privacy"
    const/4 v2, 0x0
    invoke-virtual {v5, v1, v2}, Lcn/gov/example/afterconsent/MainActivity;->getSharedPreferences(Ljava/lang/String;I)Landroid/content/SharedPreferences;
    move-result-object v0
    invoke-interface {v0}, Landroid/content/SharedPreferences;->edit()Landroid/content/SharedPreferences$Editor;
    move-result-object v0
    const-string v1, "agreed"
    const/4 v2, 0x1
    invoke-interface {v0, v1, v2}, Landroid/content/SharedPreferences$Editor;->putBoolean(Ljava/lang/String;Z)Landroid/content/SharedPreferences$Editor;
    move-result-object v0
    invoke-interface {v0}, Landroid/content/SharedPreferences$Editor;->apply()V

    # IMEI: TelephonyManager.getDeviceId() (SecurityException without
    # READ_PHONE_STATE granted, and always on Android 10+).
    :try_start_0
    const-string v0, "phone"
    invoke-virtual {v5, v0}, Lcn/gov/example/afterconsent/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0
    sput-object v0, Lcn/gov/example/afterconsent/App;->deviceId:Ljava/lang/String;
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    # ANDROID_ID: Settings.Secure.getString(resolver, "android_id").
    :android_id
    invoke-virtual {v5}, Lcn/gov/example/afterconsent/MainActivity;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v0
    const-string v1, "android_id"    # Settings.Secure.ANDROID_ID
    invoke-static {v0, v1}, Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    sput-object v0, Lcn/gov/example/afterconsent/App;->androidId:Ljava/lang/String;

    # UMConfigure.init(context, appkey, channel, DEVICE_TYPE_PHONE, pushSecret)
    invoke-virtual {v5}, Lcn/gov/example/afterconsent/MainActivity;->getApplicationContext()Landroid/content/Context;
    move-result-object v0
    const-string v1, "5f0000000000000000000001"    # sample Umeng app key
    const-string v2, "official"
    const/4 v3, 0x1    # UMConfigure.DEVICE_TYPE_PHONE
    const/4 v4, 0x0
    invoke-static {v0, v1, v2, v3, v4}, Lcom/umeng/commonsdk/UMConfigure;->init(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;)V

    return-void

    :catch_0
    move-exception v0
    goto :android_id
.end method
