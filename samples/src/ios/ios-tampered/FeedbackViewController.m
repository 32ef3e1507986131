// 意见反馈 / 投诉建议: the complaint and feedback entry the 办法 requires.
#import "FeedbackViewController.h"

@implementation FeedbackViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"意见反馈";
    UILabel *label = [[UILabel alloc] initWithFrame:CGRectInset(self.view.bounds, 20, 120)];
    label.numberOfLines = 0;
    label.text = @"投诉建议请发送至 feedback@notice.example.gov.cn，我们将在5个工作日内答复。";
    [self.view addSubview:label];
}

@end
