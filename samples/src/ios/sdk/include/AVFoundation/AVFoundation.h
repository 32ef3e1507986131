/* Minimal AVFoundation declarations for the Fingertip iOS samples (see Foundation/Foundation.h). */
#ifndef FT_AVFOUNDATION_H
#define FT_AVFOUNDATION_H

#import <Foundation/Foundation.h>

typedef NSString *AVMediaType;
FOUNDATION_EXTERN AVMediaType const AVMediaTypeVideo;
FOUNDATION_EXTERN AVMediaType const AVMediaTypeAudio;

typedef NSInteger AVAuthorizationStatus;
#define AVAuthorizationStatusNotDetermined ((AVAuthorizationStatus)0)
#define AVAuthorizationStatusDenied ((AVAuthorizationStatus)2)

@interface AVCaptureDevice : NSObject
+ (AVAuthorizationStatus)authorizationStatusForMediaType:(AVMediaType)mediaType;
+ (instancetype)defaultDeviceWithMediaType:(AVMediaType)mediaType;
@end

@interface AVCaptureInput : NSObject
@end

@interface AVCaptureDeviceInput : AVCaptureInput
+ (instancetype)deviceInputWithDevice:(AVCaptureDevice *)device error:(NSError **)outError;
@end

@interface AVCaptureSession : NSObject
- (BOOL)canAddInput:(AVCaptureInput *)input;
- (void)addInput:(AVCaptureInput *)input;
- (void)startRunning;
@end

@interface AVAudioRecorder : NSObject
- (instancetype)initWithURL:(NSURL *)url settings:(NSDictionary *)settings error:(NSError **)outError;
- (BOOL)record;
@end

#endif
