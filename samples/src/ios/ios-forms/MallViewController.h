#import <UIKit/UIKit.h>

@interface MallViewController : UIViewController
@end
