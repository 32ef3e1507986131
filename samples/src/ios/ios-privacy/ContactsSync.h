#import <Foundation/Foundation.h>

@interface ContactsSync : NSObject
+ (NSUInteger)countContacts;
@end
