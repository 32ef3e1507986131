// Contacts: the whole address book read at launch (PRIV-CONTACT-001 on iOS), from
// -[AppDelegate application:didFinishLaunchingWithOptions:], before any user action.
#import "ContactsSync.h"
#import <Contacts/Contacts.h>

@implementation ContactsSync

+ (NSUInteger)countContacts {
    CNContactStore *store = [[CNContactStore alloc] init];
    NSArray *all = [store unifiedContactsMatchingPredicate:nil
                                               keysToFetch:@[ CNContactGivenNameKey ]
                                                     error:NULL];
    return all.count;
}

@end
