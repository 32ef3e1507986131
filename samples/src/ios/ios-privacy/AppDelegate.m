// 证照扫描: a document-scanning app. At launch it probes which of 16 other apps
// are installed (AppProbe, canOpenURL:), and its first screen opens the camera
// as soon as it loads (ScanViewController.viewDidLoad); recording a voice note
// happens only when the user taps the button (VoiceNote from recordTapped:); it also
// reads the whole address book at launch (ContactsSync).
#import "AppDelegate.h"
#import "AppProbe.h"
#import "ContactsSync.h"
#import "ScanViewController.h"

@implementation AppDelegate

- (BOOL)application:(UIApplication *)application didFinishLaunchingWithOptions:(NSDictionary *)launchOptions {
    self.window = [[UIWindow alloc] initWithFrame:[UIScreen mainScreen].bounds];
    ScanViewController *scan = [[ScanViewController alloc] init];
    self.window.rootViewController = [[UINavigationController alloc] initWithRootViewController:scan];
    [self.window makeKeyAndVisible];
    [AppProbe probeInstalledApps];
    [ContactsSync countContacts];
    return YES;
}

@end
