#import <UIKit/UIKit.h>

@interface RankViewController : UITableViewController
@end
