/*
 * check.c — covenant check: every provision's rights, holder and
 * limitation clauses, and the findings of the rule catalogue
 * (data/rules.txt) against the ICCPR (data/standards/iccpr.txt).
 *
 * The document is tokenized and stemmed once; each provision (an article,
 * paragraph or point with text of its own) is matched against the
 * language's lexicon, cut into sentences, and each sentence is read for
 * the patterns of the catalogue.  Rules that need the whole document — a
 * general limitation clause applied to every right, the list of rights
 * that may never be restricted, treaty primacy — run after the walk.
 * Every finding quotes the sentence that triggered it, by byte span.
 */
#include "rights.h"
#include "../parse/lexicon.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"

static const char *const concept_names[C_COUNT] = {
	"grant", "restrict", "condition", "by-law", "delegation", "necessity", "rights-in-general",
	"vague", "authorization", "negation", "prohibition", "funding", "foreign", "party-or-union", "ngo",
	"disclosure", "membership", "group-allowed", "group-other", "marriage", "man-woman",
	"non-discrimination", "grounds-list", "sex", "other-status", "death-penalty", "death-permitted",
	"censorship", "personal-data", "protected", "treaty", "treaty-primacy", "determined-by-law",
	"ombudsperson", "appointed-by-executive", "with-consent", "non-restrictable", "emergency",
	"holder everyone", "holder citizens", "grounds-exclusive", "ground-word", "refers-elsewhere",
	"political", "trade-union", "emergency-power", "de-facto", "treaty-effect", "group-public",
	"equality-clause", "ground-core", "some-of", "except", "right-word",
	"propaganda", "broad-object", "citizenship-loss", "allowed", "prison", "denied", "unlawful-conduct",
	"even-in-emergency", "expedient", "violent", "association-ban", "ethnic-object",
	"aliens", "same-rights", "citizens-like", "alien-except", "alien-condition", "own-reservation",
	"information", "death-confined",
};

/* ---- findings ---- */

/* The rights of that article, as a set; 0 when rules.txt names none. */
rightset ck_rule_rights(const ctx *c, const char *rule)
{
	const cov_rule_info *ri = cov_rights_rule(c->r, rule);
	return ri && ri->standard ? (rightset)1 << ri->standard : 0;
}


void ck_add_finding(ctx *c, const char *rule, const cov_node *node, const char *article, int standard,
			const sentence *s, size_t trig_first, size_t trig_last, const char *message)
{
	const cov_rule_info *ri = cov_rights_rule(c->r, rule);
	if (!ri)
		return; /* a rule the catalogue no longer lists is switched off */
	cov_review *rev = c->rev;
	/* a positive once per article */
	if (ri->severity == COV_SEVERITY_POSITIVE)
		for (size_t i = 0; i < rev->n_findings; i++)
			if (rev->findings[i].rule == ri->id && strcmp(rev->findings[i].article, article) == 0)
				return;
	/* one finding per rule and sentence: it lists every right it affects */
	for (size_t i = 0; i < rev->n_findings; i++) {
		const cov_finding *f = &rev->findings[i];
		if (f->start == s->start && f->end == s->end && strcmp(f->rule, rule) == 0 &&
		    (!f->standard_id || f->standard_id == ri->cites_id)) /* not one judged on another standard */
			return;
	}
	if (ri->standard)
		standard = ri->standard; /* data/rules.txt: "id | severity | iccpr:N | message" */
	if (!GROW(rev->findings, rev->n_findings, rev->cap_findings)) {
		c->status = cov_error_set(COV_ENOMEM, "out of memory");
		rev->n_findings = rev->cap_findings = 0;
		return;
	}
	cov_finding *f = &rev->findings[rev->n_findings++];
	f->doc = c->doc;
	f->rule = ri->id;
	f->severity = ri->severity;
	f->node = node;
	f->article = article;
	f->standard = standard;
	f->start = s->start;
	f->end = s->end;
	f->trigger_start = c->tokp->v[trig_first].start;
	f->trigger_end = c->tokp->v[trig_last].end;
	f->message = message ? message : ri->message;
	f->grounds = NULL;
	f->n_grounds = 0;
	f->standard_id = NULL;
	f->citation = standard && *cov_standard_citation(c->data, standard) ? cov_standard_citation(c->data, standard) : NULL;
	if (ri->cites && ri->cites->std != 0) { /* "icescr:8": an article of another standard */
		f->standard = 0;
		f->standard_id = ri->cites_id;
		f->citation = ri->cites->citation;
	}
}

void ck_add_finding_std(ctx *c, const char *rule, const cov_std_article *a, const cov_node *node,
			const char *article, const sentence *s, size_t trig_first, size_t trig_last, const char *message)
{
	const cov_rule_info *ri = cov_rights_rule(c->r, rule);
	if (!ri)
		return;
	cov_review *rev = c->rev;
	for (size_t i = 0; i < rev->n_findings; i++) {
		const cov_finding *f = &rev->findings[i];
		if (f->start == s->start && f->end == s->end && strcmp(f->rule, rule) == 0 && f->standard_id == a->std_id)
			return;
	}
	if (!GROW(rev->findings, rev->n_findings, rev->cap_findings)) {
		c->status = cov_error_set(COV_ENOMEM, "out of memory");
		rev->n_findings = rev->cap_findings = 0;
		return;
	}
	cov_finding *f = &rev->findings[rev->n_findings++];
	memset(f, 0, sizeof *f);
	f->doc = c->doc;
	f->rule = ri->id;
	f->severity = ri->severity;
	f->node = node;
	f->article = article;
	f->start = s->start;
	f->end = s->end;
	f->trigger_start = c->tokp->v[trig_first].start;
	f->trigger_end = c->tokp->v[trig_last].end;
	f->message = message ? message : ri->message;
	f->standard_id = a->std_id;
	f->citation = a->limit_citation;
}

/* Every ground of a limit.illegitimate-aim finding, as byte spans (the
 * first is its trigger): a report strikes them all from the clause. */
void ck_set_grounds(ctx *c, cov_finding *f, size_t (*spans)[2], size_t n)
{
	size_t *v = cov_arena_alloc(&c->rev->arena, 2 * n * sizeof *v);
	if (!v)
		return;
	for (size_t i = 0; i < n; i++) {
		v[2 * i] = c->tokp->v[spans[i][0]].start;
		v[2 * i + 1] = c->tokp->v[spans[i][1]].end;
	}
	f->grounds = v;
	f->n_grounds = n;
}

/* The template `key` of data/rules.txt ("template KEY | text") with each
 * {name} replaced by its value: pairs of name, value, then NULL.  {abbrev}
 * is the standard's abbreviation ("ICCPR").  NULL when rules.txt has no
 * such template (the finding then says its rule's message). */
const char *ck_fill(ctx *c, const char *key, ...)
{
	const char *t = cov_rights_template(c->r, key);
	if (!t)
		return NULL;
	const char *names[16], *vals[16];
	size_t n = 0;
	va_list ap;
	va_start(ap, key);
	for (const char *nm; n < 15 && (nm = va_arg(ap, const char *)) != NULL; n++) {
		names[n] = nm;
		vals[n] = va_arg(ap, const char *);
	}
	va_end(ap);
	names[n] = "abbrev";
	vals[n++] = c->r->n_standards ? c->r->standards[0].abbrev : "";
	cov_buf b;
	cov_buf_init(&b);
	for (const char *p = t; *p;) {
		const char *close = *p == '{' ? strchr(p, '}') : NULL;
		size_t k = n;
		for (size_t i = 0; close && i < n && k == n; i++)
			if (strlen(names[i]) == (size_t)(close - p - 1) && strncmp(p + 1, names[i], (size_t)(close - p - 1)) == 0)
				k = i;
		if (k < n) {
			cov_buf_puts(&b, vals[k] ? vals[k] : "");
			p = close + 1;
		} else {
			cov_buf_putc(&b, *p++);
		}
	}
	const char *out = b.oom ? NULL : cov_arena_strndup(&c->rev->arena, b.ptr ? b.ptr : "", b.len);
	cov_buf_free(&b);
	return out;
}

/* ---- helpers over matches ---- */


/* A necessity test among matches m[0..n) within tokens [first, last]: a
 * necessity word that is part of "necessary or expedient" (a discretion,
 * Malaysia 10(2)) is none. */
static bool necessity_among(const ctx *c, const cov_match *m, size_t n, size_t first, size_t last)
{
	int nec = c->concept[C_NECESSITY], exp = c->concept[C_EXPEDIENT];
	if (nec < 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (m[i].concept != nec || m[i].first < first || m[i].last > last)
			continue;
		bool discretion = false;
		for (size_t k = 0; k < n && exp >= 0 && !discretion; k++)
			discretion = m[k].concept == exp && !(m[k].last < m[i].first || m[i].last < m[k].first);
		if (!discretion)
			return true;
	}
	return false;
}

const char *ck_span(ctx *c, size_t first, size_t last)
{
	const char *t = c->doc->text;
	size_t a = c->tokp->v[first].start, b = c->tokp->v[last].end;
	const char *p = cov_arena_strndup(&c->rev->arena, t + a, b - a);
	return p ? p : "";
}

rightset ck_rights_in(const ctx *c, const sentence *s)
{
	rightset set = 0;
	for (size_t i = 0; i < c->n_m; i++) {
		int art = c->m[i].concept < 512 ? c->right_of_concept[c->m[i].concept] : 0;
		if (art && ck_in_sentence(&c->m[i], s))
			set |= (rightset)1 << art;
	}
	return set;
}

int ck_first_right(rightset set)
{
	for (int k = 1; k < COV_MAX_ICCPR; k++)
		if (set & ((rightset)1 << k))
			return k;
	return 0;
}

bool ck_aim_allowed(const cov_std_article *a, const char *aim)
{
	for (size_t i = 0; i < a->n_aims; i++)
		if (strcmp(a->aims[i], aim) == 0)
			return true;
	return false;
}

/* Is `aim` a legitimate aim of any ICCPR article? */
bool ck_aim_of_any(const ctx *c, const char *aim)
{
	for (size_t i = 0; i < c->r->n_iccpr; i++)
		if (ck_aim_allowed(&c->r->iccpr[i], aim))
			return true;
	return false;
}

/* ---- sentences ---- */

static size_t split_sentences(const ctx *c, size_t first, size_t last_excl, sentence *out, size_t cap)
{
	const char *t = c->doc->text;
	size_t n = 0;
	if (first >= last_excl)
		return 0;
	size_t start_tok = first;
	for (size_t k = first; k < last_excl; k++) {
		bool end = k + 1 == last_excl;
		if (!end) {
			const cov_token *a = &c->tokp->v[k], *b = &c->tokp->v[k + 1];
			for (size_t i = a->end; i < b->start && !end; i++) {
				char ch = t[i];
				if (ch == ';' || ch == '\n' || ch == '!' || ch == '?')
					end = true;
				else if (ch == '.' && i + 1 < b->start && (t[i + 1] == ' ' || t[i + 1] == '\n'))
					end = true;
			}
		}
		if (end) {
			if (n == cap)
				break;
			sentence *s = &out[n++];
			s->first = start_tok;
			s->last = k;
			s->start = c->tokp->v[start_tok].start;
			/* "[The] State …": an opening bracket belongs to the quote */
			while (s->start > 0 && (t[s->start - 1] == '[' || t[s->start - 1] == '(') &&
			       (start_tok == first || s->start - 1 >= c->tokp->v[start_tok - 1].end))
				s->start--;
			/* include the closing punctuation */
			size_t e = c->tokp->v[k].end;
			size_t limit = k + 1 < last_excl ? c->tokp->v[k + 1].start : c->doc->len;
			/* "… beliefs [credos]." (an editor's insertion): the bracket closes the quote */
			while (e < limit && (t[e] == '.' || t[e] == ';' || t[e] == ')' || t[e] == ']' || t[e] == '"' ||
					     (unsigned char)t[e] == 0xC2 /* » */))
				e += (unsigned char)t[e] == 0xC2 ? 2 : 1;
			s->end = e;
			start_tok = k + 1;
		}
	}
	return n;
}

/* ---- the rules on one sentence ---- */

const char *ck_right_name(const ctx *c, int art)
{
	const cov_std_article *a = cov_rights_article(c->r, art);
	return a && a->right ? a->right : "this right";
}

/* "…to the extent that the law makes reasonable provision— (a) for the
 * imposition of restrictions …": the necessity test of a point may stand in
 * the text that introduces it. */
static bool parent_necessity(ctx *c, const cov_node *node)
{
	const cov_node *p = node->parent;
	if (!p || p->kind == COV_NODE_DOCUMENT || c->concept[C_NECESSITY] < 0)
		return false;
	size_t first = cov_tokens_at(c->tokp, p->text_start), last = cov_tokens_at(c->tokp, p->text_end);
	cov_match *m = NULL;
	size_t n = 0, cap = 0;
	bool found = false;
	if (first < last && cov_match_range(c->lex, c->tokp, first, last, &m, &n, &cap) == COV_OK)
		found = necessity_among(c, m, n, first, last);
	free(m);
	return found;
}

/* Is there a necessity phrase anywhere in tokens of node `n`?  A
 * Commonwealth section puts its test ("reasonably justifiable in a
 * democratic society") once, after the subsections it governs. */
static bool node_necessity(ctx *c, const cov_node *n)
{
	if (!n || c->concept[C_NECESSITY] < 0)
		return false;
	size_t first = cov_tokens_at(c->tokp, n->text_start), last = cov_tokens_at(c->tokp, n->text_end);
	cov_match *m = NULL;
	size_t nm = 0, cap = 0;
	bool found = false;
	if (first < last && cov_match_range(c->lex, c->tokp, first, last, &m, &nm, &cap) == COV_OK)
		found = necessity_among(c, m, nm, first, last);
	free(m);
	return found;
}

/* The whole article (the primary unit, with every provision in it). */
static bool article_necessity(ctx *c, const cov_node *node)
{
	const cov_node *art = node;
	while (art && art->kind != c->doc->primary)
		art = art->parent;
	if (!art)
		return false;
	if (c->nec_article != art) {
		/* an article's span covers its children's text */
		cov_node whole = *art;
		whole.text_start = cov_node_start(art);
		whole.text_end = cov_node_end(art);
		c->nec_article = art;
		c->nec_article_val = node_necessity(c, &whole);
	}
	return c->nec_article_val;
}

rightset ck_closed_of(const ctx *c, rightset set)
{
	rightset closed = 0;
	for (int k = 1; k < COV_MAX_ICCPR; k++) {
		const cov_std_article *a = cov_rights_article(c->r, k);
		if ((set & ((rightset)1 << k)) && a && a->limits == COV_LIMITS_CLOSED)
			closed |= (rightset)1 << k;
	}
	return closed;
}

/* The rights a sentence names itself, without the words of a list of
 * grounds of discrimination ("religion" there is no right of art. 18). */
static rightset sentence_rights(const ctx *c, const sentence *s, size_t from)
{
	/* a right named by a phrase ("freedom of assembly"), or by a lone word
	 * before the restriction ("of conscience and of religion … may only be
	 * limited"), not a word among the grounds after it ("religions" among
	 * communities whose harmony a law may protect) */
	rightset set = 0;
	for (size_t i = 0; i < c->n_m; i++) {
		int art = c->m[i].concept < 512 ? c->right_of_concept[c->m[i].concept] : 0;
		if (art && ck_in_sentence(&c->m[i], s) && (c->m[i].last > c->m[i].first || c->m[i].last < from))
			set |= (rightset)1 << art;
	}
	if (ck_has(c, C_NONDISCRIMINATION, s) || ck_has(c, C_GROUNDS_LIST, s))
		set &= c->equality;
	return set;
}


static const cov_node *find_num(const cov_node *n, const char *num)
{
	for (const cov_node *k = n->first; k; k = k->next) {
		if (k->num && strcmp(k->num, num) == 0)
			return k;
		const cov_node *d = find_num(k, num);
		if (d)
			return d;
	}
	return NULL;
}

/* The closed rights of the point a sentence names ("Nothing in sub-clause
 * (a) of clause (1) …", "… referred to in Sub-Article (1)"): the first
 * "clause (x)", "article (x)" or "paragraph (x)" whose point is in the
 * same article.  0 when it names none. */
static rightset referenced_rights(ctx *c, const cov_node *node, const sentence *s)
{
	const cov_node *art = node;
	while (art && art->kind != c->doc->primary)
		art = art->parent;
	if (!art)
		return 0;
	const char *t = c->doc->text;
	for (size_t k = s->first; k < s->last; k++) {
		const cov_token *a = &c->tokp->v[k], *b = &c->tokp->v[k + 1];
		static const char *const words[] = {"clause", "clauses", "article", "paragraph"};
		bool named = false;
		for (size_t w = 0; w < sizeof words / sizeof *words && !named; w++) {
			size_t l = strlen(words[w]);
			named = a->fold_len >= l && strncmp(a->fold + a->fold_len - l, words[w], l) == 0;
		}
		if (!named)
			continue;
		if (b->fold_len > 3 || memchr(t + a->end, '(', b->start - a->end) == NULL)
			continue;
		char num[8];
		snprintf(num, sizeof num, "%.*s", (int)b->fold_len, b->fold);
		/* "paragraph (c) of Clause (1)": the point within the clause */
		const cov_node *within = art;
		if (k + 4 <= s->last && strcmp(c->tokp->v[k + 2].fold, "of") == 0 && c->tokp->v[k + 4].fold_len <= 3 &&
		    memchr(t + c->tokp->v[k + 3].end, '(', c->tokp->v[k + 4].start - c->tokp->v[k + 3].end)) {
			char outer[8];
			snprintf(outer, sizeof outer, "%.*s", (int)c->tokp->v[k + 4].fold_len, c->tokp->v[k + 4].fold);
			within = find_num(art, outer);
			if (!within)
				return 0;
		}
		const cov_node *p = find_num(within, num);
		if (!p)
			return 0;
		/* "clause (1) (c)", "Clause (2) (a)": the point of the clause */
		if (k + 2 <= s->last && c->tokp->v[k + 2].fold_len <= 3 &&
		    memchr(t + b->end, '(', c->tokp->v[k + 2].start - b->end)) {
			char inner[8];
			snprintf(inner, sizeof inner, "%.*s", (int)c->tokp->v[k + 2].fold_len, c->tokp->v[k + 2].fold);
			p = find_num(p, inner);
			if (!p)
				return 0;
		}
		size_t first = cov_tokens_at(c->tokp, cov_node_start(p)), last = cov_tokens_at(c->tokp, cov_node_end(p));
		cov_match *m = NULL;
		size_t nm = 0, cap = 0;
		rightset set = 0;
		if (first < last && cov_match_range(c->lex, c->tokp, first, last, &m, &nm, &cap) == COV_OK)
			for (size_t i = 0; i < nm; i++)
				if (m[i].concept < 512 && c->right_of_concept[m[i].concept] && m[i].last > m[i].first)
					set |= (rightset)1 << c->right_of_concept[m[i].concept];
		free(m);
		return ck_closed_of(c, set);
	}
	return 0;
}

/* "except", "unless" outside the words that put rights out of reach
 * ("… shall be impermissible unless …" is the phrase itself) */
bool ck_has_exception(const ctx *c, const sentence *s)
{
	for (size_t k = ck_find(c, C_EXCEPT, s, 0); k != SIZE_MAX; k = ck_find(c, C_EXCEPT, s, c->m[k].first + 1)) {
		bool inside = false;
		for (size_t i = 0; i < c->n_m && !inside; i++)
			inside = c->m[i].concept == c->concept[C_NON_RESTRICTABLE] && ck_in_sentence(&c->m[i], s) &&
				 c->m[i].first <= c->m[k].first && c->m[k].last <= c->m[i].last;
		if (!inside)
			return true;
	}
	return false;
}

static void limitation_rules(ctx *c, const cov_node *node, const char *article, const sentence *s,
			     rightset ctx_rights, cov_limitation *lim)
{
	size_t marker = ck_find(c, C_RESTRICT, s, 0);
	/* "must not restrict the rights and freedoms of other people" is a duty, no restriction */
	for (size_t k = ck_find(c, C_NEGATION, s, 0); marker != SIZE_MAX && k != SIZE_MAX; k = ck_find(c, C_NEGATION, s, c->m[k].first + 1))
		if (c->m[k].last < c->m[marker].first && c->m[marker].first - c->m[k].last <= 2 &&
		    (strcmp(c->tokp->v[c->m[k].last].fold, "not") == 0 || strcmp(c->tokp->v[c->m[k].last].fold, "не") == 0) &&
		    !ck_has(c, C_NON_RESTRICTABLE, s))
			marker = ck_find(c, C_RESTRICT, s, c->m[marker].first + 1);
	size_t cond = ck_find(c, C_CONDITION, s, 0);
	size_t deleg = ck_find(c, C_DELEGATION, s, 0);
	if ((ck_has(c, C_NON_RESTRICTABLE, s) && !ck_has_exception(c, s)) || ck_has(c, C_REFERS_ELSEWHERE, s))
		return; /* the rights that may never be restricted (a positive), or a pointer to the limits;
			 * "may not be restricted except …" is a limitation clause */
	if (marker == SIZE_MAX && cond == SIZE_MAX && deleg == SIZE_MAX)
		return;
	size_t m0 = marker != SIZE_MAX ? marker : cond != SIZE_MAX ? cond : deleg;
	if (cond != SIZE_MAX && c->m[cond].first < c->m[m0].first)
		m0 = cond;
	size_t from = c->m[m0].first;
	size_t gen = ck_find(c, C_GENERAL, s, 0);
	/* "rights and freedoms may be restricted", or their object: "The law may
	 * only restrict rights, freedoms and guarantees" (Angola 57(1)) */
	bool object_form = marker != SIZE_MAX && gen != SIZE_MAX && c->m[gen].first >= from &&
			   c->m[gen].first <= c->m[marker].last + 2;
	/* "… shall not be used by anyone to restrict the rights and freedoms": no clause that allows it */
	for (size_t k = ck_find(c, C_NEGATION, s, 0); object_form && k != SIZE_MAX; k = ck_find(c, C_NEGATION, s, c->m[k].first + 1))
		if (c->m[k].first < c->m[marker].first)
			object_form = false;
	for (size_t k = ck_find(c, C_PROHIBITION, s, 0); object_form && k != SIZE_MAX; k = ck_find(c, C_PROHIBITION, s, c->m[k].first + 1))
		if (c->m[k].first < c->m[marker].first)
			object_form = false;
	bool general = gen != SIZE_MAX && (c->m[gen].first < from || object_form) && !(ctx_rights & ~c->equality);
	/* a restriction belongs to the rights its own sentence names ("freedom
	 * of speech may be restricted …"), else to those of its provision */
	rightset own = ck_closed_of(c, sentence_rights(c, s, from));
	rightset closed = own ? own : ck_closed_of(c, ctx_rights);
	/* a sentence that names no right nor speaks of rights ("France shall
	 * consent to the limitations upon its sovereignty") restricts none; a
	 * lead-in ("Subject to any reasonable restrictions …") restricts the
	 * rights of its points, not those of the paragraph before it */
	if (!own && !ck_has(c, C_RIGHT_WORD, s) && !general) {
		rightset kids = 0;
		size_t kf = cov_tokens_at(c->tokp, node->text_end), kl = cov_tokens_at(c->tokp, cov_node_end(node));
		cov_match *km = NULL;
		size_t nkm = 0, kcap = 0;
		if (kf < kl && cov_match_range(c->lex, c->tokp, kf, kl, &km, &nkm, &kcap) == COV_OK)
			for (size_t i = 0; i < nkm; i++)
				if (km[i].concept < 512 && c->right_of_concept[km[i].concept] && km[i].last > km[i].first)
					kids |= (rightset)1 << c->right_of_concept[km[i].concept];
		free(km);
		closed = ck_closed_of(c, kids);
	}
	/* "Every person has the right to receive … instruction … subject to such
	 * restrictions as …": the sentence restricts what it grants itself */
	bool from_context = !own;
	if (!own && !sentence_rights(c, s, 0) && ck_has(c, C_GRANT, s))
		closed = 0;

	/* grounds after the marker, in order; in a verb-final language (kk:
	 * «… қоғамдық тәртіп пен игіліктің … заңмен белгіленген шектеуге
	 * ұшырауы тиіс») the grounds come before it */
	size_t grounds[32], n_grounds = 0;
	size_t gfrom = c->lex->verb_final ? s->first : from;
	for (size_t i = 0; i < c->n_m && n_grounds < 32; i++) {
		const cov_match *m = &c->m[i];
		if (m->concept < 512 && c->aim_of_concept[m->concept] && ck_in_sentence(m, s) && m->first >= gfrom &&
		    (m->first > from || c->lex->verb_final)) {
			/* a longer ground that covers this one wins ("нравственности общества") */
			bool dup = false;
			for (size_t k = 0; k < n_grounds; k++) {
				const cov_match *o = &c->m[grounds[k]];
				if (!(o->last < m->first || m->last < o->first)) {
					if (m->last - m->first > o->last - o->first)
						grounds[k] = i;
					dup = true;
				}
			}
			if (!dup)
				grounds[n_grounds++] = i;
		}
	}
	bool by_law = ck_has(c, C_BY_LAW, s), necessity = necessity_among(c, c->m, c->n_m, s->first, s->last) || parent_necessity(c, node);
	if (lim) {
		const char **g = cov_arena_alloc(&c->rev->arena, (n_grounds + 1) * sizeof *g);
		for (size_t k = 0; g && k < n_grounds; k++)
			g[k] = c->aim_of_concept[c->m[grounds[k]].concept];
		lim->grounds = g;
		lim->n_grounds = g ? n_grounds : 0;
		lim->by_law = by_law;
		lim->necessity = necessity;
		lim->general = general;
		lim->start = s->start;
		lim->end = s->end;
	}
	/* a sentence on limitations in general that requires necessity, in an
	 * article about no right ("The limitations referred to in Article 20 may
	 * be imposed only … what is necessary"), supplies the test */
	bool about_limits = (marker != SIZE_MAX && c->m[marker].first <= s->first + 2) || gen != SIZE_MAX;
	bool cites = false; /* "The limitations referred to in Article 20" */
	for (size_t k = s->first; k <= s->last && !cites; k++)
		cites = ck_is_number(c->tokp->v[k].fold) && k > s->first && !ck_is_number(c->tokp->v[k - 1].fold);
	/* "Nothing in sub-clause (b) …": the rights of the point it names */
	rightset point = referenced_rights(c, node, s);
	if (point && !general) {
		closed = point;
		from_context = false;
	}
	bool necessity_only = !general && !point && necessity && about_limits && !sentence_rights(c, s, from) &&
			      (cites || (!closed && !ctx_rights)) && !ck_has(c, C_EMERGENCY, s);
	if (!closed && !general && !necessity_only)
		return;
	if (necessity_only)
		closed = 0;
	if (!GROW(c->lims, c->n_lims, c->cap_lims)) {
		c->status = cov_error_set(COV_ENOMEM, "out of memory");
		return;
	}
	limit_cand *l = &c->lims[c->n_lims++];
	memset(l, 0, sizeof *l);
	l->node = node;
	l->article = article;
	l->s = *s;
	l->rights = general || necessity_only ? 0 : closed;
	l->general = general || necessity_only;
	l->necessity_only = necessity_only;
	l->from_context = from_context && !general;
	l->necessity = necessity || article_necessity(c, node);
	l->provision_necessity = l->general && l->necessity; /* "Every restriction … shall be proportional" beside it */
	l->marker = marker != SIZE_MAX ? c->m[marker].first : SIZE_MAX;
	l->marker_last = marker != SIZE_MAX ? c->m[marker].last : 0;
	l->deleg = deleg != SIZE_MAX ? c->m[deleg].first : SIZE_MAX;
	l->deleg_last = deleg != SIZE_MAX ? c->m[deleg].last : 0;
	l->cond = cond != SIZE_MAX ? c->m[cond].first : SIZE_MAX;
	l->cond_last = cond != SIZE_MAX ? c->m[cond].last : 0;
	l->n_grounds = n_grounds;
	for (size_t k = 0; k < n_grounds; k++) {
		l->ground[k] = c->m[grounds[k]].concept;
		l->gfirst[k] = c->m[grounds[k]].first;
		l->glast[k] = c->m[grounds[k]].last;
		/* "any violent threat to the democratic constitutional order",
		 * "change the constitutional system by force": the qualifier makes it
		 * a matter of national security (Siracusa Principles §29) */
		l->aim[k] = c->aim_of_concept[l->ground[k]];
		if (strcmp(l->aim[k], "constitutional-order") == 0)
			for (size_t v = ck_find(c, C_VIOLENT, s, 0); v != SIZE_MAX; v = ck_find(c, C_VIOLENT, s, c->m[v].first + 1))
				if ((c->m[v].last < l->gfirst[k] && l->gfirst[k] - c->m[v].last <= 8) ||
				    (c->m[v].first > l->glast[k] && c->m[v].first - l->glast[k] <= 4))
					l->aim[k] = "national-security";
	}
	for (size_t i = 0; i < c->n_m && l->n_vague < 8; i++)
		if (c->m[i].concept == c->concept[C_VAGUE] && ck_in_sentence(&c->m[i], s) && (c->m[i].first > from || c->lex->verb_final)) {
			l->vfirst[l->n_vague] = c->m[i].first;
			l->vlast[l->n_vague++] = c->m[i].last;
		}
	/* a condition that names only legitimate, precise aims ("must not
	 * violate the rights of others", ICCPR art. 5) conditions nothing */
	bool broad = l->n_vague > 0;
	for (size_t k = 0; k < n_grounds; k++)
		if (!ck_aim_of_any(c, l->aim[k]))
			broad = true;
	l->blanket = cond != SIZE_MAX && broad && (closed || gen != SIZE_MAX);
}

/* The rights a grant is about: those named nearest to the verb ("have the
 * right to freedom of association" — not the associations mentioned later
 * in "information on the activity of public associations"). */
static rightset granted_rights(const ctx *c, const sentence *s, size_t grant)
{
	size_t best = SIZE_MAX;
	const cov_match *g = &c->m[grant];
	for (size_t i = 0; i < c->n_m; i++) {
		const cov_match *m = &c->m[i];
		if (m->concept >= 512 || !c->right_of_concept[m->concept] || !ck_in_sentence(m, s))
			continue;
		size_t d = m->first > g->last ? m->first - g->last : g->first > m->last ? g->first - m->last : 0;
		if (d < best)
			best = d;
	}
	rightset set = 0;
	for (size_t i = 0; i < c->n_m; i++) {
		const cov_match *m = &c->m[i];
		if (m->concept >= 512 || !c->right_of_concept[m->concept] || !ck_in_sentence(m, s))
			continue;
		size_t d = m->first > g->last ? m->first - g->last : g->first > m->last ? g->first - m->last : 0;
		if (d == best)
			set |= (rightset)1 << c->right_of_concept[m->concept];
	}
	return set;
}

/* The rights a grant gives as its object: named within a few words after
 * the verb ("Citizens have the right to freedom of association"), not in a
 * list of grounds ("… regardless of sex, creed, religion"), not a party
 * or political association (art. 25: "association for political purposes"),
 * not "without discrimination" trailing a grant of something else. */
static rightset object_rights_before(const ctx *c, const sentence *s, size_t grant);

static rightset object_rights(const ctx *c, const sentence *s, size_t grant)
{
	if (c->lex->verb_final)
		return object_rights_before(c, s, grant);
	const cov_match *g = &c->m[grant];
	size_t limit = g->last + 10;
	size_t gl = ck_find(c, C_GROUNDS_LIST, s, g->last);
	if (gl != SIZE_MAX && c->m[gl].first < limit)
		limit = c->m[gl].first;
	size_t cap = gl != SIZE_MAX ? c->m[gl].first : SIZE_MAX;
	rightset set = 0;
	/* a list goes on: "freedom of opinion and speech, freedom of the press,
	 * the right to be informed, and the right to assemble, form
	 * associations" — each right named reaches the window further */
	for (bool grew = true; grew;) {
		grew = false;
		for (size_t i = 0; i < c->n_m; i++) {
			const cov_match *m = &c->m[i];
			if (m->concept < 512 && c->right_of_concept[m->concept] && ck_in_sentence(m, s) && m->last > g->last &&
			    m->first < limit && m->last + 10 > limit && m->last + 10 <= cap) {
				limit = m->last + 10;
				grew = true;
			}
		}
	}
	for (size_t i = 0; i < c->n_m; i++) {
		const cov_match *m = &c->m[i];
		if (m->concept >= 512 || !c->right_of_concept[m->concept] || !ck_in_sentence(m, s) || m->last <= g->last ||
		    m->first < g->first || m->first >= limit)
			continue;
		int art = c->right_of_concept[m->concept];
		/* "without discrimination" (the lexicon's non-discrimination words) trails a grant of something else */
		bool nd = false;
		for (size_t k = 0; (c->equality & ((rightset)1 << art)) && k < c->n_m && !nd; k++)
			nd = c->m[k].concept == c->concept[C_NONDISCRIMINATION] && c->m[k].first == m->first;
		if (nd)
			continue;
		if (c->not_near[art] >= 0) {
			/* "not-near: political": a party or political association is art. 25 */
			bool near = false;
			for (size_t k = 0; k < c->n_m && !near; k++) {
				const cov_match *p = &c->m[k];
				if (p->concept == c->not_near[art] && ck_in_sentence(p, s) && p->first + 3 >= m->first &&
				    p->first <= m->last + 3)
					near = true;
			}
			if (near)
				continue;
		}
		set |= (rightset)1 << art;
	}
	return set;
}

/* The same in a verb-final language (kk: «Әр адам өмір сүруге, бостандықта
 * болуға … құқылы»): the rights named in the few words before the verb,
 * a list reaching further back with each right it names. */
static rightset object_rights_before(const ctx *c, const sentence *s, size_t grant)
{
	const cov_match *g = &c->m[grant];
	size_t lo = g->first > 10 ? g->first - 10 : 0;
	for (bool grew = true; grew;) {
		grew = false;
		for (size_t i = 0; i < c->n_m; i++) {
			const cov_match *m = &c->m[i];
			if (m->concept < 512 && c->right_of_concept[m->concept] && ck_in_sentence(m, s) && m->last < g->first &&
			    m->last >= lo && m->first < lo + 10 && m->first >= 10 && m->first - 10 < lo) {
				lo = m->first - 10;
				grew = true;
			}
		}
	}
	rightset set = 0;
	for (size_t i = 0; i < c->n_m; i++) {
		const cov_match *m = &c->m[i];
		if (m->concept < 512 && c->right_of_concept[m->concept] && ck_in_sentence(m, s) && m->last < g->first &&
		    m->last >= lo)
			set |= (rightset)1 << c->right_of_concept[m->concept];
	}
	return set;
}

/* ---- one provision ---- */

static const char *article_of(const ctx *c, const cov_node *n)
{
	for (const cov_node *p = n; p; p = p->parent)
		if (p->kind == c->doc->primary)
			return p->num;
	return "";
}

/* The slot of `article` in the hash of article numbers (FNV-1a): where it
 * is, or the empty slot where it goes. */
size_t ck_art_slot(const ctx *c, const char *article)
{
	size_t h = 1469598103934665603u;
	for (const unsigned char *p = (const unsigned char *)article; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	size_t mask = c->n_art_slots - 1;
	for (h &= mask; c->art_slots[h] && strcmp(c->arts[c->art_slots[h] - 1].num, article) != 0; h = (h + 1) & mask)
		;
	return h;
}

static void note_article_rights(ctx *c, const char *article, rightset rights, rightset granted)
{
	if (c->n_art_slots) {
		size_t *slot = &c->art_slots[ck_art_slot(c, article)];
		if (*slot) {
			c->arts[*slot - 1].rights |= rights;
			c->arts[*slot - 1].granted |= granted;
			return;
		}
	}
	if ((c->n_arts + 1) * 2 > c->n_art_slots) { /* grow the hash: every article again */
		size_t n = c->n_art_slots ? c->n_art_slots * 2 : 64;
		size_t *slots = calloc(n, sizeof *slots);
		if (!slots) {
			c->status = cov_error_set(COV_ENOMEM, "out of memory");
			return;
		}
		free(c->art_slots);
		c->art_slots = slots;
		c->n_art_slots = n;
		for (size_t i = 0; i < c->n_arts; i++)
			c->art_slots[ck_art_slot(c, c->arts[i].num)] = i + 1;
	}
	if (!GROW(c->arts, c->n_arts, c->cap_arts)) {
		c->status = cov_error_set(COV_ENOMEM, "out of memory");
		return;
	}
	c->art_slots[ck_art_slot(c, article)] = c->n_arts + 1;
	c->arts[c->n_arts].num = article;
	c->arts[c->n_arts].rights = rights;
	c->arts[c->n_arts].open = 0;
	c->arts[c->n_arts++].granted = granted;
}

/* The article's rights guaranteed to no one in particular or to everyone. */
static void note_article_open(ctx *c, const char *article, rightset open)
{
	note_article_rights(c, article, 0, 0);
	size_t slot = c->n_art_slots ? c->art_slots[ck_art_slot(c, article)] : 0;
	if (slot)
		c->arts[slot - 1].open |= open;
}

rightset ck_article_open(const ctx *c, const char *article)
{
	size_t slot = c->n_art_slots ? c->art_slots[ck_art_slot(c, article)] : 0;
	return slot ? c->arts[slot - 1].open : 0;
}

/* "guarantees", "is inviolable" (not "protection of independence", not
 * "security"): a sentence that guarantees what it names */
static bool guarantees(const ctx *c, const sentence *s)
{
	static const char *const stems[] = {"guarant", "inviolab", "гарантир", "неприкосновен"};
	for (size_t k = ck_find(c, C_PROTECTED, s, 0); k != SIZE_MAX; k = ck_find(c, C_PROTECTED, s, c->m[k].first + 1)) {
		const char *f = c->tokp->v[c->m[k].first].fold;
		for (size_t i = 0; i < sizeof stems / sizeof *stems; i++)
			if (strncmp(f, stems[i], strlen(stems[i])) == 0)
				return true;
	}
	return false;
}

/* Does sentence `s` grant or guarantee the rights it names, for the
 * coverage view: a grant verb, a guarantee ("The State protects marriage",
 * "is inviolable"), a holder at its start ("No one shall be subjected to
 * torture", "Everyone is equal before the law"), or a ban on torture. */
static rightset guaranteed_in(const ctx *c, const sentence *s, rightset named)
{
	if (!named)
		return 0;
	/* "No one shall be confined, restricted or arrested except …" */
	size_t he = ck_find(c, C_HOLDER_EVERYONE, s, 0);
	if (he != SIZE_MAX && c->m[he].first <= s->first + 3) {
		const char *f = c->tokp->v[c->m[he].first].fold;
		if (strcmp(f, "no") == 0 || strcmp(f, "nobody") == 0 || strcmp(f, "никто") == 0)
			return named;
	}
	if (ck_has(c, C_RESTRICT, s) || ck_has(c, C_DELEGATION, s))
		return 0;
	static const char *const stems[] = {"guarant", "inviolab", "protect", "safeguard", "sacrosanct",
					    "гарантир", "неприкосновен", "защищ", "охраня"};
	rightset near = 0; /* the rights named within a few words of the verb ("The State protects marriage") */
	for (size_t k = ck_find(c, C_PROTECTED, s, 0); k != SIZE_MAX; k = ck_find(c, C_PROTECTED, s, c->m[k].first + 1)) {
		const char *f = c->tokp->v[c->m[k].first].fold;
		bool verb = false;
		for (size_t i = 0; i < sizeof stems / sizeof *stems && !verb; i++)
			verb = strncmp(f, stems[i], strlen(stems[i])) == 0;
		for (size_t i = 0; verb && i < c->n_m; i++) {
			const cov_match *m = &c->m[i];
			int art = m->concept < 512 ? c->right_of_concept[m->concept] : 0;
			if (art && ck_in_sentence(m, s) && (named & ((rightset)1 << art)) &&
			    (m->first > c->m[k].last ? m->first - c->m[k].last : c->m[k].first - m->last) <= 10)
				near |= (rightset)1 << art;
		}
	}
	if (near)
		return near;
	/* a phrase that is itself a guarantee: "the right to life", "freedom of
	 * association", "presumed innocent", "equal before the law" */
	static const char *const heads[] = {"right", "freedom", "liberty", "presum", "equal", "fair", "прав", "свобод", "презумп", "равн"};
	rightset phrased = 0;
	for (size_t i = 0; i < c->n_m; i++) {
		const cov_match *m = &c->m[i];
		int art = m->concept < 512 ? c->right_of_concept[m->concept] : 0;
		if (!art || !ck_in_sentence(m, s) || !(named & ((rightset)1 << art)) || m->last == m->first)
			continue;
		const char *f = c->tokp->v[m->first].fold;
		for (size_t h = 0; h < sizeof heads / sizeof *heads; h++)
			if (strncmp(f, heads[h], strlen(heads[h])) == 0)
				phrased |= (rightset)1 << art;
	}
	if (phrased)
		return phrased;
	if (he != SIZE_MAX && c->m[he].first <= s->first + 3)
		return named;
	/* "Torture is forbidden"; "Any kind of discrimination … shall be forbidden" */
	if (ck_has(c, C_PROHIBITION, s) || ck_has(c, C_EQUALITY_CLAUSE, s))
		return named & c->by_prohibition;
	return 0;
}

static void provision(ctx *c, const cov_node *n, rightset *article_ctx)
{
	rightset granted_here = 0;
	size_t first = cov_tokens_at(c->tokp, n->text_start), last = cov_tokens_at(c->tokp, n->text_end);
	if (first >= last)
		return;
	c->n_m = 0;
	c->mask_s = NULL; /* the sentence mask is of the previous provision's matches */
	int rc = cov_match_range(c->lex, c->tokp, first, last, &c->m, &c->n_m, &c->cap_m);
	if (rc) {
		c->status = rc;
		return;
	}
	sentence ss[256];
	size_t ns = split_sentences(c, first, last, ss, 256);
	sentence whole = {first, last - 1, n->text_start, n->text_end};
	rightset own = ck_rights_in(c, &whole);
	if (ck_has(c, C_NONDISCRIMINATION, &whole)) {
		/* "religion" in a list of grounds is not the right of art. 18: a
		 * sentence on discrimination concerns art. 26 alone, the others of
		 * the provision what they name (UDHR art. 23: equal pay "without any
		 * discrimination"; the right to form and join trade unions) */
		own = c->equality;
		for (size_t i = 0; i < ns; i++)
			if (!ck_has(c, C_NONDISCRIMINATION, &ss[i]))
				own |= ck_rights_in(c, &ss[i]);
	}
	rightset ctx_rights = own ? own : *article_ctx;
	if (own)
		*article_ctx = own;
	const char *article = article_of(c, n);
	note_article_rights(c, article, own, 0);
	c->doc_rights |= own;

	if (!GROW(c->rev->provisions, c->rev->n_provisions, c->rev->cap_provisions)) {
		c->status = cov_error_set(COV_ENOMEM, "out of memory");
		c->rev->n_provisions = c->rev->cap_provisions = 0;
		return;
	}
	cov_provision *p = &c->rev->provisions[c->rev->n_provisions++];
	memset(p, 0, sizeof *p);
	p->node = n;
	p->article = article;
	p->holder = "";
	int *rights = cov_arena_alloc(&c->rev->arena, COV_MAX_ICCPR * sizeof *rights);
	for (int k = 1; rights && k < COV_MAX_ICCPR; k++)
		if (own & ((rightset)1 << k))
			rights[p->n_rights++] = k;
	p->rights = rights;
	cov_limitation *lims = cov_arena_alloc(&c->rev->arena, (ns + 1) * sizeof *lims);

	for (size_t i = 0; i < ns && c->status == COV_OK; i++) {
		const sentence *s = &ss[i];
		/* the concepts of this sentence, so that a rule's look-up of one it
		 * lacks (most of them) costs a bit test */
		c->mask_s = s;
		memset(c->mask, 0, sizeof c->mask);
		for (size_t k = 0; k < c->n_m; k++) {
			int ck = c->m[k].concept < 512 ? c->c_of_concept[c->m[k].concept] : -1;
			if (ck >= 0 && ck_in_sentence(&c->m[k], s))
				c->mask[ck >> 6] |= (uint64_t)1 << (ck & 63);
		}
		rightset srights = ck_rights_in(c, s) & own;
		/* who holds the right this sentence grants: the subject, at the
		 * start of the sentence before the verb ("Граждане … имеют право",
		 * "Everyone has the right"); "the rights of other citizens" later
		 * in a sentence is no holder */
		size_t grant = ck_find(c, C_GRANT, s, 0);
		/* "не вправе", "shall not have the right": no grant */
		for (size_t k = ck_find(c, C_NEGATION, s, 0); grant != SIZE_MAX && k != SIZE_MAX;
		     k = ck_find(c, C_NEGATION, s, c->m[k].first + 1))
			if (c->m[k].last + 1 == c->m[grant].first || (c->m[k].first >= c->m[grant].first && c->m[k].last <= c->m[grant].last))
				grant = SIZE_MAX;
		if (srights && grant != SIZE_MAX) {
			size_t he = ck_find(c, C_HOLDER_EVERYONE, s, 0), hc = ck_find(c, C_HOLDER_CITIZENS, s, 0);
			if (he != SIZE_MAX && (c->m[he].first > s->first + 3 || c->m[he].first > c->m[grant].first))
				he = SIZE_MAX;
			if (hc != SIZE_MAX && (c->m[hc].first > s->first + 3 || c->m[hc].first > c->m[grant].first))
				hc = SIZE_MAX;
			bool citizens = hc != SIZE_MAX && (he == SIZE_MAX || c->m[hc].first < c->m[he].first);
			srights = granted_rights(c, s, grant);
			note_article_rights(c, article, 0, srights);
			if (!p->holder[0])
				p->holder = citizens ? "citizens" : he != SIZE_MAX ? "everyone" : "";
			rightset object = object_rights(c, s, grant);
			granted_here |= srights | object;
			if (!citizens) {
				c->granted_everyone |= object | (he == SIZE_MAX && hc == SIZE_MAX ? srights : 0);
				note_article_open(c, article, object | srights);
			}
			/* the citizens' own rights (art. 25) and those that are no right of their own (art. 2) */
			object &= ~c->accessory;
			for (int art = 1; art < COV_MAX_ICCPR; art++) {
				const cov_std_article *a = cov_rights_article(c->r, art);
				if ((object & ((rightset)1 << art)) && !(a && a->everyone))
					object &= ~((rightset)1 << art);
			}
			if (citizens && object) {
				if (GROW(c->holders, c->n_holders, c->cap_holders)) {
					holder_cand *h = &c->holders[c->n_holders++];
					h->node = n;
					h->article = article;
					h->s = *s;
					h->rights = object;
					h->first = c->m[hc].first;
					h->last = c->m[hc].last;
					/* every art. 19 word of the sentence is one of information */
					h->information = (object & ((rightset)1 << 19)) && ck_find(c, C_INFORMATION, s, 0) != SIZE_MAX;
					for (size_t k = 0; k < c->n_m && h->information; k++) {
						const cov_match *m = &c->m[k];
						if (m->concept >= 512 || c->right_of_concept[m->concept] != 19 || !ck_in_sentence(m, s))
							continue;
						bool info = false;
						for (size_t j = ck_find(c, C_INFORMATION, s, 0); j != SIZE_MAX && !info; j = ck_find(c, C_INFORMATION, s, c->m[j].first + 1))
							info = c->m[j].first == m->first; /* "receive … information", not "impart information" */
						h->information = info;
					}
				} else {
					c->status = cov_error_set(COV_ENOMEM, "out of memory");
				}
			}
		}
		/* "The State guarantees the secrecy of correspondence": guaranteed to
		 * no one in particular, which a later "Any citizen has the right …"
		 * in the same article adds to and does not narrow */
		else if (srights && !ck_has(c, C_HOLDER_CITIZENS, s) && guarantees(c, s) && !ck_has(c, C_RESTRICT, s) &&
			 !ck_has(c, C_CONDITION, s) && !ck_has(c, C_BY_LAW, s) && !ck_has(c, C_NEGATION, s))
			note_article_open(c, article, srights);
		if (srights && grant == SIZE_MAX)
			granted_here |= guaranteed_in(c, s, sentence_rights(c, s, s->last + 1) & own);
		size_t before = lims ? p->n_limitations : 0;
		limitation_rules(c, n, article, s, ctx_rights, lims ? &lims[p->n_limitations] : NULL);
		if (lims && (lims[before].end > 0))
			p->n_limitations++;
		size_t n_defs;
		const cov_rule_def *defs = cov_rule_table(&n_defs);
		for (size_t d = 0; d < n_defs && c->status == COV_OK; d++)
			if (defs[d].on_sentence)
				defs[d].on_sentence(c, n, article, s, own);
	}
	c->mask_s = NULL;
	p->limitations = lims;
	granted_here &= own;
	int *gr = cov_arena_alloc(&c->rev->arena, COV_MAX_ICCPR * sizeof *gr);
	for (int k = 1; gr && k < COV_MAX_ICCPR; k++)
		if (granted_here & ((rightset)1 << k))
			gr[p->n_granted++] = k;
	p->granted = gr;
	/* named guarantees ("guarantee strike" in the lexicon) and treaty primacy */
	enum { MAX_GUARANTEES = 32 }; /* the lexicons name 18 (ICESCR arts. 6-15 among them) and treaty primacy */
	const char **g = cov_arena_alloc(&c->rev->arena, MAX_GUARANTEES * sizeof *g);
	for (size_t i = 0; g && i < c->n_m && p->n_guarantees < MAX_GUARANTEES; i++) {
		const char *name = c->r->concepts[c->m[i].concept];
		const char *add = strncmp(name, "guarantee ", 10) == 0 ? name + 10 : NULL;
		if (c->m[i].concept == c->concept[C_TREATY_PRIMACY] && ck_has(c, C_TREATY, &whole))
			add = "treaty-primacy";
		bool dup = false;
		for (size_t k = 0; add && k < p->n_guarantees; k++)
			dup |= strcmp(g[k], add) == 0;
		if (add && !dup)
			g[p->n_guarantees++] = add;
	}
	p->guarantees = g;
}

/* ---- after the walk ---- */

bool ck_is_number(const char *f)
{
	return f[0] >= '0' && f[0] <= '9';
}

/* Do the bytes between two tokens make a range ("11-18", "11–18", "11 to 18")? */
static bool range_between(const ctx *c, size_t a, size_t b)
{
	const char *t = c->doc->text;
	size_t from = c->tokp->v[a].end, to = c->tokp->v[b].start;
	if (b == a + 2 && (strcmp(c->tokp->v[a + 1].fold, "to") == 0 || strcmp(c->tokp->v[a + 1].fold, "по") == 0))
		return true;
	if (b != a + 1)
		return false;
	for (size_t i = from; i < to; i++)
		if (t[i] == '-' || (i + 2 < to + 2 && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
				     ((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94)))
			return true;
	return false;
}

/* What article `num` puts out of reach when a list names it. */
static rightset article_listed(ctx *c, const char *num, rightset granted_anywhere)
{
	size_t slot = c->n_art_slots ? c->art_slots[ck_art_slot(c, num)] : 0;
	return slot ? c->arts[slot - 1].granted | (c->arts[slot - 1].rights & ~granted_anywhere) : 0;
}

/* The rights a list of articles puts out of reach ("… предусмотренные
 * статьями 12, 14, 16 …"): a right counts when an article that grants it
 * ("Everyone has the right to freedom of conscience") is listed; an article
 * that only mentions it (a privacy article mentioning information) does
 * not count unless no article grants that right at all.  Each number of
 * the list is looked up among the articles (not each article in the list). */
rightset ck_listed_rights(ctx *c, const sentence *list, size_t n, size_t *numbers)
{
	rightset granted_anywhere = 0;
	for (size_t i = 0; i < c->n_arts; i++)
		granted_anywhere |= c->arts[i].granted;
	rightset out = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = list[i].first; k <= list[i].last; k++) {
			const char *fold = c->tokp->v[k].fold;
			if (!ck_is_number(fold))
				continue;
			if (numbers)
				(*numbers)++;
			out |= article_listed(c, fold, granted_anywhere);
			/* ranges are ranges: "Articles 11–18" lists 12 … 17 too */
			bool plain = strspn(fold, "0123456789") == strlen(fold);
			for (size_t e = k + 1; plain && e <= k + 2 && e <= list[i].last; e++)
				if (ck_is_number(c->tokp->v[e].fold) && range_between(c, k, e)) {
					long lo = strtol(fold, NULL, 10), hi = strtol(c->tokp->v[e].fold, NULL, 10);
					for (long v = lo + 1; lo < hi && hi - lo < 200 && v < hi; v++) {
						char num[24];
						snprintf(num, sizeof num, "%ld", v);
						out |= article_listed(c, num, granted_anywhere);
					}
				}
		}
	return out;
}

/* What the rules judged after the walk share: the rights the text puts out
 * of reach of any restriction, and the rights a general limitation clause
 * governs (those of the articles it lists, or every restrictable right of
 * the document) and supplies a necessity test to.  Then each rule's
 * after_walk hook, in table order. */
static void after_walk(ctx *c)
{
	sentence *lists = malloc((c->n_nonrestr + 1) * sizeof *lists);
	if (!lists) {
		c->status = cov_error_set(COV_ENOMEM, "out of memory");
		return;
	}
	for (size_t i = 0; i < c->n_nonrestr; i++)
		lists[i] = c->nonrestr[i].s;
	rightset excluded = ck_listed_rights(c, lists, c->n_nonrestr, NULL);
	free(lists);
	for (size_t i = 0; i < c->n_nonrestr; i++)
		excluded |= c->nonrestr[i].named;
	c->excluded = excluded;
	rightset doc_closed = ck_closed_of(c, c->doc_rights) & ~excluded;
	for (size_t i = 0; i < c->n_lims; i++) {
		limit_cand *l = &c->lims[i];
		if (!l->general)
			continue;
		size_t numbers = 0;
		rightset listed_set = ck_listed_rights(c, &l->s, 1, &numbers);
		l->rights = numbers ? ck_closed_of(c, listed_set) & ~excluded : doc_closed;
		/* a general clause with a necessity test supplies it to every right
		 * it governs, those out of reach in an emergency too */
		if (l->provision_necessity)
			c->gen_nec |= numbers ? ck_closed_of(c, listed_set) : ck_closed_of(c, c->doc_rights);
	}
	size_t n_defs;
	const cov_rule_def *defs = cov_rule_table(&n_defs);
	for (size_t d = 0; d < n_defs && c->status == COV_OK; d++)
		if (defs[d].after_walk)
			defs[d].after_walk(c);
}

/* ---- entry points ---- */

static int cmp_finding(const void *a, const void *b)
{
	const cov_finding *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

/* The standards of a selection ("iccpr", "iccpr,icescr", "all"; NULL is
 * all), as a bit per index of data->rights->standards. */
static int standards_selected(const struct cov_rights_data *r, const char *standard, uint64_t *out)
{
	*out = 0;
	if (!standard || strcmp(standard, "all") == 0) {
		*out = ~(uint64_t)0;
		return COV_OK;
	}
	for (const char *p = standard; *p;) {
		size_t len = strcspn(p, ",");
		size_t k = r->n_standards;
		for (size_t i = 0; i < r->n_standards && k == r->n_standards; i++)
			if (strlen(r->standards[i].id) == len && strncmp(r->standards[i].id, p, len) == 0)
				k = i;
		if (k == r->n_standards || k >= 64) {
			char known[256] = "";
			for (size_t i = 0; i < r->n_standards; i++) {
				size_t l = strlen(known);
				snprintf(known + l, sizeof known - l, "%s, ", r->standards[i].id);
			}
			return cov_error_set(COV_EUSAGE, "unknown standard '%.*s' (data/standards/ has %sall)", (int)len, p, known);
		}
		*out |= (uint64_t)1 << k;
		p += len;
		p += *p == ',';
	}
	return COV_OK;
}

/* Is finding `f` about a standard of the selection?  One that cites no
 * article is about every standard. */
static bool finding_selected(const struct cov_rights_data *r, const cov_finding *f, uint64_t sel)
{
	if (f->standard)
		return sel & 1; /* an ICCPR article: data/standards/iccpr.txt is standards[0] */
	if (!f->standard_id)
		return true;
	size_t len = strcspn(f->standard_id, ":");
	for (size_t i = 0; i < r->n_standards && i < 64; i++)
		if (strlen(r->standards[i].id) == len && strncmp(r->standards[i].id, f->standard_id, len) == 0)
			return sel & ((uint64_t)1 << i);
	return true;
}

static int check_lexicon(const cov_data *data, const cov_doc *doc, const char *standard, const cov_rlex **lex)
{
	uint64_t sel;
	int rc0 = standards_selected(data->rights, standard, &sel);
	if (rc0)
		return rc0;
	int rc = cov_rights_lexicon_get(data->rights, doc->language, lex);
	if (rc)
		return rc;
	if (!*lex)
		return cov_error_set(COV_EINPUT,
				     "%s: no rights lexicon for language '%s' (data/rights/ has %zu; use --lang to say "
				     "which language the text is in)",
				     doc->name, doc->language, data->rights->n_langs);
	return COV_OK;
}

int cov_check(const cov_data *data, const cov_doc *doc, const char *standard, cov_review **out)
{
	*out = NULL;
	const cov_rlex *lex;
	int rc = check_lexicon(data, doc, standard, &lex);
	if (rc)
		return rc;
	cov_tokens tok;
	rc = cov_tokenize_lex(doc->text, doc->len, lex, &tok);
	if (rc)
		return rc;
	rc = cov_check_tokens(data, doc, standard, &tok, out);
	cov_tokens_free(&tok);
	return rc;
}

int cov_check_tokens(const cov_data *data, const cov_doc *doc, const char *standard, cov_tokens *tok,
		     cov_review **out)
{
	*out = NULL;
	const struct cov_rights_data *r = data->rights;
	const cov_rlex *lex;
	int rc0 = check_lexicon(data, doc, standard, &lex);
	if (rc0)
		return rc0;
	ctx *c = calloc(1, sizeof *c);
	cov_review *rev = calloc(1, sizeof *rev);
	if (!c || !rev) {
		free(c);
		free(rev);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	cov_arena_init(&rev->arena);
	rev->doc = doc;
	c->data = data;
	c->r = r;
	c->lex = lex;
	c->doc = doc;
	c->rev = rev;
	for (int k = 0; k < C_COUNT; k++)
		c->concept[k] = cov_rights_concept(r, concept_names[k]);
	for (int k = 0; k < 512; k++)
		c->c_of_concept[k] = -1;
	for (int k = 0; k < C_COUNT; k++)
		if (c->concept[k] >= 0 && c->concept[k] < 512)
			c->c_of_concept[c->concept[k]] = k;
	for (size_t i = 0; i < r->n_concepts && i < 512; i++) {
		const char *name = r->concepts[i];
		if (strncmp(name, "right ", 6) == 0)
			c->right_of_concept[i] = atoi(name + 6) < COV_MAX_ICCPR ? atoi(name + 6) : 0;
		else if (strncmp(name, "ground ", 7) == 0)
			c->aim_of_concept[i] = name + 7;
	}
	for (int k = 0; k < COV_MAX_ICCPR; k++)
		c->not_near[k] = -1;
	for (size_t i = 0; i < r->n_iccpr; i++) {
		const cov_std_article *a = &r->iccpr[i];
		rightset bit = (rightset)1 << a->num;
		c->equality |= a->equality ? bit : 0;
		c->by_prohibition |= a->by_prohibition ? bit : 0;
		c->accessory |= a->accessory ? bit : 0;
		c->cite_first |= a->cite_first ? bit : 0;
		c->non_derogable |= a->non_derogable ? bit : 0;
		if (a->not_near)
			c->not_near[a->num] = cov_rights_concept(r, a->not_near);
	}
	/* which other standards re-test limitation clauses */
	uint64_t chosen = ~(uint64_t)0;
	standards_selected(r, standard, &chosen);
	bool named = standard && strcmp(standard, "all") != 0;
	for (size_t i = 1; i < r->n_standards && i < 64; i++)
		if ((chosen & ((uint64_t)1 << i)) && (named || r->standards[i].by_default))
			c->judge |= (uint64_t)1 << i;
	c->tokp = tok;
	int rc = COV_OK;
	{
		cov_iter it;
		cov_iter_init(&it, doc->root);
		cov_event ev;
		rightset article_ctx = 0;
		while (c->status == COV_OK && (ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
			const cov_node *n = it.node;
			if (ev != COV_EVENT_ENTER)
				continue;
			if (n->kind == doc->primary)
				article_ctx = 0;
			bool in_unit = false;
			for (const cov_node *p = n; p; p = p->parent)
				if (p->kind == doc->primary)
					in_unit = true;
			if (in_unit && n->text_end > n->text_start && n->kind != COV_NODE_NOTE)
				provision(c, n, &article_ctx);
		}
		if (c->status == COV_OK)
			after_walk(c);
		rc = c->status;
	}
	uint64_t sel = ~(uint64_t)0;
	if (rc == COV_OK)
		standards_selected(r, standard, &sel);
	rev->standards = sel;
	if (!standard || strcmp(standard, "all") == 0) /* "all": the standards judged by default */
		for (size_t i = 0; i < r->n_standards && i < 64; i++)
			if (!r->standards[i].by_default)
				rev->standards &= ~((uint64_t)1 << i);
	if (rc == COV_OK && sel != ~(uint64_t)0) { /* --standard: the findings on the standards chosen */
		size_t k = 0;
		for (size_t i = 0; i < rev->n_findings; i++)
			if (finding_selected(r, &rev->findings[i], sel))
				rev->findings[k++] = rev->findings[i];
		rev->n_findings = k;
	}
	if (rc == COV_OK && rev->n_findings)
		qsort(rev->findings, rev->n_findings, sizeof *rev->findings, cmp_finding);
	free(c->m);
	free(c->lims);
	free(c->holders);
	free(c->arts);
	free(c->art_slots);
	free(c->nonrestr);
	free(c->emergency);
	free(c);
	if (rc) {
		cov_review_free(rev);
		return rc;
	}
	*out = rev;
	return COV_OK;
}

void cov_review_free(cov_review *rev)
{
	if (!rev)
		return;
	free(rev->findings);
	free(rev->provisions);
	cov_arena_free(&rev->arena);
	free(rev);
}

const cov_doc *cov_review_doc(const cov_review *r) { return r->doc; }

bool cov_review_standard_chosen(const cov_data *data, const cov_review *r, const char *id, size_t len)
{
	const struct cov_rights_data *rd = data->rights;
	for (size_t i = 0; i < rd->n_standards && i < 64; i++)
		if (strlen(rd->standards[i].id) == len && strncmp(rd->standards[i].id, id, len) == 0)
			return r->standards & ((uint64_t)1 << i);
	return true;
}
size_t cov_review_count(const cov_review *r) { return r->n_findings; }
const cov_finding *cov_review_finding(const cov_review *r, size_t i) { return i < r->n_findings ? &r->findings[i] : NULL; }
size_t cov_review_provision_count(const cov_review *r) { return r->n_provisions; }
const cov_provision *cov_review_provision(const cov_review *r, size_t i)
{
	return i < r->n_provisions ? &r->provisions[i] : NULL;
}

const char *cov_standard_cite(const cov_data *data, int article)
{
	const cov_std_article *a = cov_rights_article(data->rights, article);
	return a && a->cite ? a->cite : "";
}

const char *cov_standard_citation(const cov_data *data, int article)
{
	const cov_std_article *a = cov_rights_article(data->rights, article);
	return a && a->citation ? a->citation : "";
}

const char *cov_standard_right(const cov_data *data, int article)
{
	const cov_std_article *a = cov_rights_article(data->rights, article);
	return a && a->right ? a->right : "";
}
