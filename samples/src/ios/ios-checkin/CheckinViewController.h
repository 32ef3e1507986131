#import <UIKit/UIKit.h>

@interface CheckinViewController : UIViewController
- (void)checkInTapped:(id)sender;
@end
