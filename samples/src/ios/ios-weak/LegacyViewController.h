#import <UIKit/UIKit.h>

@interface LegacyViewController : UIViewController <UIWebViewDelegate> {
    UIWebView *_webView;
}
@end
