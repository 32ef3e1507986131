// The page a govprompt:// URL names, shown as it came.
#import "NoticeDetailViewController.h"

@interface NoticeDetailViewController ()
@property (nonatomic, copy) NSString *page;
@property (nonatomic, copy) NSString *query;
@end

@implementation NoticeDetailViewController

- (instancetype)initWithPage:(NSString *)page query:(NSString *)query {
    self = [super init];
    if (self != nil) {
        _page = [page copy];
        _query = [query copy];
    }
    return self;
}

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = self.page;
    self.view.backgroundColor = [UIColor whiteColor];
}

@end
