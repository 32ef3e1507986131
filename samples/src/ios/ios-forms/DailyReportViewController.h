#import <UIKit/UIKit.h>

@interface DailyReportViewController : UIViewController
@end
