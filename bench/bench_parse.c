/*
 * bench_parse.c — how fast covenant parses, against a peer on the same
 * input in the same run.  `make bench` runs it on ../shared/corpus:
 *
 *  - the 192 constitutions of constitute-192, read once into memory and
 *    parsed in one process (ingest, language, structure, eIds): MB/s, and
 *    the ratio to `wc -w` over the same files (a lower bound: wc only counts);
 *  - a 200 KB constitution parsed repeatedly: milliseconds per parse.
 *
 *  - the same corpus parsed and checked against the ICCPR (covenant check),
 *    and the ratio to parsing alone, so the analysis cost is visible.
 *
 * Targets: the corpus parsed in under 0.5 s, a 200 KB text in under 2 ms
 * (issue 2); parsed and checked in under 1 s (issue 3).
 */
#define _GNU_SOURCE
#include "covenant.h"
#include "bench.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

typedef struct {
	char *path;
	char *buf;
	size_t len;
} input;

static int cmp_input(const void *a, const void *b)
{
	return strcmp(((const input *)a)->path, ((const input *)b)->path);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct stat st;
	if (fstat(fileno(f), &st) != 0) {
		fclose(f);
		return NULL;
	}
	char *buf = malloc((size_t)st.st_size + 1);
	if (buf && fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = (size_t)st.st_size;
	return buf;
}

/* Time a shell command (the peer), best of `runs`. */
static double time_cmd(const char *cmd, int runs)
{
	double best = 1e9;
	for (int i = 0; i < runs; i++) {
		double t0 = bench_now();
		if (system(cmd) != 0)
			return -1;
		double t = bench_now() - t0;
		if (t < best)
			best = t;
	}
	return best;
}

int main(int argc, char **argv)
{
	const char *corpus = argc > 1 ? argv[1] : "../shared/corpus";
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/constitute-192-marcomorucci/constitutions", corpus);
	DIR *d = opendir(dir);
	if (!d) {
		printf("bench_parse: SKIP: %s is absent (the shared corpus is not on this machine)\n", dir);
		return 0;
	}
	cov_data *data;
	if (cov_data_open(NULL, &data) != COV_OK) {
		fprintf(stderr, "bench_parse: %s\n", cov_error_last());
		return 1;
	}
	input *in = NULL;
	size_t n = 0, total = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strstr(e->d_name, ".txt"))
			continue;
		in = realloc(in, (n + 1) * sizeof *in);
		if (asprintf(&in[n].path, "%s/%s", dir, e->d_name) < 0)
			return 1;
		in[n].buf = slurp(in[n].path, &in[n].len);
		if (!in[n].buf)
			return 1;
		total += in[n].len;
		n++;
	}
	closedir(d);
	qsort(in, n, sizeof *in, cmp_input);

	/* the corpus, one process, best of 5 */
	double best = 1e9;
	size_t units = 0;
	for (int run = 0; run < 5; run++) {
		units = 0;
		double t0 = bench_now();
		for (size_t i = 0; i < n; i++) {
			cov_doc *doc;
			if (cov_doc_parse_buffer(data, in[i].buf, in[i].len, in[i].path, NULL, &doc) != COV_OK) {
				fprintf(stderr, "bench_parse: %s\n", cov_error_last());
				return 1;
			}
			units += cov_doc_count(doc, cov_doc_primary_kind(doc));
			cov_doc_free(doc);
		}
		double t = bench_now() - t0;
		if (t < best)
			best = t;
	}
	char cmd[8192];
	snprintf(cmd, sizeof cmd, "cat %s/*.txt | wc -w > /dev/null", dir);
	double wc = time_cmd(cmd, 5);
	printf("corpus: %zu constitutions, %.1f MB, %zu article-level units\n", n, total / 1048576.0, units);
	printf("covenant parse: %.3f s  (%.1f MB/s; target < 0.5 s)\n", best, total / 1048576.0 / best);
	if (wc > 0)
		printf("wc -w (peer):   %.3f s  (%.1f MB/s)  covenant/wc time ratio: %.2f\n", wc,
		       total / 1048576.0 / wc, best / wc);

	/* parse + check, best of 3 */
	double best_check = 1e9;
	size_t findings = 0;
	for (int run = 0; run < 3; run++) {
		findings = 0;
		double t0 = bench_now();
		for (size_t i = 0; i < n; i++) {
			cov_doc *doc;
			cov_review *rev;
			if (cov_doc_parse_buffer(data, in[i].buf, in[i].len, in[i].path, NULL, &doc) != COV_OK ||
			    cov_check(data, doc, NULL, &rev) != COV_OK) {
				fprintf(stderr, "bench_parse: %s\n", cov_error_last());
				return 1;
			}
			findings += cov_review_count(rev);
			cov_review_free(rev);
			cov_doc_free(doc);
		}
		double t = bench_now() - t0;
		if (t < best_check)
			best_check = t;
	}
	printf("covenant parse + check: %.3f s  (%zu findings; target < 1 s)  check/parse time ratio: %.2f\n",
	       best_check, findings, best_check / best);

	/* the file closest to 200 KB */
	size_t pick = 0;
	for (size_t i = 0; i < n; i++)
		if (labs((long)in[i].len - 200000) < labs((long)in[pick].len - 200000))
			pick = i;
	int reps = 200;
	double t0 = bench_now();
	for (int r = 0; r < reps; r++) {
		cov_doc *doc;
		if (cov_doc_parse_buffer(data, in[pick].buf, in[pick].len, in[pick].path, NULL, &doc) != COV_OK)
			return 1;
		cov_doc_free(doc);
	}
	double per = (bench_now() - t0) / reps;
	const char *base = strrchr(in[pick].path, '/');
	printf("one constitution: %s (%.0f KB): %.3f ms a parse (target < 2 ms)\n", base ? base + 1 : in[pick].path,
	       in[pick].len / 1024.0, per * 1000);

	for (size_t i = 0; i < n; i++) {
		free(in[i].path);
		free(in[i].buf);
	}
	free(in);
	cov_data_free(data);
	return 0;
}
