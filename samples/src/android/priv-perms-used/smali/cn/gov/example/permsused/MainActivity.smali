# Launcher activity: onCreate reads location and counts calendar events, opens
# the system settings app, and sets the button's listener (MainActivity$1),
# which asks for the camera and opens it.
.class public Lcn/gov/example/permsused/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"


# direct methods
.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .locals 3

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    const v0, 0x7f020000  # R.layout.activity_main
    invoke-virtual {p0, v0}, Lcn/gov/example/permsused/MainActivity;->setContentView(I)V

    invoke-static {p0}, Lcn/gov/example/permsused/Locator;->last(Landroid/content/Context;)Landroid/location/Location;
    invoke-static {p0}, Lcn/gov/example/permsused/Agenda;->count(Landroid/content/Context;)I

    new-instance v0, Landroid/content/Intent;
    invoke-direct {v0}, Landroid/content/Intent;-><init>()V
    const-string v1, "com.android.settings"
    const-string v2, "com.android.settings.Settings"
    invoke-virtual {v0, v1, v2}, Landroid/content/Intent;->setClassName(Ljava/lang/String;Ljava/lang/String;)Landroid/content/Intent;
    invoke-virtual {p0, v0}, Lcn/gov/example/permsused/MainActivity;->startActivity(Landroid/content/Intent;)V

    const v0, 0x7f040000  # R.id.scan
    invoke-virtual {p0, v0}, Lcn/gov/example/permsused/MainActivity;->findViewById(I)Landroid/view/View;
    move-result-object v0
    new-instance v1, Lcn/gov/example/permsused/MainActivity$1;
    invoke-direct {v1, p0}, Lcn/gov/example/permsused/MainActivity$1;-><init>(Lcn/gov/example/permsused/MainActivity;)V
    invoke-virtual {v0, v1}, Landroid/view/View;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    return-void
.end method
