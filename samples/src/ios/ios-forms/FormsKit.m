#import "FormsKit.h"

static NSString *const FTFormsServer = @"https://forms.example.gov.cn";

NSMutableURLRequest *FTRequest(NSString *path, NSString *method) {
    NSURL *url = [NSURL URLWithString:[FTFormsServer stringByAppendingString:path]];
    NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:url];
    request.HTTPMethod = method;
    [request setValue:@"application/json" forHTTPHeaderField:@"Content-Type"];
    return request;
}

UIButton *FTAddButton(UIViewController *owner, NSString *title, CGFloat y, SEL action) {
    UIButton *button = [UIButton buttonWithType:UIButtonTypeSystem];
    button.frame = CGRectMake(40, y, 240, 44);
    [button setTitle:title forState:UIControlStateNormal];
    [button addTarget:owner action:action forControlEvents:UIControlEventTouchUpInside];
    [owner.view addSubview:button];
    return button;
}

UILabel *FTAddLabel(UIViewController *owner, NSString *text, CGFloat y) {
    UILabel *label = [[UILabel alloc] initWithFrame:CGRectMake(20, y, 280, 60)];
    label.numberOfLines = 0;
    label.text = text;
    [owner.view addSubview:label];
    return label;
}
