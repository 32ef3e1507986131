// Static text only: the check-in words (E1) and no reference to CheckinService.
#import "HomeViewController.h"

@implementation HomeViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"考勤须知";
    self.view.backgroundColor = [UIColor whiteColor];
    UILabel *rules = [[UILabel alloc] initWithFrame:CGRectInset(self.view.bounds, 20, 100)];
    rules.numberOfLines = 0;
    rules.text = @"签到打卡规则：上班签到 9:00 前，下班签退 17:30 后。考勤异常请联系人事处补卡。";
    [self.view addSubview:rules];
}

@end
