# Anonymous Runnable of LocationService: re-requests location and re-posts
# itself every 60 s with Handler.postDelayed.
.class Lcn/gov/example/trace/LocationService$2;
.super Ljava/lang/Object;
.source "LocationService.java"

# interfaces
.implements Ljava/lang/Runnable;


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

    iput-object p1, p0, Lcn/gov/example/trace/LocationService$2;->this$0:Lcn/gov/example/trace/LocationService;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public run()V
    .locals 3

    iget-object v0, p0, Lcn/gov/example/trace/LocationService$2;->this$0:Lcn/gov/example/trace/LocationService;
    invoke-virtual {v0}, Lcn/gov/example/trace/LocationService;->requestLocation()V

    iget-object v0, v0, Lcn/gov/example/trace/LocationService;->handler:Landroid/os/Handler;
    const-wide/32 v1, 0xea60    # 60000 ms
    invoke-virtual {v0, p0, v1, v2}, Landroid/os/Handler;->postDelayed(Ljava/lang/Runnable;J)Z

    return-void
.end method
