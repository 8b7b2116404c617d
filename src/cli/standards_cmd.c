/*
 * standards_cmd.c — `covenant standards [ID…] [--format text|json]`: the
 * standards covenant check and diff judge against, as loaded from
 * data/standards/ — each with its articles (what they protect, whom, how
 * they may be limited) and the rules of data/rules.txt that cite them.
 */
#include "cli.h"
#include "../parse/lexicon.h"
#include "../rights/rights.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char standards_usage[] =
	"usage: covenant standards [ID…] [options]\n"
	"\n"
	"List the standards loaded from data/standards/ (or those named: iccpr,\n"
	"icescr …): each article with the right it protects, its holder, how it may\n"
	"be limited and for which aims, whether it may be suspended in an emergency,\n"
	"the named guarantees it holds, and the rules of data/rules.txt whose\n"
	"findings always cite it.  The ids are what `covenant check --standard`\n"
	"takes.\n"
	"\n"
	"options:\n"
	"  -f, --format FMT      text (default), json\n"
	"      --data DIR        covenant's data directory (see covenant --help)\n"
	"  -o, --output FILE     write to FILE instead of standard output\n"
	"  -h, --help            this help\n"
	"\n"
	"exit codes: 0 ok, 1 internal error or output not written, 2 usage,\n"
	"            4 missing or malformed data files\n";

static const char *const limits_names[] = {"absolute", "closed", "arbitrary", "reasonable"};

static const char *limits_name(int l)
{
	return l >= 0 && l < 4 ? limits_names[l] : "";
}

/* The articles of standard `std`, in file order. */
static void articles_of(const struct cov_rights_data *r, size_t std, const cov_std_article **v, size_t *n)
{
	*v = std == 0 ? r->iccpr : r->other;
	*n = std == 0 ? r->n_iccpr : r->n_other;
}

static bool selected(char **ids, int n_ids, const char *id)
{
	if (n_ids == 0)
		return true;
	for (int i = 0; i < n_ids; i++)
		if (strcmp(ids[i], id) == 0)
			return true;
	return false;
}

static json_t *standard_json(const struct cov_rights_data *r, size_t std)
{
	const cov_standard_info *si = &r->standards[std];
	json_t *arts = json_array(), *rules = json_array();
	const cov_std_article *v;
	size_t n;
	articles_of(r, std, &v, &n);
	for (size_t i = 0; i < n; i++) {
		const cov_std_article *a = &v[i];
		if (a->std != std)
			continue;
		json_t *aims = json_array(), *gs = json_array();
		for (size_t k = 0; k < a->n_aims; k++)
			json_array_append_new(aims, json_string(a->aims[k]));
		char id[48];
		snprintf(id, sizeof id, "%s:%d", si->id, a->num);
		for (size_t k = 0; k < r->n_guarantees; k++)
			if (strcmp(r->guarantees[k].standard, id) == 0)
				json_array_append_new(gs, json_pack("{s:s, s:s, s:s}", "name", r->guarantees[k].name, "citation",
								    r->guarantees[k].citation, "right", r->guarantees[k].right));
		json_array_append_new(arts, json_pack("{s:i, s:s, s:s, s:s, s:s, s:o, s:b, s:o, s:s}", "num", a->num, "citation",
						      a->citation, "right", a->right ? a->right : "", "holder",
						      a->holder, "limits", limits_name(a->limits),
						      "aims", aims, "derogable", !a->non_derogable, "guarantees", gs, "cite",
						      a->cite ? a->cite : ""));
	}
	for (size_t k = 0; k < r->n_rules; k++) {
		const cov_rule_info *ri = &r->rules[k];
		if (ri->cites && ri->cites->std == std)
			json_array_append_new(rules, json_pack("{s:s, s:s, s:i, s:s}", "id", ri->id, "severity",
							       cov_severity_name(ri->severity), "article", ri->cites->num,
							       "citation", ri->cites->citation));
	}
	return json_pack("{s:s, s:s, s:s, s:s, s:o, s:o}", "id", si->id, "abbrev", si->abbrev, "title", si->title, "file",
			 si->path, "articles", arts, "rules", rules);
}

static void standard_text(cov_buf *b, const struct cov_rights_data *r, size_t std)
{
	const cov_standard_info *si = &r->standards[std];
	cov_buf_printf(b, "%s  %s — %s  (%s, %zu %s)\n", si->id, si->abbrev, *si->title ? si->title : "(no title)",
		       si->path, si->n_articles, si->n_articles == 1 ? "article" : "articles");
	const cov_std_article *v;
	size_t n;
	articles_of(r, std, &v, &n);
	for (size_t i = 0; i < n; i++) {
		const cov_std_article *a = &v[i];
		if (a->std != std)
			continue;
		cov_buf_printf(b, "  art. %-3d %s  [%s; %s%s", a->num, a->right ? a->right : "",
			       a->holder, limits_name(a->limits),
			       a->non_derogable ? "; non-derogable" : "");
		if (a->n_aims) {
			cov_buf_puts(b, "; aims:");
			for (size_t k = 0; k < a->n_aims; k++)
				cov_buf_printf(b, " %s", a->aims[k]);
		}
		cov_buf_puts(b, "]\n");
		char id[48];
		snprintf(id, sizeof id, "%s:%d", si->id, a->num);
		for (size_t k = 0; k < r->n_guarantees; k++)
			if (strcmp(r->guarantees[k].standard, id) == 0)
				cov_buf_printf(b, "           guarantee %s: %s (%s)\n", r->guarantees[k].name, r->guarantees[k].right,
					       r->guarantees[k].citation);
		size_t n_rules = 0;
		for (size_t k = 0; k < r->n_rules; k++) {
			const cov_rule_info *ri = &r->rules[k];
			if (ri->cites == a)
				cov_buf_printf(b, "%s%s", n_rules++ ? ", " : "           rules: ", ri->id);
		}
		if (n_rules)
			cov_buf_putc(b, '\n');
	}
}

int cov_cli_standards(int argc, char **argv)
{
	cov_cli_common c = {.cmd = "standards", .usage = standards_usage, .format = COV_CLI_TEXT,
			    .formats = 1u << COV_CLI_TEXT | 1u << COV_CLI_JSON};
	int ex = cov_cli_options(&c, argc, argv, NULL, NULL, NULL);
	if (ex >= 0)
		return ex;
	cov_data *data;
	int rc = cov_data_open(c.data_dir, &data);
	if (rc)
		return cov_cli_fail(rc);
	const struct cov_rights_data *r = data->rights;
	char **ids = argv + optind;
	int n_ids = argc - optind;
	for (int i = 0; i < n_ids; i++) {
		bool known = false;
		for (size_t k = 0; k < r->n_standards && !known; k++)
			known = strcmp(r->standards[k].id, ids[i]) == 0;
		if (!known) {
			char list[256] = "";
			for (size_t k = 0; k < r->n_standards; k++) {
				size_t l = strlen(list);
				snprintf(list + l, sizeof list - l, "%s%s", k ? ", " : "", r->standards[k].id);
			}
			cov_data_free(data);
			return cov_cli_usage_error(&c, "unknown standard '%s' (data/standards/ has %s)", ids[i], list);
		}
	}
	cov_buf out;
	cov_buf_init(&out);
	if (c.format == COV_CLI_JSON) {
		char hash[65] = "";
		json_t *arr = json_array();
		for (size_t k = 0; k < r->n_standards; k++)
			if (selected(ids, n_ids, r->standards[k].id))
				json_array_append_new(arr, standard_json(r, k));
		/* the rules whose findings cite an article they choose (a limitation
		 * clause cites the right it restricts) */
		json_t *varying = json_array();
		for (size_t k = 0; k < r->n_rules; k++)
			if (!r->rules[k].cites)
				json_array_append_new(varying, json_string(r->rules[k].id));
		json_t *root = json_pack("{s:i, s:o, s:o}", "format", COV_JSON_FORMAT, "standards", arr, "rules_any_article", varying);
		char *s = root ? json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER) : NULL;
		json_decref(root);
		rc = s ? cov_cli_data_hash(data, hash) : cov_error_set(COV_ENOMEM, "out of memory");
		if (rc == COV_OK)
			rc = cov_cli_json_append(&out, s, strlen(s), hash, COV_CLI_JSON, 0, 0);
		free(s);
	} else {
		size_t shown = 0;
		for (size_t k = 0; k < r->n_standards; k++)
			if (selected(ids, n_ids, r->standards[k].id)) {
				if (shown++)
					cov_buf_putc(&out, '\n');
				standard_text(&out, r, k);
			}
		if (n_ids == 0) {
			cov_buf_puts(&out, "\nrules whose findings cite the article they concern:");
			for (size_t k = 0, n = 0; k < r->n_rules; k++)
				if (!r->rules[k].cites)
					cov_buf_printf(&out, "%s%s", n++ ? ", " : " ", r->rules[k].id);
			cov_buf_putc(&out, '\n');
		}
	}
	cov_data_free(data);
	if (rc == COV_OK && out.oom)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	if (rc) {
		cov_buf_free(&out);
		return cov_cli_fail(rc);
	}
	ex = cov_cli_emit(&c, out.ptr ? out.ptr : "", out.len);
	cov_buf_free(&out);
	return ex;
}
