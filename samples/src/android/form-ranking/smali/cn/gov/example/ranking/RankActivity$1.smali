# Worker Runnable of RankActivity: GETs the ranking list (one entry per line)
# and hands it to the UI thread (RankActivity$2).
.class Lcn/gov/example/ranking/RankActivity$1;
.super Ljava/lang/Object;
.source "RankActivity.java"

# interfaces
.implements Ljava/lang/Runnable;


# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lcn/gov/example/ranking/RankActivity;->onCreate(Landroid/os/Bundle;)V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lcn/gov/example/ranking/RankActivity;

.field final synthetic val$adapter:Lcn/gov/example/ranking/ScoreRankAdapter;


# direct methods
.method constructor <init>(Lcn/gov/example/ranking/RankActivity;Lcn/gov/example/ranking/ScoreRankAdapter;)V
    .locals 0

    iput-object p1, p0, Lcn/gov/example/ranking/RankActivity$1;->this$0:Lcn/gov/example/ranking/RankActivity;
    iput-object p2, p0, Lcn/gov/example/ranking/RankActivity$1;->val$adapter:Lcn/gov/example/ranking/ScoreRankAdapter;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public run()V
    .locals 4

    new-instance v0, Ljava/util/ArrayList;
    invoke-direct {v0}, Ljava/util/ArrayList;-><init>()V

    :try_start_0
    new-instance v1, Ljava/net/URL;
    const-string v2, "https://xuexi.example.gov.cn/api/rank/list"
    invoke-direct {v1, v2}, Ljava/net/URL;-><init>(Ljava/lang/String;)V
    invoke-virtual {v1}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;
    move-result-object v1
    check-cast v1, Ljava/net/HttpURLConnection;

    const-string v2, "GET"
    invoke-virtual {v1, v2}, Ljava/net/HttpURLConnection;->setRequestMethod(Ljava/lang/String;)V

    new-instance v2, Ljava/io/BufferedReader;
    new-instance v3, Ljava/io/InputStreamReader;
    invoke-virtual {v1}, Ljava/net/HttpURLConnection;->getInputStream()Ljava/io/InputStream;
    move-result-object v1
    invoke-direct {v3, v1}, Ljava/io/InputStreamReader;-><init>(Ljava/io/InputStream;)V
    invoke-direct {v2, v3}, Ljava/io/BufferedReader;-><init>(Ljava/io/Reader;)V

    :read
    invoke-virtual {v2}, Ljava/io/BufferedReader;->readLine()Ljava/lang/String;
    move-result-object v3
    if-eqz v3, :eof
    invoke-virtual {v0, v3}, Ljava/util/ArrayList;->add(Ljava/lang/Object;)Z
    goto :read

    :eof
    invoke-virtual {v2}, Ljava/io/BufferedReader;->close()V
    :try_end_0
    .catch Ljava/io/IOException; {:try_start_0 .. :try_end_0} :catch_0

    # Back to the UI thread to update the adapter.
    iget-object v1, p0, Lcn/gov/example/ranking/RankActivity$1;->this$0:Lcn/gov/example/ranking/RankActivity;
    new-instance v2, Lcn/gov/example/ranking/RankActivity$2;
    iget-object v3, p0, Lcn/gov/example/ranking/RankActivity$1;->val$adapter:Lcn/gov/example/ranking/ScoreRankAdapter;
    invoke-direct {v2, v3, v0}, Lcn/gov/example/ranking/RankActivity$2;-><init>(Lcn/gov/example/ranking/ScoreRankAdapter;Ljava/util/ArrayList;)V
    invoke-virtual {v1, v2}, Lcn/gov/example/ranking/RankActivity;->runOnUiThread(Ljava/lang/Runnable;)V

    return-void

    # Offline: keep the empty list.
    :catch_0
    move-exception v0
    return-void
.end method
