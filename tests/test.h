/* test.h - the one test runner's assertions (after libuv's ASSERT_EQ).
 *
 * TEST(name) defines a test and registers it with the runner; CMake finds
 * every TEST(...) line and registers one CTest test per name, each run in
 * its own process (`samen_tests NAME`). Assertions print the file, line and
 * both values, then end the process with failure.
 */
#ifndef SAMEN_TEST_H
#define SAMEN_TEST_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*test_fn)(void);
void test_register(const char *name, test_fn fn);

/* Where the sources and the built samen command are (set by CMake). */
const char *test_source_dir(void);
const char *test_samen_binary(void);
/* A fresh empty scratch directory for this test (the caller keeps nothing). */
const char *test_tmpdir(void);

#define TEST(name)                                                            \
    static void test_##name(void);                                            \
    __attribute__((constructor)) static void test_register_##name(void)      \
    {                                                                         \
        test_register(#name, test_##name);                                    \
    }                                                                         \
    static void test_##name(void)

#define TEST_FAIL_(...)                                                       \
    do {                                                                      \
        fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);                       \
        fprintf(stderr, __VA_ARGS__);                                         \
        fprintf(stderr, "\n");                                                \
        exit(1);                                                              \
    } while (0)

#define ASSERT_TRUE(c)                                                        \
    do {                                                                      \
        if (!(c))                                                             \
            TEST_FAIL_("assertion failed: %s", #c);                           \
    } while (0)

#define ASSERT_EQ(a, b)                                                       \
    do {                                                                      \
        long long a_ = (long long)(a), b_ = (long long)(b);                   \
        if (a_ != b_)                                                         \
            TEST_FAIL_("%s == %s failed: %lld != %lld", #a, #b, a_, b_);      \
    } while (0)

#define ASSERT_STR_EQ(a, b)                                                   \
    do {                                                                      \
        const char *a_ = (a), *b_ = (b);                                      \
        if (a_ == NULL || b_ == NULL || strcmp(a_, b_) != 0)                  \
            TEST_FAIL_("%s == %s failed:\n  \"%s\"\n  \"%s\"", #a, #b,        \
                       a_ ? a_ : "(null)", b_ ? b_ : "(null)");               \
    } while (0)

#define ASSERT_CONTAINS(hay, needle)                                          \
    do {                                                                      \
        const char *h_ = (hay), *n_ = (needle);                               \
        if (h_ == NULL || strstr(h_, n_) == NULL)                             \
            TEST_FAIL_("expected \"%s\" in:\n  \"%s\"", n_, h_ ? h_ : "(null)"); \
    } while (0)

#define ASSERT_NEAR(a, b, eps)                                                \
    do {                                                                      \
        double a_ = (a), b_ = (b);                                            \
        if (!(fabs(a_ - b_) <= (eps)))                                        \
            TEST_FAIL_("%s ~= %s failed: %.10g vs %.10g", #a, #b, a_, b_);    \
    } while (0)

#endif
