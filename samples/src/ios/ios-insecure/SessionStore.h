#import <Foundation/Foundation.h>

@interface SessionStore : NSObject
+ (void)saveToken:(NSString *)token;
+ (void)cacheProfile:(NSData *)profile;
@end
