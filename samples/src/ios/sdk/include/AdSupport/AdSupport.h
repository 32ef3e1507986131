/* Minimal AdSupport declarations for the Fingertip iOS samples (see Foundation/Foundation.h). */
#ifndef FT_ADSUPPORT_H
#define FT_ADSUPPORT_H

#import <Foundation/Foundation.h>

@interface ASIdentifierManager : NSObject
+ (ASIdentifierManager *)sharedManager;
@property (nonatomic, readonly) NSUUID *advertisingIdentifier;
@property (nonatomic, readonly, getter=isAdvertisingTrackingEnabled) BOOL advertisingTrackingEnabled;
@end

#endif
