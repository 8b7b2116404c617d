/*
 * fuzz_refs.c — libFuzzer target for the citation finder (covenant refs)
 * and conformity (covenant conform).  The first byte picks the language
 * (en or ru, whose grammars data/refs/ has); the rest is cut at 0x1E bytes
 * into a law, and optionally an old and a new constitution.  The law's
 * citations are found, resolved, labelled and written into Akoma Ntoso;
 * with both constitutions, the law is followed from the old to the new.
 * Checked: every citation lies inside the law's text, its steps' numbers
 * inside the citation, its units in the law; every conform verdict names
 * units of the right texts.
 */
#include "fuzz_common.h"
#include "refs/conform.h"

#include <string.h>

static cov_doc *parse(const cov_data *data, const char *s, size_t n, const char *lang)
{
	cov_parse_options o = {.format = COV_FORMAT_TEXT, .language = lang};
	cov_doc *doc;
	return cov_doc_parse_buffer(data, s, n, "fuzz", &o, &doc) == COV_OK ? doc : NULL;
}

static void refs(const cov_data *data, const cov_doc *law)
{
	cov_refs *r;
	if (cov_refs_find(data, law, &r) != COV_OK)
		return;
	size_t n;
	cov_doc_text(law, &n);
	for (size_t i = 0; i < cov_refs_count(r); i++) {
		const cov_citation *c = cov_refs_get(r, i);
		if (c->start > c->end || c->end > n || c->line < 1 || c->act_start > c->act_end || c->act_end > n ||
		    (c->source && !fuzz_node_in(law, c->source)) || (c->target && !fuzz_node_in(law, c->target)))
			abort();
		for (size_t k = 0; k < c->n_steps; k++) {
			const cov_cite_step *s = &c->steps[k];
			if (!s->num || s->num_start > s->num_end || s->num_end > n || s->word_start > s->word_end ||
			    s->word_end > n)
				abort();
		}
		const cov_node *t = cov_cite_resolve(law, c);
		if (t && !fuzz_node_in(law, t))
			abort();
		free(cov_cite_label(c));
	}
	char *s;
	size_t len;
	if (cov_render_akn_refs_string(law, r, &s, &len) == COV_OK) {
		if (strlen(s) != len)
			abort();
		free(s);
	}
	cov_refs_free(r);
}

static void conform(const cov_data *data, const cov_doc *old, const cov_doc *new_doc, const cov_doc *law)
{
	cov_comparison *cmp;
	if (cov_diff_ex(data, old, new_doc, COV_DIFF_NO_IMPACT, &cmp) != COV_OK)
		return;
	conf_ctx *ctx;
	if (conf_open(data, cmp, &ctx) == COV_OK) {
		for (size_t i = 0; i < conf_vanished_count(ctx); i++)
			if (!conf_vanished_get(ctx, i)->name)
				abort();
		conf_law *l;
		if (conf_check_law(ctx, data, law, &l) == COV_OK) {
			size_t n;
			cov_doc_text(law, &n);
			for (size_t i = 0; i < l->n_c; i++) {
				const conf_cite *c = &l->c[i];
				if ((c->old_node && !fuzz_node_in(old, c->old_node)) ||
				    (c->new_node && !fuzz_node_in(new_doc, c->new_node)) || c->n_cands > 8 ||
				    !(c->similarity >= 0) || !(c->similarity <= 1.0 + 1e-9))
					abort();
				for (size_t k = 0; k < c->n_cands; k++)
					if (!fuzz_node_in(new_doc, c->cands[k]))
						abort();
				free(conf_unit_redline(ctx, c));
			}
			for (size_t i = 0; i < l->n_m; i++)
				if (l->m[i].start > l->m[i].end || l->m[i].end > n ||
				    l->m[i].vanished >= conf_vanished_count(ctx))
					abort();
			conf_law_free(l);
		}
		conf_free(ctx);
	}
	cov_comparison_free(cmp);
}

int LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len)
{
	const cov_data *data = fuzz_data();
	if (len < 1)
		return 0;
	const char *lang = buf[0] & 1 ? "ru" : "en";
	const char *in = (const char *)buf + 1;
	len--;
	/* law 0x1E old 0x1E new */
	const char *p[3] = {in, NULL, NULL};
	size_t n[3] = {len, 0, 0};
	for (int k = 0; k < 2; k++) {
		const char *sep = memchr(p[k], 0x1e, n[k]);
		if (!sep)
			break;
		p[k + 1] = sep + 1;
		n[k + 1] = n[k] - (size_t)(sep + 1 - p[k]);
		n[k] = (size_t)(sep - p[k]);
	}
	cov_doc *law = parse(data, p[0], n[0], lang);
	if (!law)
		return 0;
	refs(data, law);
	if (p[2]) {
		cov_doc *old = parse(data, p[1], n[1], lang), *nw = parse(data, p[2], n[2], lang);
		if (old && nw)
			conform(data, old, nw, law);
		cov_doc_free(old);
		cov_doc_free(nw);
	}
	cov_doc_free(law);
	return 0;
}
