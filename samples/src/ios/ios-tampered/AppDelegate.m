// ios-tampered: ios-clean's notice board (通知公告) under its own bundle id. The build signs
// it normally, then changes one character of the 通知公告 title in __TEXT,__ustring (公 -> 广,
// "notice" -> "advert"), as a repackager editing a signed binary would: the CodeDirectory's
// page hash of that page no longer matches (SEC-SIGN-004).
#import "AppDelegate.h"
#import "NoticeListViewController.h"

@implementation AppDelegate

- (BOOL)application:(UIApplication *)application didFinishLaunchingWithOptions:(NSDictionary *)launchOptions {
    self.window = [[UIWindow alloc] initWithFrame:[UIScreen mainScreen].bounds];
    NoticeListViewController *list = [[NoticeListViewController alloc] initWithStyle:UITableViewStylePlain];
    self.window.rootViewController = [[UINavigationController alloc] initWithRootViewController:list];
    [self.window makeKeyAndVisible];
    return YES;
}

@end
