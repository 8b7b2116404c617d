/*
 * show_cmd.c — `covenant show WORK|WORK@DATE|WORK:DATE [--format F]
 * [--article N]`: a stored version, from the tree and text the import kept
 * (Akoma Ntoso and Markdown are rendered from the stored text).
 */
#include "cli.h"
#include "../store/store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char show_usage[] =
	"usage: covenant show WORK|WORK@DATE|WORK:DATE [options]\n"
	"\n"
	"Print a version stored in the library: WORK is its latest version,\n"
	"WORK@DATE the version of that date, WORK:DATE the version in force on\n"
	"that date (a draft is in force from its in-force event; a version until\n"
	"the next one comes into force, or until it is replaced or repealed).\n"
	"\n"
	"options:\n"
	"  -f, --format FMT      tree (default: an outline), text (the words), json\n"
	"                        (as parse: docs/json.md), ndjson, akn, md\n"
	"      --article N       only article N (tree, text, json)\n"
	COV_CLI_INPUT_HELP
	"\n"
	"exit codes: 0 ok, 1 internal error or output not written, 2 usage,\n"
	"            3 no such work or version, or the library cannot be read\n";

enum { OPT_ARTICLE = 256 };

static int on_option(int code, const char *arg, void *ctx)
{
	if (code == OPT_ARTICLE)
		*(const char **)ctx = arg;
	return 0;
}

/* The node of kind article (or the primary kind) numbered `num` in a parse JSON tree. */
static json_t *find_article(json_t *nodes, const char *num)
{
	size_t i;
	json_t *n;
	json_array_foreach(nodes, i, n) {
		const char *k = json_string_value(json_object_get(n, "kind"));
		const char *nm = json_string_value(json_object_get(n, "num"));
		if (k && nm && strcmp(nm, num) == 0 && (strcmp(k, "article") == 0 || strcmp(k, "section") == 0))
			return n;
		json_t *in = find_article(json_object_get(n, "children"), num);
		if (in)
			return in;
	}
	return NULL;
}

void cov_cli_version_line(cov_buf *b, const cov_store_version *v, const char *today)
{
	cov_buf_printf(b, "%s@%s  %s  ", v->work, v->date, v->lang);
	const char *from = v->in_force_from, *until = v->in_force_until;
	if (!*from)
		cov_buf_printf(b, "%s, never in force", v->status);
	else if (strcmp(from, today) > 0)
		cov_buf_printf(b, "%s; in force from %s", v->status, from);
	else if (*until && strcmp(until, today) <= 0)
		cov_buf_printf(b, "was in force %s → %s", from, until);
	else
		cov_buf_printf(b, "in force since %s", from);
	if (strcmp(v->status, "draft") == 0 && *from && strcmp(from, today) <= 0)
		cov_buf_puts(b, " (published as a draft)");
}

int cov_cli_show(int argc, char **argv)
{
	static const struct option extra[] = {{"article", required_argument, NULL, OPT_ARTICLE}, {NULL, 0, NULL, 0}};
	cov_cli_common c = {.cmd = "show", .usage = show_usage, .format = COV_CLI_TREE,
			    .formats = 1u << COV_CLI_TEXT | 1u << COV_CLI_JSON | 1u << COV_CLI_NDJSON | 1u << COV_CLI_TREE |
				       1u << COV_CLI_AKN | 1u << COV_CLI_MD};
	const char *article = NULL;
	int ex = cov_cli_options(&c, argc, argv, extra, on_option, &article);
	if (ex >= 0)
		return ex;
	if (optind != argc - 1)
		return cov_cli_usage_error(&c, "show wants one WORK, WORK@DATE or WORK:DATE");
	const char *ref = argv[optind];
	if (!cov_store_is_ref(ref))
		return cov_cli_usage_error(&c, "'%s' is not WORK, WORK@YYYY-MM-DD or WORK:YYYY-MM-DD", ref);
	if (article && (c.format == COV_CLI_AKN || c.format == COV_CLI_MD))
		return cov_cli_usage_error(&c, "--article works with --format tree, text or json");
	cov_store *st;
	ex = cov_cli_store_open(&c, false, &st);
	if (ex >= 0)
		return ex;
	cov_store_version v = {0};
	cov_buf out;
	cov_buf_init(&out);
	char today[11];
	cov_cli_today(today);
	int rc = cov_store_find(st, ref, c.po.language && strcmp(c.po.language, "auto") ? c.po.language : NULL, &v);
	char *blob = NULL;
	size_t len = 0;
	bool json = c.format == COV_CLI_JSON || c.format == COV_CLI_NDJSON;
	if (rc == COV_OK && article && !json) {
		char *eid, *heading, *text;
		rc = cov_store_article(st, v.id, article, &eid, &heading, &text);
		if (rc == COV_OK) {
			cov_cli_version_line(&out, &v, today);
			cov_buf_printf(&out, "\narticle %s%s%s  (%s)\n", article, *heading ? " — " : "", heading, eid);
			if (c.format == COV_CLI_TEXT)
				cov_buf_printf(&out, "%s\n", text);
			else
				for (char *save = NULL, *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
					cov_buf_printf(&out, "  %s\n", l);
			free(eid);
			free(heading);
			free(text);
		}
	} else if (rc == COV_OK && json) {
		rc = cov_store_get(st, v.id, "tree", &blob, &len);
		if (rc == COV_OK && article) {
			json_error_t err;
			json_t *root = json_loadb(blob, len, 0, &err);
			json_t *node = root ? find_article(json_object_get(root, "nodes"), article) : NULL;
			char *s = node ? json_dumps(node, JSON_INDENT(1) | JSON_PRESERVE_ORDER) : NULL;
			if (!root)
				rc = cov_error_set(COV_EINPUT, "%s: the stored tree is damaged", cov_store_path(st));
			else if (!node)
				rc = cov_error_set(COV_EINPUT, "%s@%s has no article %s", v.work, v.date, article);
			else if (!s)
				rc = cov_error_set(COV_ENOMEM, "out of memory");
			if (rc == COV_OK)
				rc = cov_cli_json_append(&out, s, strlen(s), v.data_hash, c.format, 0, 0);
			free(s);
			json_decref(root);
		} else if (rc == COV_OK) {
			rc = cov_cli_json_append(&out, blob, len, v.data_hash, c.format, 0, 0);
		}
	} else if (rc == COV_OK && c.format == COV_CLI_TEXT) {
		rc = cov_store_get(st, v.id, "text", &blob, &len);
		if (rc == COV_OK)
			cov_buf_put(&out, blob, len);
	} else if (rc == COV_OK) { /* tree, akn, md: rendered from the stored text */
		cov_data *data = NULL;
		rc = cov_data_open(c.data_dir, &data);
		cov_doc *doc = NULL;
		char name[256];
		snprintf(name, sizeof name, "%s@%s", v.work, v.date);
		c.po.language = NULL;
		if (rc == COV_OK)
			rc = cov_cli_store_doc(data, &c, name, &doc);
		static const cov_render_format rf[] = {[COV_CLI_TREE] = COV_RENDER_TREE, [COV_CLI_AKN] = COV_RENDER_AKN,
						       [COV_CLI_MD] = COV_RENDER_MARKDOWN};
		if (rc == COV_OK)
			rc = cov_render_string(doc, rf[c.format], &blob, &len);
		if (rc == COV_OK && c.format == COV_CLI_TREE) {
			cov_cli_version_line(&out, &v, today);
			cov_buf_putc(&out, '\n');
		}
		if (rc == COV_OK)
			cov_buf_put(&out, blob, len);
		cov_doc_free(doc);
		if (data)
			cov_data_free(data);
	}
	if (rc == COV_OK && out.oom)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	free(blob);
	cov_store_version_clear(&v);
	cov_store_close(st);
	if (rc) {
		cov_buf_free(&out);
		return rc == COV_EUSAGE ? cov_cli_usage_error(&c, "%s", cov_error_last()) : cov_cli_fail(rc);
	}
	ex = cov_cli_emit(&c, out.ptr ? out.ptr : "", out.len);
	cov_buf_free(&out);
	return ex;
}
