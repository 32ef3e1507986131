/*
 * Hardened native library for the fingertip-clean sample. Built with
 * -O2 -fstack-protector-strong -D_FORTIFY_SOURCE=2, full RELRO, non-executable
 * stack, stripped. The code is shaped so that the protections are really used,
 * not just requested on the command line:
 *  - the local array makes -fstack-protector-strong emit a canary, so the
 *    library imports __stack_chk_fail;
 *  - at _FORTIFY_SOURCE=2 snprintf always goes through __snprintf_chk (level 2
 *    also checks %n), so a fortified import is present.
 */
#include <stdio.h>
#include <string.h>

/* Formats "[n] title" into out. Returns snprintf's result, or -1 if the title
 * does not fit the scratch buffer or out has no room. */
int notice_format(char *out, size_t out_len, const char *title, size_t title_len, int n)
{
    char buf[64];

    if (title_len >= sizeof(buf) || out_len == 0)
        return -1;
    memcpy(buf, title, title_len);
    buf[title_len] = '\0';
    return snprintf(out, out_len, "[%d] %s", n, buf);
}

/* JNI entry point so the library looks like a real Android native lib. */
int JNI_OnLoad(void *vm, void *reserved)
{
    (void)vm;
    (void)reserved;
    return 0x00010006; /* JNI_VERSION_1_6 */
}
