# Launcher "商城" screen: the "下单" button (MainActivity$1) pays with Alipay.
.class public Lcn/gov/example/commerce/MainActivity;
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
    .locals 2

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    const v0, 0x7f020000  # R.layout.activity_main
    invoke-virtual {p0, v0}, Lcn/gov/example/commerce/MainActivity;->setContentView(I)V

    const v0, 0x7f040000  # R.id.order_button
    invoke-virtual {p0, v0}, Lcn/gov/example/commerce/MainActivity;->findViewById(I)Landroid/view/View;
    move-result-object v0

    new-instance v1, Lcn/gov/example/commerce/MainActivity$1;
    invoke-direct {v1, p0}, Lcn/gov/example/commerce/MainActivity$1;-><init>(Lcn/gov/example/commerce/MainActivity;)V
    invoke-virtual {v0, v1}, Landroid/view/View;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    return-void
.end method
