/*
 * bench_pdf.c — PDF ingest in pages per second on the five Adilet PDFs of
 * ../shared/corpus (text layer, furniture removal, line joining, and the
 * structure parse), against the peer `pdftotext` (poppler-utils) on the
 * same files in the same run.
 */
#define _GNU_SOURCE
#include "covenant.h"
#include "bench.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv)
{
	const char *corpus = argc > 1 ? argv[1] : "../shared/corpus";
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/kz-adilet-ru-pdf", corpus);
	DIR *d = opendir(dir);
	if (!d) {
		printf("bench_pdf: SKIP: %s is absent\n", dir);
		return 0;
	}
	char *files[16];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < 16)
		if (strstr(e->d_name, ".pdf") && asprintf(&files[n], "%s/%s", dir, e->d_name) > 0)
			n++;
	closedir(d);
	cov_data *data;
	if (cov_data_open(NULL, &data) != COV_OK) {
		fprintf(stderr, "bench_pdf: %s\n", cov_error_last());
		return 1;
	}
	double best = 1e9;
	size_t pages = 0;
	for (int run = 0; run < 3; run++) {
		pages = 0;
		double t0 = bench_now();
		for (size_t i = 0; i < n; i++) {
			cov_doc *doc;
			if (cov_doc_parse_file(data, files[i], NULL, &doc) != COV_OK) {
				fprintf(stderr, "bench_pdf: %s\n", cov_error_last());
				return 1;
			}
			pages += cov_doc_pages(doc);
			cov_doc_free(doc);
		}
		double t = bench_now() - t0;
		if (t < best)
			best = t;
	}
	printf("covenant parse of %zu PDFs: %zu pages in %.3f s  (%.0f pages/s)\n", n, pages, best, pages / best);
	double peer = 1e9;
	for (int run = 0; run < 3 && peer > 0; run++) {
		double t0 = bench_now();
		for (size_t i = 0; i < n; i++) {
			char cmd[8400];
			snprintf(cmd, sizeof cmd, "pdftotext '%s' - > /dev/null 2>&1", files[i]);
			if (system(cmd) != 0) {
				peer = -1;
				break;
			}
		}
		double t = bench_now() - t0;
		if (peer > 0 && t < peer)
			peer = t;
	}
	if (peer > 0)
		printf("pdftotext (peer): %.3f s  (%.0f pages/s)  covenant/pdftotext time ratio: %.2f\n", peer, pages / peer,
		       best / peer);
	else
		printf("pdftotext (peer): not available (apt-get install poppler-utils)\n");
	for (size_t i = 0; i < n; i++)
		free(files[i]);
	cov_data_free(data);
	return 0;
}
