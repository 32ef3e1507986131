/* Minimal UIKit declarations for the Fingertip iOS samples (see Foundation/Foundation.h). */
#ifndef FT_UIKIT_H
#define FT_UIKIT_H

#import <Foundation/Foundation.h>
#import <CoreGraphics/CoreGraphics.h>

#ifdef __cplusplus
#define UIKIT_EXTERN extern "C"
#else
#define UIKIT_EXTERN extern
#endif

@class UIView, UIViewController, UIWindow, UIImage, UIColor, UIFont, UIApplication;
@class UITableView, UITableViewCell, NSIndexPath, UINavigationController;

typedef NSInteger NSTextAlignment;
#define NSTextAlignmentLeft ((NSTextAlignment)0)
#define NSTextAlignmentCenter ((NSTextAlignment)1)

typedef NSUInteger UIControlEvents;
#define UIControlEventTouchUpInside ((UIControlEvents)1 << 6)
typedef NSUInteger UIControlState;
#define UIControlStateNormal ((UIControlState)0)
typedef NSInteger UIButtonType;
#define UIButtonTypeSystem ((UIButtonType)1)
typedef NSInteger UITableViewStyle;
#define UITableViewStylePlain ((UITableViewStyle)0)
typedef NSInteger UITableViewCellStyle;
#define UITableViewCellStyleDefault ((UITableViewCellStyle)0)
#define UITableViewCellStyleSubtitle ((UITableViewCellStyle)3)
typedef NSInteger UIImagePickerControllerSourceType;
#define UIImagePickerControllerSourceTypePhotoLibrary ((UIImagePickerControllerSourceType)0)
#define UIImagePickerControllerSourceTypeCamera ((UIImagePickerControllerSourceType)1)
typedef NSInteger UIAlertControllerStyle;
#define UIAlertControllerStyleActionSheet ((UIAlertControllerStyle)0)
#define UIAlertControllerStyleAlert ((UIAlertControllerStyle)1)
typedef NSInteger UIAlertActionStyle;
#define UIAlertActionStyleDefault ((UIAlertActionStyle)0)
#define UIAlertActionStyleCancel ((UIAlertActionStyle)1)

typedef NSString *UIApplicationLaunchOptionsKey;
typedef NSString *UIApplicationOpenURLOptionsKey;
typedef NSString *UIImagePickerControllerInfoKey;
typedef NSString *NSAttributedStringKey;

UIKIT_EXTERN NSNotificationName const UIApplicationUserDidTakeScreenshotNotification;
UIKIT_EXTERN UIApplicationLaunchOptionsKey const UIApplicationLaunchOptionsLocationKey;
UIKIT_EXTERN UIImagePickerControllerInfoKey const UIImagePickerControllerOriginalImage;
UIKIT_EXTERN NSAttributedStringKey const NSFontAttributeName;
UIKIT_EXTERN NSAttributedStringKey const NSForegroundColorAttributeName;

UIKIT_EXTERN int UIApplicationMain(int argc, char *argv[], NSString *principalClassName,
                                   NSString *delegateClassName);
UIKIT_EXTERN void UIGraphicsBeginImageContextWithOptions(CGSize size, BOOL opaque, CGFloat scale);
UIKIT_EXTERN UIImage *UIGraphicsGetImageFromCurrentImageContext(void);
UIKIT_EXTERN void UIGraphicsEndImageContext(void);
UIKIT_EXTERN NSData *UIImageJPEGRepresentation(UIImage *image, CGFloat compressionQuality);

@interface UIResponder : NSObject
@end

@interface UIColor : NSObject
@property (class, readonly) UIColor *whiteColor;
@property (class, readonly) UIColor *blackColor;
@property (class, readonly) UIColor *redColor;
@end

@interface UIFont : NSObject
+ (UIFont *)systemFontOfSize:(CGFloat)fontSize;
@end

@interface UIScreen : NSObject
@property (class, readonly) UIScreen *mainScreen;
@property (readonly) CGRect bounds;
@end

@interface UIView : UIResponder
- (instancetype)initWithFrame:(CGRect)frame;
@property (nonatomic) CGRect frame;
@property (nonatomic) CGRect bounds;
@property (nonatomic, copy) UIColor *backgroundColor;
@property (nonatomic, readonly) UIWindow *window;
- (void)addSubview:(UIView *)view;
- (BOOL)drawViewHierarchyInRect:(CGRect)rect afterScreenUpdates:(BOOL)afterUpdates;
@end

@interface UIWindow : UIView
@property (nonatomic, strong) UIViewController *rootViewController;
- (void)makeKeyAndVisible;
@end

@interface UILabel : UIView
@property (nonatomic, copy) NSString *text;
@property (nonatomic, strong) UIFont *font;
@property (nonatomic) NSTextAlignment textAlignment;
@property (nonatomic) NSInteger numberOfLines;
@end

@interface UIControl : UIView
- (void)addTarget:(id)target action:(SEL)action forControlEvents:(UIControlEvents)controlEvents;
@end

@interface UITextField : UIControl
@property (nonatomic, copy) NSString *text;
@property (nonatomic, copy) NSString *placeholder;
@end

@interface UIButton : UIControl
+ (instancetype)buttonWithType:(UIButtonType)buttonType;
- (void)setTitle:(NSString *)title forState:(UIControlState)state;
@end

@interface UIBarButtonItem : NSObject
- (instancetype)initWithTitle:(NSString *)title style:(NSInteger)style target:(id)target action:(SEL)action;
@end

@interface UINavigationItem : NSObject
@property (nonatomic, strong) UIBarButtonItem *rightBarButtonItem;
@end

@interface UIViewController : UIResponder
- (instancetype)init;
@property (nonatomic, strong) UIView *view;
@property (nonatomic, copy) NSString *title;
@property (nonatomic, readonly, strong) UINavigationItem *navigationItem;
@property (nonatomic, readonly, strong) UINavigationController *navigationController;
- (void)viewDidLoad;
- (void)viewDidAppear:(BOOL)animated;
- (void)presentViewController:(UIViewController *)viewControllerToPresent
                     animated:(BOOL)flag
                   completion:(void (^)(void))completion;
- (void)dismissViewControllerAnimated:(BOOL)flag completion:(void (^)(void))completion;
@end

@interface UINavigationController : UIViewController
- (instancetype)initWithRootViewController:(UIViewController *)rootViewController;
- (void)pushViewController:(UIViewController *)viewController animated:(BOOL)animated;
@end

@class UIAlertAction;

@interface UIAlertAction : NSObject <NSCopying>
+ (instancetype)actionWithTitle:(NSString *)title
                          style:(UIAlertActionStyle)style
                        handler:(void (^)(UIAlertAction *action))handler;
@property (nonatomic, readonly) NSString *title;
@end

@interface UIAlertController : UIViewController
+ (instancetype)alertControllerWithTitle:(NSString *)title
                                 message:(NSString *)message
                          preferredStyle:(UIAlertControllerStyle)preferredStyle;
- (void)addAction:(UIAlertAction *)action;
@end

@interface NSIndexPath : NSObject
@property (nonatomic, readonly) NSInteger row;
@property (nonatomic, readonly) NSInteger section;
@end

@interface UITableViewCell : UIView
- (instancetype)initWithStyle:(UITableViewCellStyle)style reuseIdentifier:(NSString *)reuseIdentifier;
@property (nonatomic, readonly, strong) UILabel *textLabel;
@property (nonatomic, readonly, strong) UILabel *detailTextLabel;
@end

@protocol UITableViewDataSource <NSObject>
- (NSInteger)tableView:(UITableView *)tableView numberOfRowsInSection:(NSInteger)section;
- (UITableViewCell *)tableView:(UITableView *)tableView cellForRowAtIndexPath:(NSIndexPath *)indexPath;
@end

@protocol UITableViewDelegate <NSObject>
@optional
- (void)tableView:(UITableView *)tableView didSelectRowAtIndexPath:(NSIndexPath *)indexPath;
@end

@interface UITableView : UIView
- (UITableViewCell *)dequeueReusableCellWithIdentifier:(NSString *)identifier;
- (void)deselectRowAtIndexPath:(NSIndexPath *)indexPath animated:(BOOL)animated;
- (void)reloadData;
@end

@interface UITableViewController : UIViewController <UITableViewDataSource, UITableViewDelegate>
- (instancetype)initWithStyle:(UITableViewStyle)style;
@property (nonatomic, strong) UITableView *tableView;
@end

@interface UIImage : NSObject
@property (nonatomic, readonly) CGSize size;
- (void)drawInRect:(CGRect)rect;
@end

@protocol UIApplicationDelegate <NSObject>
@optional
@property (nonatomic, strong) UIWindow *window;
- (BOOL)application:(UIApplication *)application didFinishLaunchingWithOptions:(NSDictionary *)launchOptions;
- (void)applicationDidEnterBackground:(UIApplication *)application;
- (BOOL)application:(UIApplication *)app openURL:(NSURL *)url options:(NSDictionary *)options;
@end

@interface UIApplication : UIResponder
@property (class, readonly, strong) UIApplication *sharedApplication;
@property (nonatomic, strong) id<UIApplicationDelegate> delegate;
@property (nonatomic, readonly) UIWindow *keyWindow;
- (BOOL)canOpenURL:(NSURL *)url;
@end

@protocol UINavigationControllerDelegate <NSObject>
@end

@protocol UIImagePickerControllerDelegate <NSObject>
@optional
- (void)imagePickerController:(id)picker didFinishPickingMediaWithInfo:(NSDictionary *)info;
- (void)imagePickerControllerDidCancel:(id)picker;
@end

@interface UIImagePickerController : UINavigationController
+ (BOOL)isSourceTypeAvailable:(UIImagePickerControllerSourceType)sourceType;
@property (nonatomic) UIImagePickerControllerSourceType sourceType;
@property (nonatomic, weak) id<UINavigationControllerDelegate, UIImagePickerControllerDelegate> delegate;
@end

@interface UIDevice : NSObject
@property (class, readonly) UIDevice *currentDevice;
@property (nonatomic, readonly, strong) NSUUID *identifierForVendor;
@property (nonatomic, readonly, strong) NSString *systemVersion;
@end

@interface UIPasteboard : NSObject
@property (class, readonly) UIPasteboard *generalPasteboard;
@property (nonatomic, copy) NSString *string;
@end

/* Deprecated since iOS 12; what SEC-WEBVIEW-001 looks for. */
@protocol UIWebViewDelegate <NSObject>
@end

@interface UIWebView : UIView
@property (nonatomic, assign) id<UIWebViewDelegate> delegate;
- (void)loadRequest:(NSURLRequest *)request;
- (NSString *)stringByEvaluatingJavaScriptFromString:(NSString *)script;
@end

@interface NSString (UIStringDrawing)
- (void)drawAtPoint:(CGPoint)point withAttributes:(NSDictionary *)attrs;
@end

#endif
