/*
 * Deliberately weak native library for the fingertip-checkin sample.
 * Built with -O0 -fno-stack-protector -U_FORTIFY_SOURCE, executable stack, no RELRO
 * and an RPATH/RUNPATH pointing at a world-writable directory, and left unstripped,
 * so every ELF hardening check in the scanner has something to report.
 */
#include <string.h>

/* Unbounded copy into a fixed stack buffer: the classic strcpy overflow. */
int daka_copy_token(char *out, const char *token)
{
    char buf[32];

    strcpy(buf, token);
    strcpy(out, buf);
    return (int)strlen(buf);
}

/* JNI entry point so the library looks like a real Android native lib. */
int JNI_OnLoad(void *vm, void *reserved)
{
    (void)vm;
    (void)reserved;
    return 0x00010006; /* JNI_VERSION_1_6 */
}
