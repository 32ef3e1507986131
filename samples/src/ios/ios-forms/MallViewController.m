// 便民商城 (FORM-COMMERCE-001): a shop inside the government app. 立即下单 -> placeOrder:
// uploads the order (/api/mall/order) and pays with [[AlipaySDK defaultService]
// payOrder:fromScheme:callback:]; the callback uploads the payment result.
// (A real app gets the signed order string from its server; a fixed one stands in.)
#import "MallViewController.h"
#import "FormsKit.h"
#import <AlipaySDK/AlipaySDK.h>

static NSString *const FTAlipayScheme = @"ftformsalipay";

@interface MallViewController ()
@property (nonatomic, strong) UILabel *statusLabel;
@end

@implementation MallViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    self.title = @"便民商城";
    self.view.backgroundColor = [UIColor whiteColor];
    self.statusLabel = FTAddLabel(self, @"购物车：政务文创笔记本 ×1，合计 ¥39.00", 100);
    FTAddButton(self, @"立即下单", 200, @selector(placeOrder:));
}

- (void)placeOrder:(id)sender {
    NSDictionary *order = @{@"sku" : @"notebook-01", @"count" : @1, @"amount" : @"39.00"};
    [self uploadMallRecord:order toPath:@"/api/mall/order"];
    NSString *orderString = @"app_id=2021000000000000&method=alipay.trade.app.pay&charset=utf-8"
                            @"&biz_content=%7B%22out_trade_no%22%3A%22FT20240001%22%7D&sign=stub";
    self.statusLabel.text = @"正在下单，请在支付宝完成支付";
    [[AlipaySDK defaultService] payOrder:orderString
                              fromScheme:FTAlipayScheme
                                callback:^(NSDictionary *resultDic) {
                                    [self uploadMallRecord:resultDic toPath:@"/api/mall/payment"];
                                }];
}

- (void)uploadMallRecord:(NSDictionary *)record toPath:(NSString *)path {
    NSData *data = [NSJSONSerialization dataWithJSONObject:record options:0 error:NULL];
    [[[NSURLSession sharedSession] uploadTaskWithRequest:FTRequest(path, @"POST") fromData:data] resume];
}

@end
