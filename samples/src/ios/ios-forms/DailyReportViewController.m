// 日报填报 (FORM-REPORT-001): a form whose submit method builds the day's report (填报,
// 日报) and uploads it itself with NSURLSession uploadTaskWithRequest:fromData:.
#import "DailyReportViewController.h"
#import "FormsKit.h"

@interface DailyReportViewController ()
@property (nonatomic, strong) UITextField *contentField;
@property (nonatomic, strong) UILabel *statusLabel;
@end

@implementation DailyReportViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"日报填报";
    self.view.backgroundColor = [UIColor whiteColor];
    self.statusLabel = FTAddLabel(self, @"请于每日18:00前完成工作日报填报。", 90);
    self.contentField = [[UITextField alloc] initWithFrame:CGRectMake(20, 160, 280, 40)];
    self.contentField.placeholder = @"今日完成事项";
    [self.view addSubview:self.contentField];
    FTAddButton(self, @"提交日报", 220, @selector(submitReport:));
}

- (void)submitReport:(id)sender {
    NSDateFormatter *formatter = [[NSDateFormatter alloc] init];
    formatter.dateFormat = @"yyyy-MM-dd";
    NSDictionary *form = @{
        @"form" : @"工作日报",
        @"title" : @"每日工作填报",
        @"date" : [formatter stringFromDate:[NSDate date]],
        @"content" : self.contentField.text ?: @"",
    };
    NSData *data = [NSJSONSerialization dataWithJSONObject:form options:0 error:NULL];
    NSMutableURLRequest *request = FTRequest(@"/api/report/daily", @"POST");
    [[[NSURLSession sharedSession] uploadTaskWithRequest:request fromData:data] resume];
    self.statusLabel.text = @"日报已提交，请勿漏填";
}

@end
