// Stand-in for AlipaySDK (see AlipaySDK.h). Without the Alipay app the real SDK opens its
// H5 cashier; the stand-in answers as a payment the user left unfinished (6001).
#import "AlipaySDK.h"

static AlipaySDK *AlipayDefaultService;

@implementation AlipaySDK

+ (AlipaySDK *)defaultService {
    if (AlipayDefaultService == nil) {
        AlipayDefaultService = [[AlipaySDK alloc] init];
    }
    return AlipayDefaultService;
}

- (void)payOrder:(NSString *)orderStr fromScheme:(NSString *)schemeStr callback:(CompletionBlock)completionBlock {
    NSLog(@"[AlipaySDK] alipay://alipayclient/?fromAppUrlScheme=%@ (%lu bytes)", schemeStr,
          (unsigned long)orderStr.length);
    if (completionBlock != nil) {
        completionBlock(@{@"resultStatus" : @"6001", @"memo" : @"user cancelled", @"result" : @""});
    }
}

- (void)processOrderWithPaymentResult:(NSURL *)resultUrl standbyCallback:(CompletionBlock)completionBlock {
    if (completionBlock != nil) {
        completionBlock(@{@"resultStatus" : @"9000", @"result" : resultUrl.query ?: @""});
    }
}

- (NSString *)currentVersion {
    return @"15.8.16";
}

@end
