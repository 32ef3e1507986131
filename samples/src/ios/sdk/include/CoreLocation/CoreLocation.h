/* Minimal CoreLocation declarations for the Fingertip iOS samples (see Foundation/Foundation.h). */
#ifndef FT_CORELOCATION_H
#define FT_CORELOCATION_H

#import <Foundation/Foundation.h>

typedef double CLLocationDegrees;
typedef double CLLocationAccuracy;
typedef double CLLocationDistance;
typedef struct {
    CLLocationDegrees latitude;
    CLLocationDegrees longitude;
} CLLocationCoordinate2D;

FOUNDATION_EXTERN const CLLocationAccuracy kCLLocationAccuracyBest;
FOUNDATION_EXTERN const CLLocationAccuracy kCLLocationAccuracyHundredMeters;

@class CLLocationManager;

@interface CLRegion : NSObject <NSCopying>
@property (readonly, nonatomic, copy) NSString *identifier;
@property (assign, nonatomic) BOOL notifyOnEntry;
@property (assign, nonatomic) BOOL notifyOnExit;
@end

@interface CLCircularRegion : CLRegion
- (instancetype)initWithCenter:(CLLocationCoordinate2D)center
                        radius:(CLLocationDistance)radius
                    identifier:(NSString *)identifier;
@property (readonly, nonatomic) CLLocationCoordinate2D center;
@property (readonly, nonatomic) CLLocationDistance radius;
@end

@interface CLLocation : NSObject <NSCopying>
@property (readonly, nonatomic) CLLocationCoordinate2D coordinate;
@property (readonly, nonatomic, copy) NSDate *timestamp;
@end

@protocol CLLocationManagerDelegate <NSObject>
@optional
- (void)locationManager:(CLLocationManager *)manager didUpdateLocations:(NSArray<CLLocation *> *)locations;
- (void)locationManager:(CLLocationManager *)manager didFailWithError:(NSError *)error;
/* Apple's protocol also has locationManager:didEnterRegion: and didExitRegion: (ios-forms
 * implements them). They are left out here: a class adopting the protocol carries its method
 * list, so adding them would change the bytes of every sample built before them. */
@end

@interface CLLocationManager : NSObject
@property (weak, nonatomic) id<CLLocationManagerDelegate> delegate;
@property (assign, nonatomic) CLLocationAccuracy desiredAccuracy;
@property (assign, nonatomic) BOOL allowsBackgroundLocationUpdates;
@property (assign, nonatomic) BOOL pausesLocationUpdatesAutomatically;
@property (readonly, nonatomic, copy) CLLocation *location;
- (void)requestWhenInUseAuthorization;
- (void)requestAlwaysAuthorization;
- (void)startUpdatingLocation;
- (void)stopUpdatingLocation;
- (void)startMonitoringSignificantLocationChanges;
- (void)stopMonitoringSignificantLocationChanges;
- (void)startMonitoringForRegion:(CLRegion *)region;
- (void)stopMonitoringForRegion:(CLRegion *)region;
@end

#endif
