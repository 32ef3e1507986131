#import <UIKit/UIKit.h>

@interface FenceViewController : UIViewController
@end
