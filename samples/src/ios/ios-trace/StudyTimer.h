#import <Foundation/Foundation.h>

@interface StudyTimer : NSObject
+ (instancetype)sharedTimer;
- (void)start;
- (void)reportDuration;
@end
