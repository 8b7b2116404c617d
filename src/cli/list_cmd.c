/*
 * list_cmd.c — `covenant list [WORK] [--format text|json]`: the works in the
 * library, each with its versions, their languages and statuses today.
 */
#include "cli.h"
#include "../store/store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char list_usage[] =
	"usage: covenant list [WORK] [options]\n"
	"\n"
	"List the works in the library (or one), each with its versions: date,\n"
	"language, whether it is in force today, articles, and the file imported.\n"
	"\n"
	"options:\n"
	"  -f, --format FMT      text (default), json\n"
	COV_CLI_INPUT_HELP
	"\n"
	"exit codes: 0 ok, 1 internal error or output not written, 2 usage,\n"
	"            3 the library cannot be read\n";

typedef struct listing {
	cov_store *st;
	cov_buf out;
	json_t *works, *cur;
	char today[11];
	size_t n_works, n_versions;
	int rc;
} listing;

static int on_version(void *ctx, const cov_store_version *v)
{
	listing *l = ctx;
	l->n_versions++;
	if (l->works) {
		json_array_append_new(json_object_get(l->cur, "versions"),
				      json_pack("{s:s, s:s, s:s, s:s?, s:s?, s:I, s:s}", "date", v->date, "lang", v->lang,
						"status", v->status, "in_force_from",
						*v->in_force_from ? v->in_force_from : NULL, "in_force_until",
						*v->in_force_until ? v->in_force_until : NULL, "articles",
						(json_int_t)v->n_articles, "source", v->source));
		return COV_OK;
	}
	cov_buf_puts(&l->out, "  ");
	cov_cli_version_line(&l->out, v, l->today);
	cov_buf_printf(&l->out, "  %ld articles  %s\n", v->n_articles, v->source);
	return COV_OK;
}

static int on_work(void *ctx, const cov_store_work *w)
{
	listing *l = ctx;
	l->n_works++;
	if (l->works) {
		l->cur = json_pack("{s:s, s:s, s:s, s:s, s:[]}", "id", w->id, "country", w->country, "title", w->title,
				   "kind", w->kind, "versions");
		json_array_append_new(l->works, l->cur);
	} else {
		cov_buf_printf(&l->out, "%s  %s%s%s — %s\n", w->id, w->country, *w->country ? ", " : "", w->kind,
			       *w->title ? w->title : "(no title)");
	}
	return cov_store_versions(l->st, w->id, on_version, l);
}

int cov_cli_list(int argc, char **argv)
{
	cov_cli_common c = {.cmd = "list", .usage = list_usage, .format = COV_CLI_TEXT,
			    .formats = 1u << COV_CLI_TEXT | 1u << COV_CLI_JSON};
	int ex = cov_cli_options(&c, argc, argv, NULL, NULL, NULL);
	if (ex >= 0)
		return ex;
	if (optind < argc - 1)
		return cov_cli_usage_error(&c, "list wants at most one WORK");
	const char *work = optind < argc ? argv[optind] : NULL;
	listing l = {0};
	ex = cov_cli_store_open(&c, false, &l.st);
	if (ex >= 0)
		return ex;
	cov_buf_init(&l.out);
	cov_cli_today(l.today);
	if (c.format == COV_CLI_JSON)
		l.works = json_array();
	int rc = cov_store_works(l.st, work, on_work, &l);
	if (rc == COV_OK && work && !l.n_works)
		rc = cov_error_set(COV_EINPUT, "no work '%s' in the library %s", work, cov_store_path(l.st));
	if (rc == COV_OK && l.works) {
		json_t *root = json_pack("{s:i, s:s, s:O}", "format", COV_JSON_FORMAT, "library", cov_store_path(l.st),
					 "works", l.works);
		char *s = root ? json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER) : NULL;
		if (s)
			cov_buf_printf(&l.out, "%s\n", s);
		else
			rc = cov_error_set(COV_ENOMEM, "out of memory");
		free(s);
		json_decref(root);
	} else if (rc == COV_OK) {
		cov_buf_printf(&l.out, "%zu %s, %zu %s  (library %s)\n", l.n_works, l.n_works == 1 ? "work" : "works",
			       l.n_versions, l.n_versions == 1 ? "version" : "versions", cov_store_path(l.st));
	}
	json_decref(l.works);
	cov_store_close(l.st);
	if (rc == COV_OK && l.out.oom)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	if (rc) {
		cov_buf_free(&l.out);
		return cov_cli_fail(rc);
	}
	ex = cov_cli_emit(&c, l.out.ptr ? l.out.ptr : "", l.out.len);
	cov_buf_free(&l.out);
	return ex;
}
