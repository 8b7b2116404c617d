/*
 * search_cmd.c — `covenant search QUERY [--best] [--right iccpr:21]
 * [--country CC] [--lang L] [--kind K] [--work W] [--in-force-at DATE]`:
 * full-text search over every stored article, ranked by BM25, with a
 * snippet of each; words are stemmed (English, Russian), so «мирные
 * собрания» finds «мирных собраний».
 */
#include "cli.h"
#include "../store/store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char search_usage[] =
	"usage: covenant search QUERY… [options]\n"
	"\n"
	"Search every article of every version in the library, best match first\n"
	"(BM25), with the words found marked in a snippet.  Words are matched on\n"
	"their stems in English and Russian.  QUERY is FTS5 syntax: words (all must\n"
	"occur), \"a phrase\", OR, NOT, NEAR(a b), prefix*.\n"
	"\n"
	"options:\n"
	"      --best            the best-matching article of each work only\n"
	"      --right R         articles concerning ICCPR article R (iccpr:21 or 21),\n"
	"                        from the stored analysis\n"
	"      --country CC      works of this country\n"
	"  -l, --lang LANG       versions in this language\n"
	"      --kind K          constitution, law, code, treaty, bill\n"
	"      --work ID         one work\n"
	"      --in-force-at D   versions in force on date D (YYYY-MM-DD)\n"
	"  -n, --limit N         at most N results (default 20)\n"
	"  -f, --format FMT      text (default), json, ndjson\n"
	"  -o, --output FILE, --color WHEN, --db PATH, --data DIR, -h, --help, -V\n"
	"\n"
	"exit codes: 0 ok (even with no match), 1 internal error, 2 usage or a query\n"
	"            FTS5 cannot read, 3 the library cannot be read\n";

enum { OPT_BEST = 256, OPT_RIGHT, OPT_COUNTRY, OPT_KIND, OPT_WORK, OPT_AT, OPT_LIMIT };

typedef struct search_ctx {
	cov_cli_common *c;
	cov_store_search_opts so;
	cov_buf out;
	json_t *hits;
	size_t n;
} search_ctx;

static int on_option(int code, const char *arg, void *ctx)
{
	search_ctx *s = ctx;
	char *end;
	long v;
	switch (code) {
	case OPT_BEST: s->so.best = true; break;
	case OPT_RIGHT:
		if (strncmp(arg, "iccpr:", 6) == 0)
			arg += 6;
		v = strtol(arg, &end, 10);
		if (end == arg || *end || v < 1 || v > 53)
			return cov_cli_usage_error(s->c, "--right wants an ICCPR article, iccpr:1 to iccpr:53, not '%s'", arg);
		s->so.right = (int)v;
		break;
	case OPT_COUNTRY: s->so.country = arg; break;
	case OPT_KIND:
		if (!cov_store_name_in(cov_store_kinds, arg))
			return cov_cli_usage_error(s->c, "--kind: unknown '%s' (constitution, law, code, treaty, bill)", arg);
		s->so.kind = arg;
		break;
	case OPT_WORK: s->so.work = arg; break;
	case OPT_AT:
		if (!cov_store_date_valid(arg))
			return cov_cli_usage_error(s->c, "--in-force-at wants a date YYYY-MM-DD, not '%s'", arg);
		s->so.in_force_at = arg;
		break;
	case OPT_LIMIT:
		v = strtol(arg, &end, 10);
		if (end == arg || *end || v < 1 || v > 1000)
			return cov_cli_usage_error(s->c, "--limit wants a number from 1 to 1000, not '%s'", arg);
		s->so.limit = (size_t)v;
		break;
	}
	return 0;
}

static int on_hit(void *ctx, const cov_store_hit *h)
{
	search_ctx *s = ctx;
	s->n++;
	if (s->hits) {
		json_array_append_new(s->hits, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:f}",
							 "work", h->work, "date", h->date, "lang", h->lang, "country",
							 h->country, "kind", h->kind, "title", h->title, "eid", h->eid,
							 "num", h->num, "heading", h->heading, "snippet", h->snippet,
							 "score", h->score));
		return COV_OK;
	}
	cov_buf_printf(&s->out, "%zu. %s@%s  (%s%s%s)  ", s->n, h->work, h->date, h->country, *h->country ? ", " : "",
		       h->lang);
	if (*h->num)
		cov_buf_printf(&s->out, "article %s", h->num);
	else
		cov_buf_puts(&s->out, h->eid);
	if (*h->heading)
		cov_buf_printf(&s->out, " — %s", h->heading);
	cov_buf_printf(&s->out, "  [%.1f]\n   ", h->score);
	for (const char *p = h->snippet; *p; p++)
		cov_buf_putc(&s->out, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
	cov_buf_putc(&s->out, '\n');
	return COV_OK;
}

int cov_cli_search(int argc, char **argv)
{
	static const struct option extra[] = {
		{"best", no_argument, NULL, OPT_BEST},          {"right", required_argument, NULL, OPT_RIGHT},
		{"country", required_argument, NULL, OPT_COUNTRY}, {"kind", required_argument, NULL, OPT_KIND},
		{"work", required_argument, NULL, OPT_WORK},    {"in-force-at", required_argument, NULL, OPT_AT},
		{"limit", required_argument, NULL, OPT_LIMIT},  {NULL, 0, NULL, 0}};
	cov_cli_common c = {.cmd = "search", .usage = search_usage, .format = COV_CLI_TEXT,
			    .formats = 1u << COV_CLI_TEXT | 1u << COV_CLI_JSON | 1u << COV_CLI_NDJSON};
	search_ctx s = {.c = &c};
	for (int i = 1; i < argc; i++) /* -n N: the common short options do not have it */
		if (strcmp(argv[i], "-n") == 0)
			argv[i] = "--limit";
		else if (strcmp(argv[i], "--") == 0)
			break;
	int ex = cov_cli_options(&c, argc, argv, extra, on_option, &s);
	if (ex >= 0)
		return ex;
	if (optind >= argc)
		return cov_cli_usage_error(&c, "search wants a QUERY");
	cov_buf q;
	cov_buf_init(&q);
	for (int i = optind; i < argc; i++) {
		if (i > optind)
			cov_buf_putc(&q, ' ');
		cov_buf_puts(&q, argv[i]);
	}
	if (q.oom || !q.ptr) {
		cov_buf_free(&q);
		return cov_cli_usage_error(&c, "search wants a QUERY");
	}
	s.so.query = q.ptr;
	if (c.po.language && strcmp(c.po.language, "auto") != 0)
		s.so.lang = c.po.language;
	s.so.mark_open = c.color ? "\033[1;31m" : "[";
	s.so.mark_close = c.color ? "\033[0m" : "]";
	if (c.format != COV_CLI_TEXT) {
		s.so.mark_open = "<b>";
		s.so.mark_close = "</b>";
		s.hits = json_array();
	}
	cov_store *st;
	ex = cov_cli_store_open(&c, false, &st);
	if (ex >= 0) {
		cov_buf_free(&q);
		json_decref(s.hits);
		return ex;
	}
	cov_buf_init(&s.out);
	int rc = cov_store_search(st, &s.so, on_hit, &s);
	if (rc == COV_OK && s.hits) {
		json_t *root = json_pack("{s:i, s:s, s:O}", "format", COV_JSON_FORMAT, "query", q.ptr, "hits", s.hits);
		char *j = root ? json_dumps(root, c.format == COV_CLI_NDJSON ? JSON_COMPACT | JSON_PRESERVE_ORDER
									     : JSON_INDENT(1) | JSON_PRESERVE_ORDER) : NULL;
		if (j)
			cov_buf_printf(&s.out, "%s\n", j);
		else
			rc = cov_error_set(COV_ENOMEM, "out of memory");
		free(j);
		json_decref(root);
	} else if (rc == COV_OK && s.n == 0) {
		fprintf(stderr, "covenant: no article matches «%s»%s\n", q.ptr,
			s.so.right || s.so.country || s.so.lang || s.so.kind || s.so.work || s.so.in_force_at
				? " with these filters" : "");
	}
	json_decref(s.hits);
	cov_store_close(st);
	cov_buf_free(&q);
	if (rc == COV_OK && s.out.oom)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	if (rc) {
		cov_buf_free(&s.out);
		if (rc == COV_EUSAGE) {
			fprintf(stderr, "covenant search: %s\n", cov_error_last());
			return 2;
		}
		return cov_cli_fail(rc);
	}
	ex = s.n || s.hits ? cov_cli_emit(&c, s.out.ptr ? s.out.ptr : "", s.out.len) : 0;
	cov_buf_free(&s.out);
	return ex;
}
