#ifndef GLEANER_CPCRE2_SHIM_H
#define GLEANER_CPCRE2_SHIM_H
// 8-bit code units: the engine works on UTF-8 bytes.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// PCRE2_ZERO_TERMINATED and PCRE2_UNSET are macros Swift cannot import as values.
static inline size_t cpcre2_unset(void) { return PCRE2_UNSET; }
static inline size_t cpcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }
#endif
