// 电子围栏 (FORM-CHECKIN-002): a circular region around the office, monitored with
// CLLocationManager; entering or leaving it is uploaded at once.
//   viewDidLoad: when-in-use authorisation, delegate, button 开启电子围栏 -> enableFence:
//   enableFence: -> requestAlwaysAuthorization (region monitoring needs "Always"),
//     CLCircularRegion initWithCenter:radius:identifier:, startMonitoringForRegion:
//   locationManager:didEnterRegion: / didExitRegion: -> uploadFenceEvent:region:
//     -> NSURLSession uploadTaskWithRequest:fromData: (/api/fence/event)
#import "FenceViewController.h"
#import "FormsKit.h"
#import <CoreLocation/CoreLocation.h>

static const CLLocationDistance FTFenceRadius = 200;

@interface FenceViewController () <CLLocationManagerDelegate>
@property (nonatomic, strong) CLLocationManager *locationManager;
@property (nonatomic, strong) UILabel *statusLabel;
@end

@implementation FenceViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"电子围栏";
    self.view.backgroundColor = [UIColor whiteColor];
    self.statusLabel = FTAddLabel(self, @"单位电子围栏：未开启", 100);
    FTAddButton(self, @"开启电子围栏", 200, @selector(enableFence:));
    self.locationManager = [[CLLocationManager alloc] init];
    self.locationManager.delegate = self;
    [self.locationManager requestWhenInUseAuthorization];
}

- (void)enableFence:(id)sender {
    [self.locationManager requestAlwaysAuthorization];
    CLLocationCoordinate2D office = {30.657420, 104.065840};
    CLCircularRegion *region = [[CLCircularRegion alloc] initWithCenter:office
                                                                 radius:FTFenceRadius
                                                             identifier:@"office-fence"];
    region.notifyOnEntry = YES;
    region.notifyOnExit = YES;
    [self.locationManager startMonitoringForRegion:region];
    self.statusLabel.text = @"电子围栏已开启：进入单位200米范围即自动登记到岗";
}

- (void)locationManager:(CLLocationManager *)manager didEnterRegion:(CLRegion *)region {
    [self uploadFenceEvent:@"enter" region:region];
}

- (void)locationManager:(CLLocationManager *)manager didExitRegion:(CLRegion *)region {
    [self uploadFenceEvent:@"exit" region:region];
}

- (void)uploadFenceEvent:(NSString *)event region:(CLRegion *)region {
    NSDictionary *body = @{
        @"event" : event,
        @"fence" : region.identifier,
        @"time" : @([NSDate date].timeIntervalSince1970),
    };
    NSData *data = [NSJSONSerialization dataWithJSONObject:body options:0 error:NULL];
    [[[NSURLSession sharedSession] uploadTaskWithRequest:FTRequest(@"/api/fence/event", @"POST")
                                                fromData:data] resume];
    self.statusLabel.text = [event isEqualToString:@"enter"] ? @"已进入电子围栏，到岗已登记" : @"已离开电子围栏";
}

@end
