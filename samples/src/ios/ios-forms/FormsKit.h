// Helpers every screen of the app shares: its server and a labelled button or label.
#import <UIKit/UIKit.h>

/* A JSON request to https://forms.example.gov.cn<path>. */
NSMutableURLRequest *FTRequest(NSString *path, NSString *method);
/* A system button at height y whose touch sends `action` to `owner`. */
UIButton *FTAddButton(UIViewController *owner, NSString *title, CGFloat y, SEL action);
UILabel *FTAddLabel(UIViewController *owner, NSString *text, CGFloat y);
