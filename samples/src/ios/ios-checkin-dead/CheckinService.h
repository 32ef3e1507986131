#import <Foundation/Foundation.h>

// Never imported by any other file of this app: the class is compiled in and
// listed in __objc_classlist, but no class reference, selector reference or
// class-name string points at it.
@interface CheckinService : NSObject
- (void)startCheckIn;
@end
