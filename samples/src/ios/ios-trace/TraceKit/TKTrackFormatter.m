// 轨迹点: turns a CLLocation into the JSON the track server expects.
#import "TKTrackFormatter.h"

@implementation TKTrackFormatter

+ (NSDictionary *)trackPointForLocation:(CLLocation *)location {
    CLLocationCoordinate2D c = location.coordinate;
    return @{
        @"kind" : @"轨迹点",
        @"lat" : @(c.latitude),
        @"lng" : @(c.longitude),
        @"ts" : @(location.timestamp.timeIntervalSince1970),
    };
}

+ (NSString *)textForLocation:(CLLocation *)location {
    if (location == nil) {
        return @"位置未知";
    }
    CLLocationCoordinate2D c = location.coordinate;
    return [NSString stringWithFormat:@"%.6f,%.6f", c.latitude, c.longitude];
}

@end
