// 学习时长: a 30-second NSTimer heartbeat posts the accumulated study time.
#import "StudyTimer.h"
#import "EvidenceUploader.h"

@interface StudyTimer ()
@property (nonatomic, strong) NSTimer *timer;
@property (nonatomic, strong) NSDate *startedAt;
@end

@implementation StudyTimer

+ (instancetype)sharedTimer {
    static StudyTimer *shared;
    if (shared == nil) {
        shared = [[StudyTimer alloc] init];
    }
    return shared;
}

- (void)start {
    self.startedAt = [NSDate date];
    [self.timer invalidate];
    self.timer = [NSTimer scheduledTimerWithTimeInterval:30.0
                                                  target:self
                                                selector:@selector(heartbeat:)
                                                userInfo:nil
                                                 repeats:YES];
}

- (void)heartbeat:(NSTimer *)timer {
    [self reportDuration];
}

- (void)reportDuration {
    if (self.startedAt == nil) {
        return;
    }
    NSTimeInterval seconds = [[NSDate date] timeIntervalSinceDate:self.startedAt];
    [EvidenceUploader uploadJSON:@{@"学习时长" : @(seconds), @"studyTime" : @(seconds)}
                          toPath:@"/api/study/heartbeat"];
}

@end
