// Every upload of the app: POST to https://trace.example.gov.cn with NSURLSession.
#import "EvidenceUploader.h"

static NSString *const FTTraceServer = @"https://trace.example.gov.cn";

@implementation EvidenceUploader

+ (void)uploadData:(NSData *)data toPath:(NSString *)path contentType:(NSString *)type {
    NSURL *url = [NSURL URLWithString:[FTTraceServer stringByAppendingString:path]];
    NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:url];
    request.HTTPMethod = @"POST";
    [request setValue:type forHTTPHeaderField:@"Content-Type"];
    [[[NSURLSession sharedSession] uploadTaskWithRequest:request fromData:data] resume];
}

+ (void)uploadJSON:(NSDictionary *)object toPath:(NSString *)path {
    NSData *data = [NSJSONSerialization dataWithJSONObject:object options:0 error:NULL];
    [self uploadData:data toPath:path contentType:@"application/json"];
}

+ (void)uploadImage:(UIImage *)image toPath:(NSString *)path {
    [self uploadData:UIImageJPEGRepresentation(image, 0.8) toPath:path contentType:@"image/jpeg"];
}

@end
