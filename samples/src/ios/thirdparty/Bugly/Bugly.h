/*
 * Stand-in for Tencent Bugly's crash reporter, written for the Fingertip
 * samples: only the class and method names match the real SDK. Bugly ships as
 * a static framework, so this is compiled into the app's own executable, as
 * the real one would be.
 */
#import <Foundation/Foundation.h>

@interface Bugly : NSObject
+ (void)startWithAppId:(NSString *)appId;
+ (NSString *)sdkVersion;
@end
