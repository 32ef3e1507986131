#import <UIKit/UIKit.h>

@interface AppProbe : NSObject
+ (NSInteger)probeInstalledApps;
@end
