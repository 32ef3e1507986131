#import <UIKit/UIKit.h>

@interface ScanViewController : UIViewController
@end
