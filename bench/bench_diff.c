/*
 * bench_diff.c — covenant diff on Kazakhstan's Constitution 1995 (Russian,
 * 2007–2009 edition) → 2026, in one process, against the peer `git diff
 * --no-index --word-diff` on the same two files in the same run.
 *
 * covenant's time covers the whole comparison: tokenizing and stemming both
 * texts, aligning 98 × 96 articles, a word diff inside every pair, and the
 * rights analysis of both versions for the impact (the texts are parsed
 * once, outside the loop, as git reads its files once).
 * Target (issue 4): under 15 ms, and faster than git.
 */
#define _GNU_SOURCE
#include "covenant.h"
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *corpus = argc > 1 ? argv[1] : "../shared/corpus";
	char old_path[4096], new_path[4096];
	snprintf(old_path, sizeof old_path, "%s/kz-constitution-ru-kazakhstan-law/constitution_kz_1995_ru_ed2007-2009.md",
		 corpus);
	snprintf(new_path, sizeof new_path, "%s/kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt", corpus);
	if (access(old_path, R_OK) != 0 || access(new_path, R_OK) != 0) {
		printf("bench_diff: SKIP: the Kazakhstan texts are absent (%s)\n", corpus);
		return 0;
	}
	cov_data *data;
	cov_doc *old, *nw;
	if (cov_data_open(NULL, &data) || cov_doc_parse_file(data, old_path, NULL, &old) ||
	    cov_doc_parse_file(data, new_path, NULL, &nw)) {
		fprintf(stderr, "bench_diff: %s\n", cov_error_last());
		return 1;
	}
	int reps = 50;
	double best = 1e9;
	size_t pairs = 0, findings = 0;
	for (int r = 0; r < reps; r++) {
		double t0 = bench_now();
		cov_comparison *cmp;
		if (cov_diff(data, old, nw, &cmp) != COV_OK) {
			fprintf(stderr, "bench_diff: %s\n", cov_error_last());
			return 1;
		}
		double t = bench_now() - t0;
		if (t < best)
			best = t;
		pairs = cov_comparison_pair_count(cmp);
		findings = cov_comparison_finding_count(cmp);
		cov_comparison_free(cmp);
	}
	printf("covenant diff (KZ 1995 → 2026): %.2f ms  (%zu pairs, %zu rights findings; target < 15 ms)\n",
	       best * 1000, pairs, findings);
	double bare = 1e9;
	for (int r = 0; r < reps; r++) {
		double t0 = bench_now();
		cov_comparison *cmp;
		if (cov_diff_ex(data, old, nw, COV_DIFF_NO_IMPACT, &cmp) != COV_OK)
			return 1;
		double t = bench_now() - t0;
		if (t < bare)
			bare = t;
		cov_comparison_free(cmp);
	}
	printf("  of which alignment and word diff alone (no rights analysis): %.2f ms\n", bare * 1000);
	char cmd[9000];
	snprintf(cmd, sizeof cmd, "git diff --no-index --word-diff '%s' '%s' > /dev/null 2>&1", old_path, new_path);
	double git = 1e9;
	for (int r = 0; r < 5; r++) {
		double t0 = bench_now();
		int st = system(cmd);
		double t = bench_now() - t0;
		if (st == -1 || !WIFEXITED(st) || (WEXITSTATUS(st) != 0 && WEXITSTATUS(st) != 1)) {
			git = -1;
			break;
		}
		if (t < git)
			git = t;
	}
	if (git > 0)
		printf("git diff --no-index --word-diff (peer): %.2f ms  covenant/git time ratio: %.2f (alignment and "
		       "word diff alone: %.2f)\n",
		       git * 1000, best / git, bare / git);
	else
		printf("git diff (peer): not available\n");
	cov_doc_free(old);
	cov_doc_free(nw);
	cov_data_free(data);
	return 0;
}
