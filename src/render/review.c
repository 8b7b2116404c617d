/*
 * review.c — renderers of a covenant check review: text for people
 * (grouped by right, each finding with its quote, the trigger highlighted
 * on a terminal, and the ICCPR article), JSON (docs/json.md) and Markdown.
 */
#include "render.h"
#include "../parse/lexicon.h"
#include "../rights/rights.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

struct cov_review; /* opaque here: only the public accessors are used */

static bool shown(const cov_finding *f, const cov_review_options *o)
{
	if (f->severity == COV_SEVERITY_POSITIVE)
		return o->show_positive;
	return f->severity >= o->min_severity;
}

static size_t line_of(const cov_doc *doc, const cov_finding *f)
{
	size_t line = f->node->line;
	for (size_t i = f->node->start; i < f->start && i < doc->len; i++)
		line += doc->text[i] == '\n';
	return line;
}

static void quote(cov_buf *b, const cov_doc *doc, const cov_finding *f, const char *on, const char *off)
{
	const char *t = doc->text;
	for (size_t i = f->start; i < f->end; i++) {
		if (i == f->trigger_start)
			cov_buf_puts(b, on);
		cov_buf_putc(b, t[i] == '\n' ? ' ' : t[i]);
		if (i + 1 == f->trigger_end)
			cov_buf_puts(b, off);
	}
}

static void counts(const cov_review *r, const cov_review_options *o, size_t n[4])
{
	n[0] = n[1] = n[2] = n[3] = 0;
	for (size_t i = 0; i < cov_review_count(r); i++) {
		const cov_finding *f = cov_review_finding(r, i);
		if (shown(f, o))
			n[f->severity]++;
	}
}

static void upper(cov_buf *b, const char *s)
{
	for (; *s; s++)
		cov_buf_putc(b, (char)(*s >= 'a' && *s <= 'z' ? *s - 32 : *s));
}

/* ---- coverage: what the text guarantees, and what it leaves out ---- */


/* The articles (numbers, without repeats) of the provisions that concern
 * ICCPR article `art` (or state guarantee `name`), as one string; "" if none. */
static void covering(const cov_review *r, int art, const char *name, cov_buf *out, bool mentions)
{
	const char *seen[64];
	size_t n = 0;
	for (size_t i = 0; i < cov_review_provision_count(r); i++) {
		const cov_provision *p = cov_review_provision(r, i);
		bool is = false;
		/* an article that grants or guarantees the right, not one that
		 * merely mentions it */
		for (size_t k = 0; !name && !mentions && k < p->n_granted; k++)
			is |= p->granted[k] == art;
		for (size_t k = 0; !name && mentions && k < p->n_rights; k++)
			is |= p->rights[k] == art;
		for (size_t k = 0; name && k < p->n_guarantees; k++)
			is |= strcmp(p->guarantees[k], name) == 0;
		if (!is || !p->article || !*p->article)
			continue;
		bool dup = false;
		for (size_t k = 0; k < n; k++)
			dup |= strcmp(seen[k], p->article) == 0;
		if (dup || n == 64)
			continue;
		seen[n++] = p->article;
		cov_buf_printf(out, "%s%s", n > 1 ? ", " : "", p->article);
	}
	/* Art. 20 is a duty to prohibit: a text that bans war propaganda or
	 * incitement to hatred meets it, even where the ban reaches further (a
	 * finding of its own). */
	for (size_t i = 0; art == 20 && !name && !mentions && i < cov_review_count(r); i++) {
		const cov_finding *f = cov_review_finding(r, i);
		if (strncmp(f->rule, "expression.propaganda-ban", 25) != 0 || !f->article || !*f->article)
			continue;
		bool dup = false;
		for (size_t k = 0; k < n; k++)
			dup |= strcmp(seen[k], f->article) == 0;
		if (dup || n == 64)
			continue;
		seen[n++] = f->article;
		cov_buf_printf(out, "%s%s", n > 1 ? ", " : "", f->article);
	}
}

/* The g-th entry of the coverage view: an ICCPR article with a right of
 * its own (art > 0), or a named guarantee; false past the end or for an
 * article with no right of its own (2, 4) or absent from the standard. */
static bool coverage_entry(const cov_data *data, const cov_review *r, size_t g, int *art, const char **name, char *title, size_t cap,
			   char *std, size_t stdcap, char *cite, size_t citecap)
{
	const struct cov_rights_data *rd = data->rights;
	*art = 0;
	*name = NULL;
	if (g >= 1 && g < COV_MAX_ICCPR) {
		if (!cov_review_standard_chosen(data, r, "iccpr", 5))
			return false;
		*art = (int)g;
		if (!*cov_standard_right(data, *art) || *art == 2 || *art == 4)
			return false; /* no right of its own: non-discrimination in Covenant rights, derogation */
		snprintf(title, cap, "%s — %s", cov_standard_citation(data, *art), cov_standard_right(data, *art));
		snprintf(std, stdcap, "iccpr:%d", *art);
		snprintf(cite, citecap, "%s", cov_standard_citation(data, *art));
		return true;
	}
	/* the named guarantees of data/standards/<id>.txt ("guarantee: strike | 8(1)(d) | …") */
	if (g >= COV_MAX_ICCPR && g - COV_MAX_ICCPR < rd->n_guarantees) {
		const cov_std_guarantee *sg = &rd->guarantees[g - COV_MAX_ICCPR];
		if (!cov_review_standard_chosen(data, r, sg->standard, strcspn(sg->standard, ":")))
			return false;
		*name = sg->name;
		snprintf(title, cap, "%s (%s)", sg->right, sg->citation);
		snprintf(std, stdcap, "%s", sg->standard);
		snprintf(cite, citecap, "%s", sg->citation);
		return true;
	}
	return false;
}

#define COVERAGE_END (COV_MAX_ICCPR + data->rights->n_guarantees)

static void coverage_text(const cov_data *data, const cov_review *r, cov_buf *b, bool md)
{
	cov_buf_printf(b, md ? "\n## What the text guarantees\n\n" : "\nWhat the text guarantees (articles concerning each right)\n");
	for (size_t g = 1; g < COVERAGE_END; g++) {
		int art;
		const char *name;
		char title[256], std[32], cite[64];
		if (!coverage_entry(data, r, g, &art, &name, title, sizeof title, std, sizeof std, cite, sizeof cite))
			continue;
		cov_buf list;
		cov_buf_init(&list);
		covering(r, art, name, &list, false);
		const char *arts = list.len ? list.ptr : "";
		/* a right the text names but grants in no words check reads ("Matrimony
		 * shall be a free union"): neither listed as a guarantee nor called absent */
		cov_buf seen;
		cov_buf_init(&seen);
		if (!list.len)
			covering(r, art, name, &seen, true);
		if (!list.len && seen.len)
			cov_buf_printf(b, md ? "- %s: no guarantee found (mentioned in %s %s)\n" : "  %s: no guarantee found (mentioned in %s %s)\n",
				       title, strchr(seen.ptr, ',') ? "articles" : "article", seen.ptr);
		else if (md)
			cov_buf_printf(b, "- %s: %s%s\n", title, !list.len ? "**not guaranteed**" : strchr(arts, ',') ? "articles " : "article ", arts);
		else
			cov_buf_printf(b, "  %s: %s%s\n", title, !list.len ? "NOT GUARANTEED" : strchr(arts, ',') ? "articles " : "article ", arts);
		cov_buf_free(&seen);
		cov_buf_free(&list);
	}
}

static json_t *coverage_json(const cov_data *data, const cov_review *r)
{
	json_t *a = json_array();
	for (size_t g = 1; a && g < COVERAGE_END; g++) {
		int art;
		const char *name;
		char title[256], std[32], cite[64];
		if (!coverage_entry(data, r, g, &art, &name, title, sizeof title, std, sizeof std, cite, sizeof cite))
			continue;
		json_t *o = json_object(), *provs = json_array();
		json_object_set_new(o, "standard", json_string(std));
		json_object_set_new(o, "right", json_string(art ? cov_standard_right(data, art) : title));
		json_object_set_new(o, "citation", json_string(cite));
		if (name)
			json_object_set_new(o, "guarantee", json_string(name));
		cov_buf list;
		cov_buf_init(&list);
		covering(r, art, name, &list, false);
		char *save = NULL;
		for (char *t = list.len ? strtok_r(list.ptr, ", ", &save) : NULL; t; t = strtok_r(NULL, ", ", &save))
			json_array_append_new(provs, json_string(t));
		cov_buf_free(&list);
		json_object_set_new(o, "articles", provs);
		json_object_set_new(o, "guaranteed", json_boolean(json_array_size(provs) > 0));
		/* the articles that name the right though none grants it */
		json_t *seen = json_array();
		if (!json_array_size(provs)) {
			cov_buf_init(&list);
			covering(r, art, name, &list, true);
			save = NULL;
			for (char *t = list.len ? strtok_r(list.ptr, ", ", &save) : NULL; t; t = strtok_r(NULL, ", ", &save))
				json_array_append_new(seen, json_string(t));
			cov_buf_free(&list);
		}
		json_object_set_new(o, "mentioned", seen);
		json_array_append_new(a, o);
	}
	return a;
}

/* Does finding f cite article k of another standard ("echr:10")? */
static bool of_other(const struct cov_rights_data *rd, const cov_finding *f, size_t k)
{
	if (!f->standard_id || k >= rd->n_other || rd->other[k].std >= rd->n_standards)
		return false;
	const char *id = rd->standards[rd->other[k].std].id;
	size_t len = strlen(id);
	return strncmp(f->standard_id, id, len) == 0 && f->standard_id[len] == ':' &&
	       atoi(f->standard_id + len + 1) == rd->other[k].num;
}

static bool of_any_other(const struct cov_rights_data *rd, const cov_finding *f)
{
	for (size_t k = 0; k < rd->n_other; k++)
		if (of_other(rd, f, k))
			return true;
	return false;
}

/* "the ICCPR" (the default: the ICCPR and the guarantees other standards
 * add to it, the strike), "the ICESCR", "the ICCPR and the ICESCR". */
static void standards_chosen(const cov_data *data, const cov_review *r, char *out, size_t cap)
{
	const struct cov_rights_data *rd = data->rights;
	size_t n = 0, k = 0;
	bool all = true;
	for (size_t i = 0; i < rd->n_standards; i++)
		if (cov_review_standard_chosen(data, r, rd->standards[i].id, strlen(rd->standards[i].id))) {
			n++;
			all = all && rd->standards[i].by_default;
		} else if (rd->standards[i].by_default) {
			all = false;
		}
	out[0] = 0;
	if (all || !n) { /* the default ones: the ICCPR is the measure, the others add guarantees */
		snprintf(out, cap, "the %s", rd->n_standards ? rd->standards[0].abbrev : "ICCPR");
		return;
	}
	for (size_t i = 0, len = 0; i < rd->n_standards && len < cap; i++) {
		if (!cov_review_standard_chosen(data, r, rd->standards[i].id, strlen(rd->standards[i].id)))
			continue;
		k++;
		len += (size_t)snprintf(out + len, cap - len, "%sthe %s", k == 1 ? "" : k == n ? " and " : ", ",
					rd->standards[i].abbrev);
	}
}

/* Findings grouped by ICCPR article, then those without one, then positives. */
static void text_or_md(const cov_data *data, const cov_review *r, const cov_review_options *o, cov_buf *b, bool md)
{
	const cov_doc *doc = cov_review_doc(r);
	size_t n[4];
	counts(r, o, n);
	const char *on = md ? "**" : o->color ? "\033[1;31m" : "";
	const char *off = md ? "**" : o->color ? "\033[0m" : "";
	char against[256];
	standards_chosen(data, r, against, sizeof against);
	if (md)
		cov_buf_printf(b, "# Review of %s against %s\n\n", *cov_doc_title(doc) ? cov_doc_title(doc) : doc->name, against);
	else
		cov_buf_printf(b, "covenant check: %s (%s, %s) against %s\n",
			       *cov_doc_title(doc) ? cov_doc_title(doc) : doc->name, doc->name, doc->language, against);
	size_t total = n[3] + n[2] + n[1] + n[0];
	cov_buf_printf(b, "%zu finding%s: %zu high, %zu medium, %zu low; %zu positive\n%s",
		       total, total == 1 ? "" : "s", n[3], n[2], n[1], n[0], md ? "\n" : "");
	const struct cov_rights_data *rd = data->rights;
	for (int pass = 0; pass < 4; pass++) {
		/* pass 0: by ICCPR article; 1: by article of another standard
		 * (ECHR art. 10); 2: other findings; 3: positives */
		int from = pass == 0 ? 1 : 0, to = pass == 0 ? COV_MAX_ICCPR : pass == 1 ? (int)rd->n_other : 1;
		for (int art = from; art < to; art++) {
			bool header = false;
			for (size_t i = 0; i < cov_review_count(r); i++) {
				const cov_finding *f = cov_review_finding(r, i);
				if (!shown(f, o))
					continue;
				bool positive = f->severity == COV_SEVERITY_POSITIVE;
				if ((pass == 3) != positive)
					continue;
				if (pass == 0 && f->standard != art)
					continue;
				if (pass == 1 && (f->standard || !of_other(rd, f, (size_t)art)))
					continue;
				if (pass == 2 && (f->standard || of_any_other(rd, f)))
					continue;
				if (!header) {
					header = true;
					char title[256];
					if (pass == 0)
						snprintf(title, sizeof title, "%s — %s", cov_standard_citation(data, art), cov_standard_right(data, art));
					else if (pass == 1)
						snprintf(title, sizeof title, "%s — %s", rd->other[art].citation, rd->other[art].right);
					else
						snprintf(title, sizeof title, "%s",
							 pass == 3 ? "What the text protects" : "Other findings");
					if (md)
						cov_buf_printf(b, "\n## %s\n\n", title);
					else
						cov_buf_printf(b, "\n%s%s%s\n", o->color ? "\033[1m" : "", title, o->color ? "\033[0m" : "");
					const char *cite = pass == 0 ? cov_standard_cite(data, art)
							   : pass == 1 && rd->other[art].cite ? rd->other[art].cite : "";
					if (*cite)
						cov_buf_printf(b, md ? "> %s\n\n" : "  %s\n", cite);
				}
				const char *num = f->article && *f->article ? f->article : "";
				if (md) {
					cov_buf_printf(b, "- **%s** `%s` — article %s (`%s`), line %zu", cov_severity_name(f->severity),
						       f->rule, num, f->node->eid, line_of(doc, f));
					if (pass != 0 && f->standard)
						cov_buf_printf(b, ", %s", cov_standard_citation(data, f->standard));
					cov_buf_puts(b, "\n  > ");
					quote(b, doc, f, on, off);
					cov_buf_printf(b, "\n\n  %s\n", f->message);
				} else {
					cov_buf_puts(b, "  ");
					upper(b, cov_severity_name(f->severity));
					cov_buf_printf(b, "  %s  article %s (%s), line %zu", f->rule, num, f->node->eid,
						       line_of(doc, f));
					if (pass != 0 && f->standard)
						cov_buf_printf(b, ", %s", cov_standard_citation(data, f->standard));
					cov_buf_puts(b, "\n    «");
					quote(b, doc, f, on, off);
					cov_buf_printf(b, "»\n    %s\n", f->message);
				}
			}
		}
	}
	coverage_text(data, r, b, md);
}

/* A finding's stable id: 12 hex digits of FNV-1a (64 bits) over its rule,
 * its ICCPR article, its provision's eId, and its quote and trigger with
 * runs of white space made one space — the same across runs and across
 * edits elsewhere in the document. */
static uint64_t fnv_text(uint64_t h, const char *t, size_t start, size_t end);
#define FNV(c) (h = (h ^ (unsigned char)(c)) * 1099511628211ull)
static void finding_id(const cov_finding *f, char out[13])
{
	uint64_t h = 14695981039346656037ull;
	char std[16];
	snprintf(std, sizeof std, "%d", f->standard);
	const char *parts[] = {f->rule, std, f->node->eid};
	for (size_t k = 0; k < 3; k++) {
		for (const char *p = parts[k]; *p; p++)
			FNV(*p);
		FNV(0);
	}
	h = fnv_text(h, f->doc->text, f->start, f->end);
	FNV(0);
	h = fnv_text(h, f->doc->text, f->trigger_start, f->trigger_end);
	snprintf(out, 13, "%012llx", (unsigned long long)(h >> 16));
}

static uint64_t fnv_text(uint64_t h, const char *t, size_t start, size_t end)
{
	bool space = false, any = false;
	for (size_t i = start; i < end; i++) {
		unsigned char c = (unsigned char)t[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = any;
			continue;
		}
		if (space)
			FNV(' ');
		space = false, any = true;
		FNV(c);
	}
	return h;
}
#undef FNV

json_t *cov_finding_json(const cov_finding *f, const char *side)
{
	const cov_doc *doc = f->doc;
	json_t *o = json_object();
	if (!o)
		return NULL;
	char std[32] = "";
	if (f->standard)
		snprintf(std, sizeof std, "iccpr:%d", f->standard);
	json_object_set_new(o, "rule", json_string(f->rule));
	json_object_set_new(o, "severity", json_string(cov_severity_name(f->severity)));
	char id[13];
	finding_id(f, id);
	json_object_set_new(o, "id", json_string(id));
	if (side)
		json_object_set_new(o, "side", json_string(side));
	json_object_set_new(o, "eid", json_string(f->node->eid));
	json_object_set_new(o, "num", json_string(f->article ? f->article : ""));
	json_object_set_new(o, "line", json_integer((json_int_t)line_of(doc, f)));
	json_object_set_new(o, "standard", json_string(std));
	/* additive to format 1: "standard" stays an ICCPR article or "" */
	if (f->standard_id)
		json_object_set_new(o, "cites", json_string(f->standard_id));
	if (f->citation)
		json_object_set_new(o, "citation", json_string(f->citation));
	json_object_set_new(o, "quote", json_stringn(doc->text + f->start, f->end - f->start));
	json_object_set_new(o, "start", json_integer((json_int_t)f->start));
	json_object_set_new(o, "end", json_integer((json_int_t)f->end));
	json_t *trig = json_object();
	json_object_set_new(trig, "text", json_stringn(doc->text + f->trigger_start, f->trigger_end - f->trigger_start));
	json_object_set_new(trig, "start", json_integer((json_int_t)f->trigger_start));
	json_object_set_new(trig, "end", json_integer((json_int_t)f->trigger_end));
	json_object_set_new(o, "trigger", trig);
	json_object_set_new(o, "message", json_string(f->message));
	return o;
}

static json_t *provision_json(const cov_provision *p)
{
	json_t *o = json_object(), *rights = json_array(), *lims = json_array();
	json_object_set_new(o, "eid", json_string(p->node->eid));
	json_object_set_new(o, "num", json_string(p->article));
	for (size_t i = 0; i < p->n_rights; i++) {
		char s[32];
		snprintf(s, sizeof s, "iccpr:%d", p->rights[i]);
		json_array_append_new(rights, json_string(s));
	}
	json_object_set_new(o, "rights", rights);
	json_object_set_new(o, "holder", json_string(p->holder));
	for (size_t i = 0; i < p->n_limitations; i++) {
		const cov_limitation *l = &p->limitations[i];
		json_t *lj = json_object(), *g = json_array();
		for (size_t k = 0; k < l->n_grounds; k++)
			json_array_append_new(g, json_string(l->grounds[k]));
		json_object_set_new(lj, "grounds", g);
		json_object_set_new(lj, "by_law", json_boolean(l->by_law));
		json_object_set_new(lj, "necessity", json_boolean(l->necessity));
		json_object_set_new(lj, "general", json_boolean(l->general));
		json_object_set_new(lj, "start", json_integer((json_int_t)l->start));
		json_object_set_new(lj, "end", json_integer((json_int_t)l->end));
		json_array_append_new(lims, lj);
	}
	json_object_set_new(o, "limitations", lims);
	return o;
}

static int review_json(const cov_data *data, const cov_review *r, const cov_review_options *o, cov_buf *b)
{
	const cov_doc *doc = cov_review_doc(r);
	json_t *root = json_object(), *d = json_object(), *provs = json_array(), *finds = json_array(),
	       *sum = json_object();
	if (!root || !d || !provs || !finds || !sum) {
		json_decref(root), json_decref(d), json_decref(provs), json_decref(finds), json_decref(sum);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	json_object_set_new(root, "format", json_integer(COV_JSON_FORMAT));
	json_object_set_new(d, "name", json_string(doc->name));
	json_object_set_new(d, "title", json_string(cov_doc_title(doc)));
	json_object_set_new(d, "language", json_string(doc->language));
	json_object_set_new(root, "document", d);
	json_object_set_new(root, "standard", json_string("iccpr"));
	/* additive to format 1: the standards the review was made against
	 * (check --standard), "standard" staying the measure of ICCPR articles */
	json_t *chosen = json_array();
	const struct cov_rights_data *rd = data->rights;
	for (size_t i = 0; chosen && i < rd->n_standards; i++)
		if (cov_review_standard_chosen(data, r, rd->standards[i].id, strlen(rd->standards[i].id)))
			json_array_append_new(chosen, json_string(rd->standards[i].id));
	json_object_set_new(root, "standards", chosen);
	size_t n[4];
	counts(r, o, n);
	json_object_set_new(sum, "high", json_integer((json_int_t)n[3]));
	json_object_set_new(sum, "medium", json_integer((json_int_t)n[2]));
	json_object_set_new(sum, "low", json_integer((json_int_t)n[1]));
	json_object_set_new(sum, "positive", json_integer((json_int_t)n[0]));
	json_object_set_new(root, "summary", sum);
	for (size_t i = 0; i < cov_review_provision_count(r); i++) {
		const cov_provision *p = cov_review_provision(r, i);
		if (p->n_rights || p->n_limitations)
			json_array_append_new(provs, provision_json(p));
	}
	json_object_set_new(root, "provisions", provs);
	for (size_t i = 0; i < cov_review_count(r); i++) {
		const cov_finding *f = cov_review_finding(r, i);
		if (shown(f, o))
			json_array_append_new(finds, cov_finding_json(f, NULL));
	}
	json_object_set_new(root, "findings", finds);
	json_object_set_new(root, "coverage", coverage_json(data, r));
	return cov_render_json_dump(root, b);
}

int cov_render_review_string(const cov_data *data, const cov_review *r, cov_review_format fmt,
			     const cov_review_options *opts, char **out, size_t *len)
{
	*out = NULL;
	cov_review_options def = {COV_SEVERITY_LOW, 1, 0};
	const cov_review_options *o = opts ? opts : &def;
	cov_buf b;
	cov_buf_init(&b);
	int rc = COV_OK;
	switch (fmt) {
	case COV_REVIEW_TEXT: text_or_md(data, r, o, &b, false); break;
	case COV_REVIEW_MARKDOWN: text_or_md(data, r, o, &b, true); break;
	case COV_REVIEW_JSON: rc = review_json(data, r, o, &b); break;
	default: rc = cov_error_set(COV_EUSAGE, "unknown review format");
	}
	return cov_render_finish(&b, rc, out, len);
}
