/*
 * report_cmd.c — `covenant report FILE|WORK[@DATE|:DATE] [--against OLD]
 * [-o review.html] [--format html|md]`: the review as one self-contained
 * HTML file (src/render/report.c), with the version's dates, status and
 * timeline when it comes from the library.
 */
#include "cli.h"
#include "../render/report.h"
#include "../store/store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char report_usage[] =
	"usage: covenant report FILE|WORK[@DATE|:DATE] [options]\n"
	"\n"
	"Write the review of a text as one self-contained HTML file a reviewer can\n"
	"read, send or print to PDF (no network, no script): a summary with the\n"
	"findings that matter most, a matrix of ICCPR rights × provisions, the\n"
	"findings grouped by right with the Covenant's words, a recommendation for\n"
	"each and a suggested wording of limitation clauses, and the full text with\n"
	"the findings in the margin.  With --against OLD, also the comparison: the\n"
	"alignment of the articles drawn, the pairs side by side and the rights\n"
	"impact.  A stored version (WORK, WORK@DATE, WORK:DATE) brings its dates,\n"
	"status and timeline.  See docs/report.md.\n"
	"\n"
	"options:\n"
	"  -f, --format FMT      html (default), md (the same content, for a memo)\n"
	"      --against OLD     compare with an older version (a file or WORK@DATE)\n"
	"      --title TEXT      the report's heading (default: the document's title)\n"
	"      --old-label L     name the old version (default: its file name)\n"
	"      --new-label L     name the new version\n"
	COV_CLI_INPUT_HELP
	"\n"
	"exit codes: 0 ok, 1 internal error or output not written, 2 usage,\n"
	"            3 unreadable or invalid input, 4 missing or malformed data files\n";

enum { OPT_AGAINST = 256, OPT_TITLE, OPT_OLD_LABEL, OPT_NEW_LABEL };

typedef struct report_opts {
	const char *against;
	cov_report_meta meta;
} report_opts;

static int on_option(int code, const char *arg, void *ctx)
{
	report_opts *o = ctx;
	switch (code) {
	case OPT_AGAINST: o->against = arg; break;
	case OPT_TITLE: o->meta.title = arg; break;
	case OPT_OLD_LABEL: o->meta.old_label = arg; break;
	case OPT_NEW_LABEL: o->meta.new_label = arg; break;
	}
	return 0;
}

/* What the library knows of a stored version: its date, status, timeline. */
typedef struct lib_meta {
	cov_arena arena;
	cov_report_event *events;
	size_t n, cap;
	bool oom;
	char date[16]; /* the reported version's: its events need no "(version of …)" */
} lib_meta;

static int on_event(void *ctx, const cov_store_event *ev)
{
	lib_meta *lm = ctx;
	if (lm->n == lm->cap) {
		size_t cap = lm->cap ? lm->cap * 2 : 16;
		cov_report_event *e = realloc(lm->events, cap * sizeof *e);
		if (!e) {
			lm->oom = true;
			return 0;
		}
		lm->events = e;
		lm->cap = cap;
	}
	char detail[512] = "";
	size_t d = 0;
#define ADD(...) (d += (size_t)snprintf(detail + d, d < sizeof detail ? sizeof detail - d : 0, __VA_ARGS__))
	if (ev->act && *ev->act)
		ADD("%s%s", d ? ", " : "", ev->act);
	if (ev->result && *ev->result)
		ADD("%s%s", d ? ", " : "", ev->result);
	if (ev->turnout >= 0)
		ADD("%sturnout %.2f %%", d ? ", " : "", ev->turnout);
	if (ev->votes_for >= 0)
		ADD("%s%.2f %% for", d ? ", " : "", ev->votes_for);
	if (ev->votes_against >= 0)
		ADD("%s%.2f %% against", d ? ", " : "", ev->votes_against);
	if (ev->ref && *ev->ref)
		ADD("%sby %s", d ? ", " : "", ev->ref);
	if (ev->version_date && *ev->version_date && strcmp(ev->version_date, lm->date) != 0)
		ADD("%s(version of %s)", d ? " " : "", ev->version_date);
#undef ADD
	cov_report_event *e = &lm->events[lm->n++];
	e->date = cov_arena_strndup(&lm->arena, ev->date ? ev->date : "", ev->date ? strlen(ev->date) : 0);
	e->kind = cov_arena_strndup(&lm->arena, ev->kind ? ev->kind : "", ev->kind ? strlen(ev->kind) : 0);
	e->detail = cov_arena_strndup(&lm->arena, detail, strlen(detail));
	if (!e->date || !e->kind || !e->detail)
		lm->oom = true;
	return 0;
}

/* Fill the meta of a stored version (ref is not a file); COV_OK when the
 * operand is a file, or the library is not there to say more. */
static int library_meta(const cov_cli_common *c, const char *ref, cov_report_meta *m, lib_meta *lm)
{
	struct stat st;
	if (strcmp(ref, "-") == 0 || stat(ref, &st) == 0 || errno != ENOENT || !cov_store_is_ref(ref))
		return COV_OK;
	char path[4096];
	const char *p = c->db;
	if (!p) {
		if (cov_store_default_path(path, sizeof path) != COV_OK)
			return COV_OK;
		p = path;
	}
	cov_store *store;
	if (cov_store_open(p, COV_STORE_READONLY, &store) != COV_OK)
		return COV_OK; /* reading the document says what is wrong */
	cov_store_version v = {0};
	int rc = cov_store_find(store, ref, c->po.language && strcmp(c->po.language, "auto") ? c->po.language : NULL, &v);
	if (rc == COV_OK) {
		char today[11], src[256];
		cov_cli_today(today);
		cov_buf line;
		cov_buf_init(&line);
		cov_cli_version_line(&line, &v, today);
		/* "WORK@DATE  LANG  status…": the status is after the second gap */
		const char *status = line.ptr ? line.ptr : "";
		for (int k = 0; k < 2 && strstr(status, "  "); k++)
			status = strstr(status, "  ") + 2;
		snprintf(src, sizeof src, "%s@%s", v.work, v.date);
		m->source = cov_arena_strndup(&lm->arena, src, strlen(src));
		m->date = cov_arena_strndup(&lm->arena, v.date, strlen(v.date));
		m->status = cov_arena_strndup(&lm->arena, status, strlen(status));
		cov_buf_free(&line);
		snprintf(lm->date, sizeof lm->date, "%s", v.date);
		rc = cov_store_events(store, v.work, on_event, lm);
		if (rc == COV_OK && lm->oom)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
		m->events = lm->events;
		m->n_events = lm->n;
	} else {
		rc = COV_OK; /* reading the document says what is wrong */
	}
	cov_store_version_clear(&v);
	cov_store_close(store);
	return rc;
}

int cov_cli_report(int argc, char **argv)
{
	static const struct option extra[] = {
		{"against", required_argument, NULL, OPT_AGAINST},
		{"title", required_argument, NULL, OPT_TITLE},
		{"old-label", required_argument, NULL, OPT_OLD_LABEL},
		{"new-label", required_argument, NULL, OPT_NEW_LABEL},
		{NULL, 0, NULL, 0}};
	cov_cli_common c = {.cmd = "report", .usage = report_usage, .format = COV_CLI_HTML,
			    .formats = 1u << COV_CLI_HTML | 1u << COV_CLI_MD};
	report_opts o = {0};
	int ex = cov_cli_options(&c, argc, argv, extra, on_option, &o);
	if (ex >= 0)
		return ex;
	if (optind != argc - 1)
		return cov_cli_usage_error(&c, "report wants one FILE, WORK, WORK@DATE or WORK:DATE");
	const char *input = argv[optind];
	if (o.against && strcmp(o.against, "-") == 0 && strcmp(input, "-") == 0)
		return cov_cli_usage_error(&c, "standard input can be read only once, but '-' is given twice");
	cov_data *data;
	int rc = cov_data_open(c.data_dir, &data);
	if (rc)
		return cov_cli_fail(rc);
	lib_meta lm = {0};
	cov_arena_init(&lm.arena);
	cov_doc *doc = NULL, *old = NULL;
	cov_review *review = NULL;
	cov_comparison *cmp = NULL;
	char *s = NULL;
	size_t len = 0;
	rc = cov_cli_parse_input(data, &c, input, &doc);
	if (rc == COV_OK && o.against)
		rc = cov_cli_parse_input(data, &c, o.against, &old);
	if (rc == COV_OK)
		rc = library_meta(&c, input, &o.meta, &lm);
	if (rc == COV_OK)
		rc = cov_check(data, doc, NULL, &review);
	if (rc == COV_OK && old)
		rc = cov_diff(data, old, doc, &cmp);
	if (rc == COV_OK)
		rc = cov_render_report_string(data, review, cmp, &o.meta,
					      c.format == COV_CLI_MD ? COV_REPORT_MD : COV_REPORT_HTML, &s, &len);
	cov_comparison_free(cmp);
	cov_review_free(review);
	cov_doc_free(old);
	cov_doc_free(doc);
	cov_data_free(data);
	free(lm.events);
	cov_arena_free(&lm.arena);
	if (rc)
		return cov_cli_fail(rc);
	ex = cov_cli_write_output(c.output, s, len);
	free(s);
	return ex;
}
