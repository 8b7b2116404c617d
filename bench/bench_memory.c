/*
 * bench_memory.c — how much memory `covenant parse` needs for its input:
 * the peak resident set of a child (wait4's ru_maxrss) divided by the
 * input's size, for JSON and tree output, against `cat` and `wc` on the
 * same file in the same run.
 *
 * Two inputs, written to a temporary directory:
 *  - Kazakhstan's Constitution 2026 made 64× longer, article numbers
 *    continuing (a legal text of ordinary shape, 9.4 MB);
 *  - 15 MB of "Article N" lines (issue 9's worst case: a unit every 15 bytes).
 *
 * Each is measured three ways: the CLI (`covenant parse --format F FILE`,
 * which renders into a string before writing it), the library's streaming
 * cov_render() to /dev/null (this program run again as the child), and
 * parsing alone (the document tree every renderer needs).
 * Target (issue 9): peak memory at most 10× the input.
 *
 * usage: bench_memory [CORPUS]
 */
#define _GNU_SOURCE
#include "covenant.h"
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef COVENANT_BIN
#define COVENANT_BIN "covenant"
#endif

/* The child: parse FILE and render it as FMT to /dev/null through the
 * streaming cov_render ("none": parse only). */
static int child(const char *path, const char *fmt)
{
	cov_data *data;
	cov_doc *doc;
	cov_parse_options po = {0};
	po.max_bytes = (size_t)256 << 20;
	if (cov_data_open(NULL, &data) || cov_doc_parse_file(data, path, &po, &doc)) {
		fprintf(stderr, "bench_memory: %s\n", cov_error_last());
		return 1;
	}
	int rc = COV_OK;
	if (strcmp(fmt, "none") != 0) {
		FILE *out = fopen("/dev/null", "wb");
		rc = out ? cov_render(doc, strcmp(fmt, "json") == 0 ? COV_RENDER_JSON : COV_RENDER_TREE, out) : COV_EIO;
		if (out)
			fclose(out);
	}
	cov_doc_free(doc);
	cov_data_free(data);
	return rc ? 1 : 0;
}

static void row(const char *what, char *const argv[], size_t bytes)
{
	bench_run r;
	if (bench_spawn(argv, &r) != 0 || !WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0) {
		printf("  %-44s failed\n", what);
		return;
	}
	printf("  %-44s %7.2f s %8.1f MB %7.1f× input\n", what, r.seconds, r.maxrss_kb / 1024.0,
	       r.maxrss_kb * 1024.0 / (double)bytes);
	fflush(stdout);
}

static void measure(const char *self, const char *label, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return;
	size_t bytes = (size_t)st.st_size;
	printf("%s: %.1f MB\n", label, bytes / 1048576.0);
	char *cat[] = {"cat", (char *)path, NULL}, *wc[] = {"wc", (char *)path, NULL};
	row("cat (peer)", cat, bytes);
	row("wc (peer)", wc, bytes);
	char *parse_only[] = {(char *)self, "--child", (char *)path, "none", NULL};
	row("parse only (the document tree)", parse_only, bytes);
	static const char *const fmts[] = {"json", "tree"};
	for (int k = 0; k < 2; k++) {
		char what[128];
		char *lib[] = {(char *)self, "--child", (char *)path, (char *)fmts[k], NULL};
		snprintf(what, sizeof what, "cov_render --format %s (streamed)", fmts[k]);
		row(what, lib, bytes);
		char *cli[] = {COVENANT_BIN, "parse", "--format", (char *)fmts[k], "--max-size", "256", (char *)path, NULL};
		snprintf(what, sizeof what, "covenant parse --format %s (CLI)", fmts[k]);
		row(what, cli, bytes);
	}
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "--child") == 0)
		return child(argv[2], argv[3]);
	const char *corpus = argc > 1 ? argv[1] : "../shared/corpus";
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return 1;
	self[n] = '\0';
	char dir[] = "/tmp/covenant-bench-memory-XXXXXX";
	if (!mkdtemp(dir)) {
		perror("bench_memory: mkdtemp");
		return 1;
	}
	char src[4096], kz[4200], lines[4200];
	snprintf(src, sizeof src, "%s/kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt", corpus);
	snprintf(kz, sizeof kz, "%s/kz-64.txt", dir);
	snprintf(lines, sizeof lines, "%s/articles.txt", dir);
	printf("peak memory (ru_maxrss) / input size; target ≤ 10×\n");
	if (access(src, R_OK) == 0 && bench_repeat_text(src, kz, 64))
		measure(self, "KZ Constitution 2026 ×64", kz);
	else
		printf("KZ Constitution 2026 ×64: SKIP: the text is absent (%s)\n", corpus);
	FILE *f = fopen(lines, "wb");
	if (f) {
		size_t size = 0;
		for (long k = 1; size < (size_t)15 << 20; k++)
			size += (size_t)fprintf(f, "Article %ld\n", k);
		fclose(f);
		measure(self, "\"Article N\" lines", lines);
	}
	unlink(kz);
	unlink(lines);
	rmdir(dir);
	return 0;
}
