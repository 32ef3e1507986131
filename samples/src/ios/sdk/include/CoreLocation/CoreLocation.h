/* Minimal CoreLocation declarations for the Fingertip iOS samples (see Foundation/Foundation.h). */
#ifndef FT_CORELOCATION_H
#define FT_CORELOCATION_H

#import <Foundation/Foundation.h>

typedef double CLLocationDegrees;
typedef double CLLocationAccuracy;
typedef struct {
    CLLocationDegrees latitude;
    CLLocationDegrees longitude;
} CLLocationCoordinate2D;

FOUNDATION_EXTERN const CLLocationAccuracy kCLLocationAccuracyBest;
FOUNDATION_EXTERN const CLLocationAccuracy kCLLocationAccuracyHundredMeters;

@class CLLocationManager;

@interface CLLocation : NSObject <NSCopying>
@property (readonly, nonatomic) CLLocationCoordinate2D coordinate;
@property (readonly, nonatomic, copy) NSDate *timestamp;
@end

@protocol CLLocationManagerDelegate <NSObject>
@optional
- (void)locationManager:(CLLocationManager *)manager didUpdateLocations:(NSArray<CLLocation *> *)locations;
- (void)locationManager:(CLLocationManager *)manager didFailWithError:(NSError *)error;
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
@end

#endif
