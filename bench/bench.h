/*
 * bench.h — what the benchmarks share: a monotonic clock in seconds; a
 * child process timed with its peak memory (wait4's ru_maxrss); a legal
 * text made N times longer with its article numbers continuing.
 */
#ifndef COV_BENCH_H
#define COV_BENCH_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static inline double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct bench_run {
	double seconds;  /* wall clock */
	double cpu;      /* user + system time: steadier on a shared machine */
	long maxrss_kb;  /* the child's peak resident set */
	int status;      /* as from waitpid */
} bench_run;

/* Run argv[0] (searched in PATH) with standard output and error to
 * /dev/null; its wall time and peak memory.  -1 if it could not be run. */
static inline int bench_spawn(char *const argv[], bench_run *r)
{
	double t0 = bench_now();
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd >= 0) {
			dup2(fd, STDOUT_FILENO);
			dup2(fd, STDERR_FILENO);
			close(fd);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	int st;
	struct rusage ru;
	if (wait4(pid, &st, 0, &ru) < 0)
		return -1;
	r->seconds = bench_now() - t0;
	r->cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	r->maxrss_kb = ru.ru_maxrss;
	r->status = st;
	return WIFEXITED(st) && WEXITSTATUS(st) != 127 ? 0 : -1;
}

/* Best (shortest) of `runs` runs; the peak memory is the largest seen. */
static inline int bench_spawn_best(char *const argv[], int runs, bench_run *best)
{
	best->seconds = best->cpu = 1e9;
	best->maxrss_kb = 0;
	for (int k = 0; k < runs; k++) {
		bench_run r;
		if (bench_spawn(argv, &r) != 0)
			return -1;
		if (r.seconds < best->seconds)
			best->seconds = r.seconds;
		if (r.cpu < best->cpu)
			best->cpu = r.cpu;
		if (r.maxrss_kb > best->maxrss_kb)
			best->maxrss_kb = r.maxrss_kb;
		best->status = r.status;
	}
	return 0;
}

/* Is line s[0..n) an article heading ("Статья 12." or "### Статья 12")?
 * Then num_at and num_len locate its number. */
static inline int bench_article_line(const char *s, size_t n, size_t *num_at, size_t *num_len)
{
	static const char word[] = "Статья ";
	size_t i = 0;
	while (i < n && (s[i] == '#' || s[i] == ' '))
		i++;
	if (n - i < sizeof word - 1 || memcmp(s + i, word, sizeof word - 1) != 0)
		return 0;
	i += sizeof word - 1;
	size_t d = i;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == d)
		return 0;
	*num_at = d;
	*num_len = i - d;
	return 1;
}

/* Write `src` repeated `times` times into `dst`, the article numbers of
 * copy c raised by c × the highest number in `src`: one legal text `times`
 * as long (not `times` copies of article 1).  Returns its size, 0 on error. */
static inline size_t bench_repeat_text(const char *src, const char *dst, int times)
{
	FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
	char *line = NULL;
	size_t cap = 0, written = 0;
	long max = 0;
	if (!in || !out)
		goto done;
	ssize_t n;
	while ((n = getline(&line, &cap, in)) > 0) {
		size_t at, len;
		if (bench_article_line(line, (size_t)n, &at, &len)) {
			long v = strtol(line + at, NULL, 10);
			if (v > max)
				max = v;
		}
	}
	for (int c = 0; c < times; c++) {
		rewind(in);
		while ((n = getline(&line, &cap, in)) > 0) {
			size_t at, len;
			if (c > 0 && bench_article_line(line, (size_t)n, &at, &len)) {
				long v = strtol(line + at, NULL, 10) + c * max;
				fwrite(line, 1, at, out);
				written += at + (size_t)fprintf(out, "%ld", v);
				fwrite(line + at + len, 1, (size_t)n - at - len, out);
				written += (size_t)n - at - len;
			} else {
				fwrite(line, 1, (size_t)n, out);
				written += (size_t)n;
			}
		}
	}
done:
	free(line);
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		written = 0;
	return written;
}

#endif
