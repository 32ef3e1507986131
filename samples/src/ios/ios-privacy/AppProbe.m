// Installed-app probing: canOpenURL: over every scheme Info.plist lists.
#import "AppProbe.h"

@implementation AppProbe

+ (NSInteger)probeInstalledApps {
    NSArray *schemes = [[NSBundle mainBundle] objectForInfoDictionaryKey:@"LSApplicationQueriesSchemes"];
    NSInteger installed = 0;
    for (NSUInteger i = 0; i < schemes.count; i++) {
        NSString *scheme = schemes[i];
        NSURL *url = [NSURL URLWithString:[scheme stringByAppendingString:@"://"]];
        if ([[UIApplication sharedApplication] canOpenURL:url]) {
            installed += 1;
        }
    }
    return installed;
}

@end
