// Three buttons and a screenshot observer, all wired in viewDidLoad:
//   开始巡查 -> startPatrol: -> TrackRecorder start (background location, FORM-TRACE-001)
//   现场拍照 -> takePhoto: -> UIImagePickerController (camera)
//     -> imagePickerController:didFinishPickingMediaWithInfo: -> watermarkImage:
//        (UIGraphicsBeginImageContextWithOptions, drawAtPoint:withAttributes: 水印)
//     -> EvidenceUploader (FORM-TRACE-002)
//   开始学习 -> startStudy: -> StudyTimer start (NSTimer heartbeat, FORM-DURATION-001)
//   UIApplicationUserDidTakeScreenshotNotification -> userDidTakeScreenshot:
//     -> drawViewHierarchyInRect: -> EvidenceUploader (FORM-TRACE-003)
#import "PatrolViewController.h"
#import "TrackRecorder.h"
#import "StudyTimer.h"
#import "EvidenceUploader.h"
#import <AVFoundation/AVFoundation.h>
#import <TraceKit/TraceKit.h>

@interface PatrolViewController () <UINavigationControllerDelegate, UIImagePickerControllerDelegate>
@property (nonatomic, strong) UILabel *statusLabel;
@end

@implementation PatrolViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"巡查轨迹";
    self.view.backgroundColor = [UIColor whiteColor];

    self.statusLabel = [[UILabel alloc] initWithFrame:CGRectMake(20, 100, 280, 40)];
    self.statusLabel.text = @"今日巡查：未开始";
    [self.view addSubview:self.statusLabel];

    [self addButton:@"开始巡查" y:160 action:@selector(startPatrol:)];
    [self addButton:@"现场拍照" y:230 action:@selector(takePhoto:)];
    [self addButton:@"开始学习" y:300 action:@selector(startStudy:)];

    [[NSNotificationCenter defaultCenter] addObserver:self
                                             selector:@selector(userDidTakeScreenshot:)
                                                 name:UIApplicationUserDidTakeScreenshotNotification
                                               object:nil];
}

- (void)addButton:(NSString *)title y:(CGFloat)y action:(SEL)action {
    UIButton *button = [UIButton buttonWithType:UIButtonTypeSystem];
    button.frame = CGRectMake(40, y, 240, 50);
    [button setTitle:title forState:UIControlStateNormal];
    [button addTarget:self action:action forControlEvents:UIControlEventTouchUpInside];
    [self.view addSubview:button];
}

- (void)startPatrol:(id)sender {
    [[TrackRecorder sharedRecorder] start];
    self.statusLabel.text = @"巡查中，正在记录轨迹";
}

- (void)startStudy:(id)sender {
    [[StudyTimer sharedTimer] start];
    self.statusLabel.text = @"学习中，学习时长计时开始";
}

- (void)takePhoto:(id)sender {
    if ([AVCaptureDevice authorizationStatusForMediaType:AVMediaTypeVideo] == AVAuthorizationStatusDenied) {
        self.statusLabel.text = @"请在设置中允许使用相机";
        return;
    }
    if (![UIImagePickerController isSourceTypeAvailable:UIImagePickerControllerSourceTypeCamera]) {
        return;
    }
    UIImagePickerController *picker = [[UIImagePickerController alloc] init];
    picker.sourceType = UIImagePickerControllerSourceTypeCamera;
    picker.delegate = self;
    [self presentViewController:picker animated:YES completion:nil];
}

- (void)imagePickerController:(UIImagePickerController *)picker didFinishPickingMediaWithInfo:(NSDictionary *)info {
    [picker dismissViewControllerAnimated:YES completion:nil];
    UIImage *photo = info[UIImagePickerControllerOriginalImage];
    UIImage *stamped = [self watermarkImage:photo];
    [EvidenceUploader uploadImage:stamped toPath:@"/api/patrol/photo"];
}

// 水印: time and place drawn onto the photo before it is uploaded.
- (UIImage *)watermarkImage:(UIImage *)photo {
    NSDateFormatter *formatter = [[NSDateFormatter alloc] init];
    formatter.dateFormat = @"yyyy-MM-dd HH:mm:ss";
    CLLocation *location = [TrackRecorder sharedRecorder].lastLocation;
    NSString *text = [NSString stringWithFormat:@"水印 %@ %@", [formatter stringFromDate:[NSDate date]],
                                                [TKTrackFormatter textForLocation:location]];
    UIGraphicsBeginImageContextWithOptions(photo.size, NO, 0);
    [photo drawInRect:CGRectMake(0, 0, photo.size.width, photo.size.height)];
    [text drawAtPoint:CGPointMake(20, photo.size.height - 60)
        withAttributes:@{
            NSFontAttributeName : [UIFont systemFontOfSize:36],
            NSForegroundColorAttributeName : [UIColor redColor],
        }];
    UIImage *result = UIGraphicsGetImageFromCurrentImageContext();
    UIGraphicsEndImageContext();
    return result;
}

// 截图: every screenshot the user takes is captured again and uploaded.
- (void)userDidTakeScreenshot:(NSNotification *)notification {
    UIView *view = self.view;
    UIGraphicsBeginImageContextWithOptions(view.bounds.size, YES, 0);
    [view drawViewHierarchyInRect:view.bounds afterScreenUpdates:NO];
    UIImage *screenshot = UIGraphicsGetImageFromCurrentImageContext();
    UIGraphicsEndImageContext();
    [EvidenceUploader uploadImage:screenshot toPath:@"/api/evidence/screenshot"];
    self.statusLabel.text = @"截图已提交";
}

@end
