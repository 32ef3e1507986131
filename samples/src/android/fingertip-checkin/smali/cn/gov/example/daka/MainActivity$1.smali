# Anonymous OnClickListener of MainActivity: reads the GPS location, subscribes
# to updates and posts the check-in over plain HTTP.
.class Lcn/gov/example/daka/MainActivity$1;
.super Ljava/lang/Object;
.source "MainActivity.java"

# interfaces
.implements Landroid/view/View$OnClickListener;


# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lcn/gov/example/daka/MainActivity;->onCreate(Landroid/os/Bundle;)V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lcn/gov/example/daka/MainActivity;


# direct methods
.method constructor <init>(Lcn/gov/example/daka/MainActivity;)V
    .locals 0

    iput-object p1, p0, Lcn/gov/example/daka/MainActivity$1;->this$0:Lcn/gov/example/daka/MainActivity;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onClick(Landroid/view/View;)V
    .locals 6

    :try_start_0
    iget-object v0, p0, Lcn/gov/example/daka/MainActivity$1;->this$0:Lcn/gov/example/daka/MainActivity;
    const-string v1, "location"
    invoke-virtual {v0, v1}, Lcn/gov/example/daka/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/location/LocationManager;

    const-string v1, "gps"
    invoke-virtual {v0, v1}, Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;

    # requestLocationUpdates("gps", 5000L, 10.0f, listener): the long takes
    # v2/v3, so six registers are needed and the /range form is mandatory.
    const-wide/16 v2, 0x1388
    const/high16 v4, 0x41200000    # 10.0f
    new-instance v5, Lcn/gov/example/daka/TrackingListener;
    invoke-direct {v5}, Lcn/gov/example/daka/TrackingListener;-><init>()V
    invoke-virtual/range {v0 .. v5}, Landroid/location/LocationManager;->requestLocationUpdates(Ljava/lang/String;JFLandroid/location/LocationListener;)V

    # POST the check-in to a cleartext endpoint.
    new-instance v0, Ljava/net/URL;
    const-string v1, "http://daka.example.gov.cn/api/checkin"
    invoke-direct {v0, v1}, Ljava/net/URL;-><init>(Ljava/lang/String;)V
    invoke-virtual {v0}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;
    move-result-object v0
    check-cast v0, Ljava/net/HttpURLConnection;

    const-string v1, "POST"
    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setRequestMethod(Ljava/lang/String;)V
    const/4 v1, 0x1
    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;
    move-result-object v1
    const-string v2, "provider=gps&action=checkin"
    invoke-virtual {v2}, Ljava/lang/String;->getBytes()[B
    move-result-object v2
    invoke-virtual {v1, v2}, Ljava/io/OutputStream;->write([B)V
    invoke-virtual {v1}, Ljava/io/OutputStream;->close()V

    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getResponseCode()I
    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->disconnect()V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    return-void

    # SecurityException (no runtime permission) and IOException are swallowed.
    :catch_0
    move-exception v0
    return-void
.end method
