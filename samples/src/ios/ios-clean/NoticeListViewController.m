// A plain list of notices, with the feedback (意见反馈) and privacy policy
// (隐私政策) entries a filing expects. No location, no identifiers, no network
// except the privacy policy page shown in a WKWebView.
#import "NoticeListViewController.h"
#import "PrivacyPolicyViewController.h"
#import "FeedbackViewController.h"
#include <stdio.h>

static NSString *const FTCellIdentifier = @"notice";

NSString *FTNoticeNumber(NSInteger year, NSInteger sequence) {
    char buffer[32];
    snprintf(buffer, sizeof buffer, "%ld-%04ld", (long)year, (long)sequence);
    return [NSString stringWithUTF8String:buffer];
}

@interface NoticeListViewController ()
@property (nonatomic, copy) NSArray<NSString *> *notices;
@end

@implementation NoticeListViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"通知公告";
    self.notices = @[
        @"关于调整政务服务大厅办公时间的通知",
        @"2024年度政府信息公开工作年度报告",
        @"意见反馈",
        @"隐私政策",
        // The app filing number (APP备案号), shown in the app as the MIIT filing notice asks.
        @"京ICP备12345678号-1A",
    ];
    self.navigationItem.rightBarButtonItem =
        [[UIBarButtonItem alloc] initWithTitle:@"意见反馈" style:0 target:self action:@selector(showFeedback:)];
}

- (NSInteger)tableView:(UITableView *)tableView numberOfRowsInSection:(NSInteger)section {
    return (NSInteger)self.notices.count;
}

- (UITableViewCell *)tableView:(UITableView *)tableView cellForRowAtIndexPath:(NSIndexPath *)indexPath {
    UITableViewCell *cell = [tableView dequeueReusableCellWithIdentifier:FTCellIdentifier];
    if (cell == nil) {
        cell = [[UITableViewCell alloc] initWithStyle:UITableViewCellStyleSubtitle reuseIdentifier:FTCellIdentifier];
    }
    cell.textLabel.text = self.notices[(NSUInteger)indexPath.row];
    cell.detailTextLabel.text = FTNoticeNumber(2024, indexPath.row + 1);
    return cell;
}

- (void)tableView:(UITableView *)tableView didSelectRowAtIndexPath:(NSIndexPath *)indexPath {
    [tableView deselectRowAtIndexPath:indexPath animated:YES];
    NSString *title = self.notices[(NSUInteger)indexPath.row];
    if ([title isEqualToString:@"隐私政策"]) {
        [self.navigationController pushViewController:[[PrivacyPolicyViewController alloc] init] animated:YES];
    } else if ([title isEqualToString:@"意见反馈"]) {
        [self showFeedback:nil];
    }
}

- (void)showFeedback:(id)sender {
    [self.navigationController pushViewController:[[FeedbackViewController alloc] init] animated:YES];
}

@end
