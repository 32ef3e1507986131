#import <UIKit/UIKit.h>

@interface PrivacyPolicyViewController : UIViewController
@end
