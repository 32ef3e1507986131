// 隐私政策: the policy page in a WKWebView (not the deprecated UIWebView), over
// HTTPS. The user's acceptance is kept in NSUserDefaults, the "required reason"
// API declared in PrivacyInfo.xcprivacy (CA92.1).
#import "PrivacyPolicyViewController.h"
#import <WebKit/WebKit.h>

static NSString *const FTPrivacyPolicyURL = @"https://notice.example.gov.cn/privacy";

@implementation PrivacyPolicyViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"隐私政策";
    WKWebView *webView = [[WKWebView alloc] initWithFrame:self.view.bounds
                                            configuration:[[WKWebViewConfiguration alloc] init]];
    [self.view addSubview:webView];
    [webView loadRequest:[NSURLRequest requestWithURL:[NSURL URLWithString:FTPrivacyPolicyURL]]];
    [[NSUserDefaults standardUserDefaults] setBool:YES forKey:@"privacyPolicyShown"];
}

@end
