/* Minimal libc declarations for the Fingertip iOS samples (libSystem). */
#ifndef FT_STRING_H
#define FT_STRING_H
#include <stddef.h>
size_t strlen(const char *s);
char *strcpy(char *dst, const char *src);
char *strcat(char *dst, const char *src);
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *b, int c, size_t len);
#endif
