// The portal in a UIWebView (deprecated, SEC-WEBVIEW-001), a login token made
// with MD5 and DES/ECB (SEC-CRYPTO-001) and the C helpers of legacy_util.c.
#import "LegacyViewController.h"
#import "LegacyCrypto.h"
#include "legacy_util.h"

@implementation LegacyViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"旧版办事大厅";
    _webView = [[UIWebView alloc] initWithFrame:self.view.bounds];
    _webView.delegate = self;
    [self.view addSubview:_webView];

    char session[64];
    legacy_make_session(session, "guest");
    NSString *token = [LegacyCrypto md5Hex:[NSString stringWithUTF8String:session]];
    NSData *sealed = [LegacyCrypto desEncrypt:token key:@"gov12345"];
    NSString *url = [NSString stringWithFormat:@"https://legacy.example.gov.cn/portal?token=%@&len=%lu",
                                               token, (unsigned long)sealed.length];
    [_webView loadRequest:[NSURLRequest requestWithURL:[NSURL URLWithString:url]]];

    if ([[NSUserDefaults standardUserDefaults] boolForKey:@"debugConsole"]) {
        [self runDebugConsole];
    }
}

// The vendor's test server, left in the release build (ZOMB-PLACEHOLDER-001).
static NSString *const LegacyTestServer = @"http://192.168.1.20:8080/portal";

- (void)runDebugConsole {
    [_webView loadRequest:[NSURLRequest requestWithURL:[NSURL URLWithString:LegacyTestServer]]];
    char line[128];
    legacy_read_command(line);
    [_webView stringByEvaluatingJavaScriptFromString:[NSString stringWithUTF8String:line]];
}

- (void)dealloc {
    _webView.delegate = nil;
    [_webView release];
    [super dealloc];
}

@end
