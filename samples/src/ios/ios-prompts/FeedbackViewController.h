#import <UIKit/UIKit.h>

@interface FeedbackViewController : UIViewController
@end
