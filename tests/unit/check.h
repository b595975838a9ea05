/* A minimal table-test harness: CHECK() records and goes on, so one run
 * shows every failure; check_done() prints "N passed, N failed". */
#ifndef RETRASON_TEST_CHECK_H
#define RETRASON_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int checks_run, checks_failed;

#define CHECK(cond)                                                              \
	do {                                                                     \
		checks_run++;                                                    \
		if (!(cond)) {                                                   \
			checks_failed++;                                         \
			fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, \
				#cond);                                          \
		}                                                                \
	} while (0)

#define CHECK_STR(got, want)                                                     \
	do {                                                                     \
		const char *g_ = (got), *w_ = (want);                            \
		checks_run++;                                                    \
		if (!g_ || !w_ ? g_ != w_ : strcmp(g_, w_) != 0) {               \
			checks_failed++;                                         \
			fprintf(stderr, "%s:%d: %s: got \"%s\", want \"%s\"\n",   \
				__FILE__, __LINE__, #got, g_ ? g_ : "(null)",     \
				w_ ? w_ : "(null)");                              \
		}                                                                \
	} while (0)

#define CHECK_INT(got, want)                                                     \
	do {                                                                     \
		long long g_ = (long long)(got), w_ = (long long)(want);         \
		checks_run++;                                                    \
		if (g_ != w_) {                                                  \
			checks_failed++;                                         \
			fprintf(stderr, "%s:%d: %s: got %lld, want %lld\n",       \
				__FILE__, __LINE__, #got, g_, w_);                \
		}                                                                \
	} while (0)

static inline int check_done(void)
{
	printf("%d passed, %d failed\n", checks_run - checks_failed, checks_failed);
	return checks_failed ? 1 : 0;
}

#endif
