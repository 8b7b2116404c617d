/*
 * bench_diff.c — covenant diff on Kazakhstan's Constitution 1995 (Russian,
 * 2007–2009 edition) → 2026, in one process, against the peer `git diff
 * --no-index --word-diff` on the same two files in the same run.
 *
 * covenant's time covers the whole comparison: tokenizing and stemming both
 * texts, aligning 98 × 96 articles, a word diff inside every pair, and the
 * rights analysis of both versions for the impact (the texts are parsed
 * once, outside the loop, as git reads its files once).
 * Target (issue 4): under 15 ms, and faster than git.  Also the precision,
 * recall and F1 of the pairs against tests/fixtures/kz-1995-2026.map
 * (argv[2], else looked for from the source or the build directory).
 */
#define _GNU_SOURCE
#include "covenant.h"
#include "bench.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Precision, recall and F1 of the pairs (old number, new number) against
 * a lawyer's map (tests/fixtures/kz-1995-2026.map: `OLD -> NEW` lines);
 * false when the map is absent.  Lines whose old article is not in the old
 * text, and `none` lines, are not counted. */
static bool map_score(const cov_comparison *c, const char *path, double *p, double *r, double *f1)
{
	FILE *fp = fopen(path, "r");
	if (!fp)
		return false;
	size_t n_map = 0, agree = 0, n_pairs = cov_comparison_pair_count(c);
	char line[512];
	while (fgets(line, sizeof line, fp)) {
		line[strcspn(line, "#\n")] = 0;
		char a[64], b[64];
		if (sscanf(line, " %63s -> %63s", a, b) != 2 || strcmp(a, "none") == 0 || strcmp(b, "none") == 0)
			continue;
		bool present = false, found = false;
		for (size_t k = 0; k < n_pairs; k++) {
			const cov_pair *pr = cov_comparison_pair(c, k);
			present |= strcmp(cov_node_num(pr->old_node), a) == 0;
			found |= strcmp(cov_node_num(pr->old_node), a) == 0 && strcmp(cov_node_num(pr->new_node), b) == 0;
		}
		for (size_t k = 0; !present && k < cov_comparison_removed_count(c); k++)
			present = strcmp(cov_node_num(cov_comparison_removed(c, k)), a) == 0;
		n_map += present;
		agree += found;
	}
	fclose(fp);
	*p = n_pairs ? (double)agree / n_pairs : 0;
	*r = n_map ? (double)agree / n_map : 0;
	*f1 = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
	return true;
}

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
	/* the alignment's quality against a lawyer's map */
	const char *map = argc > 2 ? argv[2] : "tests/fixtures/kz-1995-2026.map";
	cov_comparison *scored;
	double p, rc, f1;
	if (cov_diff_ex(data, old, nw, COV_DIFF_NO_IMPACT, &scored) == COV_OK) {
		static const char *const tries[] = {"../tests/fixtures/kz-1995-2026.map",
						    "../../tests/fixtures/kz-1995-2026.map"};
		bool ok = map_score(scored, map, &p, &rc, &f1);
		for (size_t t = 0; !ok && argc <= 2 && t < 2; t++)
			ok = map_score(scored, map = tries[t], &p, &rc, &f1);
		if (ok)
			printf("  pairs against the lawyer's map (%s): precision %.3f recall %.3f F1 %.3f (goal ≥ 0.97)\n", map,
			       p, rc, f1);
		else
			printf("  the lawyer's map is absent (%s): no F1\n", map);
		cov_comparison_free(scored);
	}
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
