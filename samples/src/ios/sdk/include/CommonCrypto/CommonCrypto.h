/* Minimal CommonCrypto declarations for the Fingertip iOS samples (libcommonCrypto,
 * re-exported by libSystem). Constants have the values of Apple's public headers. */
#ifndef FT_COMMONCRYPTO_H
#define FT_COMMONCRYPTO_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t CC_LONG;
#define CC_MD5_DIGEST_LENGTH 16
extern unsigned char *CC_MD5(const void *data, CC_LONG len, unsigned char *md);

typedef int32_t CCCryptorStatus;
typedef uint32_t CCOperation;
typedef uint32_t CCAlgorithm;
typedef uint32_t CCOptions;
enum { kCCSuccess = 0 };
enum { kCCEncrypt = 0, kCCDecrypt = 1 };
enum { kCCAlgorithmAES = 0, kCCAlgorithmDES = 1, kCCAlgorithm3DES = 2 };
enum { kCCOptionPKCS7Padding = 0x0001, kCCOptionECBMode = 0x0002 };
enum { kCCKeySizeDES = 8, kCCBlockSizeDES = 8 };

extern CCCryptorStatus CCCrypt(CCOperation op, CCAlgorithm alg, CCOptions options,
                               const void *key, size_t keyLength, const void *iv,
                               const void *dataIn, size_t dataInLength, void *dataOut,
                               size_t dataOutAvailable, size_t *dataOutMoved);

#endif
