#import <UIKit/UIKit.h>

@interface ServiceListViewController : UIViewController
@end
