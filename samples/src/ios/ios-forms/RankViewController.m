// 积分排名 (FORM-RANK-001): a table of the unit's staff ranked by points, fetched with
// NSURLSession dataTaskWithRequest:completionHandler: when the screen loads.
#import "RankViewController.h"
#import "FormsKit.h"

static NSString *const FTRankCell = @"rank";

@interface RankViewController ()
@property (nonatomic, copy) NSArray<NSDictionary *> *entries;
@end

@implementation RankViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"积分排名";
    [self loadRanking];
}

- (void)loadRanking {
    NSMutableURLRequest *request = FTRequest(@"/api/rank/weekly", @"GET");
    [[[NSURLSession sharedSession]
        dataTaskWithRequest:request
          completionHandler:^(NSData *data, NSURLResponse *response, NSError *error) {
              id list = data ? [NSJSONSerialization JSONObjectWithData:data options:0 error:NULL] : nil;
              [self performSelectorOnMainThread:@selector(showRanking:) withObject:list waitUntilDone:NO];
          }] resume];
}

- (void)showRanking:(NSArray<NSDictionary *> *)list {
    self.entries = list;
    [self.tableView reloadData];
}

- (NSInteger)tableView:(UITableView *)tableView numberOfRowsInSection:(NSInteger)section {
    return (NSInteger)self.entries.count;
}

- (UITableViewCell *)tableView:(UITableView *)tableView cellForRowAtIndexPath:(NSIndexPath *)indexPath {
    UITableViewCell *cell = [tableView dequeueReusableCellWithIdentifier:FTRankCell];
    if (cell == nil) {
        cell = [[UITableViewCell alloc] initWithStyle:UITableViewCellStyleSubtitle reuseIdentifier:FTRankCell];
    }
    NSDictionary *entry = self.entries[(NSUInteger)indexPath.row];
    cell.textLabel.text = [NSString stringWithFormat:@"第%ld名  %@", (long)indexPath.row + 1, entry[@"name"]];
    cell.detailTextLabel.text = [NSString stringWithFormat:@"本周积分 %@", entry[@"score"]];
    return cell;
}

@end
