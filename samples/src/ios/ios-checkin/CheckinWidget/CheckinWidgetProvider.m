// Home-screen widget extension: shows today's attendance state. Linked with
// -e _NSExtensionMain, as app extensions are; this class is its content.
#import <Foundation/Foundation.h>

@interface CheckinWidgetProvider : NSObject
- (NSString *)placeholderText;
@end

@implementation CheckinWidgetProvider

- (NSString *)placeholderText {
    NSUserDefaults *defaults = [NSUserDefaults standardUserDefaults];
    return [defaults boolForKey:@"checkedIn"] ? @"今日考勤：已签到" : @"今日考勤：未打卡";
}

@end
