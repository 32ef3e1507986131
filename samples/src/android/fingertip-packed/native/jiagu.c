/*
 * Stand-in for the 360 Jiagu loader library, written for this sample (no code
 * from the real packer). Only its name, lib/x86_64/libjiagu.so, and its loading
 * from com.stub.StubApp matter to the scanner's packer detection. Built with
 * the same hardening flags as libhard.so so that only the packer rule fires.
 */
#include <stdio.h>
#include <string.h>

/* "Decrypts" a payload chunk with a rolling XOR into out; returns bytes written
 * or -1 if the chunk does not fit the scratch buffer. */
int jiagu_unpack_chunk(unsigned char *out, size_t out_len, const unsigned char *in, size_t in_len)
{
    unsigned char buf[256];
    size_t i;

    if (in_len > sizeof(buf) || in_len > out_len)
        return -1;
    memcpy(buf, in, in_len);
    for (i = 0; i < in_len; i++)
        buf[i] ^= (unsigned char)(0x5a + i);
    memcpy(out, buf, in_len);
    return (int)in_len;
}

/* Names the payload file the stub would look for. */
int jiagu_payload_name(char *out, size_t out_len, int index)
{
    return snprintf(out, out_len, "classes%d.dex.jiagu", index);
}

/* JNI entry point: the real loader would decrypt and load the dex here. */
int JNI_OnLoad(void *vm, void *reserved)
{
    (void)vm;
    (void)reserved;
    return 0x00010006; /* JNI_VERSION_1_6 */
}
