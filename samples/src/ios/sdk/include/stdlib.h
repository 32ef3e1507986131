/* Minimal libc declarations for the Fingertip iOS samples (libSystem). */
#ifndef FT_STDLIB_H
#define FT_STDLIB_H
#include <stddef.h>
int rand(void);
void srand(unsigned seed);
void *malloc(size_t size);
void free(void *ptr);
#endif
