// Stand-in for AMapLocationKit (see AMapLocationKit.h): wraps CLLocationManager
// the way the real SDK does and reports fixes to its own delegate.
#import "AMapLocationKit.h"

@interface AMapLocationManager () <CLLocationManagerDelegate>
@property (nonatomic, strong) CLLocationManager *systemManager;
@end

@implementation AMapLocationManager

- (instancetype)init {
    self = [super init];
    if (self) {
        _desiredAccuracy = kCLLocationAccuracyHundredMeters;
    }
    return self;
}

- (void)startUpdatingLocation {
    if (self.systemManager == nil) {
        self.systemManager = [[CLLocationManager alloc] init];
        self.systemManager.delegate = self;
    }
    self.systemManager.desiredAccuracy = self.desiredAccuracy;
    [self.systemManager startUpdatingLocation];
}

- (void)stopUpdatingLocation {
    [self.systemManager stopUpdatingLocation];
}

- (void)locationManager:(CLLocationManager *)manager didUpdateLocations:(NSArray<CLLocation *> *)locations {
    id<AMapLocationManagerDelegate> delegate = self.delegate;
    if ([delegate respondsToSelector:@selector(amapLocationManager:didUpdateLocation:)]) {
        [delegate amapLocationManager:self didUpdateLocation:locations.lastObject];
    }
}

- (void)locationManager:(CLLocationManager *)manager didFailWithError:(NSError *)error {
    id<AMapLocationManagerDelegate> delegate = self.delegate;
    if ([delegate respondsToSelector:@selector(amapLocationManager:didFailWithError:)]) {
        [delegate amapLocationManager:self didFailWithError:error];
    }
}

@end
