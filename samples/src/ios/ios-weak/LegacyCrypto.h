#import <Foundation/Foundation.h>

@interface LegacyCrypto : NSObject
+ (NSString *)md5Hex:(NSString *)text;
+ (NSData *)desEncrypt:(NSString *)text key:(NSString *)key;
@end
