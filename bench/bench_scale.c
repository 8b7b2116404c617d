/*
 * bench_scale.c — does `covenant diff` stay near-linear as texts grow?
 * Kazakhstan's Constitution 1995 (Russian, 2007–2009 edition) → 2026, each
 * made N times longer (1×, 4×, 16×, 64×) with its article numbers
 * continuing, so that it is one legal text N times the size rather than N
 * copies of article 1.  For every size: the wall time and the peak memory
 * of the whole command (`covenant diff OLD NEW`, parsing and rendering
 * included) — wall clock and CPU time (user + system, steadier when the
 * machine is shared) —, their growth against the size before, and the peer
 * `git diff --no-index --word-diff` on the same two files in the same run.
 *
 * usage: bench_scale [CORPUS [MAX_TIMES]]   (MAX_TIMES 64 by default; 256 to
 * see the refusal path)
 * Target (issue 9): time and memory grow about 4× for each 4× of input.
 * Before issue 9: 16× → 64× took 0.62 → 6.4 s and 53 → 273 MB; 256× was
 * refused after 36 s and 981 MB.
 */
#define _GNU_SOURCE
#include "bench.h"

#include <stdbool.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef COVENANT_BIN
#define COVENANT_BIN "covenant"
#endif

int main(int argc, char **argv)
{
	const char *corpus = argc > 1 ? argv[1] : "../shared/corpus";
	int max_times = argc > 2 ? atoi(argv[2]) : 64;
	char old_path[4096], new_path[4096];
	snprintf(old_path, sizeof old_path, "%s/kz-constitution-ru-kazakhstan-law/constitution_kz_1995_ru_ed2007-2009.md",
		 corpus);
	snprintf(new_path, sizeof new_path, "%s/kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt", corpus);
	if (access(old_path, R_OK) != 0 || access(new_path, R_OK) != 0) {
		printf("bench_scale: SKIP: the Kazakhstan texts are absent (%s)\n", corpus);
		return 0;
	}
	char dir[] = "/tmp/covenant-bench-scale-XXXXXX";
	if (!mkdtemp(dir)) {
		perror("bench_scale: mkdtemp");
		return 1;
	}
	printf("covenant diff, KZ 1995 → 2026 made N× longer (article numbers continue); peer: git diff --no-index "
	       "--word-diff\n");
	printf("%5s %9s | %9s %9s %8s %6s %6s | %9s %9s %8s | %s\n", "N", "input KB", "covenant", "cpu", "peak MB", "cpu×",
	       "mem×", "git", "cpu", "peak MB", "covenant/git (cpu)");
	bench_run prev = {0, 0, 0, 0};
	int rc = 0;
	for (int times = 1; times <= max_times; times *= 4) {
		char o[4200], n[4200];
		snprintf(o, sizeof o, "%s/old-%d.md", dir, times);
		snprintf(n, sizeof n, "%s/new-%d.txt", dir, times);
		size_t bytes = bench_repeat_text(old_path, o, times);
		bytes += bench_repeat_text(new_path, n, times);
		int runs = times <= 4 ? 5 : times <= 16 ? 3 : 1;
		char *cov_argv[] = {COVENANT_BIN, "diff", o, n, NULL};
		char *git_argv[] = {"git", "diff", "--no-index", "--word-diff", o, n, NULL};
		bench_run c, g;
		if (bench_spawn_best(cov_argv, runs, &c) != 0) {
			fprintf(stderr, "bench_scale: cannot run %s\n", COVENANT_BIN);
			rc = 1;
			break;
		}
		bool git_ok = bench_spawn_best(git_argv, runs, &g) == 0;
		char tg[16] = "", mg[16] = "";
		if (prev.cpu > 0) {
			snprintf(tg, sizeof tg, "%.1f", c.cpu / prev.cpu);
			snprintf(mg, sizeof mg, "%.1f", (double)c.maxrss_kb / prev.maxrss_kb);
		}
		printf("%4d× %9zu | %7.3f s %7.3f s %8.1f %6s %6s | ", times, bytes / 1024, c.seconds, c.cpu,
		       c.maxrss_kb / 1024.0, tg, mg);
		if (git_ok)
			printf("%7.3f s %7.3f s %8.1f | %.2f", g.seconds, g.cpu, g.maxrss_kb / 1024.0, c.cpu / g.cpu);
		else
			printf("%9s %9s %8s |", "n/a", "", "");
		if (WEXITSTATUS(c.status) != 0)
			printf("  (covenant exited %d)", WEXITSTATUS(c.status));
		printf("\n");
		fflush(stdout);
		prev = c;
		unlink(o);
		unlink(n);
	}
	rmdir(dir);
	return rc;
}
