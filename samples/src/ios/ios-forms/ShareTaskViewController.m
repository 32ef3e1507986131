// 转发任务 (FORM-SOCIAL-001): the day's "share and like" task. 转发到朋友圈 ->
// shareToWeChat: -> WXApi sendReq: (SendMessageToWXReq, WXSceneTimeline), then the task's
// completion is uploaded (/api/task/complete) so that the unit can count it.
#import "ShareTaskViewController.h"
#import "FormsKit.h"
#import <WechatOpenSDK/WXApi.h>

@interface ShareTaskViewController ()
@property (nonatomic, strong) UILabel *statusLabel;
@end

@implementation ShareTaskViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"转发任务";
    self.view.backgroundColor = [UIColor whiteColor];
    self.statusLabel = FTAddLabel(self, @"今日任务：将《政策解读》转发到微信朋友圈并点赞，完成后自动登记。", 100);
    FTAddButton(self, @"转发到朋友圈", 200, @selector(shareToWeChat:));
}

- (void)shareToWeChat:(id)sender {
    SendMessageToWXReq *req = [[SendMessageToWXReq alloc] init];
    req.bText = YES;
    req.text = @"【政策解读】请转发并点赞：https://forms.example.gov.cn/article/2024-18";
    req.scene = WXSceneTimeline;
    if ([WXApi sendReq:req]) {
        [self uploadTaskCompletion:@"share-article-2024-18"];
    }
}

- (void)uploadTaskCompletion:(NSString *)task {
    NSDictionary *body = @{@"task" : task, @"action" : @"转发", @"time" : @([NSDate date].timeIntervalSince1970)};
    NSData *data = [NSJSONSerialization dataWithJSONObject:body options:0 error:NULL];
    [[[NSURLSession sharedSession] uploadTaskWithRequest:FTRequest(@"/api/task/complete", @"POST")
                                                fromData:data] resume];
    self.statusLabel.text = @"转发任务已完成，点赞记录已提交";
}

@end
