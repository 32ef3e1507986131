// 旧版办事大厅: a legacy app kept alive since iOS 9, with every binary-level
// weakness the scanner checks (see LegacyViewController.m, LegacyCrypto.m,
// legacy_util.c and samples/README-ios.md).
#import "AppDelegate.h"
#import "LegacyViewController.h"

@implementation AppDelegate

@synthesize window = _window;

- (BOOL)application:(UIApplication *)application didFinishLaunchingWithOptions:(NSDictionary *)launchOptions {
    UIWindow *window = [[UIWindow alloc] initWithFrame:[UIScreen mainScreen].bounds];
    self.window = window;
    [window release];
    LegacyViewController *root = [[LegacyViewController alloc] init];
    self.window.rootViewController = root;
    [root release];
    [self.window makeKeyAndVisible];
    return YES;
}

- (void)dealloc {
    [_window release];
    [super dealloc];
}

@end
