#import <Foundation/Foundation.h>
#import <CoreLocation/CoreLocation.h>

@interface TrackRecorder : NSObject
+ (instancetype)sharedRecorder;
- (void)start;
@property (nonatomic, strong, readonly) CLLocation *lastLocation;
@end
