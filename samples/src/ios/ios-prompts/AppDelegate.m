// 政务提醒 (GovPrompt): ios-clean's notice board plus three faults.
// - govprompt://<page>?<query> opens NoticeDetailViewController for whatever page the
//   URL's host names, with no check of the host or of the calling app
//   (SEC-EXPORT-001, E3: application:openURL:options: -> pushViewController:animated:).
//   wx1a2b3c4d5e6f7a8b is a WeChat callback scheme: an SDK's, not reported.
// - NoticeListViewController asks for location in viewDidAppear: (PRIV-PERM-002, E3).
// - Info.plist declares NSContactsUsageDescription; nothing uses contacts (PRIV-PERM-001).
#import "AppDelegate.h"
#import "NoticeListViewController.h"
#import "NoticeDetailViewController.h"

@implementation AppDelegate

- (BOOL)application:(UIApplication *)application didFinishLaunchingWithOptions:(NSDictionary *)launchOptions {
    self.window = [[UIWindow alloc] initWithFrame:[UIScreen mainScreen].bounds];
    NoticeListViewController *list = [[NoticeListViewController alloc] initWithStyle:UITableViewStylePlain];
    self.window.rootViewController = [[UINavigationController alloc] initWithRootViewController:list];
    [self.window makeKeyAndVisible];
    return YES;
}

- (BOOL)application:(UIApplication *)app openURL:(NSURL *)url options:(NSDictionary *)options {
    UINavigationController *nav = (UINavigationController *)self.window.rootViewController;
    NoticeDetailViewController *detail = [[NoticeDetailViewController alloc] initWithPage:url.host query:url.query];
    [nav pushViewController:detail animated:YES];
    return YES;
}

@end
