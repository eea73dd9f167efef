/* A minimal unit-test harness for the C tests: CHECK(cond) and
 * CHECK_STR(got, got_len, want) count failures and print where they are;
 * CHECK_DONE() prints "N passed, N failed" and returns the exit status. */
#ifndef VNT_TEST_CHECK_H
#define VNT_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (cond) {                                                          \
            check_passed++;                                                  \
        } else {                                                             \
            check_failed++;                                                  \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                  \
        }                                                                    \
    } while (0)

#define CHECK_STR(got, got_len, want)                                          \
    do {                                                                       \
        size_t want_len_ = strlen(want);                                       \
        if ((got_len) == want_len_ && memcmp((got), (want), want_len_) == 0) { \
            check_passed++;                                                    \
        } else {                                                               \
            check_failed++;                                                    \
            fprintf(stderr, "%s:%d: got \"%.*s\", want \"%s\"\n", __FILE__,    \
                    __LINE__, (int)(got_len), (const char *)(got), want);      \
        }                                                                      \
    } while (0)

#define CHECK_DONE()                                                   \
    (printf("%s: %d passed, %d failed\n", __FILE__, check_passed,      \
            check_failed),                                             \
     check_failed ? 1 : 0)

#endif
