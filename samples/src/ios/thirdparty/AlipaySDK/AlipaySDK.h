/*
 * Stand-in for Ant Group's AlipaySDK (支付宝), written for the Fingertip samples: only the
 * class and method names match the real SDK, so that SDK detection (PRIV-SDK-001, class
 * `AlipaySDK`) and FORM-COMMERCE-001's "AlipaySDK payOrder:fromScheme:callback:" signal can
 * be tested. The real AlipaySDK.framework is static, so this is compiled into the app's
 * executable.
 */
#import <Foundation/Foundation.h>

typedef void (^CompletionBlock)(NSDictionary *resultDic);

@interface AlipaySDK : NSObject
+ (AlipaySDK *)defaultService;
- (void)payOrder:(NSString *)orderStr fromScheme:(NSString *)schemeStr callback:(CompletionBlock)completionBlock;
- (void)processOrderWithPaymentResult:(NSURL *)resultUrl standbyCallback:(CompletionBlock)completionBlock;
- (NSString *)currentVersion;
@end
