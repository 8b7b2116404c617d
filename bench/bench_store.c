/*
 * bench_store.c — the library's speed against peers on the same input in
 * the same run: importing the 192 constitutions of ../shared/corpus (parse,
 * check, store, index; one transaction) against parsing and checking them
 * alone; the library's size per MB of text; and a search query's median
 * time against `grep -ril` over the same files for the same phrase.
 * Targets: the import in under 2 s on one core, a query under 1 ms.
 */
#include "bench.h"
#include "covenant.h"
#include "../src/store/store.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)n + 1);
	if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
		free(b);
		b = NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return b;
}

/* This process's CPU time (user + system): steadier than the wall clock on
 * a shared machine, and what the targets are about (one core). */
static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int hit(void *ctx, const cov_store_hit *h)
{
	(void)h;
	++*(size_t *)ctx;
	return 0;
}

int main(int argc, char **argv)
{
	const char *corpus = argc > 1 ? argv[1] : "../shared/corpus";
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/constitute-192-marcomorucci/constitutions", corpus);
	struct dirent **list;
	int n = scandir(dir, &list, NULL, alphasort);
	if (n < 0) {
		printf("bench_store: SKIP: %s is absent (the shared corpus is not on this machine)\n", dir);
		return 0;
	}
	cov_data *data;
	if (cov_data_open(NULL, &data)) {
		fprintf(stderr, "bench_store: %s\n", cov_error_last());
		return 1;
	}
	char **paths = calloc((size_t)n, sizeof *paths), **bytes = calloc((size_t)n, sizeof *bytes);
	size_t *lens = calloc((size_t)n, sizeof *lens), m = 0, total = 0;
	for (int i = 0; i < n; i++) {
		if (strstr(list[i]->d_name, ".txt")) {
			char p[8192];
			snprintf(p, sizeof p, "%s/%s", dir, list[i]->d_name);
			paths[m] = strdup(p);
			bytes[m] = slurp(p, &lens[m]);
			total += lens[m];
			m++;
		}
		free(list[i]);
	}
	free(list);

	/* peer: parse + check alone, best of 3 */
	double peer = 1e9, peer_cpu = 1e9;
	for (int r = 0; r < 3; r++) {
		double t0 = bench_now(), c0 = cpu_now();
		for (size_t i = 0; i < m; i++) {
			cov_doc *doc;
			cov_review *rev;
			if (cov_doc_parse_buffer(data, bytes[i], lens[i], paths[i], NULL, &doc) == 0) {
				if (cov_check(data, doc, NULL, &rev) == 0)
					cov_review_free(rev);
				cov_doc_free(doc);
			}
		}
		double t = bench_now() - t0, c = cpu_now() - c0;
		if (t < peer)
			peer = t;
		if (c < peer_cpu)
			peer_cpu = c;
	}

	/* the import into a fresh library, best of 3 */
	char db[] = "/tmp/covenant-bench-store-XXXXXX";
	if (!mkdtemp(db))
		return 1;
	char path[256];
	snprintf(path, sizeof path, "%s/library.db", db);
	double imp = 1e9, imp_cpu = 1e9;
	long counts[4] = {0};
	for (int r = 0; r < 3; r++) {
		char rm[512];
		snprintf(rm, sizeof rm, "rm -f %s/library.db*", db);
		if (system(rm) != 0)
			return 1;
		cov_store *st;
		double t0 = bench_now(), c0 = cpu_now();
		if (cov_store_open(path, 0, &st) || cov_store_begin(st)) {
			fprintf(stderr, "bench_store: %s\n", cov_error_last());
			return 1;
		}
		for (size_t i = 0; i < m; i++) {
			cov_doc *doc;
			cov_review *rev = NULL;
			if (cov_doc_parse_buffer(data, bytes[i], lens[i], paths[i], NULL, &doc))
				continue;
			cov_check(data, doc, NULL, &rev);
			cov_store_inferred inf;
			cov_store_infer(paths[i], &inf);
			const char *slash = strrchr(paths[i], '/');
			cov_store_version_in in = {.work = inf.work, .country = inf.country, .kind = inf.kind,
						   .date = inf.date, .source = slash + 1};
			cov_store_put_result res;
			if (cov_store_put(st, data, doc, rev, (const unsigned char *)bytes[i], lens[i], &in, &res, NULL))
				fprintf(stderr, "bench_store: %s: %s\n", paths[i], cov_error_last());
			cov_review_free(rev);
			cov_doc_free(doc);
		}
		if (cov_store_commit(st)) {
			fprintf(stderr, "bench_store: %s\n", cov_error_last());
			return 1;
		}
		cov_store_counts(st, counts);
		cov_store_close(st);
		double t = bench_now() - t0, c = cpu_now() - c0;
		if (t < imp)
			imp = t;
		if (c < imp_cpu)
			imp_cpu = c;
	}
	struct stat sb;
	stat(path, &sb);
	printf("corpus: %zu constitutions, %.1f MB\n", m, total / 1048576.0);
	printf("covenant import (parse, check, store, index; one transaction): %.3f s  (target < 2 s)  "
	       "%ld versions, %ld articles\n", imp, counts[1], counts[2]);
	printf("parse + check alone (peer): %.3f s  import/(parse+check) time ratio: %.2f\n", peer, imp / peer);
	printf("CPU time (user + system, best of 3): import %.3f s (target < 2 s), parse + check %.3f s, "
	       "ratio %.2f\n", imp_cpu, peer_cpu, imp_cpu / peer_cpu);
	printf("library: %.1f MB, %.2f MB per MB of text\n", sb.st_size / 1048576.0,
	       (double)sb.st_size / (double)total);

	/* search: median of each query, against grep -ril on the same files */
	static const char *const queries[][2] = {
		{"peaceful assembly", "peaceful assembly"}, {"freedom of expression", "freedom of expression"},
		{"torture", "torture"}, {"\"death penalty\"", "death penalty"}, {"habeas corpus", "habeas corpus"},
	};
	cov_store *st;
	if (cov_store_open(path, COV_STORE_READONLY, &st))
		return 1;
	double times[200], gtimes[5], search_cpu = 0;
	size_t k = 0, hits = 0;
	for (size_t q = 0; q < 5; q++) {
		for (int r = 0; r < 40; r++) {
			cov_store_search_opts o = {.query = queries[q][0], .mark_open = "[", .mark_close = "]"};
			double t0 = bench_now(), c0 = cpu_now();
			cov_store_search(st, &o, hit, &hits);
			times[k++] = bench_now() - t0;
			search_cpu += cpu_now() - c0;
		}
		char cmd[8192];
		snprintf(cmd, sizeof cmd, "grep -ril '%s' '%s' >/dev/null", queries[q][1], dir);
		double t0 = bench_now();
		if (system(cmd) < 0)
			return 1;
		gtimes[q] = bench_now() - t0;
	}
	qsort(times, k, sizeof *times, cmp_double);
	qsort(gtimes, 5, sizeof *gtimes, cmp_double);
	double best_opts = 0;
	{
		double t0 = bench_now();
		for (int r = 0; r < 20; r++) {
			cov_store_search_opts o = {.query = "peaceful assembly", .best = true, .mark_open = "[",
						   .mark_close = "]"};
			cov_store_search(st, &o, hit, &hits);
		}
		best_opts = (bench_now() - t0) / 20;
	}
	printf("covenant search: median %.3f ms a query (5 queries × 40, top 20 with snippets; target < 1 ms); "
	       "--best: %.3f ms\n", times[k / 2] * 1e3, best_opts * 1e3);
	printf("covenant search CPU time: mean %.3f ms a query\n", search_cpu / (double)k * 1e3);
	printf("grep -ril (peer, a whole process): median %.3f ms  covenant/grep time ratio: %.3f\n",
	       gtimes[2] * 1e3, times[k / 2] / gtimes[2]);
	cov_store_close(st);
	char rm[512];
	snprintf(rm, sizeof rm, "rm -rf %s", db);
	if (system(rm) != 0)
		return 1;
	for (size_t i = 0; i < m; i++) {
		free(paths[i]);
		free(bytes[i]);
	}
	free(paths);
	free(bytes);
	free(lens);
	cov_data_free(data);
	return 0;
}
