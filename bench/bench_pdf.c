/*
 * bench_pdf.c — PDF ingest in pages per second (text layer, furniture
 * removal, line joining, and the structure parse), against the peer
 * `pdftotext` (poppler-utils) on the same files in the same run, as ratios
 * of times (wall clock, and processor time: steadier on a busy machine):
 *  - generated laws of 1,000, 4,000 and 16,000 pages (a running header, a
 *    page number, articles), written by hand here: the time per page must
 *    not grow with the pages;
 *  - the five Adilet PDFs of ../shared/corpus, when present.
 */
#define _GNU_SOURCE
#include "covenant.h"
#include "bench.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

/* Processor seconds (user + system) of this process or of its children:
 * steadier than the clock on a shared machine. */
static double cpu_now(int who)
{
	struct rusage ru;
	getrusage(who, &ru);
	return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

typedef struct timing {
	double wall, cpu; /* best of the runs */
} timing;

/* Write a PDF of `pages` pages of a generated law; 0 on success. */
static int write_law(const char *path, size_t pages)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	/* objects: 1 catalog, 2 pages, 3 font, then (content, page) per page */
	size_t nobj = 3 + 2 * pages;
	long *off = calloc(nobj + 1, sizeof *off);
	if (!off) {
		fclose(f);
		return -1;
	}
	fputs("%PDF-1.4\n", f);
	off[1] = ftell(f);
	fputs("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", f);
	off[2] = ftell(f);
	fputs("2 0 obj\n<< /Type /Pages /Kids [", f);
	for (size_t p = 0; p < pages; p++)
		fprintf(f, "%zu 0 R ", 5 + 2 * p);
	fprintf(f, "] /Count %zu >>\nendobj\n", pages);
	off[3] = ftell(f);
	fputs("3 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n", f);
	size_t article = 1;
	char content[8192];
	for (size_t p = 0; p < pages; p++) {
		size_t n = (size_t)snprintf(content, sizeof content,
					    "BT /F1 9 Tf 72 764 Td (Law of Testland on Benchmarks and Their Pages) Tj ET\n"
					    "BT /F1 11 Tf 14 TL 72 720 Td\n");
		for (int l = 0; l < 36; l++) {
			char line[128];
			if (l % 6 == 0)
				snprintf(line, sizeof line, "Article %zu", article++);
			else if (l % 6 == 5)
				snprintf(line, sizeof line, "restricted except by a law that is necessary in a democratic society.");
			else
				snprintf(line, sizeof line,
					 "%d. Everyone has the right number %zu, and the exercise of this right may not be",
					 l % 6, article - 1);
			n += (size_t)snprintf(content + n, sizeof content - n, "(%s) Tj T*\n", line);
		}
		n += (size_t)snprintf(content + n, sizeof content - n, "ET\nBT /F1 10 Tf 300 40 Td (%zu) Tj ET", p + 1);
		off[4 + 2 * p] = ftell(f);
		fprintf(f, "%zu 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\nendobj\n", 4 + 2 * p, n, content);
		off[5 + 2 * p] = ftell(f);
		fprintf(f,
			"%zu 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R "
			">> >> /Contents %zu 0 R >>\nendobj\n",
			5 + 2 * p, 4 + 2 * p);
	}
	long xref = ftell(f);
	fprintf(f, "xref\n0 %zu\n0000000000 65535 f \n", nobj + 1);
	for (size_t i = 1; i <= nobj; i++)
		fprintf(f, "%010ld 00000 n \n", off[i]);
	fprintf(f, "trailer\n<< /Size %zu /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", nobj + 1, xref);
	free(off);
	return fclose(f) == 0 ? 0 : -1;
}

/* Best of `runs` times for covenant to parse the files; pages in *pages. */
static timing time_covenant(cov_data *data, char **files, size_t n, int runs, size_t *pages)
{
	timing best = {1e9, 1e9};
	for (int run = 0; run < runs; run++) {
		*pages = 0;
		double t0 = bench_now(), c0 = cpu_now(RUSAGE_SELF);
		for (size_t i = 0; i < n; i++) {
			cov_doc *doc;
			if (cov_doc_parse_file(data, files[i], NULL, &doc) != COV_OK) {
				fprintf(stderr, "bench_pdf: %s\n", cov_error_last());
				return (timing){-1, -1};
			}
			*pages += cov_doc_pages(doc);
			cov_doc_free(doc);
		}
		double t = bench_now() - t0, c = cpu_now(RUSAGE_SELF) - c0;
		best.wall = t < best.wall ? t : best.wall;
		best.cpu = c < best.cpu ? c : best.cpu;
	}
	return best;
}

/* Best of `runs` times for pdftotext on the same files; -1 if it fails. */
static timing time_pdftotext(char **files, size_t n, int runs)
{
	timing best = {1e9, 1e9};
	for (int run = 0; run < runs; run++) {
		double t0 = bench_now(), c0 = cpu_now(RUSAGE_CHILDREN);
		for (size_t i = 0; i < n; i++) {
			char cmd[8400];
			snprintf(cmd, sizeof cmd, "pdftotext '%s' - > /dev/null 2>&1", files[i]);
			if (system(cmd) != 0)
				return (timing){-1, -1};
		}
		double t = bench_now() - t0, c = cpu_now(RUSAGE_CHILDREN) - c0;
		best.wall = t < best.wall ? t : best.wall;
		best.cpu = c < best.cpu ? c : best.cpu;
	}
	return best;
}

static void report(const char *what, size_t pages, timing mine, timing peer)
{
	printf("%-20s %5zu pages  covenant %7.3f s (%5.0f pages/s)", what, pages, mine.wall, pages / mine.wall);
	if (peer.wall > 0)
		printf("  pdftotext %7.3f s (%5.0f pages/s)  covenant/pdftotext time ratio %.2f, cpu %.2f\n", peer.wall,
		       pages / peer.wall, mine.wall / peer.wall, mine.cpu / peer.cpu);
	else
		printf("  pdftotext: not available (apt-get install poppler-utils)\n");
}

int main(int argc, char **argv)
{
	const char *corpus = argc > 1 ? argv[1] : "../shared/corpus";
	cov_data *data;
	if (cov_data_open(NULL, &data) != COV_OK) {
		fprintf(stderr, "bench_pdf: %s\n", cov_error_last());
		return 1;
	}
	/* generated laws: pages per second must not fall as pages grow */
	char tmp[] = "/tmp/bench_pdf.XXXXXX";
	if (!mkdtemp(tmp)) {
		perror("bench_pdf: mkdtemp");
		return 1;
	}
	static const size_t sizes[] = {1000, 4000, 16000};
	int rc = 0;
	for (size_t s = 0; s < sizeof sizes / sizeof *sizes && rc == 0; s++) {
		char path[256], *files[1] = {path}, what[64];
		snprintf(path, sizeof path, "%s/law-%zu.pdf", tmp, sizes[s]);
		if (write_law(path, sizes[s]) != 0) {
			fprintf(stderr, "bench_pdf: cannot write %s\n", path);
			rc = 1;
			break;
		}
		size_t pages;
		timing mine = time_covenant(data, files, 1, 3, &pages);
		timing peer = time_pdftotext(files, 1, 3);
		snprintf(what, sizeof what, "generated law, %zuk", sizes[s] / 1000);
		if (mine.wall < 0)
			rc = 1;
		else
			report(what, pages, mine, peer);
		unlink(path);
	}
	rmdir(tmp);

	/* the Adilet PDFs */
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/kz-adilet-ru-pdf", corpus);
	DIR *d = opendir(dir);
	if (!d) {
		printf("bench_pdf: SKIP: %s is absent\n", dir);
		cov_data_free(data);
		return rc;
	}
	char *files[16];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < 16)
		if (strstr(e->d_name, ".pdf") && asprintf(&files[n], "%s/%s", dir, e->d_name) > 0)
			n++;
	closedir(d);
	size_t pages;
	timing mine = time_covenant(data, files, n, 3, &pages);
	if (mine.wall < 0)
		rc = 1;
	else {
		char what[64];
		snprintf(what, sizeof what, "%zu Adilet PDFs", n);
		report(what, pages, mine, time_pdftotext(files, n, 3));
	}
	for (size_t i = 0; i < n; i++)
		free(files[i]);
	cov_data_free(data);
	return rc;
}
