/*
 * Stand-in for AutoNavi's AMapLocationKit (高德定位 SDK), written for the
 * Fingertip samples: only the class and method names match the real SDK, so
 * that SDK detection (PRIV-SDK-001) and FORM-CHECKIN-001's "AMapLocationManager"
 * signal can be tested. Built as a real dylib, embedded as
 * Frameworks/AMapLocationKit.framework/AMapLocationKit.
 */
#import <Foundation/Foundation.h>
#import <CoreLocation/CoreLocation.h>

@class AMapLocationManager;

@protocol AMapLocationManagerDelegate <NSObject>
@optional
- (void)amapLocationManager:(AMapLocationManager *)manager didUpdateLocation:(CLLocation *)location;
- (void)amapLocationManager:(AMapLocationManager *)manager didFailWithError:(NSError *)error;
@end

@interface AMapLocationManager : NSObject
@property (nonatomic, weak) id<AMapLocationManagerDelegate> delegate;
@property (nonatomic, assign) CLLocationAccuracy desiredAccuracy;
- (void)startUpdatingLocation;
- (void)stopUpdatingLocation;
@end
