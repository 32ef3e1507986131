// 移动考勤: a field check-in app. Bugly is started at launch; the check-in
// screen is the root view controller; the ftcheckin:// scheme opens it.
#import "AppDelegate.h"
#import "CheckinViewController.h"
#import <Bugly/Bugly.h>

@implementation AppDelegate

- (BOOL)application:(UIApplication *)application didFinishLaunchingWithOptions:(NSDictionary *)launchOptions {
    [Bugly startWithAppId:@"f1a2b3c4d5"];
    self.window = [[UIWindow alloc] initWithFrame:[UIScreen mainScreen].bounds];
    CheckinViewController *checkin = [[CheckinViewController alloc] init];
    self.window.rootViewController = [[UINavigationController alloc] initWithRootViewController:checkin];
    [self.window makeKeyAndVisible];
    return YES;
}

// ftcheckin://checkin?from=... : any app can open the check-in screen; the
// URL is not validated (SEC-EXPORT-001's iOS signal).
- (BOOL)application:(UIApplication *)app openURL:(NSURL *)url options:(NSDictionary *)options {
    if (![url.scheme isEqualToString:@"ftcheckin"]) {
        return NO;
    }
    UINavigationController *nav = (UINavigationController *)self.window.rootViewController;
    [nav pushViewController:[[CheckinViewController alloc] init] animated:YES];
    return YES;
}

@end
