// 政务通 (ios-forms): the formalism features of DOMAIN.md in one app, each reachable from
// the launch: AppDelegate -> UINavigationController -> WorkbenchViewController, whose
// viewDidLoad creates the feature screens and wires one button to each.
// WeChat is registered at launch (the SDK's own start: no data read); Alipay and WeChat
// return to the app through its URL schemes.
#import "AppDelegate.h"
#import "WorkbenchViewController.h"
#import <AlipaySDK/AlipaySDK.h>
#import <WechatOpenSDK/WXApi.h>

@implementation AppDelegate

- (BOOL)application:(UIApplication *)application didFinishLaunchingWithOptions:(NSDictionary *)launchOptions {
    [WXApi registerApp:@"wx5f0a8c3d2b1e4a67" universalLink:@"https://forms.example.gov.cn/wx/"];
    self.window = [[UIWindow alloc] initWithFrame:[UIScreen mainScreen].bounds];
    WorkbenchViewController *workbench = [[WorkbenchViewController alloc] init];
    self.window.rootViewController = [[UINavigationController alloc] initWithRootViewController:workbench];
    [self.window makeKeyAndVisible];
    return YES;
}

- (BOOL)application:(UIApplication *)app openURL:(NSURL *)url options:(NSDictionary *)options {
    if ([url.host isEqualToString:@"safepay"]) {
        [[AlipaySDK defaultService] processOrderWithPaymentResult:url standbyCallback:nil];
        return YES;
    }
    return [WXApi handleOpenURL:url delegate:nil];
}

@end
