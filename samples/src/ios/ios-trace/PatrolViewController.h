#import <UIKit/UIKit.h>

@interface PatrolViewController : UIViewController
@end
