# Anonymous LocationListener of LocationService: uploads every fix.
.class Lcn/gov/example/trace/LocationService$1;
.super Ljava/lang/Object;
.source "LocationService.java"

# interfaces
.implements Landroid/location/LocationListener;


# annotations
.annotation system Ldalvik/annotation/EnclosingClass;
    value = Lcn/gov/example/trace/LocationService;
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lcn/gov/example/trace/LocationService;


# direct methods
.method constructor <init>(Lcn/gov/example/trace/LocationService;)V
    .locals 0

    iput-object p1, p0, Lcn/gov/example/trace/LocationService$1;->this$0:Lcn/gov/example/trace/LocationService;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onLocationChanged(Landroid/location/Location;)V
    .locals 0

    invoke-static {p1}, Lcn/gov/example/trace/TrackUploader;->upload(Landroid/location/Location;)V

    return-void
.end method

.method public onProviderDisabled(Ljava/lang/String;)V
    .locals 0

    return-void
.end method

.method public onProviderEnabled(Ljava/lang/String;)V
    .locals 0

    return-void
.end method

.method public onStatusChanged(Ljava/lang/String;ILandroid/os/Bundle;)V
    .locals 0

    return-void
.end method
