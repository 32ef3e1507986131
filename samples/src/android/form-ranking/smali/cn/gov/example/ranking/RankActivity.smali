# "积分排名" screen: binds ScoreRankAdapter to the list and fetches the ranking
# on a worker Thread (RankActivity$1).
.class public Lcn/gov/example/ranking/RankActivity;
.super Landroid/app/Activity;
.source "RankActivity.java"


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

    const v0, 0x7f020001  # R.layout.activity_rank
    invoke-virtual {p0, v0}, Lcn/gov/example/ranking/RankActivity;->setContentView(I)V

    new-instance v0, Lcn/gov/example/ranking/ScoreRankAdapter;
    invoke-direct {v0, p0}, Lcn/gov/example/ranking/ScoreRankAdapter;-><init>(Landroid/content/Context;)V

    const v1, 0x7f040001  # R.id.rank_list
    invoke-virtual {p0, v1}, Lcn/gov/example/ranking/RankActivity;->findViewById(I)Landroid/view/View;
    move-result-object v1
    check-cast v1, Landroid/widget/ListView;
    invoke-virtual {v1, v0}, Landroid/widget/ListView;->setAdapter(Landroid/widget/ListAdapter;)V

    # new Thread(new RankActivity$1(this, adapter)).start()
    new-instance v1, Ljava/lang/Thread;
    new-instance v2, Lcn/gov/example/ranking/RankActivity$1;
    invoke-direct {v2, p0, v0}, Lcn/gov/example/ranking/RankActivity$1;-><init>(Lcn/gov/example/ranking/RankActivity;Lcn/gov/example/ranking/ScoreRankAdapter;)V
    invoke-direct {v1, v2}, Ljava/lang/Thread;-><init>(Ljava/lang/Runnable;)V
    invoke-virtual {v1}, Ljava/lang/Thread;->start()V

    return-void
.end method
