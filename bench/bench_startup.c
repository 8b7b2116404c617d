/*
 * bench_startup.c — covenant as a user runs it: whole processes, from
 * exec to exit (dynamic loading, data loading, page faults and all), each
 * against a peer run on the same input in the same run:
 *
 *   covenant parse on a one-line text    vs  `true` and `cat` on it
 *   covenant diff KZ 1995 → 2026         vs  `git diff --no-index --word-diff`
 *   covenant check KZ 2026               vs  `wc -w`
 *
 * KZ 1995 is the pdftotext output of the Adilet PDF (made once, in a
 * temporary directory).  Each figure is the median of RUNS processes (wall
 * time; also the fastest run, the CPU time and the peak resident memory
 * from wait4); the commands compared run in turn, so that the load of a
 * shared machine falls on all of them alike.  Ratios are of the medians.  Targets (issue 8): the one-line
 * parse ≤ 5 ms; the diff ≤ 1.0 × git's word diff; check ≤ 2 × `wc -w` + 10 ms.
 *
 * usage: bench_startup [CORPUS] [COVENANT]   (defaults: ../shared/corpus,
 * the covenant binary beside this program's directory); RUNS=n in the
 * environment changes the number of runs (default 21).
 */
#define _GNU_SOURCE
#include "bench.h"

#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

typedef struct result {
	double ms;     /* median wall time */
	double min;    /* fastest run */
	double cpu;    /* median user + system time */
	double mb;     /* median peak RSS */
	int status;    /* exit status of the last run, -1 if it could not run */
} result;

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* One run of argv (stdout and stderr to /dev/null): wall ms, CPU ms, peak MB. */
static int run_once(char *const argv[], double *wall, double *cpu, double *mb)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	double t0 = bench_now();
	pid_t pid;
	int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return -1;
	int st;
	struct rusage ru;
	if (wait4(pid, &st, 0, &ru) != pid || !WIFEXITED(st))
		return -1;
	*wall = (bench_now() - t0) * 1000;
	*cpu = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
	*mb = ru.ru_maxrss / 1024.0;
	return WEXITSTATUS(st);
}

/* The commands of a comparison, run in turn `runs` times (after one
 * warm-up round), so that the load of the machine falls on all of them. */
static void measure(char *const *const cmds[], result *res, int k, int runs)
{
	double *w = calloc((size_t)(k * runs), sizeof *w), *c = calloc((size_t)(k * runs), sizeof *c),
	       *m = calloc((size_t)(k * runs), sizeof *m);
	for (int j = 0; j < k; j++)
		res[j] = (result){0, 1e9, 0, 0, w && c && m ? 0 : -1};
	for (int r = -1; r < runs && w && c && m; r++)
		for (int j = 0; j < k; j++) {
			if (res[j].status < 0)
				continue;
			double wall, cpu, mb;
			res[j].status = run_once(cmds[j], &wall, &cpu, &mb);
			if (r < 0 || res[j].status < 0)
				continue;
			w[j * runs + r] = wall;
			c[j * runs + r] = cpu;
			m[j * runs + r] = mb;
			if (wall < res[j].min)
				res[j].min = wall;
		}
	for (int j = 0; j < k && w && c && m; j++)
		if (res[j].status >= 0) {
			res[j].ms = median(w + j * runs, runs);
			res[j].cpu = median(c + j * runs, runs);
			res[j].mb = median(m + j * runs, runs);
		}
	free(w);
	free(c);
	free(m);
}

static void line(const char *what, result r)
{
	if (r.status < 0)
		printf("  %-40s not available\n", what);
	else
		printf("  %-40s %7.2f ms (min %6.2f, cpu %6.2f)  %5.1f MB peak\n", what, r.ms, r.min, r.cpu, r.mb);
}

static int readable(const char *p)
{
	return access(p, R_OK) == 0;
}

int main(int argc, char **argv)
{
	const char *corpus = argc > 1 ? argv[1] : "../shared/corpus";
	char bin[PATH_MAX];
	if (argc > 2) {
		snprintf(bin, sizeof bin, "%s", argv[2]);
	} else {
		char exe[PATH_MAX + 16];
		ssize_t n = readlink("/proc/self/exe", exe, PATH_MAX - 1);
		if (n <= 0)
			return 1;
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			strcpy(slash, "/../covenant"); /* PATH_MAX - 1 bytes read at most: the bin buffer is larger */
		if (strlen(exe) >= sizeof bin)
			return 1;
		memcpy(bin, exe, strlen(exe) + 1);
	}
	if (!readable(bin)) {
		fprintf(stderr, "bench_startup: %s: no covenant binary\n", bin);
		return 1;
	}
	int runs = getenv("RUNS") ? atoi(getenv("RUNS")) : 21;
	if (runs < 1)
		runs = 21;
	char tmpl[] = "/tmp/bench_startup.XXXXXX";
	char *tmp = mkdtemp(tmpl);
	if (!tmp)
		return 1;
	char tiny[PATH_MAX], kz95[PATH_MAX], kz26[PATH_MAX], pdf[PATH_MAX];
	snprintf(tiny, sizeof tiny, "%s/tiny.txt", tmp);
	snprintf(kz95, sizeof kz95, "%s/k950001000.txt", tmp);
	snprintf(pdf, sizeof pdf, "%s/kz-adilet-ru-pdf/k950001000_.01-01-2023.rus.pdf", corpus);
	snprintf(kz26, sizeof kz26, "%s/kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt", corpus);
	FILE *f = fopen(tiny, "w");
	if (!f)
		return 1;
	fputs("Article 1. Everyone has the right to life.\n", f);
	fclose(f);

	printf("bench_startup: whole processes, median of %d runs (%s)\n", runs, bin);

	/* 1. a one-line parse against the cheapest processes there are */
	char *a_parse[] = {bin, "parse", tiny, NULL};
	char *a_true[] = {"true", NULL};
	char *a_cat[] = {"cat", tiny, NULL};
	char *const *c1[] = {a_parse, a_true, a_cat};
	result r1[3];
	measure(c1, r1, 3, runs);
	result parse = r1[0], tru = r1[1], cat = r1[2];
	printf("one-line parse:\n");
	line("covenant parse tiny.txt", parse);
	line("true (peer)", tru);
	line("cat tiny.txt (peer)", cat);
	if (parse.status == 0 && tru.status == 0 && cat.status == 0)
		printf("  ratio covenant/true %.2f, covenant/cat %.2f (cpu %.2f, %.2f)  (target: ≤ 5 ms: %s)\n",
		       parse.ms / tru.ms, parse.ms / cat.ms, parse.cpu / tru.cpu, parse.cpu / cat.cpu,
		       parse.ms <= 5.0 ? "met" : "NOT met");
	else
		printf("  covenant parse failed (exit %d)\n", parse.status);

	if (!readable(kz26)) {
		printf("KZ diff and check: SKIP: %s is absent\n", kz26);
		goto done;
	}
	/* 2. covenant diff against git's word diff */
	char cmd[3 * PATH_MAX];
	snprintf(cmd, sizeof cmd, "pdftotext '%s' '%s' 2>/dev/null", pdf, kz95);
	if (!readable(pdf) || system(cmd) != 0 || !readable(kz95)) {
		printf("KZ diff: SKIP: no pdftotext output of %s\n", pdf);
	} else {
		char *a_diff[] = {bin, "diff", kz95, kz26, NULL};
		char *a_git[] = {"git", "diff", "--no-index", "--word-diff", kz95, kz26, NULL};
		char *const *c2[] = {a_diff, a_git};
		result r2[2];
		measure(c2, r2, 2, runs);
		result diff = r2[0], git = r2[1];
		printf("KZ 1995 (pdftotext) → 2026 diff:\n");
		line("covenant diff", diff);
		line("git diff --no-index --word-diff (peer)", git);
		if (diff.status == 0 && git.status >= 0 && git.status <= 1)
			printf("  ratio covenant/git %.2f (cpu %.2f)  (target: ≤ 1.0: %s)\n", diff.ms / git.ms,
			       diff.cpu / git.cpu, diff.ms <= git.ms ? "met" : "NOT met");
		else
			printf("  a command failed (covenant exit %d, git exit %d)\n", diff.status, git.status);
	}
	/* 3. covenant check against counting the words */
	char *a_check[] = {bin, "check", kz26, NULL};
	char *a_wc[] = {"wc", "-w", kz26, NULL};
	char *const *c3[] = {a_check, a_wc};
	result r3[2];
	measure(c3, r3, 2, runs);
	result check = r3[0], wc = r3[1];
	printf("KZ 2026 check:\n");
	line("covenant check", check);
	line("wc -w (peer)", wc);
	if (check.status == 0 && wc.status == 0)
		printf("  ratio covenant/wc %.2f (cpu %.2f)  (target: ≤ 2 × wc + 10 ms = %.2f ms: %s)\n", check.ms / wc.ms,
		       check.cpu / wc.cpu, 2 * wc.ms + 10, check.ms <= 2 * wc.ms + 10 ? "met" : "NOT met");
	else
		printf("  a command failed (covenant exit %d, wc exit %d)\n", check.status, wc.status);
done:
	unlink(tiny);
	unlink(kz95);
	rmdir(tmp);
	return 0;
}
