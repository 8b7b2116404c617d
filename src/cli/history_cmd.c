/*
 * history_cmd.c — `covenant history WORK [--format text|json]`: a work's
 * timeline from the library — each version, published, the referendum and
 * its result, in force, the amendments a consolidated text records, and
 * what replaced it.
 */
#include "cli.h"
#include "../store/store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char history_usage[] =
	"usage: covenant history WORK [options]\n"
	"\n"
	"Print the timeline of a work stored in the library, in date order: its\n"
	"versions, drafts published, referendums with turnout and result, adoption,\n"
	"entry into force, each amendment a consolidated text records (date and act),\n"
	"consolidations, repeal and replacement.\n"
	"\n"
	"options:\n"
	"  -f, --format FMT      text (default), json\n"
	COV_CLI_INPUT_HELP
	"\n"
	"exit codes: 0 ok, 1 internal error or output not written, 2 usage,\n"
	"            3 no such work, or the library cannot be read\n";

typedef struct line {
	char date[11];
	int order; /* versions before their events on the same day */
	char *text;
} line;

typedef struct timeline {
	line *v;
	size_t n, cap;
	size_t n_versions;
	bool json;
	json_t *jversions, *jevents, *jwork;
	bool oom;
} timeline;

static void add(timeline *t, const char *date, int order, char *text)
{
	if (!text) {
		t->oom = true;
		return;
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		line *p = realloc(t->v, cap * sizeof *p);
		if (!p) {
			free(text);
			t->oom = true;
			return;
		}
		t->v = p;
		t->cap = cap;
	}
	line *l = &t->v[t->n++];
	snprintf(l->date, sizeof l->date, "%s", date);
	l->order = order;
	l->text = text;
}

static int on_work(void *ctx, const cov_store_work *w)
{
	timeline *t = ctx;
	if (t->json) {
		t->jwork = json_pack("{s:s, s:s, s:s, s:s}", "id", w->id, "country", w->country, "title", w->title,
				     "kind", w->kind);
		return COV_OK;
	}
	cov_buf b;
	cov_buf_init(&b);
	cov_buf_printf(&b, "%s — %s  (%s%s%s)", w->id, *w->title ? w->title : "(no title)", w->country,
		       *w->country ? ", " : "", w->kind);
	add(t, "", -1, cov_buf_detach(&b, NULL));
	return COV_OK;
}

static int on_version(void *ctx, const cov_store_version *v)
{
	timeline *t = ctx;
	t->n_versions++;
	if (t->json) {
		json_array_append_new(t->jversions,
				      json_pack("{s:s, s:s, s:s, s:s, s:s?, s:s?, s:I, s:s}", "date", v->date, "lang", v->lang,
						"status", v->status, "source", v->source, "in_force_from",
						*v->in_force_from ? v->in_force_from : NULL, "in_force_until",
						*v->in_force_until ? v->in_force_until : NULL, "articles",
						(json_int_t)v->n_articles, "sha256", v->sha256));
		return COV_OK;
	}
	cov_buf b;
	cov_buf_init(&b);
	cov_buf_printf(&b, "version %s (%s, %s, %ld articles) from %s", v->date, v->lang, v->status, v->n_articles,
		       v->source);
	if (*v->in_force_from)
		cov_buf_printf(&b, "; in force %s → %s", v->in_force_from, *v->in_force_until ? v->in_force_until : "now");
	add(t, v->date, 0, cov_buf_detach(&b, NULL));
	return COV_OK;
}

static int on_event(void *ctx, const cov_store_event *e)
{
	timeline *t = ctx;
	if (t->json) {
		json_t *o = cov_store_event_json(e, false);
		if (!o)
			return cov_error_set(COV_ENOMEM, "out of memory");
		json_array_append_new(t->jevents, o);
		return COV_OK;
	}
	cov_buf b;
	cov_buf_init(&b);
	cov_buf_printf(&b, "  %s", strcmp(e->kind, "in-force") == 0 ? "in force" : e->kind);
	if (strcmp(e->kind, "referendum") == 0) {
		const char *sep = ": ";
		if (e->turnout >= 0)
			cov_buf_printf(&b, "%sturnout %.2f %%", sep, e->turnout), sep = ", ";
		if (e->votes_for >= 0)
			cov_buf_printf(&b, "%s%.2f %% for", sep, e->votes_for), sep = ", ";
		if (e->votes_against >= 0)
			cov_buf_printf(&b, "%s%.2f %% against", sep, e->votes_against), sep = ", ";
		if (*e->result)
			cov_buf_printf(&b, " — %s", e->result);
	} else if (*e->act) {
		cov_buf_printf(&b, " by %s", e->act);
	}
	if (*e->ref)
		cov_buf_printf(&b, " by %s", e->ref);
	if (*e->result && strcmp(e->kind, "referendum") != 0)
		cov_buf_printf(&b, " (%s)", e->result);
	cov_buf_printf(&b, "   [version %s]", e->version_date);
	add(t, e->date, 1, cov_buf_detach(&b, NULL));
	return COV_OK;
}

static int by_date(const void *a, const void *b)
{
	const line *x = a, *y = b;
	int c = strcmp(x->date, y->date);
	if (c)
		return c;
	if (x->order != y->order)
		return x->order - y->order;
	return x < y ? -1 : x > y;
}

int cov_cli_history(int argc, char **argv)
{
	cov_cli_common c = {.cmd = "history", .usage = history_usage, .format = COV_CLI_TEXT,
			    .formats = 1u << COV_CLI_TEXT | 1u << COV_CLI_JSON};
	int ex = cov_cli_options(&c, argc, argv, NULL, NULL, NULL);
	if (ex >= 0)
		return ex;
	if (optind != argc - 1 || !cov_store_is_ref(argv[optind]) || strchr(argv[optind], '@') ||
	    strchr(argv[optind], ':'))
		return cov_cli_usage_error(&c, "history wants one WORK");
	const char *work = argv[optind];
	cov_store *st;
	ex = cov_cli_store_open(&c, false, &st);
	if (ex >= 0)
		return ex;
	timeline t = {0};
	t.json = c.format == COV_CLI_JSON;
	if (t.json) {
		t.jversions = json_array();
		t.jevents = json_array();
	}
	int rc = cov_store_works(st, work, on_work, &t);
	if (rc == COV_OK && !t.n && !t.jwork)
		rc = cov_error_set(COV_EINPUT, "no work '%s' in the library %s (covenant list shows the works)", work,
				   cov_store_path(st));
	if (rc == COV_OK)
		rc = cov_store_versions(st, work, on_version, &t);
	if (rc == COV_OK)
		rc = cov_store_events(st, work, on_event, &t);
	if (rc == COV_OK && t.oom)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	cov_store_close(st);
	cov_buf out;
	cov_buf_init(&out);
	if (rc == COV_OK && t.json) {
		json_t *root = json_pack("{s:i, s:o, s:o, s:o}", "format", COV_JSON_FORMAT, "work", t.jwork, "versions",
					 t.jversions, "events", t.jevents);
		char *s = root ? json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER) : NULL;
		if (s)
			cov_buf_printf(&out, "%s\n", s);
		else
			rc = cov_error_set(COV_ENOMEM, "out of memory");
		free(s);
		json_decref(root);
	} else if (rc == COV_OK) {
		qsort(t.v, t.n, sizeof *t.v, by_date);
		for (size_t i = 0; i < t.n; i++)
			if (*t.v[i].date)
				cov_buf_printf(&out, "%-10s  %s\n", t.v[i].date, t.v[i].text);
			else
				cov_buf_printf(&out, "%s\n", t.v[i].text);
	} else if (t.json) {
		json_decref(t.jwork);
		json_decref(t.jversions);
		json_decref(t.jevents);
	}
	for (size_t i = 0; i < t.n; i++)
		free(t.v[i].text);
	free(t.v);
	if (rc) {
		cov_buf_free(&out);
		return cov_cli_fail(rc);
	}
	ex = cov_cli_emit(&c, out.ptr ? out.ptr : "", out.len);
	cov_buf_free(&out);
	return ex;
}
