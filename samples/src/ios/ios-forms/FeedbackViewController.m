// 意见反馈 / 投诉建议: the complaint and feedback entry the 办法 requires.
#import "FeedbackViewController.h"
#import "FormsKit.h"

@implementation FeedbackViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"意见反馈";
    self.view.backgroundColor = [UIColor whiteColor];
    FTAddLabel(self, @"投诉建议请发送至 feedback@forms.example.gov.cn，我们将在5个工作日内答复。", 120);
}

@end
