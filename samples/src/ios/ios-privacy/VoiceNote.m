// Microphone: AVAudioRecorder into a file URL (reached only from a button).
#import "VoiceNote.h"
#import <AVFoundation/AVFoundation.h>

@interface VoiceNote ()
@property (nonatomic, strong) AVAudioRecorder *recorder;
@end

@implementation VoiceNote

- (void)record {
    NSURL *url = [NSURL URLWithString:@"file:///tmp/note.m4a"];
    self.recorder = [[AVAudioRecorder alloc] initWithURL:url settings:nil error:NULL];
    [self.recorder record];
}

@end
