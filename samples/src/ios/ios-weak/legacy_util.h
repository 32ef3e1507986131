#ifndef LEGACY_UTIL_H
#define LEGACY_UTIL_H

void legacy_make_session(char *out, const char *user);
void legacy_read_command(char *line);

#endif
