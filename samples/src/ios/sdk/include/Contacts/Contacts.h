/* Minimal Contacts declarations for the Fingertip iOS samples (see Foundation/Foundation.h). */
#ifndef FT_CONTACTS_H
#define FT_CONTACTS_H

#import <Foundation/Foundation.h>

FOUNDATION_EXTERN NSString *const CNContactGivenNameKey;

@interface CNContactStore : NSObject
- (NSArray *)unifiedContactsMatchingPredicate:(id)predicate
                                  keysToFetch:(NSArray *)keys
                                        error:(NSError **)error;
@end

#endif
