// ios-insecure's dead twin: the same API client and session store are linked in, but the
// app delegate never creates the client nor calls the store, so no entry point reaches the
// trust-all delegate, the key or the token code (all E2). See samples/README-ios.md.
#import "AppDelegate.h"

@implementation AppDelegate

- (BOOL)application:(UIApplication *)application didFinishLaunchingWithOptions:(NSDictionary *)launchOptions {
    self.window = [[UIWindow alloc] initWithFrame:[UIScreen mainScreen].bounds];
    self.window.rootViewController = [[UIViewController alloc] init];
    [self.window makeKeyAndVisible];
    return YES;
}

@end
