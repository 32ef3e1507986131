// Stand-in for WXApi (see WXApi.h): remembers the registration and hands a request to the
// WeChat app through a weixin:// URL, as the real SDK does (here only logged).
#import "WXApi.h"

static NSString *WXRegisteredAppId;

@implementation BaseReq
@end

@implementation SendMessageToWXReq
@end

@implementation WXApi

+ (BOOL)registerApp:(NSString *)appid universalLink:(NSString *)universalLink {
    WXRegisteredAppId = [appid copy];
    return [universalLink hasPrefix:@"https://"];
}

+ (BOOL)handleOpenURL:(NSURL *)url delegate:(id)delegate {
    return [url.scheme isEqualToString:WXRegisteredAppId];
}

+ (BOOL)sendReq:(BaseReq *)req {
    if (WXRegisteredAppId == nil) {
        return NO;
    }
    NSLog(@"[WXApi] weixin://app/%@/sendreq/ %@", WXRegisteredAppId, req);
    return YES;
}

+ (NSString *)getApiVersion {
    return @"1.9.2";
}

@end
