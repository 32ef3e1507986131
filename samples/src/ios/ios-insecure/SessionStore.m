// Login state kept where any backup or jailbroken device can read it (SEC-STORAGE-001): the
// token in NSUserDefaults (a plain plist) and in the system log; the profile cache is a
// file written without a Data Protection entitlement.
#import "SessionStore.h"

@implementation SessionStore

+ (void)saveToken:(NSString *)token {
    [[NSUserDefaults standardUserDefaults] setObject:token forKey:@"access_token"];
    NSLog(@"login ok, token=%@", token);
    [self cacheProfile:[NSData dataWithBytes:"{}" length:2]];
}

+ (void)cacheProfile:(NSData *)profile {
    [profile writeToFile:@"Library/Caches/profile.json" atomically:YES];
}

@end
