// Watch companion (巡查手表端): shows the patrol state on the wrist.
#import <WatchKit/WatchKit.h>

@interface TraceWatchDelegate : NSObject <WKApplicationDelegate>
@end

@implementation TraceWatchDelegate

- (void)applicationDidFinishLaunching {
    NSLog(@"巡查手表端已启动");
}

@end

int main(int argc, char *argv[]) {
    return WKApplicationMain(argc, argv, NSStringFromClass([TraceWatchDelegate class]));
}
