// ios-clean's notice list, which also asks for location every time it appears
// (viewDidAppear: -> askForLocation -> requestWhenInUseAuthorization: PRIV-PERM-002,
// E3). The 附近 button's action locateTapped: asks too, but only on a tap: the
// bar button set up in viewWillAppear: must not make viewWillAppear: a path.
#import "NoticeListViewController.h"
#import <CoreLocation/CoreLocation.h>
#import "PrivacyPolicyViewController.h"
#import "FeedbackViewController.h"
#include <stdio.h>

static NSString *const FTCellIdentifier = @"notice";

NSString *FTNoticeNumber(NSInteger year, NSInteger sequence) {
    char buffer[32];
    snprintf(buffer, sizeof buffer, "%ld-%04ld", (long)year, (long)sequence);
    return [NSString stringWithUTF8String:buffer];
}

// UIKit declares these; the sample SDK's stub headers do not.
@interface UIViewController (FTAppearance)
- (void)viewWillAppear:(BOOL)animated;
@end

@interface UINavigationItem (FTLeft)
@property (nonatomic, strong) UIBarButtonItem *leftBarButtonItem;
@end

@interface NoticeListViewController ()
@property (nonatomic, copy) NSArray<NSString *> *notices;
@property (nonatomic, strong) CLLocationManager *locator;
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

- (void)viewWillAppear:(BOOL)animated {
    [super viewWillAppear:animated];
    self.navigationItem.leftBarButtonItem =
        [[UIBarButtonItem alloc] initWithTitle:@"附近" style:0 target:self action:@selector(locateTapped:)];
}

- (void)viewDidAppear:(BOOL)animated {
    [super viewDidAppear:animated];
    [self askForLocation];
}

- (void)askForLocation {
    if (self.locator == nil) {
        self.locator = [[CLLocationManager alloc] init];
    }
    [self.locator requestWhenInUseAuthorization];
}

- (void)locateTapped:(id)sender {
    CLLocationManager *manager = [[CLLocationManager alloc] init];
    [manager requestWhenInUseAuthorization];
    self.locator = manager;
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
