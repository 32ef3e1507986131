// 外勤打卡 behind encryption: a check-in button with location and upload,
// invisible to static analysis until the binary is decrypted.
#import "ServiceListViewController.h"
#import <CoreLocation/CoreLocation.h>

@interface ServiceListViewController () <CLLocationManagerDelegate>
@property (nonatomic, strong) CLLocationManager *locationManager;
@end

@implementation ServiceListViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"政务服务";
    UIButton *button = [UIButton buttonWithType:UIButtonTypeSystem];
    button.frame = CGRectMake(40, 200, 240, 56);
    [button setTitle:@"外勤打卡" forState:UIControlStateNormal];
    [button addTarget:self action:@selector(clockInTapped:) forControlEvents:UIControlEventTouchUpInside];
    [self.view addSubview:button];
}

- (void)clockInTapped:(id)sender {
    self.locationManager = [[CLLocationManager alloc] init];
    self.locationManager.delegate = self;
    [self.locationManager requestWhenInUseAuthorization];
    [self.locationManager startUpdatingLocation];
}

- (void)locationManager:(CLLocationManager *)manager didUpdateLocations:(NSArray<CLLocation *> *)locations {
    [manager stopUpdatingLocation];
    CLLocationCoordinate2D c = locations.lastObject.coordinate;
    NSMutableURLRequest *request =
        [NSMutableURLRequest requestWithURL:[NSURL URLWithString:@"https://services.example.gov.cn/api/clockin"]];
    request.HTTPMethod = @"POST";
    NSData *body = [NSJSONSerialization dataWithJSONObject:@{@"lat" : @(c.latitude), @"lng" : @(c.longitude)}
                                                   options:0
                                                     error:NULL];
    [[[NSURLSession sharedSession] uploadTaskWithRequest:request fromData:body] resume];
}

@end
