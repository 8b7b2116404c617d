/*
 * refs_cmd.c — `covenant refs FILE [--format text|json|md]`: every
 * citation of a text with its place, its words, the unit it names and
 * whether that unit exists; citations of units the text does not have are
 * listed apart (a drafting error a commission wants to know about).
 */
#include "cli.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char refs_usage[] =
	"usage: covenant refs FILE [options]\n"
	"\n"
	"List the citations of a text — «пунктом 3 статьи 25 настоящего Конституционного\n"
	"закона», «подпунктами 2) и 3) пункта 1 статьи 72 Конституции», \"sections 12 to\n"
	"15\", \"paragraph (b) of subsection (3) of section 12 of the Interpretation Act\" —\n"
	"with their line and byte span, the words quoted, the unit cited (its eId when it\n"
	"is in the same text) and whether it exists.  Citations of units the text does\n"
	"not have are listed at the end.  The grammar is data: data/refs/LANG.txt.\n"
	"\n"
	"options:\n"
	"  -f, --format FMT      text (default), json (one object), md\n"
	"      --missing         only the internal citations of units that do not exist\n"
	COV_CLI_INPUT_HELP
	"\n"
	"exit codes: 0 ok, 1 internal error or output not written, 2 usage,\n"
	"            3 unreadable or invalid input, 4 missing or malformed data files\n";

enum { OPT_MISSING = 256 };

static const char *scope_name(cov_cite_scope s)
{
	switch (s) {
	case COV_CITE_CONSTITUTION: return "constitution";
	case COV_CITE_OTHER_ACT: return "other-act";
	default: return "internal";
	}
}

static int on_option(int code, const char *arg, void *ctx)
{
	(void)arg;
	if (code == OPT_MISSING)
		*(bool *)ctx = true;
	return 0;
}

/* The quoted words, on one line. */
static void put_quote(cov_buf *b, const char *text, size_t a, size_t e)
{
	bool space = false;
	for (size_t i = a; i < e; i++) {
		char ch = text[i];
		if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
			space = true;
			continue;
		}
		if (space)
			cov_buf_putc(b, ' ');
		space = false;
		cov_buf_putc(b, ch);
	}
}

static char *quote_str(const char *text, size_t a, size_t e)
{
	cov_buf b;
	cov_buf_init(&b);
	put_quote(&b, text, a, e);
	if (b.oom) {
		cov_buf_free(&b);
		return NULL;
	}
	return b.ptr ? cov_buf_detach(&b, NULL) : calloc(1, 1);
}

static bool missing(const cov_citation *ct)
{
	return ct->scope == COV_CITE_INTERNAL && !ct->target && !ct->in_note;
}

static int render_json(const cov_doc *doc, const cov_refs *refs, bool only_missing, char **out, size_t *len)
{
	const char *text = cov_doc_text(doc, NULL);
	json_t *root = json_object(), *arr = json_array();
	size_t counts[3] = {0}, n_missing = 0;
	json_object_set_new(root, "format", json_integer(COV_JSON_FORMAT));
	json_object_set_new(root, "file", json_string(cov_doc_name(doc)));
	json_object_set_new(root, "language", json_string(cov_doc_language(doc)));
	for (size_t i = 0; i < cov_refs_count(refs); i++) {
		const cov_citation *ct = cov_refs_get(refs, i);
		counts[ct->scope]++;
		n_missing += missing(ct);
		if (only_missing && !missing(ct))
			continue;
		json_t *o = json_object();
		char *q = quote_str(text, ct->start, ct->end);
		char *label = cov_cite_label(ct);
		json_object_set_new(o, "line", json_integer((json_int_t)ct->line));
		json_object_set_new(o, "start", json_integer((json_int_t)ct->start));
		json_object_set_new(o, "end", json_integer((json_int_t)ct->end));
		json_object_set_new(o, "text", json_string(q ? q : ""));
		json_object_set_new(o, "scope", json_string(scope_name(ct->scope)));
		json_object_set_new(o, "cites", json_string(label ? label : ""));
		json_t *steps = json_array();
		for (size_t k = 0; k < ct->n_steps; k++) {
			const cov_cite_step *s = &ct->steps[k];
			json_t *so = json_object();
			json_object_set_new(so, "kind", json_string(s->kind == COV_NODE_KIND_COUNT ? "any" : cov_node_kind_name(s->kind)));
			json_object_set_new(so, "num", json_string(s->num));
			json_object_set_new(so, "num_start", json_integer((json_int_t)s->num_start));
			json_object_set_new(so, "num_end", json_integer((json_int_t)s->num_end));
			if (s->within)
				json_object_set_new(so, "within", json_true());
			json_array_append_new(steps, so);
		}
		json_object_set_new(o, "steps", steps);
		if (ct->act_end > ct->act_start) {
			char *act = quote_str(text, ct->act_start, ct->act_end);
			json_object_set_new(o, "act", json_string(act ? act : ""));
			free(act);
		}
		json_object_set_new(o, "source", json_string(ct->source ? cov_node_eid(ct->source) : ""));
		if (ct->in_note)
			json_object_set_new(o, "in_note", json_true());
		if (ct->scope == COV_CITE_INTERNAL) {
			json_object_set_new(o, "target", ct->target ? json_string(cov_node_eid(ct->target)) : json_string(""));
			json_object_set_new(o, "exists", json_boolean(ct->target != NULL));
		}
		free(q);
		free(label);
		json_array_append_new(arr, o);
	}
	json_t *sum = json_object();
	json_object_set_new(sum, "citations", json_integer((json_int_t)cov_refs_count(refs)));
	json_object_set_new(sum, "internal", json_integer((json_int_t)counts[COV_CITE_INTERNAL]));
	json_object_set_new(sum, "constitution", json_integer((json_int_t)counts[COV_CITE_CONSTITUTION]));
	json_object_set_new(sum, "other_act", json_integer((json_int_t)counts[COV_CITE_OTHER_ACT]));
	json_object_set_new(sum, "missing", json_integer((json_int_t)n_missing));
	json_object_set_new(root, "summary", sum);
	json_object_set_new(root, "citations", arr);
	char *s = json_dumps(root, JSON_INDENT(1) | JSON_ENSURE_ASCII * 0);
	json_decref(root);
	if (!s)
		return cov_error_set(COV_ENOMEM, "out of memory");
	*out = s;
	*len = strlen(s);
	return COV_OK;
}

static void render_text(const cov_doc *doc, const cov_refs *refs, bool md, bool only_missing, cov_buf *b)
{
	const char *text = cov_doc_text(doc, NULL);
	size_t counts[3] = {0}, n_missing = 0;
	for (size_t i = 0; i < cov_refs_count(refs); i++) {
		const cov_citation *ct = cov_refs_get(refs, i);
		counts[ct->scope]++;
		n_missing += missing(ct);
	}
	size_t n = cov_refs_count(refs);
	if (md)
		cov_buf_printf(b, "# Citations in %s\n\n", cov_doc_name(doc));
	else
		cov_buf_printf(b, "covenant refs: %s\n", cov_doc_name(doc));
	cov_buf_printf(b, "%zu citation%s: %zu internal, %zu of the constitution, %zu of other acts; %zu internal "
		       "citation%s of units the text does not have\n",
		       n, n == 1 ? "" : "s", counts[0], counts[1], counts[2], n_missing, n_missing == 1 ? "" : "s");
	if (md)
		cov_buf_puts(b, "\n| line | citation | cites | target |\n|---|---|---|---|\n");
	else
		cov_buf_putc(b, '\n');
	for (int pass = only_missing ? 1 : 0; pass < 2; pass++) {
		if (pass == 1 && n_missing && !md)
			cov_buf_puts(b, only_missing ? "" : "\nCitations of units that do not exist\n");
		for (size_t i = 0; i < n; i++) {
			const cov_citation *ct = cov_refs_get(refs, i);
			if (pass == 1 && !missing(ct))
				continue;
			if (pass == 1 && md && !only_missing)
				continue; /* the table already marks them */
			char *label = cov_cite_label(ct);
			const char *where = ct->scope == COV_CITE_INTERNAL
				? (ct->target ? cov_node_eid(ct->target) : "MISSING")
				: ct->scope == COV_CITE_CONSTITUTION ? "constitution" : "other act";
			if (md) {
				cov_buf_printf(b, "| %zu | «", ct->line);
				put_quote(b, text, ct->start, ct->end);
				cov_buf_printf(b, "» | %s | %s%s%s |\n", label ? label : "", ct->target ? "`" : "", where,
					       ct->target ? "`" : "");
			} else {
				cov_buf_printf(b, "  line %-6zu %s%s  «", ct->line, pass == 1 ? "MISSING  " : "",
					       ct->in_note ? "(note) " : "");
				put_quote(b, text, ct->start, ct->end);
				cov_buf_printf(b, "»  → %s: %s", where, label ? label : "");
				if (ct->scope != COV_CITE_INTERNAL && ct->act_end > ct->act_start) {
					cov_buf_puts(b, " in «");
					put_quote(b, text, ct->act_start, ct->act_end);
					cov_buf_puts(b, "»");
				}
				cov_buf_printf(b, "  [bytes %zu–%zu]\n", ct->start, ct->end);
			}
			free(label);
		}
	}
}

int cov_cli_refs(int argc, char **argv)
{
	static const struct option extra[] = {{"missing", no_argument, NULL, OPT_MISSING}, {NULL, 0, NULL, 0}};
	cov_cli_common c = {.cmd = "refs", .usage = refs_usage, .format = COV_CLI_TEXT,
			    .formats = 1u << COV_CLI_TEXT | 1u << COV_CLI_JSON | 1u << COV_CLI_MD};
	bool only_missing = false;
	int ex = cov_cli_options(&c, argc, argv, extra, on_option, &only_missing);
	if (ex >= 0)
		return ex;
	if (optind != argc - 1)
		return cov_cli_usage_error(&c, "refs wants exactly one FILE (or - for standard input)");
	cov_data *data;
	int rc = cov_data_open(c.data_dir, &data);
	if (rc)
		return cov_cli_fail(rc);
	cov_doc *doc = NULL;
	cov_refs *refs = NULL;
	rc = cov_cli_parse_input(data, &c, argv[optind], &doc);
	if (rc == COV_OK)
		rc = cov_refs_find(data, doc, &refs);
	cov_buf out;
	cov_buf_init(&out);
	if (rc == COV_OK) {
		if (c.format == COV_CLI_JSON) {
			char *s = NULL, hash[65];
			size_t len = 0;
			rc = cov_cli_data_hash(data, hash);
			if (rc == COV_OK)
				rc = render_json(doc, refs, only_missing, &s, &len);
			if (rc == COV_OK)
				rc = cov_cli_json_append(&out, s, len, hash, c.format, 0, 0);
			free(s);
		} else {
			render_text(doc, refs, c.format == COV_CLI_MD, only_missing, &out);
		}
		if (rc == COV_OK && out.oom)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
	}
	cov_refs_free(refs);
	cov_doc_free(doc);
	cov_data_free(data);
	if (rc) {
		cov_buf_free(&out);
		return cov_cli_fail(rc);
	}
	ex = cov_cli_emit(&c, out.ptr ? out.ptr : "", out.len);
	cov_buf_free(&out);
	return ex;
}
