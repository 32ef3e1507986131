# Manifest receiver; onReceive does nothing (being woken is the finding).
.class public Lcn/gov/example/perms/NetReceiver;
.super Landroid/content/BroadcastReceiver;
.source "NetReceiver.java"


# direct methods
.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/content/BroadcastReceiver;-><init>()V

    return-void
.end method


# virtual methods
.method public onReceive(Landroid/content/Context;Landroid/content/Intent;)V
    .locals 0

    return-void
.end method
