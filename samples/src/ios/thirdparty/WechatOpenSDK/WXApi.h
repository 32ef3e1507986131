/*
 * Stand-in for Tencent's WechatOpenSDK (微信开放平台), written for the Fingertip samples:
 * only the class and method names match the real SDK, so that SDK detection (PRIV-SDK-001,
 * class `WXApi`) and FORM-SOCIAL-001's "WXApi sendReq:" signal can be tested. The real SDK
 * ships as a static library (libWeChatSDK.a), so this is compiled into the app's executable.
 */
#import <Foundation/Foundation.h>
#import "WXApiObject.h"

@interface WXApi : NSObject
+ (BOOL)registerApp:(NSString *)appid universalLink:(NSString *)universalLink;
+ (BOOL)handleOpenURL:(NSURL *)url delegate:(id)delegate;
+ (BOOL)sendReq:(BaseReq *)req;
+ (NSString *)getApiVersion;
@end
