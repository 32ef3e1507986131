# Launcher activity: onCreate itself (no click handler, no dialog) calls each
# Harvester method, so each provider query is one call away from the entry
# point: onCreate -> Harvester.contacts / Harvester.sms / Harvester.calls ->
# ContentResolver.query. The counts are dropped.
.class public Lcn/gov/example/contacts/MainActivity;
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
    .locals 1

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    const v0, 0x7f020000  # R.layout.activity_main
    invoke-virtual {p0, v0}, Lcn/gov/example/contacts/MainActivity;->setContentView(I)V

    invoke-static {p0}, Lcn/gov/example/contacts/Harvester;->contacts(Landroid/content/Context;)I
    invoke-static {p0}, Lcn/gov/example/contacts/Harvester;->sms(Landroid/content/Context;)I
    invoke-static {p0}, Lcn/gov/example/contacts/Harvester;->calls(Landroid/content/Context;)I

    return-void
.end method
