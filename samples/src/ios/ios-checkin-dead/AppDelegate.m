// 考勤须知: an information page about the attendance rules. It carries the
// check-in vocabulary and, compiled in, the same location + upload code as
// ios-checkin (CheckinService), but nothing ever starts it.
#import "AppDelegate.h"
#import "HomeViewController.h"

@implementation AppDelegate

- (BOOL)application:(UIApplication *)application didFinishLaunchingWithOptions:(NSDictionary *)launchOptions {
    self.window = [[UIWindow alloc] initWithFrame:[UIScreen mainScreen].bounds];
    HomeViewController *home = [[HomeViewController alloc] init];
    self.window.rootViewController = [[UINavigationController alloc] initWithRootViewController:home];
    [self.window makeKeyAndVisible];
    return YES;
}

@end
