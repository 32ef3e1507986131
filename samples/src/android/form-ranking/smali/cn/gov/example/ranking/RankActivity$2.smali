# UI-thread Runnable: replaces the adapter's entries with the fetched ranking.
.class Lcn/gov/example/ranking/RankActivity$2;
.super Ljava/lang/Object;
.source "RankActivity.java"

# interfaces
.implements Ljava/lang/Runnable;


# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lcn/gov/example/ranking/RankActivity$1;->run()V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic val$adapter:Lcn/gov/example/ranking/ScoreRankAdapter;

.field final synthetic val$items:Ljava/util/ArrayList;


# direct methods
.method constructor <init>(Lcn/gov/example/ranking/ScoreRankAdapter;Ljava/util/ArrayList;)V
    .locals 0

    iput-object p1, p0, Lcn/gov/example/ranking/RankActivity$2;->val$adapter:Lcn/gov/example/ranking/ScoreRankAdapter;
    iput-object p2, p0, Lcn/gov/example/ranking/RankActivity$2;->val$items:Ljava/util/ArrayList;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public run()V
    .locals 2

    iget-object v0, p0, Lcn/gov/example/ranking/RankActivity$2;->val$adapter:Lcn/gov/example/ranking/ScoreRankAdapter;
    invoke-virtual {v0}, Lcn/gov/example/ranking/ScoreRankAdapter;->clear()V
    iget-object v1, p0, Lcn/gov/example/ranking/RankActivity$2;->val$items:Ljava/util/ArrayList;
    invoke-virtual {v0, v1}, Lcn/gov/example/ranking/ScoreRankAdapter;->addAll(Ljava/util/Collection;)V

    return-void
.end method
