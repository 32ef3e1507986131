// 政务工作台: the root screen. viewDidLoad creates the five feature screens and wires a
// button to each (addTarget:action:forControlEvents:), plus 意见反馈 and 隐私政策.
// FORM-FORCE-001: viewDidAppear: -> remindDailyLogin: a 每日登录 / 连续登录 alert with a
// single "我知道了" action (no way to decline) and the day's login POSTed to the server.
#import "WorkbenchViewController.h"
#import "FormsKit.h"
#import "FenceViewController.h"
#import "RankViewController.h"
#import "ShareTaskViewController.h"
#import "DailyReportViewController.h"
#import "MallViewController.h"
#import "FeedbackViewController.h"
#import "PrivacyPolicyViewController.h"

static const NSTimeInterval FTOneDay = 24 * 60 * 60;

@interface WorkbenchViewController ()
@property (nonatomic, strong) FenceViewController *fence;
@property (nonatomic, strong) RankViewController *rank;
@property (nonatomic, strong) ShareTaskViewController *shareTask;
@property (nonatomic, strong) DailyReportViewController *report;
@property (nonatomic, strong) MallViewController *mall;
@end

@implementation WorkbenchViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"政务工作台";
    self.view.backgroundColor = [UIColor whiteColor];
    self.fence = [[FenceViewController alloc] init];
    self.rank = [[RankViewController alloc] initWithStyle:UITableViewStylePlain];
    self.shareTask = [[ShareTaskViewController alloc] init];
    self.report = [[DailyReportViewController alloc] init];
    self.mall = [[MallViewController alloc] init];

    FTAddButton(self, @"电子围栏", 100, @selector(openFence:));
    FTAddButton(self, @"积分排名", 150, @selector(openRank:));
    FTAddButton(self, @"转发任务", 200, @selector(openShareTask:));
    FTAddButton(self, @"日报填报", 250, @selector(openReport:));
    FTAddButton(self, @"便民商城", 300, @selector(openMall:));
    FTAddButton(self, @"意见反馈", 380, @selector(openFeedback:));
    FTAddButton(self, @"隐私政策", 430, @selector(openPrivacyPolicy:));
}

- (void)viewDidAppear:(BOOL)animated {
    [super viewDidAppear:animated];
    [self remindDailyLogin];
}

- (void)openFence:(id)sender {
    [self.navigationController pushViewController:self.fence animated:YES];
}

- (void)openRank:(id)sender {
    [self.navigationController pushViewController:self.rank animated:YES];
}

- (void)openShareTask:(id)sender {
    [self.navigationController pushViewController:self.shareTask animated:YES];
}

- (void)openReport:(id)sender {
    [self.navigationController pushViewController:self.report animated:YES];
}

- (void)openMall:(id)sender {
    [self.navigationController pushViewController:self.mall animated:YES];
}

- (void)openFeedback:(id)sender {
    [self.navigationController pushViewController:[[FeedbackViewController alloc] init] animated:YES];
}

- (void)openPrivacyPolicy:(id)sender {
    [self.navigationController pushViewController:[[PrivacyPolicyViewController alloc] init] animated:YES];
}

// Once a day: count the streak, tell the server, and show the reminder.
- (void)remindDailyLogin {
    NSDateFormatter *formatter = [[NSDateFormatter alloc] init];
    formatter.dateFormat = @"yyyy-MM-dd";
    NSString *today = [formatter stringFromDate:[NSDate date]];
    NSString *yesterday = [formatter stringFromDate:[NSDate dateWithTimeIntervalSinceNow:-FTOneDay]];
    NSUserDefaults *defaults = [NSUserDefaults standardUserDefaults];
    NSString *last = [defaults stringForKey:@"lastLoginDay"];
    if ([today isEqualToString:last]) {
        return;
    }
    NSInteger streak = [yesterday isEqualToString:last] ? [defaults integerForKey:@"loginStreak"] + 1 : 1;
    [defaults setInteger:streak forKey:@"loginStreak"];
    [defaults setObject:today forKey:@"lastLoginDay"];

    NSMutableURLRequest *request = FTRequest(@"/api/login/daily", @"POST");
    request.HTTPBody = [NSJSONSerialization dataWithJSONObject:@{@"day" : today, @"streak" : @(streak)}
                                                       options:0
                                                         error:NULL];
    [[[NSURLSession sharedSession] dataTaskWithRequest:request] resume];

    NSString *message = [NSString
        stringWithFormat:@"您已连续登录%ld天。每日登录情况纳入单位年度考核，中断后连续登录天数清零。", (long)streak];
    UIAlertController *alert = [UIAlertController alertControllerWithTitle:@"每日登录提醒"
                                                                   message:message
                                                            preferredStyle:UIAlertControllerStyleAlert];
    [alert addAction:[UIAlertAction actionWithTitle:@"我知道了" style:UIAlertActionStyleDefault handler:nil]];
    [self presentViewController:alert animated:YES completion:nil];
}

@end
