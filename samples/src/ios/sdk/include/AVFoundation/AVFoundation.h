/* Minimal AVFoundation declarations for the Fingertip iOS samples (see Foundation/Foundation.h). */
#ifndef FT_AVFOUNDATION_H
#define FT_AVFOUNDATION_H

#import <Foundation/Foundation.h>

typedef NSString *AVMediaType;
FOUNDATION_EXTERN AVMediaType const AVMediaTypeVideo;

typedef NSInteger AVAuthorizationStatus;
#define AVAuthorizationStatusNotDetermined ((AVAuthorizationStatus)0)
#define AVAuthorizationStatusDenied ((AVAuthorizationStatus)2)

@interface AVCaptureDevice : NSObject
+ (AVAuthorizationStatus)authorizationStatusForMediaType:(AVMediaType)mediaType;
@end

#endif
