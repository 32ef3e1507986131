/* Old C helpers: unbounded string functions (strcpy, strcat, sprintf, gets)
 * and a rand()-based session id seeded with the time. */
#include "legacy_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void legacy_make_session(char *out, const char *user) {
    char prefix[16];
    strcpy(prefix, "S-");
    strcat(prefix, user);
    srand((unsigned)time(NULL));
    sprintf(out, "%s-%d", prefix, rand());
}

void legacy_read_command(char *line) {
    gets(line);
}
