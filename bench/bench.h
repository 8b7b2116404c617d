/*
 * bench.h — what the benchmarks share: a monotonic clock in seconds.
 */
#ifndef COV_BENCH_H
#define COV_BENCH_H

#include <time.h>

static inline double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

#endif
