#import <UIKit/UIKit.h>

// Manual reference counting (-fno-objc-arc): retain/release are messages.
@interface AppDelegate : UIResponder <UIApplicationDelegate> {
    UIWindow *_window;
}
@property (nonatomic, retain) UIWindow *window;
@end
