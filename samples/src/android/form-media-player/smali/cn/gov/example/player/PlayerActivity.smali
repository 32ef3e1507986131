# Launcher player: plays the default ringtone while in the foreground and shows
# the total played time, measured with SystemClock.elapsedRealtime, in a
# TextView. Nothing is sent anywhere.
.class public Lcn/gov/example/player/PlayerActivity;
.super Landroid/app/Activity;
.source "PlayerActivity.java"


# instance fields
.field private playedMs:J

.field private player:Landroid/media/MediaPlayer;

.field private startedAt:J


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

    const v0, 0x7f020000  # R.layout.activity_player
    invoke-virtual {p0, v0}, Lcn/gov/example/player/PlayerActivity;->setContentView(I)V

    # MediaPlayer.create returns null when the URI cannot be played.
    sget-object v0, Landroid/provider/Settings$System;->DEFAULT_RINGTONE_URI:Landroid/net/Uri;
    invoke-static {p0, v0}, Landroid/media/MediaPlayer;->create(Landroid/content/Context;Landroid/net/Uri;)Landroid/media/MediaPlayer;
    move-result-object v0
    iput-object v0, p0, Lcn/gov/example/player/PlayerActivity;->player:Landroid/media/MediaPlayer;
    if-eqz v0, :done
    const/4 v1, 0x1
    invoke-virtual {v0, v1}, Landroid/media/MediaPlayer;->setLooping(Z)V

    :done
    return-void
.end method

.method protected onResume()V
    .locals 2

    invoke-super {p0}, Landroid/app/Activity;->onResume()V

    invoke-static {}, Landroid/os/SystemClock;->elapsedRealtime()J
    move-result-wide v0
    iput-wide v0, p0, Lcn/gov/example/player/PlayerActivity;->startedAt:J

    iget-object v0, p0, Lcn/gov/example/player/PlayerActivity;->player:Landroid/media/MediaPlayer;
    if-eqz v0, :done
    invoke-virtual {v0}, Landroid/media/MediaPlayer;->start()V

    :done
    return-void
.end method

.method protected onPause()V
    .locals 4

    invoke-super {p0}, Landroid/app/Activity;->onPause()V

    iget-object v0, p0, Lcn/gov/example/player/PlayerActivity;->player:Landroid/media/MediaPlayer;
    if-eqz v0, :count
    invoke-virtual {v0}, Landroid/media/MediaPlayer;->pause()V

    # playedMs += elapsedRealtime() - startedAt
    :count
    invoke-static {}, Landroid/os/SystemClock;->elapsedRealtime()J
    move-result-wide v0
    iget-wide v2, p0, Lcn/gov/example/player/PlayerActivity;->startedAt:J
    sub-long/2addr v0, v2
    iget-wide v2, p0, Lcn/gov/example/player/PlayerActivity;->playedMs:J
    add-long/2addr v0, v2
    iput-wide v0, p0, Lcn/gov/example/player/PlayerActivity;->playedMs:J

    # Show it as MM:SS.
    const-wide/16 v2, 0x3e8
    div-long/2addr v0, v2
    invoke-static {v0, v1}, Landroid/text/format/DateUtils;->formatElapsedTime(J)Ljava/lang/String;
    move-result-object v0
    const v1, 0x7f040000  # R.id.elapsed
    invoke-virtual {p0, v1}, Lcn/gov/example/player/PlayerActivity;->findViewById(I)Landroid/view/View;
    move-result-object v1
    check-cast v1, Landroid/widget/TextView;
    invoke-virtual {v1, v0}, Landroid/widget/TextView;->setText(Ljava/lang/CharSequence;)V

    return-void
.end method

.method protected onDestroy()V
    .locals 1

    iget-object v0, p0, Lcn/gov/example/player/PlayerActivity;->player:Landroid/media/MediaPlayer;
    if-eqz v0, :done
    invoke-virtual {v0}, Landroid/media/MediaPlayer;->release()V

    :done
    invoke-super {p0}, Landroid/app/Activity;->onDestroy()V

    return-void
.end method
