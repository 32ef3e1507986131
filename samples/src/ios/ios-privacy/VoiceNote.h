#import <Foundation/Foundation.h>

@interface VoiceNote : NSObject
- (void)record;
@end
