/*
 * conform_cmd.c — `covenant conform LAW… --from OLD --to NEW`: for every
 * citation of the constitution in each law, where it now lives (unchanged,
 * renumbered with the replacement text, changed with the word diff of the
 * unit, merged, split with the candidates, removed), and every mention of a
 * body the new constitution no longer has, with its likely replacement.
 * OLD and NEW are aligned once (the alignment of `covenant diff`).
 */
#include "cli.h"
#include "../refs/conform.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char conform_usage[] =
	"usage: covenant conform LAW… --from OLD --to NEW [options]\n"
	"\n"
	"Check laws against a new version of the constitution they cite.  OLD and NEW\n"
	"are aligned once, article by article (as covenant diff does); then for every\n"
	"citation of the constitution in each LAW («подпунктом 6) статьи 53 Конституции\n"
	"Республики Казахстан»): unchanged, renumbered (with the replacement text:\n"
	"«статьи 72» → «статьи 73», paragraphs and points too), changed (the word diff\n"
	"of the unit), merged, split, uncertain (candidates with their similarity, no\n"
	"replacement), removed (nothing in NEW is alike) or repealed in OLD already.\n"
	"And the bodies and\n"
	"offices OLD names and NEW does not (outside its transitional provisions),\n"
	"found in the two texts themselves, with every mention in each law and the\n"
	"name that likely replaces them where the alignment shows one.\n"
	"A directory means every file under it.\n"
	"\n"
	"options:\n"
	"      --from OLD        the constitution the laws cite (a file)\n"
	"      --to NEW          the constitution that replaces it (a file)\n"
	"  -f, --format FMT      text (default), json, md\n"
	"      --fail-on removed exit 5 when a law cites a unit that has no counterpart\n"
	"      --mentions        list every mention of a vanished body (by default: one line\n"
	"                        per body and law, with its count and lines)\n"
	COV_CLI_INPUT_HELP
	"\n"
	"exit codes: 0 ok, 1 internal error or output not written, 2 usage,\n"
	"            3 an input unreadable or invalid, 4 missing or malformed data files,\n"
	"            5 --fail-on removed reached\n";

enum { OPT_FROM = 256, OPT_TO, OPT_FAIL_ON, OPT_MENTIONS };

typedef struct conform_opts {
	cov_cli_common *c;
	const char *from, *to;
	bool fail_on_removed;
	bool mentions;
} conform_opts;

static int on_option(int code, const char *arg, void *ctx)
{
	conform_opts *o = ctx;
	if (code == OPT_FROM)
		o->from = arg;
	else if (code == OPT_TO)
		o->to = arg;
	else if (code == OPT_MENTIONS)
		o->mentions = true;
	else if (strcmp(arg, "removed") == 0)
		o->fail_on_removed = true;
	else
		return cov_cli_usage_error(o->c, "--fail-on takes 'removed', not '%s'", arg);
	return 0;
}

static const char *severity(conf_status s)
{
	switch (s) {
	case CONF_REMOVED: return "high";
	case CONF_UNCERTAIN:
	case CONF_REPEALED:
	case CONF_SPLIT:
	case CONF_MERGED:
	case CONF_CHANGED:
	case CONF_UNRESOLVED: return "medium";
	case CONF_RENUMBERED: return "low";
	default: return "none";
	}
}

static char *flat(const char *s, size_t a, size_t e)
{
	cov_buf b;
	cov_buf_init(&b);
	conf_put_flat(&b, s, a, e);
	return b.ptr ? cov_buf_detach(&b, NULL) : calloc(1, 1);
}

static const char *num_of(const cov_node *n) { return n ? cov_node_num(n) : ""; }

static const cov_node *article_of(const cov_node *n, const cov_doc *d)
{
	for (; n; n = cov_node_parent(n))
		if (cov_node_kind_of(n) == cov_doc_primary_kind(d))
			return n;
	return NULL;
}

/* ---- text and Markdown ---- */

/* "sec_IV__art_60__para_4, part 1 (0.83)" */
static void put_cand(cov_buf *b, const cov_node *n, unsigned part, double sim)
{
	cov_buf_puts(b, cov_node_eid(n));
	if (part)
		cov_buf_printf(b, ", part %u", part);
	cov_buf_printf(b, " (%.2f)", sim);
}

/* The redline, cut after `max` bytes (at a character) in text and Markdown. */
static void put_redline(cov_buf *b, const char *red, size_t max)
{
	size_t n = strlen(red);
	if (n <= max) {
		cov_buf_puts(b, red);
		return;
	}
	size_t cut = max;
	while (cut > 0 && ((unsigned char)red[cut] & 0xC0) == 0x80)
		cut--;
	cov_buf_put(b, red, cut);
	cov_buf_printf(b, " … (%zu more bytes of the diff: -f json has it all)", n - cut);
}

static void text_law(cov_buf *b, const conf_ctx *ctx, const conf_law *l, const cov_doc *old, const cov_doc *nw,
		     bool md, bool all_mentions)
{
	const char *lt = cov_doc_text(l->law, NULL);
	if (md)
		cov_buf_printf(b, "\n## %s\n\n", cov_doc_name(l->law));
	else
		cov_buf_printf(b, "\n%s\n", cov_doc_name(l->law));
	if (l->is_constitution) {
		cov_buf_printf(b, "%sskipped: a constitution, not a law citing one\n", md ? "" : "  ");
		return;
	}
	cov_buf_printf(b, "%s%zu citations of the constitution: %zu unchanged, %zu renumbered, %zu changed, %zu merged, "
		       "%zu split, %zu uncertain, %zu removed, %zu repealed before, %zu not in the old text; "
		       "%zu mentions of bodies the new text does not have\n%s",
		       md ? "" : "  ", l->n_c, l->counts[CONF_UNCHANGED], l->counts[CONF_RENUMBERED],
		       l->counts[CONF_CHANGED], l->counts[CONF_MERGED], l->counts[CONF_SPLIT], l->counts[CONF_UNCERTAIN],
		       l->counts[CONF_REMOVED], l->counts[CONF_REPEALED], l->counts[CONF_UNRESOLVED], l->n_m,
		       md ? "\n" : "\n");
	for (size_t i = 0; i < l->n_c; i++) {
		const conf_cite *c = &l->c[i];
		const cov_citation *ct = c->cite;
		const cov_node *oa = article_of(c->old_node, old), *na = article_of(c->new_node, nw);
		if (md)
			cov_buf_printf(b, "- line %zu **%s** «%s»", ct->line, conf_status_name(c->status), c->old_text);
		else
			cov_buf_printf(b, "  line %-5zu %-10s «%s»", ct->line, conf_status_name(c->status), c->old_text);
		switch (c->status) {
		case CONF_RENUMBERED:
		case CONF_MERGED:
			if (c->proposal)
				cov_buf_printf(b, " → «%s»", c->proposal);
			cov_buf_printf(b, "  (article %s → %s%s%s, similarity %.2f)", num_of(oa), num_of(na),
				       c->status == CONF_MERGED ? ", merged with others" : "",
				       c->wording_changed ? ", wording changed" : "", c->similarity);
			break;
		case CONF_CHANGED:
			cov_buf_printf(b, "  (article %s, %s, similarity %.2f)", num_of(oa), cov_node_eid(c->new_node),
				       c->similarity);
			break;
		case CONF_SPLIT:
			cov_buf_puts(b, "  split into articles");
			for (size_t k = 0; k < c->n_cands; k++)
				cov_buf_printf(b, "%s %s", k ? "," : "", num_of(c->cands[k]));
			if (c->new_node)
				cov_buf_printf(b, "; the unit is most like %s (%.2f)", cov_node_eid(c->new_node),
					       c->similarity);
			cov_buf_puts(b, "; no replacement proposed");
			break;
		case CONF_UNCERTAIN:
			cov_buf_printf(b, "  no clear counterpart of %s", cov_node_eid(c->old_node));
			if (c->old_part)
				cov_buf_printf(b, ", part %u", c->old_part);
			cov_buf_puts(b, "; most like ");
			for (size_t k = 0; k < c->n_cands; k++) {
				if (k)
					cov_buf_puts(b, ", ");
				put_cand(b, c->cands[k], c->cand_part[k], c->cand_sim[k]);
			}
			cov_buf_puts(b, "; no replacement proposed: read them");
			break;
		case CONF_REMOVED:
			cov_buf_printf(b, "  HIGH: %s has no counterpart in the new text (no unit shares 30%% of its "
					  "distinctive words; the nearest %.2f)",
				       cov_node_eid(c->old_node), c->similarity);
			break;
		case CONF_REPEALED:
			cov_buf_printf(b, "  %s was repealed in the old text already: the law cites a unit not in force",
				       cov_node_eid(c->old_node));
			break;
		case CONF_UNRESOLVED:
			cov_buf_puts(b, "  the old text has no such unit");
			break;
		default:
			break;
		}
		cov_buf_putc(b, '\n');
		if (c->wording_changed && (c->status == CONF_CHANGED || c->status == CONF_RENUMBERED ||
					   c->status == CONF_MERGED)) {
			char *red = conf_unit_redline(ctx, c);
			if (red && red[0]) {
				cov_buf_puts(b, md ? "  - " : "              ");
				put_redline(b, red, 600);
				cov_buf_putc(b, '\n');
			}
			free(red);
		}
	}
	if (!l->n_m)
		return;
	cov_buf_puts(b, md ? "\nMentions of bodies the new text does not have:\n\n" :
			     "  mentions of bodies the new text does not have:\n");
	if (all_mentions) {
		for (size_t i = 0; i < l->n_m; i++) {
			const conf_mention *m = &l->m[i];
			const conf_vanished *v = conf_vanished_get(ctx, m->vanished);
			char *q = flat(lt, m->start, m->end);
			const char *r = conf_replacement_for(v, q);
			cov_buf_printf(b, md ? "- line %zu «%s»  %s" : "  line %-5zu «%s»  %s", m->line, q ? q : "",
				       v->name);
			if (r)
				cov_buf_printf(b, " → likely «%s»", r);
			cov_buf_putc(b, '\n');
			free(q);
		}
		return;
	}
	/* one line per body: its count, its lines, its forms and their replacements */
	for (size_t v_i = 0; v_i < conf_vanished_count(ctx); v_i++) {
		const conf_vanished *v = conf_vanished_get(ctx, v_i);
		size_t count = 0, shown = 0, last_line = 0;
		for (size_t i = 0; i < l->n_m; i++)
			count += l->m[i].vanished == v_i;
		if (!count)
			continue;
		cov_buf_printf(b, md ? "- «%s»: %zu mention%s, lines " : "    «%s»  %zu mention%s, lines ", v->name, count,
			       count == 1 ? "" : "s");
		for (size_t i = 0; i < l->n_m; i++) {
			if (l->m[i].vanished != v_i || l->m[i].line == last_line)
				continue;
			last_line = l->m[i].line;
			if (shown == 12) {
				cov_buf_puts(b, ", …");
				break;
			}
			cov_buf_printf(b, "%s%zu", shown ? ", " : "", l->m[i].line);
			shown++;
		}
		if (v->replacement) {
			cov_buf_printf(b, " → likely «%s»", v->replacement);
			/* the forms this law uses, each with the replacement in its case */
			const char *seen[16];
			size_t n_seen = 0;
			char *forms[16] = {0};
			for (size_t i = 0; i < l->n_m && n_seen < 16; i++) {
				if (l->m[i].vanished != v_i)
					continue;
				char *q = flat(lt, l->m[i].start, l->m[i].end);
				bool dup = !q;
				for (size_t k = 0; q && k < n_seen; k++)
					dup |= strcmp(seen[k], q) == 0;
				if (dup) {
					free(q);
					continue;
				}
				forms[n_seen] = q;
				seen[n_seen++] = q;
			}
			cov_buf_puts(b, " (");
			for (size_t k = 0; k < n_seen; k++) {
				cov_buf_printf(b, "%s«%s» → «%s»", k ? ", " : "", seen[k], conf_replacement_for(v, seen[k]));
				free(forms[k]);
			}
			cov_buf_putc(b, ')');
		}
		cov_buf_putc(b, '\n');
	}
}

static void summary_table(cov_buf *b, conf_law *const *laws, size_t n, bool md)
{
	if (md) {
		cov_buf_puts(b, "\n## Summary\n\n| law | citations | unchanged | renumbered | changed | merged | split | "
				"uncertain | removed | repealed before | not in old | vanished bodies |\n"
				"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
	} else {
		cov_buf_printf(b, "\nSummary\n  %-40s %5s %5s %5s %5s %5s %5s %5s %5s %5s %5s %6s\n", "law", "cites", "same",
			       "renum", "chang", "merge", "split", "uncer", "remov", "repea", "notin", "bodies");
	}
	for (size_t i = 0; i < n; i++) {
		const conf_law *l = laws[i];
		const char *name = cov_doc_name(l->law);
		const char *slash = strrchr(name, '/');
		if (slash)
			name = slash + 1;
		if (md)
			cov_buf_printf(b, "| %s | %zu | %zu | %zu | %zu | %zu | %zu | %zu | %zu | %zu | %zu | %zu |\n", name,
				       l->n_c, l->counts[CONF_UNCHANGED], l->counts[CONF_RENUMBERED],
				       l->counts[CONF_CHANGED], l->counts[CONF_MERGED], l->counts[CONF_SPLIT],
				       l->counts[CONF_UNCERTAIN], l->counts[CONF_REMOVED], l->counts[CONF_REPEALED],
				       l->counts[CONF_UNRESOLVED], l->n_m);
		else
			cov_buf_printf(b, "  %-40.40s %5zu %5zu %5zu %5zu %5zu %5zu %5zu %5zu %5zu %5zu %6zu\n", name, l->n_c,
				       l->counts[CONF_UNCHANGED], l->counts[CONF_RENUMBERED], l->counts[CONF_CHANGED],
				       l->counts[CONF_MERGED], l->counts[CONF_SPLIT], l->counts[CONF_UNCERTAIN],
				       l->counts[CONF_REMOVED], l->counts[CONF_REPEALED], l->counts[CONF_UNRESOLVED], l->n_m);
	}
}

static void text_vanished(cov_buf *b, const conf_ctx *ctx, bool md)
{
	size_t n = conf_vanished_count(ctx);
	cov_buf_printf(b, md ? "\n## Bodies the new text does not have (%zu)\n\n" : "\nBodies the new text does not have (%zu)\n", n);
	for (size_t i = 0; i < n; i++) {
		const conf_vanished *v = conf_vanished_get(ctx, i);
		cov_buf_printf(b, "%s«%s» (%zu in the old text", md ? "- " : "  ", v->name, v->old_count);
		if (v->long_name)
			cov_buf_printf(b, ", as in «%s»", v->long_name);
		cov_buf_putc(b, ')');
		if (v->replacement)
			cov_buf_printf(b, " → likely «%s» (the word diff puts it in its place %zu times, as in old article "
					  "%s → new article %s)",
				       v->replacement, v->evidence, num_of(v->old_unit), num_of(v->new_unit));
		else
			cov_buf_puts(b, " → no replacement shown by the alignment");
		cov_buf_putc(b, '\n');
	}
}

/* ---- JSON ---- */

static json_t *json_law(const conf_ctx *ctx, const conf_law *l, const cov_doc *old, const cov_doc *nw)
{
	const char *lt = cov_doc_text(l->law, NULL);
	json_t *o = json_object(), *cites = json_array(), *ments = json_array(), *sum = json_object();
	json_object_set_new(o, "file", json_string(cov_doc_name(l->law)));
	if (l->is_constitution)
		json_object_set_new(o, "skipped", json_string("a constitution, not a law citing one"));
	json_object_set_new(sum, "citations", json_integer((json_int_t)l->n_c));
	for (int s = 0; s < CONF_COUNT; s++)
		json_object_set_new(sum, conf_status_name((conf_status)s), json_integer((json_int_t)l->counts[s]));
	json_object_set_new(sum, "vanished_mentions", json_integer((json_int_t)l->n_m));
	json_object_set_new(o, "summary", sum);
	for (size_t i = 0; i < l->n_c; i++) {
		const conf_cite *c = &l->c[i];
		json_t *x = json_object();
		char *q = flat(lt, c->cite->start, c->cite->end);
		json_object_set_new(x, "line", json_integer((json_int_t)c->cite->line));
		json_object_set_new(x, "start", json_integer((json_int_t)c->cite->start));
		json_object_set_new(x, "end", json_integer((json_int_t)c->cite->end));
		json_object_set_new(x, "quote", json_string(q ? q : ""));
		json_object_set_new(x, "citation", json_string(c->old_text));
		json_object_set_new(x, "status", json_string(conf_status_name(c->status)));
		json_object_set_new(x, "severity", json_string(severity(c->status)));
		json_object_set_new(x, "old", c->old_node ? json_string(cov_node_eid(c->old_node)) : json_string(""));
		json_object_set_new(x, "new", c->new_node ? json_string(cov_node_eid(c->new_node)) : json_string(""));
		json_object_set_new(x, "wording_changed", json_boolean(c->wording_changed));
		if (c->old_node && c->new_node)
			json_object_set_new(x, "similarity", json_real((double)(int)(c->similarity * 1000) / 1000));
		if (c->proposal)
			json_object_set_new(x, "proposal", json_string(c->proposal));
		if (c->n_cands) {
			json_t *cand = json_array();
			for (size_t k = 0; k < c->n_cands; k++)
				json_array_append_new(cand, json_string(cov_node_eid(c->cands[k])));
			json_object_set_new(x, "candidates", cand);
			if (c->status == CONF_UNCERTAIN) {
				json_t *sims = json_array(), *parts = json_array();
				for (size_t k = 0; k < c->n_cands; k++) {
					json_array_append_new(sims, json_real((double)(int)(c->cand_sim[k] * 1000) / 1000));
					json_array_append_new(parts, json_integer((json_int_t)c->cand_part[k]));
				}
				json_object_set_new(x, "candidate_similarity", sims);
				json_object_set_new(x, "candidate_part", parts);
			}
		}
		if (c->old_part)
			json_object_set_new(x, "part", json_integer((json_int_t)c->old_part));
		if (c->wording_changed) {
			char *red = conf_unit_redline(ctx, c);
			if (red && red[0])
				json_object_set_new(x, "redline", json_string(red));
			free(red);
		}
		free(q);
		json_array_append_new(cites, x);
	}
	for (size_t i = 0; i < l->n_m; i++) {
		const conf_mention *m = &l->m[i];
		json_t *x = json_object();
		char *q = flat(lt, m->start, m->end);
		json_object_set_new(x, "line", json_integer((json_int_t)m->line));
		json_object_set_new(x, "start", json_integer((json_int_t)m->start));
		json_object_set_new(x, "end", json_integer((json_int_t)m->end));
		json_object_set_new(x, "quote", json_string(q ? q : ""));
		const conf_vanished *v = conf_vanished_get(ctx, m->vanished);
		const char *r = conf_replacement_for(v, q);
		json_object_set_new(x, "body", json_string(v->name));
		json_object_set_new(x, "replacement", r ? json_string(r) : json_string(""));
		json_object_set_new(x, "source", json_string(cov_node_eid(m->source)));
		free(q);
		json_array_append_new(ments, x);
	}
	json_object_set_new(o, "citations", cites);
	json_object_set_new(o, "mentions", ments);
	(void)old;
	(void)nw;
	return o;
}

static json_t *json_vanished(const conf_ctx *ctx)
{
	json_t *a = json_array();
	for (size_t i = 0; i < conf_vanished_count(ctx); i++) {
		const conf_vanished *v = conf_vanished_get(ctx, i);
		json_t *x = json_object();
		json_object_set_new(x, "name", json_string(v->name));
		json_object_set_new(x, "key", json_string(v->key));
		if (v->long_name)
			json_object_set_new(x, "long_name", json_string(v->long_name));
		json_object_set_new(x, "old_count", json_integer((json_int_t)v->old_count));
		json_object_set_new(x, "replacement", v->replacement ? json_string(v->replacement) : json_string(""));
		json_object_set_new(x, "evidence", json_integer((json_int_t)v->evidence));
		json_object_set_new(x, "old_article", v->old_unit ? json_string(cov_node_eid(v->old_unit)) : json_string(""));
		json_object_set_new(x, "new_article", v->new_unit ? json_string(cov_node_eid(v->new_unit)) : json_string(""));
		json_array_append_new(a, x);
	}
	return a;
}

int cov_cli_conform(int argc, char **argv)
{
	static const struct option extra[] = {{"from", required_argument, NULL, OPT_FROM},
					      {"to", required_argument, NULL, OPT_TO},
					      {"fail-on", required_argument, NULL, OPT_FAIL_ON},
					      {"mentions", no_argument, NULL, OPT_MENTIONS},
					      {NULL, 0, NULL, 0}};
	cov_cli_common c = {.cmd = "conform", .usage = conform_usage, .format = COV_CLI_TEXT,
			    .formats = 1u << COV_CLI_TEXT | 1u << COV_CLI_JSON | 1u << COV_CLI_MD};
	conform_opts o = {&c, NULL, NULL, false, false};
	int ex = cov_cli_options(&c, argc, argv, extra, on_option, &o);
	if (ex >= 0)
		return ex;
	if (!o.from || !o.to)
		return cov_cli_usage_error(&c, "conform wants --from OLD and --to NEW");
	if (optind >= argc)
		return cov_cli_usage_error(&c, "conform wants at least one LAW (a file or directory)");
	cov_cli_inputs in;
	ex = cov_cli_inputs_expand(&c, &in, argv + optind, argc - optind);
	if (ex >= 0) {
		cov_cli_inputs_free(&in);
		return ex;
	}
	cov_data *data = NULL;
	cov_doc *old = NULL, *nw = NULL;
	cov_comparison *cmp = NULL;
	conf_ctx *ctx = NULL;
	int rc = cov_data_open(c.data_dir, &data);
	if (rc == COV_OK)
		rc = cov_cli_parse_input(data, &c, o.from, &old);
	if (rc == COV_OK)
		rc = cov_cli_parse_input(data, &c, o.to, &nw);
	if (rc == COV_OK)
		rc = cov_diff_ex(data, old, nw, COV_DIFF_NO_IMPACT, &cmp);
	if (rc == COV_OK)
		rc = conf_open(data, cmp, &ctx);
	conf_law **laws = NULL;
	size_t n_laws = 0, n_bad = in.n_errors, removed = 0;
	cov_buf errs;
	cov_buf_init(&errs);
	cov_buf_put(&errs, in.errors.ptr ? in.errors.ptr : "", in.errors.len);
	if (rc == COV_OK && in.n && !(laws = calloc(in.n, sizeof *laws)))
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	cov_doc **docs = rc == COV_OK ? calloc(in.n ? in.n : 1, sizeof *docs) : NULL;
	if (rc == COV_OK && !docs)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	for (size_t i = 0; rc == COV_OK && i < in.n; i++) {
		cov_doc *law;
		rc = cov_cli_parse_input(data, &c, in.paths[i], &law);
		if (rc == COV_OK) {
			docs[n_laws] = law;
			rc = conf_check_law(ctx, data, law, &laws[n_laws]);
			if (rc == COV_OK) {
				removed += laws[n_laws]->counts[CONF_REMOVED];
				if (laws[n_laws]->is_constitution)
					cov_buf_printf(&errs, "covenant: %s: a constitution, not a law citing one: skipped\n",
						       in.paths[i]);
			}
			n_laws++;
		}
		if (rc == COV_EINPUT || rc == COV_EIO) {
			cov_buf_printf(&errs, "covenant: %s\n", cov_cli_error_message());
			n_bad++;
			rc = COV_OK;
		}
	}
	cov_cli_inputs_free(&in);
	cov_buf out;
	cov_buf_init(&out);
	if (rc == COV_OK) {
		if (c.format == COV_CLI_JSON) {
			char hash[65];
			rc = cov_cli_data_hash(data, hash);
			json_t *root = json_object(), *arr = json_array();
			json_object_set_new(root, "format", json_integer(COV_JSON_FORMAT));
			json_object_set_new(root, "from", json_string(cov_doc_name(old)));
			json_object_set_new(root, "to", json_string(cov_doc_name(nw)));
			json_object_set_new(root, "vanished", json_vanished(ctx));
			for (size_t i = 0; i < n_laws; i++)
				json_array_append_new(arr, json_law(ctx, laws[i], old, nw));
			json_object_set_new(root, "laws", arr);
			char *s = json_dumps(root, JSON_INDENT(1));
			json_decref(root);
			if (!s && rc == COV_OK)
				rc = cov_error_set(COV_ENOMEM, "out of memory");
			if (rc == COV_OK)
				rc = cov_cli_json_append(&out, s, strlen(s), hash, c.format, 0, 0);
			free(s);
		} else {
			bool md = c.format == COV_CLI_MD;
			cov_buf_printf(&out, md ? "# Conformity with %s\n\nCitations of %s, followed to %s.\n" :
						  "covenant conform: laws against %s\n(citations of %s, followed to %s)\n",
				       cov_doc_name(nw), cov_doc_name(old), cov_doc_name(nw));
			text_vanished(&out, ctx, md);
			for (size_t i = 0; i < n_laws; i++)
				text_law(&out, ctx, laws[i], old, nw, md, o.mentions);
			summary_table(&out, laws, n_laws, md);
		}
		if (rc == COV_OK && out.oom)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
	}
	int code;
	if (rc != COV_OK) {
		fputs(errs.ptr ? errs.ptr : "", stderr);
		code = cov_cli_fail(rc);
	} else {
		code = n_laws ? cov_cli_emit(&c, out.ptr ? out.ptr : "", out.len) : 0;
		fputs(errs.ptr ? errs.ptr : "", stderr);
		if (!code)
			code = n_bad ? 3 : (o.fail_on_removed && removed) ? 5 : 0;
	}
	for (size_t i = 0; i < n_laws; i++) {
		conf_law_free(laws[i]);
		cov_doc_free(docs[i]);
	}
	free(laws);
	free(docs);
	cov_buf_free(&out);
	cov_buf_free(&errs);
	conf_free(ctx);
	cov_comparison_free(cmp);
	cov_doc_free(old);
	cov_doc_free(nw);
	cov_data_free(data);
	return code;
}
