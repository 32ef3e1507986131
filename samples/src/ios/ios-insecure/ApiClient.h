#import <Foundation/Foundation.h>

@interface ApiClient : NSObject <NSURLSessionDelegate>
+ (instancetype)sharedClient;
- (void)fetchNotices;
@end
