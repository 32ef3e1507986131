// Stand-in for Bugly (see Bugly.h): remembers the app id and installs an
// uncaught-exception handler, which is what the real SDK starts with.
#import "Bugly.h"

static NSString *BuglyAppId;

static void BuglyHandleException(id exception) {
    NSLog(@"[Bugly] app %@ crashed: %@", BuglyAppId, exception);
}

@implementation Bugly

+ (void)startWithAppId:(NSString *)appId {
    BuglyAppId = [appId copy];
    NSSetUncaughtExceptionHandler(&BuglyHandleException);
}

+ (NSString *)sdkVersion {
    return @"2.6.1";
}

@end
