#import <UIKit/UIKit.h>

@interface NoticeDetailViewController : UIViewController
- (instancetype)initWithPage:(NSString *)page query:(NSString *)query;
@end
