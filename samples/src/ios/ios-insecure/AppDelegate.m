// Insecure notices client (ios-insecure): the app delegate starts the API client, whose
// session delegate trusts every server certificate, and keeps the login token in
// NSUserDefaults and the log. See samples/README-ios.md.
#import "AppDelegate.h"
#import "ApiClient.h"
#import "SessionStore.h"

@implementation AppDelegate

- (BOOL)application:(UIApplication *)application didFinishLaunchingWithOptions:(NSDictionary *)launchOptions {
    self.window = [[UIWindow alloc] initWithFrame:[UIScreen mainScreen].bounds];
    self.window.rootViewController = [[UIViewController alloc] init];
    [self.window makeKeyAndVisible];
    [[ApiClient sharedClient] fetchNotices];
    [SessionStore saveToken:[[NSUUID alloc] init].UUIDString];
    return YES;
}

@end
