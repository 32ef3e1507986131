#import <UIKit/UIKit.h>

@interface NoticeListViewController : UITableViewController
@end

/* "2024-0007"-style notice number; formatted through a stack buffer. */
NSString *FTNoticeNumber(NSInteger year, NSInteger sequence);
