#import <UIKit/UIKit.h>

@interface WorkbenchViewController : UIViewController
@end
