/* Minimal libc declarations for the Fingertip iOS samples (libSystem). */
#ifndef FT_TIME_H
#define FT_TIME_H
typedef long time_t;
time_t time(time_t *tloc);
#endif
