/* Minimal WatchKit declarations for the Fingertip iOS samples (see Foundation/Foundation.h). */
#ifndef FT_WATCHKIT_H
#define FT_WATCHKIT_H

#import <Foundation/Foundation.h>

FOUNDATION_EXTERN int WKApplicationMain(int argc, char *argv[], NSString *applicationDelegateClassName);

@protocol WKApplicationDelegate <NSObject>
@optional
- (void)applicationDidFinishLaunching;
@end

@interface WKInterfaceController : NSObject
- (void)awakeWithContext:(id)context;
@end

#endif
