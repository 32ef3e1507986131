#import <UIKit/UIKit.h>

@interface ShareTaskViewController : UIViewController
@end
