#import <UIKit/UIKit.h>

@interface EvidenceUploader : NSObject
+ (void)uploadJSON:(NSDictionary *)object toPath:(NSString *)path;
+ (void)uploadImage:(UIImage *)image toPath:(NSString *)path;
@end
