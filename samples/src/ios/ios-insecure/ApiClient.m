// The API client: its own NSURLSession with itself as the delegate, which answers every
// server-trust challenge with a credential for whatever certificate the server sent
// (SEC-NET-002), and a planted, clearly fake AWS access key id sent as a header
// (SEC-SECRET-001).
#import "ApiClient.h"

@implementation ApiClient

+ (instancetype)sharedClient {
    return [[ApiClient alloc] init];
}

- (void)fetchNotices {
    NSURLSession *session =
        [NSURLSession sessionWithConfiguration:[NSURLSessionConfiguration defaultSessionConfiguration]
                                      delegate:self
                                 delegateQueue:nil];
    NSMutableURLRequest *request = (NSMutableURLRequest *)[NSMutableURLRequest
        requestWithURL:[NSURL URLWithString:@"https://api.example.gov.cn/notices"]];
    // Fake key id: "FAKE" + "FTSAMPLE" + "2025", for the secrets rule only.
    [request setValue:@"AKIAFAKEFTSAMPLE2025" forHTTPHeaderField:@"X-Access-Key"];
    [[session dataTaskWithRequest:request] resume];
}

// Trust-all: a credential from the server trust, never evaluated.
- (void)URLSession:(NSURLSession *)session
    didReceiveChallenge:(NSURLAuthenticationChallenge *)challenge
      completionHandler:(void (^)(NSURLSessionAuthChallengeDisposition disposition,
                                  NSURLCredential *credential))completionHandler {
    NSURLCredential *credential =
        [NSURLCredential credentialForTrust:challenge.protectionSpace.serverTrust];
    completionHandler(NSURLSessionAuthChallengeUseCredential, credential);
}

@end
