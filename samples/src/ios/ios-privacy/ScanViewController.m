// viewDidLoad -> startCamera: AVCaptureDevice + AVCaptureSession startRunning
// with no tap (PRIV-CAMMIC-001, E3). The 录音 button's action recordTapped:
// -> VoiceNote record: AVAudioRecorder, behind a user action only.
#import "ScanViewController.h"
#import "VoiceNote.h"
#import <AVFoundation/AVFoundation.h>

@interface ScanViewController ()
@property (nonatomic, strong) AVCaptureSession *session;
@property (nonatomic, strong) VoiceNote *note;
@end

@implementation ScanViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"证照扫描";
    self.view.backgroundColor = [UIColor whiteColor];
    [self startCamera];
    [self addButton:@"录音" y:300 action:@selector(recordTapped:)];
}

- (void)startCamera {
    AVCaptureDevice *camera = [AVCaptureDevice defaultDeviceWithMediaType:AVMediaTypeVideo];
    AVCaptureDeviceInput *input = [AVCaptureDeviceInput deviceInputWithDevice:camera error:NULL];
    self.session = [[AVCaptureSession alloc] init];
    if (input != nil && [self.session canAddInput:input]) {
        [self.session addInput:input];
    }
    [self.session startRunning];
}

- (void)addButton:(NSString *)title y:(CGFloat)y action:(SEL)action {
    UIButton *button = [UIButton buttonWithType:UIButtonTypeSystem];
    button.frame = CGRectMake(40, y, 240, 50);
    [button setTitle:title forState:UIControlStateNormal];
    [button addTarget:self action:action forControlEvents:UIControlEventTouchUpInside];
    [self.view addSubview:button];
}

- (void)recordTapped:(id)sender {
    self.note = [[VoiceNote alloc] init];
    [self.note record];
}

@end
