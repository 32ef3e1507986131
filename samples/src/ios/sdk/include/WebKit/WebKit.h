/* Minimal WebKit declarations for the Fingertip iOS samples (see Foundation/Foundation.h). */
#ifndef FT_WEBKIT_H
#define FT_WEBKIT_H

#import <UIKit/UIKit.h>

@interface WKWebViewConfiguration : NSObject <NSCopying>
@end

@interface WKNavigation : NSObject
@end

@interface WKWebView : UIView
- (instancetype)initWithFrame:(CGRect)frame configuration:(WKWebViewConfiguration *)configuration;
- (WKNavigation *)loadRequest:(NSURLRequest *)request;
@end

#endif
