#import <Foundation/Foundation.h>
#import <CoreLocation/CoreLocation.h>

@interface TKTrackFormatter : NSObject
+ (NSDictionary *)trackPointForLocation:(CLLocation *)location;
+ (NSString *)textForLocation:(CLLocation *)location;
@end
