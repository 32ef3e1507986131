/*
 * Minimal Foundation declarations for the Fingertip iOS samples.
 *
 * Written for these samples from Apple's public API documentation: only the
 * classes, methods and constants the sample apps call, with the same names
 * and signatures as the real SDK so that clang emits the same selectors,
 * class references and imported symbols an Xcode build would. No Apple SDK
 * file was copied. Link against the .tbd stubs in sdk/System/Library/Frameworks/ and sdk/usr/lib/.
 */
#ifndef FT_FOUNDATION_H
#define FT_FOUNDATION_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>

#ifdef __cplusplus
#define FOUNDATION_EXTERN extern "C"
#else
#define FOUNDATION_EXTERN extern
#endif

/* BOOL is C99 bool on arm64 and arm64_32 (OBJC_BOOL_IS_BOOL). */
typedef bool BOOL;
#define YES __objc_yes
#define NO __objc_no
#define nil ((id)0)
#define Nil ((Class)0)

typedef long NSInteger;
typedef unsigned long NSUInteger;
typedef double NSTimeInterval;
typedef struct _NSZone NSZone;

#if defined(__LP64__) && __LP64__
typedef double CGFloat;
#else
typedef float CGFloat;
#endif

@class NSString, NSArray, NSDictionary, NSData, NSURL, NSError, NSDate, NSNumber;
@class NSNotification, NSUUID, NSBundle, NSRunLoop, NSURLResponse;

@protocol NSObject
- (BOOL)isEqual:(id)object;
- (Class)class;
- (instancetype)self;
- (BOOL)isKindOfClass:(Class)aClass;
- (BOOL)respondsToSelector:(SEL)aSelector;
- (NSString *)description;
@end

__attribute__((objc_root_class))
@interface NSObject <NSObject> {
    Class isa;
}
+ (void)load;
+ (void)initialize;
+ (instancetype)alloc;
+ (instancetype)new;
+ (Class)class;
- (instancetype)init;
- (void)dealloc;
- (id)copy;
- (instancetype)retain;
- (oneway void)release;
- (instancetype)autorelease;
- (id)performSelector:(SEL)aSelector withObject:(id)object;
- (void)performSelectorOnMainThread:(SEL)aSelector withObject:(id)arg waitUntilDone:(BOOL)wait;
@end

@protocol NSCopying
- (id)copyWithZone:(NSZone *)zone;
@end

typedef NSUInteger NSStringEncoding;
#define NSUTF8StringEncoding ((NSStringEncoding)4)

@interface NSString : NSObject <NSCopying>
+ (instancetype)stringWithUTF8String:(const char *)nullTerminatedCString;
+ (instancetype)stringWithFormat:(NSString *)format, ... __attribute__((format(__NSString__, 1, 2)));
- (instancetype)initWithData:(NSData *)data encoding:(NSStringEncoding)encoding;
@property (readonly) NSUInteger length;
@property (readonly) const char *UTF8String;
- (NSData *)dataUsingEncoding:(NSStringEncoding)encoding;
- (BOOL)hasPrefix:(NSString *)str;
- (BOOL)isEqualToString:(NSString *)aString;
- (NSString *)stringByAppendingString:(NSString *)aString;
@end

@interface NSMutableString : NSString
- (void)appendString:(NSString *)aString;
@end

@interface NSArray<ObjectType> : NSObject <NSCopying>
+ (instancetype)arrayWithObjects:(const ObjectType _Nonnull [_Nullable])objects count:(NSUInteger)cnt;
@property (readonly) NSUInteger count;
- (ObjectType)objectAtIndex:(NSUInteger)index;
- (ObjectType)objectAtIndexedSubscript:(NSUInteger)idx;
@property (readonly) ObjectType firstObject;
@property (readonly) ObjectType lastObject;
@end

@interface NSMutableArray<ObjectType> : NSArray<ObjectType>
+ (instancetype)array;
- (void)addObject:(ObjectType)anObject;
@end

@interface NSDictionary<KeyType, ObjectType> : NSObject <NSCopying>
+ (instancetype)dictionaryWithObjects:(const ObjectType _Nonnull [_Nullable])objects
                              forKeys:(const KeyType _Nonnull [_Nullable])keys
                                count:(NSUInteger)cnt;
- (ObjectType)objectForKey:(KeyType)aKey;
- (ObjectType)objectForKeyedSubscript:(KeyType)key;
@property (readonly) NSUInteger count;
@end

@interface NSNumber : NSObject <NSCopying>
+ (NSNumber *)numberWithInt:(int)value;
+ (NSNumber *)numberWithInteger:(NSInteger)value;
+ (NSNumber *)numberWithLong:(long)value;
+ (NSNumber *)numberWithDouble:(double)value;
+ (NSNumber *)numberWithBool:(BOOL)value;
@property (readonly) double doubleValue;
@end

@interface NSData : NSObject <NSCopying>
+ (instancetype)dataWithBytes:(const void *)bytes length:(NSUInteger)length;
@property (readonly) const void *bytes;
@property (readonly) NSUInteger length;
- (BOOL)writeToFile:(NSString *)path atomically:(BOOL)useAuxiliaryFile;
@end

@interface NSURL : NSObject <NSCopying>
+ (instancetype)URLWithString:(NSString *)URLString;
@property (readonly, copy) NSString *scheme;
@property (readonly, copy) NSString *host;
@property (readonly, copy) NSString *query;
@property (readonly, copy) NSString *absoluteString;
@end

@interface NSURLRequest : NSObject <NSCopying>
+ (instancetype)requestWithURL:(NSURL *)URL;
@property (readonly, copy) NSURL *URL;
@end

@interface NSMutableURLRequest : NSURLRequest
@property (copy) NSString *HTTPMethod;
@property (copy) NSData *HTTPBody;
- (void)setValue:(NSString *)value forHTTPHeaderField:(NSString *)field;
@end

@interface NSURLSessionTask : NSObject <NSCopying>
- (void)resume;
- (void)cancel;
@end
@interface NSURLSessionDataTask : NSURLSessionTask
@end
@interface NSURLSessionUploadTask : NSURLSessionDataTask
@end

/* Authentication challenges and delegate sessions (ios-insecure's trust-all delegate). */
typedef struct __SecTrust *SecTrustRef;
typedef NSInteger NSURLSessionAuthChallengeDisposition;
enum {
    NSURLSessionAuthChallengeUseCredential = 0,
    NSURLSessionAuthChallengePerformDefaultHandling = 1,
    NSURLSessionAuthChallengeCancelAuthenticationChallenge = 2,
};
@interface NSURLProtectionSpace : NSObject
@property (readonly, copy) NSString *host;
@property (readonly) SecTrustRef serverTrust;
@end
@interface NSURLAuthenticationChallenge : NSObject
@property (readonly, copy) NSURLProtectionSpace *protectionSpace;
@end
@interface NSURLCredential : NSObject
+ (NSURLCredential *)credentialForTrust:(SecTrustRef)trust;
@end
@interface NSURLSessionConfiguration : NSObject <NSCopying>
@property (class, readonly, strong) NSURLSessionConfiguration *defaultSessionConfiguration;
@end
@class NSURLSession;
@protocol NSURLSessionDelegate <NSObject>
@optional
- (void)URLSession:(NSURLSession *)session
    didReceiveChallenge:(NSURLAuthenticationChallenge *)challenge
      completionHandler:(void (^)(NSURLSessionAuthChallengeDisposition disposition,
                                  NSURLCredential *credential))completionHandler;
@end

@interface NSURLSession : NSObject
+ (NSURLSession *)sessionWithConfiguration:(NSURLSessionConfiguration *)configuration
                                  delegate:(id<NSURLSessionDelegate>)delegate
                             delegateQueue:(id)queue;
@property (class, readonly, strong) NSURLSession *sharedSession;
- (NSURLSessionUploadTask *)uploadTaskWithRequest:(NSURLRequest *)request fromData:(NSData *)bodyData;
- (NSURLSessionDataTask *)dataTaskWithRequest:(NSURLRequest *)request;
- (NSURLSessionDataTask *)dataTaskWithRequest:(NSURLRequest *)request
                            completionHandler:(void (^)(NSData *data, NSURLResponse *response,
                                                        NSError *error))completionHandler;
@end

typedef NSUInteger NSJSONWritingOptions;
@interface NSJSONSerialization : NSObject
+ (NSData *)dataWithJSONObject:(id)obj options:(NSJSONWritingOptions)opt error:(NSError **)error;
+ (id)JSONObjectWithData:(NSData *)data options:(NSUInteger)opt error:(NSError **)error;
@end

@interface NSError : NSObject <NSCopying>
@property (readonly) NSInteger code;
@end

@interface NSDate : NSObject <NSCopying>
+ (instancetype)date;
+ (instancetype)dateWithTimeIntervalSinceNow:(NSTimeInterval)secs;
- (NSTimeInterval)timeIntervalSinceDate:(NSDate *)anotherDate;
@property (readonly) NSTimeInterval timeIntervalSince1970;
@end

@interface NSDateFormatter : NSObject
@property (copy) NSString *dateFormat;
- (NSString *)stringFromDate:(NSDate *)date;
@end

@interface NSUUID : NSObject <NSCopying>
@property (readonly, copy) NSString *UUIDString;
@end

@interface NSBundle : NSObject
@property (class, readonly, strong) NSBundle *mainBundle;
- (id)objectForInfoDictionaryKey:(NSString *)key;
@end

@interface NSUserDefaults : NSObject
@property (class, readonly, strong) NSUserDefaults *standardUserDefaults;
- (BOOL)boolForKey:(NSString *)defaultName;
- (void)setBool:(BOOL)value forKey:(NSString *)defaultName;
- (NSString *)stringForKey:(NSString *)defaultName;
- (void)setObject:(id)value forKey:(NSString *)defaultName;
- (NSInteger)integerForKey:(NSString *)defaultName;
- (void)setInteger:(NSInteger)value forKey:(NSString *)defaultName;
@end

typedef NSString *NSNotificationName;

@interface NSNotification : NSObject <NSCopying>
@property (readonly, copy) NSNotificationName name;
@property (readonly, strong) id object;
@end

@interface NSNotificationCenter : NSObject
@property (class, readonly, strong) NSNotificationCenter *defaultCenter;
- (void)addObserver:(id)observer selector:(SEL)aSelector name:(NSNotificationName)aName object:(id)anObject;
- (void)removeObserver:(id)observer;
@end

@interface NSTimer : NSObject
+ (NSTimer *)scheduledTimerWithTimeInterval:(NSTimeInterval)ti
                                     target:(id)aTarget
                                   selector:(SEL)aSelector
                                   userInfo:(id)userInfo
                                    repeats:(BOOL)yesOrNo;
- (void)invalidate;
@property (readonly, getter=isValid) BOOL valid;
@end

typedef void NSUncaughtExceptionHandler(id exception);

FOUNDATION_EXTERN void NSLog(NSString *format, ...) __attribute__((format(__NSString__, 1, 2)));
FOUNDATION_EXTERN NSString *NSStringFromClass(Class aClass);
FOUNDATION_EXTERN Class NSClassFromString(NSString *aClassName);
FOUNDATION_EXTERN void NSSetUncaughtExceptionHandler(NSUncaughtExceptionHandler *handler);
/* Entry point of app extensions (linked with -e _NSExtensionMain). */
FOUNDATION_EXTERN int NSExtensionMain(int argc, char *argv[]);

#endif
