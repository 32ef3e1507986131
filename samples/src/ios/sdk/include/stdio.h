/* Minimal libc declarations for the Fingertip iOS samples (libSystem). */
#ifndef FT_STDIO_H
#define FT_STDIO_H
#include <stddef.h>
#include <stdarg.h>
typedef struct __sFILE FILE;
int printf(const char *format, ...);
int sprintf(char *str, const char *format, ...);
int snprintf(char *str, size_t size, const char *format, ...);
/* Removed from C11 and marked deprecated by Apple; SEC-NATIVE checks look for it. */
char *gets(char *str);
#endif
