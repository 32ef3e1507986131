// 轨迹: background location (UIBackgroundModes = location), Always
// authorization, significant-change monitoring; every fix is uploaded.
#import "TrackRecorder.h"
#import "EvidenceUploader.h"
#import <TraceKit/TraceKit.h>

@interface TrackRecorder () <CLLocationManagerDelegate>
@property (nonatomic, strong) CLLocationManager *manager;
@property (nonatomic, strong, readwrite) CLLocation *lastLocation;
@end

@implementation TrackRecorder

+ (instancetype)sharedRecorder {
    static TrackRecorder *shared;
    if (shared == nil) {
        shared = [[TrackRecorder alloc] init];
    }
    return shared;
}

- (void)start {
    if (self.manager == nil) {
        self.manager = [[CLLocationManager alloc] init];
        self.manager.delegate = self;
    }
    self.manager.desiredAccuracy = kCLLocationAccuracyBest;
    self.manager.allowsBackgroundLocationUpdates = YES;
    self.manager.pausesLocationUpdatesAutomatically = NO;
    [self.manager requestAlwaysAuthorization];
    [self.manager startMonitoringSignificantLocationChanges];
    [self.manager startUpdatingLocation];
}

- (void)locationManager:(CLLocationManager *)manager didUpdateLocations:(NSArray<CLLocation *> *)locations {
    self.lastLocation = locations.lastObject;
    [EvidenceUploader uploadJSON:[TKTrackFormatter trackPointForLocation:self.lastLocation]
                          toPath:@"/api/track/upload"];
}

@end
