// 政务服务: an App Store build as downloaded from the store, before FairPlay
// decryption: the whole __text..end of __TEXT range is ciphertext, so the
// code below can only be seen in a decrypted build.
#import "AppDelegate.h"
#import "ServiceListViewController.h"

@implementation AppDelegate

- (BOOL)application:(UIApplication *)application didFinishLaunchingWithOptions:(NSDictionary *)launchOptions {
    self.window = [[UIWindow alloc] initWithFrame:[UIScreen mainScreen].bounds];
    ServiceListViewController *list = [[ServiceListViewController alloc] init];
    self.window.rootViewController = [[UINavigationController alloc] initWithRootViewController:list];
    [self.window makeKeyAndVisible];
    return YES;
}

@end
