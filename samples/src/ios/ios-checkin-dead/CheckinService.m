// Dead code (FORM-CHECKIN-001 must stay at E2 at most): the location and upload
// path of ios-checkin's check-in handler, in a class nothing instantiates.
//   startCheckIn -> CLLocationManager requestWhenInUseAuthorization / startUpdatingLocation
//   locationManager:didUpdateLocations: -> uploadCheckinWithCoordinate:
//   -> NSURLSession uploadTaskWithRequest:fromData: (POST /api/checkin)
// Neither @selector(startCheckIn) nor [CheckinService ...] appears anywhere;
// the location delegate is only set inside startCheckIn.
#import "CheckinService.h"
#import <CoreLocation/CoreLocation.h>

static NSString *const FTCheckinURL = @"https://attendance.example.gov.cn/api/checkin";

@interface CheckinService () <CLLocationManagerDelegate>
@property (nonatomic, strong) CLLocationManager *locationManager;
@end

@implementation CheckinService

- (void)startCheckIn {
    self.locationManager = [[CLLocationManager alloc] init];
    self.locationManager.delegate = self;
    self.locationManager.desiredAccuracy = kCLLocationAccuracyBest;
    [self.locationManager requestWhenInUseAuthorization];
    [self.locationManager startUpdatingLocation];
}

- (void)locationManager:(CLLocationManager *)manager didUpdateLocations:(NSArray<CLLocation *> *)locations {
    CLLocation *location = locations.lastObject;
    [manager stopUpdatingLocation];
    [self uploadCheckinWithCoordinate:location.coordinate];
}

- (void)uploadCheckinWithCoordinate:(CLLocationCoordinate2D)coordinate {
    NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:[NSURL URLWithString:FTCheckinURL]];
    request.HTTPMethod = @"POST";
    [request setValue:@"application/json" forHTTPHeaderField:@"Content-Type"];
    NSDictionary *body = @{
        @"type" : @"签到",
        @"latitude" : @(coordinate.latitude),
        @"longitude" : @(coordinate.longitude),
    };
    NSData *data = [NSJSONSerialization dataWithJSONObject:body options:0 error:NULL];
    NSURLSessionUploadTask *task = [[NSURLSession sharedSession] uploadTaskWithRequest:request fromData:data];
    [task resume];
    NSLog(@"打卡成功");
}

@end
