// Weak crypto: CC_MD5 for tokens, single DES in ECB mode with a fixed key.
#import "LegacyCrypto.h"
#import <CommonCrypto/CommonCrypto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

@implementation LegacyCrypto

+ (NSString *)md5Hex:(NSString *)text {
    const char *bytes = text.UTF8String;
    unsigned char digest[CC_MD5_DIGEST_LENGTH];
    CC_MD5(bytes, (CC_LONG)strlen(bytes), digest);
    char hex[CC_MD5_DIGEST_LENGTH * 2 + 1];
    for (int i = 0; i < CC_MD5_DIGEST_LENGTH; i++) {
        sprintf(hex + i * 2, "%02x", digest[i]);
    }
    return [NSString stringWithUTF8String:hex];
}

+ (NSData *)desEncrypt:(NSString *)text key:(NSString *)key {
    const char *plain = text.UTF8String;
    size_t length = strlen(plain);
    size_t capacity = length + kCCBlockSizeDES;
    void *out = malloc(capacity);
    size_t moved = 0;
    CCCryptorStatus status = CCCrypt(kCCEncrypt, kCCAlgorithmDES, kCCOptionPKCS7Padding | kCCOptionECBMode,
                                     key.UTF8String, kCCKeySizeDES, NULL, plain, length, out, capacity, &moved);
    NSData *result = status == kCCSuccess ? [NSData dataWithBytes:out length:moved] : nil;
    free(out);
    return result;
}

@end
