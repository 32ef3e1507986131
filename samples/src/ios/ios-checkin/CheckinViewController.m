// 签到打卡: the button handler starts CoreLocation and AMap; each fix is
// uploaded with NSURLSession. FORM-CHECKIN-001 positive:
//   viewDidLoad -> addTarget:action:@selector(checkInTapped:) -> checkInTapped:
//   -> CLLocationManager requestWhenInUseAuthorization / startUpdatingLocation
//   -> locationManager:didUpdateLocations: -> uploadCheckinWithCoordinate:source:
//   -> NSURLSession uploadTaskWithRequest:fromData: (POST /api/checkin)
#import "CheckinViewController.h"
#import <CoreLocation/CoreLocation.h>
#import <AMapLocationKit/AMapLocationKit.h>

static NSString *const FTCheckinURL = @"https://attendance.example.gov.cn/api/checkin";

@interface CheckinViewController () <CLLocationManagerDelegate, AMapLocationManagerDelegate>
@property (nonatomic, strong) CLLocationManager *locationManager;
@property (nonatomic, strong) AMapLocationManager *amapManager;
@property (nonatomic, strong) UILabel *statusLabel;
@end

@implementation CheckinViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"考勤打卡";
    self.view.backgroundColor = [UIColor whiteColor];

    self.statusLabel = [[UILabel alloc] initWithFrame:CGRectMake(20, 120, 280, 40)];
    self.statusLabel.textAlignment = NSTextAlignmentCenter;
    self.statusLabel.text = @"今日考勤：未签到";
    [self.view addSubview:self.statusLabel];

    UIButton *button = [UIButton buttonWithType:UIButtonTypeSystem];
    button.frame = CGRectMake(40, 200, 240, 56);
    [button setTitle:@"签到打卡" forState:UIControlStateNormal];
    [button addTarget:self action:@selector(checkInTapped:) forControlEvents:UIControlEventTouchUpInside];
    [self.view addSubview:button];
}

- (void)checkInTapped:(id)sender {
    self.statusLabel.text = @"正在定位，请稍候…";
    self.locationManager = [[CLLocationManager alloc] init];
    self.locationManager.delegate = self;
    self.locationManager.desiredAccuracy = kCLLocationAccuracyBest;
    [self.locationManager requestWhenInUseAuthorization];
    [self.locationManager startUpdatingLocation];

    self.amapManager = [[AMapLocationManager alloc] init];
    self.amapManager.delegate = self;
    [self.amapManager startUpdatingLocation];
}

- (void)locationManager:(CLLocationManager *)manager didUpdateLocations:(NSArray<CLLocation *> *)locations {
    CLLocation *location = locations.lastObject;
    [manager stopUpdatingLocation];
    [self uploadCheckinWithCoordinate:location.coordinate source:@"CoreLocation"];
}

- (void)amapLocationManager:(AMapLocationManager *)manager didUpdateLocation:(CLLocation *)location {
    [manager stopUpdatingLocation];
    [self uploadCheckinWithCoordinate:location.coordinate source:@"AMap"];
}

- (void)uploadCheckinWithCoordinate:(CLLocationCoordinate2D)coordinate source:(NSString *)source {
    NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:[NSURL URLWithString:FTCheckinURL]];
    request.HTTPMethod = @"POST";
    [request setValue:@"application/json" forHTTPHeaderField:@"Content-Type"];
    NSDictionary *body = @{
        @"type" : @"签到",
        @"latitude" : @(coordinate.latitude),
        @"longitude" : @(coordinate.longitude),
        @"source" : source,
        @"time" : @([NSDate date].timeIntervalSince1970),
    };
    NSData *data = [NSJSONSerialization dataWithJSONObject:body options:0 error:NULL];
    NSURLSessionUploadTask *task = [[NSURLSession sharedSession] uploadTaskWithRequest:request fromData:data];
    [task resume];
    self.statusLabel.text = @"打卡成功";
}

@end
