/*
 * report.c — covenant report (report.h): the review a person reads, sends
 * or prints.  HTML is one file with inline CSS and no script at all (a
 * Content-Security-Policy forbids any), well-formed as XML so that it can
 * be checked by a parser; every piece of the document's text is escaped.
 * Markdown carries the same content.
 *
 * Findings are read through the public accessors only (cov_review_*,
 * cov_finding fields, finding_rights() below for the ICCPR articles a
 * finding concerns), so a change in how the check groups findings touches
 * one function here.
 */
#include "report.h"
#include "render.h"
#include "../doc/doc.h"
#include "../rights/rights.h" /* COV_MAX_ICCPR */

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RIGHTS 8

/* ---- the data: recommendations and suggested-wording rules ---- */

typedef struct rec_rule {
	const char *id, *text;
} rec_rule;

typedef struct phrase_list {
	const char **v;
	size_t n;
} phrase_list;

typedef struct wording_rules {
	bool present;
	const char *test;
	phrase_list intro, bylaw, necessity, conj, governs;
} wording_rules;

typedef struct recs {
	cov_arena arena;
	rec_rule *rules;
	size_t n_rules;
	wording_rules w;
} recs;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	cov_buf b;
	cov_buf_init(&b);
	char tmp[8192];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		cov_buf_put(&b, tmp, n);
	bool bad = ferror(f) || b.oom;
	fclose(f);
	if (bad) {
		cov_buf_free(&b);
		return NULL;
	}
	if (!b.ptr)
		cov_buf_puts(&b, "");
	return cov_buf_detach(&b, len);
}

static int split_phrases(cov_arena *a, char *v, phrase_list *out)
{
	size_t n = 1;
	for (char *p = v; *p; p++)
		n += *p == '|';
	out->v = cov_arena_alloc(a, n * sizeof *out->v);
	if (!out->v)
		return cov_error_set(COV_ENOMEM, "out of memory");
	out->n = 0;
	for (char *save = NULL, *t = strtok_r(v, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
		t = cov_trim(t);
		if (*t)
			out->v[out->n++] = cov_arena_strndup(a, t, strlen(t));
	}
	return COV_OK;
}

static int load_rules(recs *r, const char *dir)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/recommendations/rules.txt", dir);
	size_t len;
	char *s = slurp(path, &len);
	if (!s)
		return cov_error_set(COV_EDATA, "%s: %s", path, errno ? strerror(errno) : "cannot be read");
	size_t cap = 1;
	for (size_t i = 0; i < len; i++)
		cap += s[i] == '\n';
	r->rules = cov_arena_alloc(&r->arena, cap * sizeof *r->rules);
	int rc = r->rules ? COV_OK : cov_error_set(COV_ENOMEM, "out of memory");
	int lineno = 0;
	for (char *save = NULL, *line = strtok_r(s, "\n", &save); line && rc == COV_OK;
	     line = strtok_r(NULL, "\n", &save)) {
		lineno++;
		line = cov_trim(line);
		if (!*line || *line == '#')
			continue;
		char *bar = strchr(line, '|');
		if (!bar) {
			rc = cov_error_set(COV_EDATA, "%s: expected 'rule | recommendation' in \"%.60s\"", path, line);
			break;
		}
		*bar = '\0';
		char *id = cov_trim(line), *text = cov_trim(bar + 1);
		if (!*id || !*text) {
			rc = cov_error_set(COV_EDATA, "%s: a rule id and its recommendation are both needed (\"%.60s\")",
					   path, id);
			break;
		}
		r->rules[r->n_rules].id = cov_arena_strndup(&r->arena, id, strlen(id));
		r->rules[r->n_rules].text = cov_arena_strndup(&r->arena, text, strlen(text));
		r->n_rules++;
	}
	free(s);
	return rc;
}

/* data/recommendations/<lang>.txt; none for the language is no error. */
static int load_wording(recs *r, const char *dir, const char *lang)
{
	char path[4096];
	if (!lang || !*lang || strchr(lang, '/') || strchr(lang, '.'))
		return COV_OK;
	snprintf(path, sizeof path, "%s/recommendations/%s.txt", dir, lang);
	size_t len;
	char *s = slurp(path, &len);
	if (!s)
		return COV_OK;
	int rc = COV_OK;
	wording_rules *w = &r->w;
	for (char *save = NULL, *line = strtok_r(s, "\n", &save); line && rc == COV_OK;
	     line = strtok_r(NULL, "\n", &save)) {
		line = cov_trim(line);
		if (!*line || *line == '#')
			continue;
		char *colon = strchr(line, ':');
		if (!colon) {
			rc = cov_error_set(COV_EDATA, "%s: expected 'key: phrase | phrase' in \"%.60s\"", path, line);
			break;
		}
		*colon = '\0';
		char *key = cov_trim(line), *v = cov_trim(colon + 1);
		if (strcmp(key, "test") == 0)
			w->test = cov_arena_strndup(&r->arena, v, strlen(v));
		else if (strcmp(key, "intro") == 0)
			rc = split_phrases(&r->arena, v, &w->intro);
		else if (strcmp(key, "by-law") == 0)
			rc = split_phrases(&r->arena, v, &w->bylaw);
		else if (strcmp(key, "necessity") == 0)
			rc = split_phrases(&r->arena, v, &w->necessity);
		else if (strcmp(key, "conjunction") == 0)
			rc = split_phrases(&r->arena, v, &w->conj);
		else if (strcmp(key, "governing") == 0)
			rc = split_phrases(&r->arena, v, &w->governs);
		else if (strcmp(key, "language") != 0)
			rc = cov_error_set(COV_EDATA, "%s: unknown key '%s'", path, key);
	}
	free(s);
	if (rc == COV_OK && (!w->test || !*w->test || !w->intro.n))
		rc = cov_error_set(COV_EDATA, "%s: 'test' and 'intro' are both needed", path);
	w->present = rc == COV_OK;
	return rc;
}

static const char *rec_text(const recs *r, const char *rule)
{
	for (size_t i = 0; i < r->n_rules; i++)
		if (strcmp(r->rules[i].id, rule) == 0)
			return r->rules[i].text;
	return NULL;
}

/* ---- findings through the public accessors ---- */

/* The ICCPR articles a finding concerns (today one, or none). */
static size_t finding_rights(const cov_finding *f, int *out, size_t cap)
{
	if (f->standard > 0 && cap) {
		out[0] = f->standard;
		return 1;
	}
	return 0;
}

static int first_right(const cov_finding *f)
{
	int r[MAX_RIGHTS];
	return finding_rights(f, r, MAX_RIGHTS) ? r[0] : 0;
}

/* The article (the document's numbered unit) a node belongs to; the node
 * itself when it is in none (a preamble). */
static const cov_node *article_of(const cov_doc *doc, const cov_node *n)
{
	cov_node_kind k = cov_doc_primary_kind(doc);
	for (const cov_node *p = n; p; p = cov_node_parent(p))
		if (cov_node_kind_of(p) == k)
			return p;
	return n;
}

static size_t line_of(const cov_doc *doc, const cov_finding *f)
{
	size_t len, line = cov_node_line(f->node);
	const char *t = cov_doc_text(doc, &len);
	for (size_t i = cov_node_start(f->node); i < f->start && i < len; i++)
		line += t[i] == '\n';
	return line;
}

/* ---- the report being written ---- */

typedef struct edit {
	size_t start, end;  /* struck */
	const char *insert; /* put in their place, or NULL */
} edit;

typedef struct wording {
	size_t start, end; /* the clause (a sentence) */
	edit edits[16];
	size_t n_edits;
} wording;

typedef struct rep {
	const cov_data *data;
	const cov_review *r;
	const cov_doc *doc;
	const cov_comparison *cmp;
	const cov_report_meta *m;
	cov_buf *b;
	bool md;
	recs rec;
	size_t nf;
	char (*ids)[13];     /* per finding: its stable id (docs/json.md) */
	int *wording_of;     /* per finding: index of its suggested wording, -1 */
	wording *w;
	size_t nw;
	const cov_node **old_anchored; /* old articles given an id in the comparison */
	size_t n_old_anchored;
} rep;

static const char *sev_name(cov_severity s)
{
	return cov_severity_name(s);
}

/* ---- escaping ---- */

/* HTML: text and attribute values alike.  Control characters (which XML
 * refuses) become spaces; `flat` makes line ends spaces too. */
static void esc(cov_buf *b, const char *s, size_t n, bool flat)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *sub = NULL;
		char one[2] = {0, 0};
		switch (c) {
		case '&': sub = "&amp;"; break;
		case '<': sub = "&lt;"; break;
		case '>': sub = "&gt;"; break;
		case '"': sub = "&quot;"; break;
		case '\'': sub = "&#39;"; break;
		case '\n': if (flat) sub = " "; break;
		case '\t': break;
		case '\r': sub = ""; break;
		default:
			if (c < 0x20 || c == 0x7f) {
				one[0] = ' ';
				sub = one;
			}
		}
		if (sub) {
			cov_buf_put(b, s + run, i - run);
			cov_buf_puts(b, sub);
			run = i + 1;
		}
	}
	cov_buf_put(b, s + run, n - run);
}

/* Markdown: no raw HTML gets through (& < > as entities) and no character
 * that would start emphasis, a link, code or a heading is taken as such. */
static void md_esc(cov_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '&': cov_buf_puts(b, "&amp;"); break;
		case '<': cov_buf_puts(b, "&lt;"); break;
		case '>': cov_buf_puts(b, "&gt;"); break;
		case '\n': case '\r': case '\t': cov_buf_putc(b, ' '); break;
		case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '~':
			cov_buf_putc(b, '\\');
			cov_buf_putc(b, (char)c);
			break;
		default:
			cov_buf_putc(b, (char)(c < 0x20 || c == 0x7f ? ' ' : c));
		}
	}
}

static void text(rep *R, const char *s, size_t n)
{
	if (R->md)
		md_esc(R->b, s, n);
	else
		esc(R->b, s, n, true);
}

static void texts(rep *R, const char *s)
{
	text(R, s ? s : "", s ? strlen(s) : 0);
}

/* A span of the document with marks: [a,e) of `t`, the marks sorted and
 * not overlapping.  `br`: line ends kept (HTML <br/>). */
typedef struct mark {
	size_t start, end;
	const char *cls;   /* HTML class */
	const char *title; /* HTML title, NULL none */
} mark;

static void span(rep *R, const char *t, size_t a, size_t e, const mark *m, size_t nm, bool br)
{
	size_t i = a;
	for (size_t k = 0; k <= nm; k++) {
		size_t ms = k < nm ? m[k].start : e, me = k < nm ? m[k].end : e;
		if (ms < i || me > e || ms > me)
			continue;
		/* plain text before the mark, line by line */
		while (i < ms) {
			const char *nl = br ? memchr(t + i, '\n', ms - i) : NULL;
			size_t stop = nl ? (size_t)(nl - t) : ms;
			if (R->md)
				md_esc(R->b, t + i, stop - i);
			else
				esc(R->b, t + i, stop - i, true);
			i = stop;
			if (nl) {
				cov_buf_puts(R->b, R->md ? " " : "<br/>");
				i++;
			}
		}
		if (k == nm)
			break;
		if (R->md) {
			cov_buf_puts(R->b, "**");
			size_t x = ms, y = me;
			while (x < y && (t[x] == ' ' || t[x] == '\n'))
				x++;
			while (y > x && (t[y - 1] == ' ' || t[y - 1] == '\n'))
				y--;
			md_esc(R->b, t + x, y - x);
			cov_buf_puts(R->b, "**");
		} else {
			cov_buf_printf(R->b, "<mark class=\"%s\"", m[k].cls);
			if (m[k].title) {
				cov_buf_puts(R->b, " title=\"");
				esc(R->b, m[k].title, strlen(m[k].title), true);
				cov_buf_putc(R->b, '"');
			}
			cov_buf_putc(R->b, '>');
			esc(R->b, t + ms, me - ms, true);
			cov_buf_puts(R->b, "</mark>");
		}
		i = me;
	}
}

static void quote(rep *R, const cov_finding *f)
{
	size_t len;
	const char *t = cov_doc_text(f->doc, &len);
	mark m = {f->trigger_start, f->trigger_end, "trig", NULL};
	bool has = f->trigger_end > f->trigger_start && f->trigger_start >= f->start && f->trigger_end <= f->end;
	span(R, t, f->start, f->end, &m, has ? 1 : 0, false);
}

static void label(rep *R, const cov_node *n)
{
	cov_buf l;
	cov_buf_init(&l);
	cov_render_label(n, &l);
	texts(R, l.ptr ? l.ptr : "");
	cov_buf_free(&l);
}

/* ---- suggested wording of limitation clauses ---- */

static bool is_word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* First occurrence of `p` in t[a,e) on word boundaries, or SIZE_MAX. */
static size_t find_phrase(const char *t, size_t a, size_t e, const char *p, bool whole)
{
	size_t n = strlen(p);
	for (size_t i = a; n && i + n <= e; i++) {
		if (memcmp(t + i, p, n) != 0)
			continue;
		if (i > a && is_word_byte((unsigned char)t[i - 1]) && is_word_byte((unsigned char)p[0]))
			continue;
		if (whole && i + n < e && is_word_byte((unsigned char)t[i + n]))
			continue;
		return i;
	}
	return SIZE_MAX;
}

static size_t find_any(const char *t, size_t a, size_t e, const phrase_list *l, bool whole, size_t *len)
{
	size_t best = SIZE_MAX;
	for (size_t i = 0; i < l->n; i++) {
		size_t at = find_phrase(t, a, e, l->v[i], whole);
		if (at < best || (at == best && strlen(l->v[i]) > *len))
			best = at, *len = strlen(l->v[i]);
	}
	return best;
}

static bool is_limit_rule(const char *rule)
{
	return strcmp(rule, "limit.illegitimate-aim") == 0 || strcmp(rule, "limit.no-necessity") == 0 ||
	       strcmp(rule, "limit.vague-ground") == 0;
}

static void add_edit(wording *w, size_t s, size_t e, const char *ins)
{
	/* merge with an edit it overlaps */
	for (size_t k = 0; k < w->n_edits; k++) {
		edit *x = &w->edits[k];
		bool touch = !x->insert && !ins && s <= x->end && e >= x->start;
		if ((s < x->end && e > x->start) || touch) {
			if (x->insert && !ins)
				return; /* the test replaces those words already */
			if (s < x->start)
				x->start = s;
			if (e > x->end)
				x->end = e;
			return;
		}
	}
	if (w->n_edits < sizeof w->edits / sizeof *w->edits)
		w->edits[w->n_edits++] = (edit){s, e, ins};
}

static int cmp_edit(const void *a, const void *b)
{
	const edit *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* The length of a conjunction ending right before t[at] (a space), on a
 * word boundary, or 0. */
static size_t conj_before(const wording_rules *wr, const char *t, size_t lo, size_t at)
{
	for (size_t k = 0; k < wr->conj.n; k++) {
		size_t cl = strlen(wr->conj.v[k]);
		if (at >= lo + cl && memcmp(t + at - cl, wr->conj.v[k], cl) == 0 &&
		    (at - cl == lo || t[at - cl - 1] == ' '))
			return cl;
	}
	return 0;
}

/* The length of a conjunction and its space starting at t[at], or 0. */
static size_t conj_after(const wording_rules *wr, const char *t, size_t at, size_t hi)
{
	for (size_t k = 0; k < wr->conj.n; k++) {
		size_t cl = strlen(wr->conj.v[k]);
		if (at + cl < hi && memcmp(t + at, wr->conj.v[k], cl) == 0 && t[at + cl] == ' ')
			return cl + 1;
	}
	return 0;
}

/* Whether the list item at t[at] (after spaces) opens with a governing
 * word of its own ("охраны общественного порядка"). */
static bool governs_at(const wording_rules *wr, const char *t, size_t at, size_t hi)
{
	while (at < hi && t[at] == ' ')
		at++;
	for (size_t k = 0; k < wr->governs.n; k++) {
		size_t gl = strlen(wr->governs.v[k]);
		if (at + gl <= hi && memcmp(t + at, wr->governs.v[k], gl) == 0 &&
		    (at + gl == hi || !is_word_byte((unsigned char)t[at + gl])))
			return true;
	}
	return false;
}

/* The clause [s,e) with the grounds the check found illegitimate struck
 * and, when it has no test of necessity, the words before its aims
 * replaced by the test.  Returns whether there is anything to suggest. */
static bool build_wording(rep *R, size_t s, size_t e, wording *w)
{
	const wording_rules *wr = &R->rec.w;
	size_t len;
	const char *t = cov_doc_text(R->doc, &len);
	memset(w, 0, sizeof *w);
	w->start = s, w->end = e;
	size_t end = e; /* before the final full stop */
	while (end > s && (t[end - 1] == '.' || t[end - 1] == ';' || t[end - 1] == ' ' || t[end - 1] == '\n'))
		end--;
	size_t ilen = 0, intro = find_any(t, s, end, &wr->intro, false, &ilen);
	size_t items = intro == SIZE_MAX ? SIZE_MAX : intro + ilen; /* where the list of aims starts */
	size_t nlen = 0;
	bool necessity = find_any(t, s, e, &wr->necessity, false, &nlen) != SIZE_MAX;
	if (intro != SIZE_MAX && !necessity) {
		size_t from = intro;
		/* "by law" right before the intro: the test says it */
		for (size_t k = 0; k < wr->bylaw.n; k++) {
			size_t bl = strlen(wr->bylaw.v[k]);
			size_t at = intro;
			while (at > s && t[at - 1] == ' ')
				at--;
			if (at >= s + bl && memcmp(t + at - bl, wr->bylaw.v[k], bl) == 0 &&
			    (at - bl == s || !is_word_byte((unsigned char)t[at - bl - 1])) && at - bl < from)
				from = at - bl;
		}
		add_edit(w, from, items, wr->test);
	}
	for (size_t i = 0; i < R->nf; i++) {
		const cov_finding *f = cov_review_finding(R->r, i);
		if (f->start != s || f->end != e || strcmp(f->rule, "limit.illegitimate-aim") != 0 ||
		    f->trigger_end <= f->trigger_start)
			continue;
		/* every ground the finding names (its trigger is the first) */
		for (size_t g = 0; g < (f->n_grounds ? f->n_grounds : 1); g++) {
			size_t ts = f->n_grounds ? f->grounds[2 * g] : f->trigger_start;
			size_t te = f->n_grounds ? f->grounds[2 * g + 1] : f->trigger_end;
			if (te <= ts)
				continue;
			if (items != SIZE_MAX && ts >= items && te <= end) {
				/* the item of the list that holds the ground: between commas,
				 * semicolons or conjunctions ("health and <ground>") */
				size_t l = ts, z = te, cl = 0;
				int left = 0, right = 0; /* 0 the list's end, 1 a comma, 2 a conjunction */
				while (l > items && !left) {
					if (t[l - 1] == ',' || t[l - 1] == ';')
						left = 1;
					else if (t[l - 1] == ' ' && (cl = conj_before(wr, t, items, l - 1)))
						left = 2;
					else
						l--;
				}
				while (z < end && !right) {
					if (t[z] == ',' || t[z] == ';')
						right = 1;
					else if (t[z] == ' ' && conj_after(wr, t, z + 1, end))
						right = 2;
					else
						z++;
				}
				size_t from = l, to = z;
				while (from < ts && t[from] == ' ')
					from++;
				if (left == 2) {            /* "A and X…": " and X" */
					from = l - 1 - cl;
					while (from > items && t[from - 1] == ' ')
						from--;
				} else if (right) {         /* "X, B" or "X and B": "X, " / "X and " */
					/* the list's first item keeps the words that govern the
					 * next ones: "защиты <ground>, прав и свобод" */
					if (!left && !governs_at(wr, t, z + 1, end))
						from = ts;
					to = z + 1;
					if (right == 2)
						to = z + 1 + conj_after(wr, t, z + 1, end);
					while (to < end && t[to] == ' ')
						to++;
				} else if (left == 1) {     /* "A, X": ", X" */
					from = l - 1;
				}
				add_edit(w, from, to, NULL);
			} else {
				/* no list of aims found: the ground alone, with a comma after it */
				size_t z = te;
				if (z < end && t[z] == ',') {
					z++;
					while (z < end && t[z] == ' ')
						z++;
				}
				add_edit(w, ts, z, NULL);
			}
		}
	}
	qsort(w->edits, w->n_edits, sizeof *w->edits, cmp_edit);
	/* the list's last items struck: the comma or conjunction before them too */
	for (size_t k = 0; k < w->n_edits; k++) {
		edit *x = &w->edits[k];
		size_t z = x->end;
		while (z < end && t[z] == ' ')
			z++;
		if (x->insert || z < end || items == SIZE_MAX || x->start <= items)
			continue;
		size_t a = x->start, cl;
		while (a > items && t[a - 1] == ' ')
			a--;
		if (a > items && (t[a - 1] == ',' || t[a - 1] == ';'))
			a--;
		else if (a > items && (cl = conj_before(wr, t, items, a)))
			a -= cl;
		while (a > items && t[a - 1] == ' ')
			a--;
		if (k == 0 || a >= w->edits[k - 1].end)
			x->start = a;
	}
	return w->n_edits > 0;
}

static int find_wordings(rep *R)
{
	R->wording_of = malloc((R->nf + 1) * sizeof *R->wording_of);
	R->w = malloc((R->nf + 1) * sizeof *R->w);
	if (!R->wording_of || !R->w)
		return cov_error_set(COV_ENOMEM, "out of memory");
	for (size_t i = 0; i < R->nf; i++)
		R->wording_of[i] = -1;
	if (!R->rec.w.present)
		return COV_OK;
	for (size_t i = 0; i < R->nf; i++) {
		const cov_finding *f = cov_review_finding(R->r, i);
		if (!is_limit_rule(f->rule))
			continue;
		for (size_t k = 0; k < R->nw; k++)
			if (R->w[k].start == f->start && R->w[k].end == f->end)
				R->wording_of[i] = (int)k;
		if (R->wording_of[i] >= 0)
			continue;
		/* a clause whose findings have all been looked at gives none */
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++) {
			const cov_finding *g = cov_review_finding(R->r, j);
			seen = is_limit_rule(g->rule) && g->start == f->start && g->end == f->end;
		}
		if (seen)
			continue;
		if (build_wording(R, f->start, f->end, &R->w[R->nw]))
			R->wording_of[i] = (int)R->nw++;
	}
	return COV_OK;
}

/* The clause as a redline: struck words and the test inserted. */
static void redline(rep *R, const wording *w)
{
	size_t len;
	const char *t = cov_doc_text(R->doc, &len);
	size_t i = w->start;
	for (size_t k = 0; k < w->n_edits; k++) {
		const edit *x = &w->edits[k];
		if (x->start < i)
			continue;
		text(R, t + i, x->start - i);
		if (x->end > x->start) {
			cov_buf_puts(R->b, R->md ? "~~" : "<del>");
			size_t a = x->start, z = x->end;
			if (R->md)
				while (z > a && t[z - 1] == ' ')
					z--;
			text(R, t + a, z - a);
			cov_buf_puts(R->b, R->md ? "~~" : "</del>");
			if (R->md && z < x->end)
				cov_buf_putc(R->b, ' ');
		}
		if (x->insert) {
			cov_buf_puts(R->b, R->md ? " **" : "<ins>");
			texts(R, x->insert);
			cov_buf_puts(R->b, R->md ? "**" : "</ins>");
			if (x->end < w->end && t[x->end] != ' ')
				cov_buf_putc(R->b, ' ');
		}
		i = x->end;
	}
	text(R, t + i, w->end - i);
}

/* The clause as it would read. */
static void clean_wording(rep *R, const wording *w)
{
	size_t len;
	const char *t = cov_doc_text(R->doc, &len);
	size_t i = w->start;
	for (size_t k = 0; k < w->n_edits; k++) {
		const edit *x = &w->edits[k];
		if (x->start < i)
			continue;
		text(R, t + i, x->start - i);
		if (x->insert) {
			texts(R, x->insert);
			if (x->end < w->end && t[x->end] != ' ')
				cov_buf_putc(R->b, ' ');
		}
		i = x->end;
	}
	text(R, t + i, w->end - i);
}

/* ---- recommendation of a finding ---- */

static void recommendation(rep *R, const cov_finding *f, cov_buf *out)
{
	const char *tpl = rec_text(&R->rec, f->rule);
	if (!tpl)
		return;
	int art = first_right(f);
	const char *right = art ? cov_standard_right(R->data, art) : "";
	size_t len;
	const char *t = cov_doc_text(f->doc, &len);
	for (const char *p = tpl; *p; p++) {
		if (*p == '{') {
			const char *close = strchr(p, '}');
			size_t n = close ? (size_t)(close - p - 1) : 0;
			if (close && n == 5 && memcmp(p + 1, "right", 5) == 0) {
				cov_buf_puts(out, *right ? right : "this right");
			} else if (close && n == 3 && memcmp(p + 1, "art", 3) == 0) {
				if (art)
					cov_buf_printf(out, "%d", art);
			} else if (close && n == 9 && memcmp(p + 1, "provision", 9) == 0) {
				cov_buf_puts(out, f->article ? f->article : "");
			} else if (close && n == 7 && memcmp(p + 1, "trigger", 7) == 0) {
				for (size_t i = f->trigger_start; i < f->trigger_end && i < len; i++)
					cov_buf_putc(out, t[i] == '\n' ? ' ' : t[i]);
			} else {
				cov_buf_putc(out, *p);
				continue;
			}
			p = close;
			continue;
		}
		cov_buf_putc(out, *p);
	}
}

/* ---- HTML ---- */

static const char css[] =
	":root{--high:#b3261e;--medium:#c77700;--low:#6b6b00;--positive:#1e7b34;--touch:#8a8f98;--ink:#1d1f23;"
	"--soft:#f4f5f7;--line:#d8dbe0}\n"
	"*{box-sizing:border-box}\n"
	"body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;color:var(--ink);"
	"max-width:72rem;margin:0 auto;padding:1.5rem}\n"
	"h1{font-size:1.7rem;margin:.2rem 0}h2{border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2.2rem}"
	"h3{margin-top:1.6rem}\n"
	"a{color:#1a56a8}code{font-size:.85em;background:var(--soft);padding:0 .2em;border-radius:3px}\n"
	".sub{color:#555;margin:0}nav ol{columns:2;padding-left:1.2rem}\n"
	"dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}dl.meta dt{font-weight:600}"
	"dl.meta dd{margin:0}\n"
	".sev{display:inline-block;min-width:4.6em;text-align:center;font-size:.75rem;font-weight:700;"
	"text-transform:uppercase;color:#fff;border-radius:3px;padding:0 .3em}\n"
	".sev-high .sev,.sev.sev-high{background:var(--high)}.sev-medium .sev,.sev.sev-medium{background:var(--medium)}"
	".sev-low .sev,.sev.sev-low{background:var(--low)}.sev-positive .sev,.sev.sev-positive{background:var(--positive)}\n"
	"table{border-collapse:collapse}td,th{border:1px solid var(--line);padding:.2rem .4rem;vertical-align:top}\n"
	".counts td{text-align:right;min-width:4rem}\n"
	".matrix-wrap{overflow-x:auto}.matrix th.col{font-size:.7rem;writing-mode:vertical-rl;transform:rotate(180deg);"
	"padding:.3rem .1rem;white-space:nowrap}\n"
	".matrix th.row{text-align:left;font-weight:normal;white-space:nowrap;font-size:.85rem}\n"
	".matrix td{padding:0;width:1.5rem;height:1.5rem;text-align:center}"
	".matrix td a{display:block;width:100%;height:100%;text-decoration:none;color:#fff;font-size:.8rem;line-height:1.5rem}\n"
	".lv-5{background:var(--high)}.lv-4{background:var(--medium)}.lv-3{background:var(--low)}"
	".lv-2{background:var(--positive)}.lv-1{background:#e4e6ea}.lv-1 a{color:#555!important}\n"
	".legend span{display:inline-block;padding:0 .4rem;margin-right:.3rem;border-radius:3px}\n"
	"article.finding{border-left:5px solid var(--touch);padding:.3rem .8rem;margin:1rem 0;background:#fff;"
	"break-inside:avoid}\n"
	"article.sev-high{border-color:var(--high)}article.sev-medium{border-color:var(--medium)}"
	"article.sev-low{border-color:var(--low)}article.sev-positive{border-color:var(--positive)}\n"
	".fh{margin:.2rem 0;font-size:.9rem}.fh .eid{color:#666;font-size:.8rem}\n"
	"blockquote{margin:.4rem 0;padding:.3rem .8rem;background:var(--soft);border-radius:3px}\n"
	"mark.trig,mark.sev-high{background:#ffd6d1;color:inherit;font-weight:600}"
	"mark.sev-medium{background:#ffe8bf;color:inherit}mark.sev-low{background:#f1f0c0;color:inherit}"
	"mark.sev-positive{background:#d4efd9;color:inherit}\n"
	"details.std summary{cursor:pointer;color:#1a56a8;font-size:.9rem}.std blockquote{font-style:italic}\n"
	".rec{margin:.4rem 0}.rec b{color:#333}\n"
	".wording{border:1px solid var(--line);border-radius:4px;padding:.5rem .9rem;margin:1rem 0;break-inside:avoid}\n"
	"del{background:#ffd6d1;color:#7a1b14}ins{background:#d4efd9;color:#0f5020;text-decoration:none;"
	"border-bottom:2px solid var(--positive)}\n"
	".text .u{position:relative;margin:0 0 0 3.2rem}.text .k-article,.text .k-section{margin-top:.6rem}\n"
	".text .uh{font-weight:600;margin:.5rem 0 .1rem}.text .ut{margin:.1rem 0}\n"
	".text .k-note .ut{font-size:.85rem;color:#555}\n"
	".margin{position:absolute;left:-3.2rem;top:.1rem;width:2.9rem;text-align:right;line-height:1.1}"
	".margin a{display:inline-block;font-size:.65rem;font-weight:700;color:#fff;border-radius:2px;padding:0 .2em;"
	"margin:0 0 .1rem .1rem;text-decoration:none}\n"
	".margin a.sev-high{background:var(--high)}.margin a.sev-medium{background:var(--medium)}"
	".margin a.sev-low{background:var(--low)}.margin a.sev-positive{background:var(--positive)}\n"
	".u:target,article:target,tr:target{outline:3px solid #1a56a8;outline-offset:2px}\n"
	"svg.align{max-width:100%;height:auto;border:1px solid var(--line);background:#fff}\n"
	"table.sbs{width:100%;table-layout:fixed}table.sbs td{font-size:.9rem}table.sbs th{text-align:left}\n"
	".st-modified{color:#1a56a8}.st-renumbered{color:#555}.st-moved{color:#7b3fb3}.st-split{color:#c77700}"
	".st-merged{color:#b3261e}\n"
	".print-only{display:none}footer{margin-top:3rem;color:#666;font-size:.85rem;border-top:1px solid var(--line)}\n"
	"@media print{body{max-width:none;padding:0;font-size:10.5pt}nav,.no-print{display:none}"
	".print-only{display:block}details.std>summary{list-style:none}a{color:inherit;text-decoration:none}"
	"h2{break-before:page;break-after:avoid}h3{break-after:avoid}#summary h2{break-before:auto}"
	".matrix-wrap{overflow:visible}.matrix td a{color:#000}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	".u:target,article:target,tr:target{outline:none}@page{size:A4;margin:16mm 14mm}}\n";

/* Content-Security-Policy: nothing from anywhere, no script at all; only
 * the inline style and data: images. */
#define CSP "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

static const char *doc_title(rep *R)
{
	if (R->m && R->m->title && *R->m->title)
		return R->m->title;
	const char *t = cov_doc_title(R->doc);
	return *t ? t : cov_doc_name(R->doc);
}

static void attr(rep *R, const char *s)
{
	esc(R->b, s, strlen(s), true);
}

static void counts(rep *R, size_t n[4])
{
	n[0] = n[1] = n[2] = n[3] = 0;
	for (size_t i = 0; i < R->nf; i++)
		n[cov_review_finding(R->r, i)->severity]++;
}

/* Up to `max` findings that matter most: high first, one per rule and
 * provision before any second, in the document's order. */
static size_t top_findings(rep *R, size_t *out, size_t max)
{
	size_t n = 0;
	for (int pass = 0; pass < 2; pass++)
		for (int sev = COV_SEVERITY_HIGH; sev > COV_SEVERITY_POSITIVE && n < max; sev--)
			for (size_t i = 0; i < R->nf && n < max; i++) {
				const cov_finding *f = cov_review_finding(R->r, i);
				if ((int)f->severity != sev)
					continue;
				bool dup = false;
				for (size_t k = 0; k < n && !dup; k++) {
					const cov_finding *g = cov_review_finding(R->r, out[k]);
					dup = out[k] == i || (pass == 0 && (strcmp(g->rule, f->rule) == 0 ||
									    article_of(R->doc, g->node) ==
										    article_of(R->doc, f->node)));
				}
				if (!dup)
					out[n++] = i;
			}
	return n;
}

static void finding_ref(rep *R, const cov_finding *f, const char *id)
{
	const cov_node *a = article_of(R->doc, f->node);
	if (R->md) {
		cov_buf_printf(R->b, "**%s** `%s` — ", sev_name(f->severity), f->rule);
		label(R, a);
		cov_buf_printf(R->b, " (`%s`)", cov_node_eid(f->node));
		return;
	}
	cov_buf_printf(R->b, "<span class=\"sev sev-%s\">%s</span> <a href=\"#f-%s\">", sev_name(f->severity),
		       sev_name(f->severity), id);
	label(R, a);
	cov_buf_puts(R->b, "</a> <code>");
	attr(R, f->rule);
	cov_buf_puts(R->b, "</code>");
}

static void summary(rep *R)
{
	cov_buf *b = R->b;
	const cov_doc *d = R->doc;
	const cov_report_meta *m = R->m;
	size_t n[4];
	counts(R, n);
	const char *src = m && m->source && *m->source ? m->source : cov_doc_name(d);
	char structure[160];
	cov_node_kind pk = cov_doc_primary_kind(d);
	snprintf(structure, sizeof structure, "%zu %s%s", cov_doc_count(d, pk), cov_node_kind_name(pk),
		 cov_doc_count(d, pk) == 1 ? "" : "s");
	const char *rows[][2] = {
		{"Document", *cov_doc_title(d) ? cov_doc_title(d) : cov_doc_name(d)},
		{"Source", src},
		{"Language", cov_doc_language(d)},
		{"Structure", structure},
		{"Date", m && m->date ? m->date : ""},
		{"Status", m && m->status ? m->status : (cov_doc_in_force(d) ? "" : "no longer in force")},
		{"Compared with", R->cmp ? (m && m->old_label && *m->old_label ? m->old_label
								       : cov_doc_name(cov_comparison_old(R->cmp)))
					 : ""},
	};
	size_t total = n[0] + n[1] + n[2] + n[3];
	if (R->md) {
		cov_buf_puts(b, "## Summary\n\n");
		for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
			if (*rows[i][1]) {
				cov_buf_printf(b, "- **%s:** ", rows[i][0]);
				texts(R, rows[i][1]);
				cov_buf_putc(b, '\n');
			}
		if (m && m->n_events) {
			cov_buf_puts(b, "\n### Timeline\n\n");
			for (size_t i = 0; i < m->n_events; i++) {
				const cov_report_event *e = &m->events[i];
				cov_buf_puts(b, "- ");
				texts(R, e->date);
				cov_buf_puts(b, " — ");
				texts(R, e->kind);
				if (e->detail && *e->detail) {
					cov_buf_puts(b, ": ");
					texts(R, e->detail);
				}
				cov_buf_putc(b, '\n');
			}
		}
		cov_buf_printf(b, "\n%zu finding%s: %zu high, %zu medium, %zu low; %zu positive.\n", total,
			       total == 1 ? "" : "s", n[3], n[2], n[1], n[0]);
	} else {
		cov_buf_puts(b, "<section id=\"summary\"><h2>Summary</h2>\n<dl class=\"meta\">\n");
		for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
			if (*rows[i][1]) {
				cov_buf_printf(b, "<dt>%s</dt><dd>", rows[i][0]);
				attr(R, rows[i][1]);
				cov_buf_puts(b, "</dd>\n");
			}
		cov_buf_puts(b, "</dl>\n");
		if (m && m->n_events) {
			cov_buf_puts(b, "<h3 id=\"timeline\">Timeline</h3>\n<ol class=\"timeline\">\n");
			for (size_t i = 0; i < m->n_events; i++) {
				const cov_report_event *e = &m->events[i];
				cov_buf_puts(b, "<li><time>");
				attr(R, e->date ? e->date : "");
				cov_buf_puts(b, "</time> ");
				attr(R, e->kind ? e->kind : "");
				if (e->detail && *e->detail) {
					cov_buf_puts(b, ": ");
					attr(R, e->detail);
				}
				cov_buf_puts(b, "</li>\n");
			}
			cov_buf_puts(b, "</ol>\n");
		}
		cov_buf_printf(b, "<table class=\"counts\"><tr><th>findings</th><th><span class=\"sev sev-high\">high</span>"
				  "</th><th><span class=\"sev sev-medium\">medium</span></th><th><span class=\"sev sev-low\">"
				  "low</span></th><th><span class=\"sev sev-positive\">positive</span></th></tr>\n"
				  "<tr><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td></tr></table>\n",
			       total, n[3], n[2], n[1], n[0]);
	}
	size_t top[5];
	size_t nt = top_findings(R, top, 5);
	if (!nt)
		return;
	cov_buf_puts(b, R->md ? "\n### What matters most\n\n" : "<h3 id=\"most\">What matters most</h3>\n<ol class=\"most\">\n");
	for (size_t k = 0; k < nt; k++) {
		const cov_finding *f = cov_review_finding(R->r, top[k]);
		cov_buf_puts(b, R->md ? "1. " : "<li>");
		finding_ref(R, f, R->ids[top[k]]);
		cov_buf_puts(b, R->md ? " — " : "<br/>");
		texts(R, f->message);
		cov_buf_puts(b, R->md ? "\n" : "</li>\n");
	}
	cov_buf_puts(b, R->md ? "" : "</ol>\n");
}

static void summary_end(rep *R)
{
	if (!R->md)
		cov_buf_puts(R->b, "</section>\n");
}

/* ---- the rights matrix ---- */

typedef struct cell {
	const cov_node *col; /* the article */
	int right;
	int level;           /* 5 high, 4 medium, 3 low, 2 positive, 1 touches */
	const cov_node *link;
	const char *rule;
} cell;

static int level_of(cov_severity s)
{
	return s == COV_SEVERITY_POSITIVE ? 2 : (int)s + 2;
}

static int cmp_cell(const void *a, const void *b)
{
	const cell *x = a, *y = b;
	size_t xs = cov_node_start(x->col), ys = cov_node_start(y->col);
	if (xs != ys)
		return xs < ys ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	if (x->right != y->right)
		return x->right - y->right;
	return y->level - x->level; /* worst first */
}

static int matrix(rep *R)
{
	cov_buf *b = R->b;
	size_t cap = 0;
	for (size_t i = 0; i < R->nf; i++)
		cap += MAX_RIGHTS;
	for (size_t i = 0; i < cov_review_provision_count(R->r); i++)
		cap += cov_review_provision(R->r, i)->n_rights;
	cell *c = malloc((cap + 1) * sizeof *c);
	if (!c)
		return cov_error_set(COV_ENOMEM, "out of memory");
	size_t n = 0;
	bool rows[COV_MAX_ICCPR] = {false};
	for (size_t i = 0; i < R->nf; i++) {
		const cov_finding *f = cov_review_finding(R->r, i);
		int rs[MAX_RIGHTS];
		size_t nr = finding_rights(f, rs, MAX_RIGHTS);
		for (size_t k = 0; k < nr; k++)
			if (rs[k] > 0 && rs[k] < COV_MAX_ICCPR) {
				c[n++] = (cell){article_of(R->doc, f->node), rs[k], level_of(f->severity), f->node, f->rule};
				rows[rs[k]] = true;
			}
	}
	for (size_t i = 0; i < cov_review_provision_count(R->r); i++) {
		const cov_provision *p = cov_review_provision(R->r, i);
		for (size_t k = 0; k < p->n_rights; k++)
			if (p->rights[k] > 0 && p->rights[k] < COV_MAX_ICCPR) {
				c[n++] = (cell){article_of(R->doc, p->node), p->rights[k], 1, p->node, NULL};
				rows[p->rights[k]] = true;
			}
	}
	qsort(c, n, sizeof *c, cmp_cell);
	/* columns: distinct articles in order */
	size_t ncol = 0;
	const cov_node **cols = malloc((n + 1) * sizeof *cols);
	if (!cols) {
		free(c);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++)
		if (!ncol || cols[ncol - 1] != c[i].col)
			cols[ncol++] = c[i].col;
	if (R->md) {
		cov_buf_puts(b, "\n## Rights matrix\n\nEach right, the provisions that touch it and the worst finding there "
				"(H high, M medium, L low, + positive, · no finding).\n\n");
	} else {
		cov_buf_puts(b, "<section id=\"matrix\"><h2>Rights matrix</h2>\n<p>Each ICCPR right (rows) and the "
				"provisions that touch it (columns); a cell is coloured by the worst finding there and "
				"links to the provision.</p>\n<p class=\"legend\"><span class=\"lv-5\">high</span>"
				"<span class=\"lv-4\">medium</span><span class=\"lv-3\">low</span><span class=\"lv-2\">"
				"positive</span><span class=\"lv-1\">touches, no finding</span></p>\n");
	}
	if (!ncol) {
		cov_buf_puts(b, R->md ? "No provision of the text names a Covenant right.\n" :
					"<p>No provision of the text names a Covenant right.</p>\n</section>\n");
		free(cols);
		free(c);
		return COV_OK;
	}
	if (!R->md) {
		cov_buf_puts(b, "<div class=\"matrix-wrap\"><table class=\"matrix\">\n<tr><th>ICCPR right</th>");
		for (size_t k = 0; k < ncol; k++) {
			cov_buf_printf(b, "<th class=\"col\"><a href=\"#%s\">", cov_node_eid(cols[k]));
			label(R, cols[k]);
			cov_buf_puts(b, "</a></th>");
		}
		cov_buf_puts(b, "</tr>\n");
	}
	for (int right = 1; right < COV_MAX_ICCPR; right++) {
		if (!rows[right])
			continue;
		bool group = false; /* a section of findings for this right */
		for (size_t i = 0; i < R->nf && !group; i++) {
			const cov_finding *f = cov_review_finding(R->r, i);
			group = f->severity != COV_SEVERITY_POSITIVE && first_right(f) == right;
		}
		if (R->md) {
			cov_buf_printf(b, "- **art. %d** ", right);
			texts(R, cov_standard_right(R->data, right));
			cov_buf_puts(b, ":");
		} else {
			cov_buf_puts(b, "<tr><th class=\"row\">");
			if (group)
				cov_buf_printf(b, "<a href=\"#iccpr-%d\">", right);
			cov_buf_printf(b, "art. %d ", right);
			attr(R, cov_standard_right(R->data, right));
			cov_buf_puts(b, group ? "</a></th>" : "</th>");
		}
		size_t at = 0;
		for (size_t k = 0; k < ncol; k++) {
			while (at < n && (cov_node_start(c[at].col) < cov_node_start(cols[k]) ||
					  (c[at].col != cols[k] && cov_node_start(c[at].col) == cov_node_start(cols[k]))))
				at++;
			const cell *best = NULL;
			char rules[512] = "";
			for (size_t j = at; j < n && c[j].col == cols[k]; j++)
				if (c[j].right == right) {
					if (!best)
						best = &c[j];
					if (c[j].rule && !strstr(rules, c[j].rule) &&
					    strlen(rules) + strlen(c[j].rule) + 3 < sizeof rules) {
						if (*rules)
							strcat(rules, ", ");
						strcat(rules, c[j].rule);
					}
				}
			if (R->md) {
				if (best) {
					static const char *const sym[] = {"", "·", "+", "L", "M", "H"};
					cov_buf_printf(b, " %s ", sym[best->level]);
					label(R, cols[k]);
					cov_buf_putc(b, ';');
				}
				continue;
			}
			if (!best) {
				cov_buf_puts(b, "<td></td>");
				continue;
			}
			static const char *const sym[] = {"", "·", "✓", "●", "●", "●"};
			static const char *const word[] = {"", "touches it, no finding", "positive", "low", "medium", "high"};
			cov_buf_printf(b, "<td class=\"lv-%d\"><a href=\"#%s\" title=\"", best->level, cov_node_eid(best->link));
			label(R, cols[k]);
			cov_buf_printf(b, " × %s: %s", cov_standard_citation(R->data, right), word[best->level]);
			if (*rules) {
				cov_buf_puts(b, " (");
				attr(R, rules);
				cov_buf_putc(b, ')');
			}
			cov_buf_printf(b, "\">%s</a></td>", sym[best->level]);
		}
		cov_buf_puts(b, R->md ? "\n" : "</tr>\n");
	}
	cov_buf_puts(b, R->md ? "" : "</table></div>\n</section>\n");
	free(cols);
	free(c);
	return COV_OK;
}

/* ---- findings ---- */

static void finding(rep *R, size_t i)
{
	cov_buf *b = R->b;
	const cov_finding *f = cov_review_finding(R->r, i);
	const cov_node *a = article_of(R->doc, f->node);
	int rs[MAX_RIGHTS];
	size_t nr = finding_rights(f, rs, MAX_RIGHTS);
	cov_buf rec;
	cov_buf_init(&rec);
	recommendation(R, f, &rec);
	int w = R->wording_of[i];
	if (R->md) {
		cov_buf_printf(b, "- **%s** `%s` — ", sev_name(f->severity), f->rule);
		label(R, a);
		cov_buf_printf(b, " (`%s`), line %zu\n\n  > ", cov_node_eid(f->node), line_of(R->doc, f));
		quote(R, f);
		cov_buf_puts(b, "\n\n  ");
		texts(R, f->message);
		cov_buf_putc(b, '\n');
		for (size_t k = 0; k < nr; k++) {
			const char *cite = cov_standard_cite(R->data, rs[k]);
			if (*cite) {
				cov_buf_puts(b, "\n  *");
				texts(R, cite);
				cov_buf_puts(b, "*\n");
			}
		}
		if (rec.len) {
			cov_buf_puts(b, "\n  Recommendation: ");
			texts(R, rec.ptr);
			if (w >= 0)
				cov_buf_printf(b, " (suggested wording %d below)", w + 1);
			cov_buf_putc(b, '\n');
		}
		cov_buf_putc(b, '\n');
		cov_buf_free(&rec);
		return;
	}
	cov_buf_printf(b, "<article class=\"finding sev-%s\" id=\"f-%s\">\n<p class=\"fh\"><span class=\"sev\">%s</span> "
			  "<code>",
		       sev_name(f->severity), R->ids[i], sev_name(f->severity));
	attr(R, f->rule);
	cov_buf_printf(b, "</code> · <a href=\"#%s\">", cov_node_eid(f->node));
	label(R, a);
	cov_buf_printf(b, "</a> <span class=\"eid\">%s, line %zu</span></p>\n<blockquote lang=\"", cov_node_eid(f->node),
		       line_of(R->doc, f));
	attr(R, cov_doc_language(R->doc));
	cov_buf_puts(b, "\">");
	quote(R, f);
	cov_buf_puts(b, "</blockquote>\n<p class=\"msg\">");
	texts(R, f->message);
	cov_buf_puts(b, "</p>\n");
	for (size_t k = 0; k < nr; k++) {
		const char *cite = cov_standard_cite(R->data, rs[k]);
		cov_buf_printf(b, "<details class=\"std\"><summary>%s — ", cov_standard_citation(R->data, rs[k]));
		attr(R, cov_standard_right(R->data, rs[k]));
		cov_buf_puts(b, "</summary><blockquote>");
		attr(R, *cite ? cite : "(no text in data/standards/iccpr.txt)");
		cov_buf_puts(b, "</blockquote></details>\n");
	}
	if (rec.len) {
		cov_buf_puts(b, "<p class=\"rec\"><b>Recommendation.</b> ");
		attr(R, rec.ptr);
		if (w >= 0)
			cov_buf_printf(b, " <a href=\"#wording-%d\">Suggested wording</a>", w + 1);
		cov_buf_puts(b, "</p>\n");
	}
	cov_buf_puts(b, "</article>\n");
	cov_buf_free(&rec);
}

static void findings(rep *R)
{
	cov_buf *b = R->b;
	cov_buf_puts(b, R->md ? "\n## Findings by right\n" : "<section id=\"findings\"><h2>Findings by right</h2>\n");
	if (!R->nf)
		cov_buf_puts(b, R->md ? "\nNo finding.\n" : "<p>No finding.</p>\n");
	for (int pass = 0; pass < 3; pass++)
		for (int art = pass == 0 ? 1 : 0; art < (pass == 0 ? COV_MAX_ICCPR : 1); art++) {
			bool header = false;
			for (size_t i = 0; i < R->nf; i++) {
				const cov_finding *f = cov_review_finding(R->r, i);
				bool positive = f->severity == COV_SEVERITY_POSITIVE;
				int fr = first_right(f);
				if ((pass == 2) != positive || (pass == 0 && fr != art) || (pass == 1 && fr != 0))
					continue;
				if (!header) {
					header = true;
					if (R->md) {
						cov_buf_puts(b, "\n### ");
						if (pass == 0) {
							cov_buf_printf(b, "%s — ", cov_standard_citation(R->data, art));
							texts(R, cov_standard_right(R->data, art));
						} else {
							cov_buf_puts(b, pass == 1 ? "Other findings" : "What the text protects");
						}
						cov_buf_puts(b, "\n\n");
					} else if (pass == 0) {
						cov_buf_printf(b, "<section id=\"iccpr-%d\"><h3>%s — ", art, cov_standard_citation(R->data, art));
						attr(R, cov_standard_right(R->data, art));
						cov_buf_puts(b, "</h3>\n");
					} else {
						cov_buf_printf(b, "<section id=\"%s\"><h3>%s</h3>\n", pass == 1 ? "other" : "protects",
							       pass == 1 ? "Other findings" : "What the text protects");
					}
				}
				finding(R, i);
			}
			if (header && !R->md)
				cov_buf_puts(b, "</section>\n");
		}
	cov_buf_puts(b, R->md ? "" : "</section>\n");
}

/* ---- recommendations, as an opinion ends with them ---- */

static void recommendations(rep *R)
{
	cov_buf *b = R->b;
	cov_buf_puts(b, R->md ? "\n## Recommendations\n\n" : "<section id=\"recommendations\"><h2>Recommendations</h2>\n<ol>\n");
	size_t shown = 0;
	for (int sev = COV_SEVERITY_HIGH; sev > COV_SEVERITY_POSITIVE; sev--)
		for (size_t i = 0; i < R->nf; i++) {
			const cov_finding *f = cov_review_finding(R->r, i);
			if ((int)f->severity != sev)
				continue;
			cov_buf rec;
			cov_buf_init(&rec);
			recommendation(R, f, &rec);
			/* one per rule and provision */
			bool dup = false;
			for (size_t j = 0; j < i && !dup; j++) {
				const cov_finding *g = cov_review_finding(R->r, j);
				dup = g->severity == f->severity && g->node == f->node && strcmp(g->rule, f->rule) == 0 &&
				      first_right(g) == first_right(f);
			}
			if (rec.len && !dup) {
				shown++;
				const cov_node *a = article_of(R->doc, f->node);
				if (R->md) {
					cov_buf_printf(b, "%zu. ", shown);
					label(R, a);
					cov_buf_puts(b, ": ");
					texts(R, rec.ptr);
					cov_buf_putc(b, '\n');
				} else {
					cov_buf_printf(b, "<li><a href=\"#f-%s\">", R->ids[i]);
					label(R, a);
					cov_buf_puts(b, "</a>: ");
					attr(R, rec.ptr);
					cov_buf_puts(b, "</li>\n");
				}
			}
			cov_buf_free(&rec);
		}
	if (!R->md)
		cov_buf_puts(b, "</ol>\n");
	if (!shown)
		cov_buf_puts(b, R->md ? "None: no finding calls for a change.\n" : "<p>None: no finding calls for a change.</p>\n");
	if (R->nw) {
		cov_buf_puts(b, R->md ? "\n### Suggested wording of limitation clauses\n\n" :
					"<h3 id=\"wording\">Suggested wording of limitation clauses</h3>\n<p>Each clause with "
					"the grounds the ICCPR does not allow struck and, where it lacks it, the test of "
					"necessity added. A drafting commission can take it or leave it.</p>\n");
	}
	for (size_t k = 0; k < R->nw; k++) {
		const wording *w = &R->w[k];
		const cov_finding *f = NULL;
		for (size_t i = 0; i < R->nf && !f; i++)
			if (R->wording_of[i] == (int)k)
				f = cov_review_finding(R->r, i);
		const cov_node *a = article_of(R->doc, f->node);
		if (R->md) {
			cov_buf_printf(b, "%zu. ", k + 1);
			label(R, a);
			cov_buf_printf(b, " (`%s`)\n\n   Redline: ", cov_node_eid(f->node));
			redline(R, w);
			cov_buf_puts(b, "\n\n   Suggested: ");
			clean_wording(R, w);
			cov_buf_puts(b, "\n\n");
			continue;
		}
		cov_buf_printf(b, "<div class=\"wording\" id=\"wording-%zu\"><p class=\"fh\">%zu. <a href=\"#%s\">", k + 1, k + 1,
			       cov_node_eid(f->node));
		label(R, a);
		cov_buf_puts(b, "</a></p>\n<p class=\"redline\" lang=\"");
		attr(R, cov_doc_language(R->doc));
		cov_buf_puts(b, "\">");
		redline(R, w);
		cov_buf_puts(b, "</p>\n<details><summary>As it would read</summary><p lang=\"");
		attr(R, cov_doc_language(R->doc));
		cov_buf_puts(b, "\">");
		clean_wording(R, w);
		cov_buf_puts(b, "</p></details></div>\n");
	}
	cov_buf_puts(b, R->md ? "" : "</section>\n");
}

/* ---- the full text ---- */

static int cmp_mark(const void *a, const void *b)
{
	const mark *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

static void full_text(rep *R)
{
	cov_buf *b = R->b;
	size_t len;
	const char *t = cov_doc_text(R->doc, &len);
	cov_buf_puts(b, R->md ? "\n## Full text\n\n" : "<section id=\"text\" class=\"text\"><h2>Full text</h2>\n");
	mark *marks = malloc((R->nf + 1) * sizeof *marks);
	cov_iter it;
	cov_iter_init(&it, cov_doc_root(R->doc));
	cov_event ev;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *n = cov_iter_node(&it);
		bool root = cov_node_kind_of(n) == COV_NODE_DOCUMENT;
		if (ev == COV_EVENT_EXIT) {
			if (!root && !R->md)
				cov_buf_puts(b, "</div>\n");
			continue;
		}
		size_t s = cov_node_start(n), ts = cov_node_text_start(n), te = cov_node_text_end(n);
		if (!root) {
			if (R->md) {
				cov_buf_puts(b, cov_node_kind_of(n) == cov_doc_primary_kind(R->doc) ? "\n#### " : "\n**");
			} else {
				cov_buf_printf(b, "<div class=\"u k-%s\" id=\"%s\">", cov_node_kind_name(cov_node_kind_of(n)),
					       cov_node_eid(n));
				bool any = false;
				for (size_t i = 0; i < R->nf; i++) {
					const cov_finding *f = cov_review_finding(R->r, i);
					if (f->node != n)
						continue;
					if (!any)
						cov_buf_puts(b, "<aside class=\"margin\">");
					any = true;
					static const char *const letter[] = {"+", "L", "M", "H"};
					cov_buf_printf(b, "<a class=\"sev-%s\" href=\"#f-%s\" title=\"%s: ", sev_name(f->severity),
						       R->ids[i], sev_name(f->severity));
					attr(R, f->rule);
					cov_buf_printf(b, "\">%s</a>", letter[f->severity]);
				}
				if (any)
					cov_buf_puts(b, "</aside>");
				cov_buf_puts(b, "\n<p class=\"uh\">");
			}
			/* the heading as printed: from the unit's start to its text */
			size_t he = ts > s && ts <= cov_node_end(n) ? ts : s;
			while (he > s && (t[he - 1] == ' ' || t[he - 1] == '\n'))
				he--;
			if (he > s)
				text(R, t + s, he - s);
			else
				label(R, n);
			cov_buf_puts(b, R->md ? (cov_node_kind_of(n) == cov_doc_primary_kind(R->doc) ? "\n\n" : "**\n\n")
					      : "</p>\n");
		}
		if (te > ts && ts >= s) {
			size_t nm = 0;
			for (size_t i = 0; marks && i < R->nf; i++) {
				const cov_finding *f = cov_review_finding(R->r, i);
				if (f->trigger_end > f->trigger_start && f->trigger_start >= ts && f->trigger_end <= te)
					marks[nm++] = (mark){f->trigger_start, f->trigger_end,
							     f->severity == COV_SEVERITY_POSITIVE ? "sev-positive" :
							     f->severity == COV_SEVERITY_HIGH ? "sev-high" :
							     f->severity == COV_SEVERITY_MEDIUM ? "sev-medium" : "sev-low",
							     f->rule};
			}
			if (nm)
				qsort(marks, nm, sizeof *marks, cmp_mark);
			size_t keep = 0; /* not overlapping */
			for (size_t k = 0; k < nm; k++)
				if (!keep || marks[k].start >= marks[keep - 1].end)
					marks[keep++] = marks[k];
			cov_buf_puts(b, R->md ? "" : "<p class=\"ut\">");
			span(R, t, ts, te, marks, keep, true);
			cov_buf_puts(b, R->md ? "\n" : "</p>\n");
		}
	}
	free(marks);
	cov_buf_puts(b, R->md ? "" : "</section>\n");
}

/* ---- the comparison ---- */

static const char *status_color(cov_pair_status s)
{
	static const char *const c[] = {"#c4c8cf", "#1a56a8", "#8a8f98", "#7b3fb3", "#c77700", "#b3261e"};
	return c[s];
}

typedef struct units {
	const cov_node **v;
	size_t n;
} units;

static int collect_units(const cov_doc *d, units *u)
{
	cov_node_kind k = cov_doc_primary_kind(d);
	size_t cap = cov_doc_count(d, k) + 1;
	u->v = malloc(cap * sizeof *u->v);
	u->n = 0;
	if (!u->v)
		return cov_error_set(COV_ENOMEM, "out of memory");
	cov_iter it;
	cov_iter_init(&it, cov_doc_root(d));
	cov_event ev;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE)
		if (ev == COV_EVENT_ENTER && cov_node_kind_of(cov_iter_node(&it)) == k && u->n < cap)
			u->v[u->n++] = cov_iter_node(&it);
	return COV_OK;
}

static size_t unit_index(const units *u, const cov_node *n)
{
	/* units are in document order: binary search on their start */
	size_t lo = 0, hi = u->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cov_node_start(u->v[mid]) < cov_node_start(n))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < u->n && cov_node_start(u->v[i]) == cov_node_start(n); i++)
		if (u->v[i] == n)
			return i;
	for (size_t i = 0; i < u->n; i++)
		if (u->v[i] == n)
			return i;
	return SIZE_MAX;
}

static void svg_label(rep *R, const cov_node *n)
{
	const char *num = cov_node_num(n);
	attr(R, *num ? num : cov_node_kind_name(cov_node_kind_of(n)));
}

static int alignment_svg(rep *R, const units *ou, const units *nu)
{
	cov_buf *b = R->b;
	const cov_comparison *c = R->cmp;
	size_t rows = ou->n > nu->n ? ou->n : nu->n;
	int h = rows > 400 ? 4 : rows > 150 ? 7 : 12; /* row height */
	bool labels = h >= 7;
	int W = 600, bx = 70, top = 28;
	int H = top + (int)rows * h + 12;
	cov_buf_printf(b, "<figure id=\"alignment\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"align\" "
			  "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"alignment of the "
			  "articles\" font-family=\"sans-serif\" font-size=\"%d\">\n",
		       W, H, W, H, h >= 12 ? 9 : 6);
	cov_buf_puts(b, "<text x=\"10\" y=\"16\" font-size=\"11\" font-weight=\"bold\">");
	attr(R, R->m && R->m->old_label && *R->m->old_label ? R->m->old_label : cov_doc_name(cov_comparison_old(c)));
	cov_buf_printf(b, "</text><text x=\"%d\" y=\"16\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"end\">",
		       W - 10);
	attr(R, R->m && R->m->new_label && *R->m->new_label ? R->m->new_label : cov_doc_name(R->doc));
	cov_buf_puts(b, "</text>\n");
	bool *old_paired = calloc(ou->n + 1, 1), *new_paired = calloc(nu->n + 1, 1);
	if (!old_paired || !new_paired) {
		free(old_paired);
		free(new_paired);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	/* lines first, boxes over them; unchanged pairs faint, under the others */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < cov_comparison_pair_count(c); i++) {
			const cov_pair *p = cov_comparison_pair(c, i);
			if ((pass == 0) != (p->status == COV_PAIR_UNCHANGED))
				continue;
			size_t oi = unit_index(ou, p->old_node), ni = unit_index(nu, p->new_node);
			if (oi == SIZE_MAX || ni == SIZE_MAX)
				continue;
			old_paired[oi] = new_paired[ni] = true;
			double y1 = top + (double)oi * h + h / 2.0, y2 = top + (double)ni * h + h / 2.0;
			cov_buf_printf(b, "<a href=\"#pair-%zu\"><line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
					  "stroke-width=\"%s\"><title>",
				       i + 1, bx, y1, W - bx, y2, status_color(p->status),
				       p->status == COV_PAIR_UNCHANGED ? "0.8" : "1.6");
			label(R, p->old_node);
			cov_buf_puts(b, " → ");
			label(R, p->new_node);
			cov_buf_printf(b, ": %s (similarity %.2f)</title></line></a>\n", cov_pair_status_name(p->status),
				       p->similarity);
		}
	for (int side = 0; side < 2; side++) {
		const units *u = side ? nu : ou;
		bool *paired = side ? new_paired : old_paired;
		int x = side ? W - bx : 10;
		for (size_t i = 0; i < u->n; i++) {
			const char *fill = paired[i] ? "#eef0f3" : side ? "#d4efd9" : "#ffd6d1";
			const char *stroke = paired[i] ? "#c4c8cf" : side ? "#1e7b34" : "#b3261e";
			cov_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"%s\" "
					  "stroke-width=\"0.5\"><title>%s ",
				       x, top + (int)i * h, bx - 10, h - 1, fill, stroke, side ? "new" : "old");
			label(R, u->v[i]);
			cov_buf_printf(b, "%s</title></rect>", paired[i] ? "" : side ? ": added" : ": removed");
			if (labels) {
				cov_buf_printf(b, "<text x=\"%d\" y=\"%d\">", x + 3, top + (int)i * h + h - 3);
				svg_label(R, u->v[i]);
				if (!paired[i])
					cov_buf_puts(b, side ? " +" : " −");
				cov_buf_puts(b, "</text>");
			}
			cov_buf_putc(b, '\n');
		}
	}
	free(old_paired);
	free(new_paired);
	cov_buf_puts(b, "</svg>\n<figcaption class=\"legend\">");
	for (int s = 1; s < 6; s++)
		cov_buf_printf(b, "<span style=\"border-bottom:3px solid %s\">%s</span>", status_color((cov_pair_status)s),
			       cov_pair_status_name((cov_pair_status)s));
	cov_buf_printf(b, "<span style=\"border-bottom:3px solid %s\">unchanged</span>"
			  "<span style=\"background:#ffd6d1\">removed −</span><span style=\"background:#d4efd9\">added +</span>"
			  "</figcaption></figure>\n",
		       status_color(COV_PAIR_UNCHANGED));
	return COV_OK;
}

static bool old_anchored(rep *R, const cov_node *n)
{
	for (size_t i = 0; i < R->n_old_anchored; i++)
		if (R->old_anchored[i] == n)
			return true;
	return false;
}

static void impact_finding(rep *R, const cov_finding *f)
{
	cov_buf *b = R->b;
	const cov_doc *old = cov_comparison_old(R->cmp);
	bool is_old = f->doc == old;
	const cov_node *a = article_of(f->doc, f->node);
	if (R->md) {
		cov_buf_printf(b, "- **%s** `%s` — %s ", sev_name(f->severity), f->rule, is_old ? "old" : "new");
		label(R, a);
		cov_buf_printf(b, " (`%s`)\n\n  > ", cov_node_eid(f->node));
		quote(R, f);
		cov_buf_puts(b, "\n\n  ");
		texts(R, f->message);
		cov_buf_puts(b, "\n\n");
		return;
	}
	cov_buf_printf(b, "<article class=\"finding sev-%s\"><p class=\"fh\"><span class=\"sev\">%s</span> <code>",
		       sev_name(f->severity), sev_name(f->severity));
	attr(R, f->rule);
	cov_buf_printf(b, "</code> · %s ", is_old ? "old" : "new");
	bool link = is_old ? old_anchored(R, a) : true;
	if (link)
		cov_buf_printf(b, "<a href=\"#%s%s\">", is_old ? "old-" : "", cov_node_eid(is_old ? a : f->node));
	label(R, a);
	cov_buf_printf(b, "%s</p>\n<blockquote>", link ? "</a>" : "");
	quote(R, f);
	cov_buf_puts(b, "</blockquote>\n<p class=\"msg\">");
	texts(R, f->message);
	cov_buf_puts(b, "</p></article>\n");
}

static void changed_text(rep *R, const cov_doc *d, const cov_node *n, const cov_pair *p, bool old)
{
	size_t len;
	const char *t = cov_doc_text(d, &len);
	size_t s = cov_node_start(n), e = cov_node_end(n);
	size_t i = s;
	for (size_t k = 0; k < p->n_changes; k++) {
		const cov_change *c = &p->changes[k];
		size_t cs = old ? c->old_start : c->new_start, ce = old ? c->old_end : c->new_end;
		if (ce <= cs || cs < i || ce > e)
			continue;
		text(R, t + i, cs - i);
		cov_buf_puts(R->b, R->md ? (old ? "~~" : "**") : (old ? "<del>" : "<ins>"));
		text(R, t + cs, ce - cs);
		cov_buf_puts(R->b, R->md ? (old ? "~~" : "**") : (old ? "</del>" : "</ins>"));
		i = ce;
	}
	text(R, t + i, e - i);
}

static int comparison(rep *R)
{
	const cov_comparison *c = R->cmp;
	cov_buf *b = R->b;
	const cov_doc *old = cov_comparison_old(c);
	units ou = {0}, nu = {0};
	int rc = collect_units(old, &ou);
	if (rc == COV_OK)
		rc = collect_units(R->doc, &nu);
	size_t np = cov_comparison_pair_count(c);
	R->old_anchored = malloc((np + cov_comparison_removed_count(c) + 1) * sizeof *R->old_anchored);
	if (rc == COV_OK && !R->old_anchored)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	if (rc) {
		free(ou.v);
		free(nu.v);
		return rc;
	}
	for (size_t i = 0; i < np; i++) {
		const cov_node *o = cov_comparison_pair(c, i)->old_node;
		if (!old_anchored(R, o))
			R->old_anchored[R->n_old_anchored++] = o;
	}
	for (size_t i = 0; i < cov_comparison_removed_count(c); i++)
		if (!old_anchored(R, cov_comparison_removed(c, i)))
			R->old_anchored[R->n_old_anchored++] = cov_comparison_removed(c, i);
	size_t n[6] = {0};
	for (size_t i = 0; i < np; i++)
		n[cov_comparison_pair(c, i)->status]++;
	const char *ol = R->m && R->m->old_label && *R->m->old_label ? R->m->old_label : cov_doc_name(old);
	const char *nl = R->m && R->m->new_label && *R->m->new_label ? R->m->new_label : cov_doc_name(R->doc);
	if (R->md) {
		cov_buf_puts(b, "\n## Comparison: ");
		texts(R, ol);
		cov_buf_puts(b, " → ");
		texts(R, nl);
		cov_buf_puts(b, "\n\n");
	} else {
		cov_buf_puts(b, "<section id=\"comparison\"><h2>Comparison: ");
		attr(R, ol);
		cov_buf_puts(b, " → ");
		attr(R, nl);
		cov_buf_puts(b, "</h2>\n<p>");
	}
	cov_buf_printf(b, "%zu articles → %zu articles: %zu unchanged, %zu modified, %zu renumbered, %zu moved, %zu split, "
			  "%zu merged, %zu added, %zu removed.",
		       ou.n, nu.n, n[COV_PAIR_UNCHANGED], n[COV_PAIR_MODIFIED], n[COV_PAIR_RENUMBERED], n[COV_PAIR_MOVED],
		       n[COV_PAIR_SPLIT], n[COV_PAIR_MERGED], cov_comparison_added_count(c), cov_comparison_removed_count(c));
	cov_buf_puts(b, R->md ? "\n" : "</p>\n");
	if (!R->md)
		rc = alignment_svg(R, &ou, &nu);
	/* the rights impact: dropped, added or narrowed, improved */
	const char *note = cov_comparison_impact_note(c);
	cov_buf_puts(b, R->md ? "\n### Rights impact\n\n" : "<h3 id=\"impact\">Rights impact</h3>\n");
	if (*note) {
		cov_buf_puts(b, R->md ? "" : "<p>");
		texts(R, note);
		cov_buf_puts(b, R->md ? "\n" : "</p>\n");
	}
	static const char *const groups[] = {"What was dropped", "What was added or narrowed", "What improved"};
	for (int g = 0; g < 3; g++) {
		bool header = false;
		for (size_t i = 0; i < cov_comparison_finding_count(c); i++) {
			const cov_finding *f = cov_comparison_finding(c, i);
			bool dropped = strcmp(f->rule, "regression.right-removed") == 0 ||
				       strcmp(f->rule, "regression.treaty-primacy-removed") == 0;
			int fg = f->severity == COV_SEVERITY_POSITIVE ? 2 : dropped ? 0 : 1;
			if (fg != g)
				continue;
			if (!header) {
				if (R->md)
					cov_buf_printf(b, "#### %s\n\n", groups[g]);
				else
					cov_buf_printf(b, "<h4>%s</h4>\n", groups[g]);
				header = true;
			}
			impact_finding(R, f);
		}
	}
	if (!cov_comparison_finding_count(c) && !*note)
		cov_buf_puts(b, R->md ? "No change to rights was found.\n" : "<p>No change to rights was found.</p>\n");
	/* the pairs side by side */
	if (R->md) {
		cov_buf_puts(b, "\n### Articles\n\n");
	} else {
		cov_buf_puts(b, "<h3 id=\"pairs\">Articles side by side</h3>\n<table class=\"sbs\"><tr><th>");
		attr(R, ol);
		cov_buf_puts(b, "</th><th>");
		attr(R, nl);
		cov_buf_puts(b, "</th></tr>\n");
	}
	const cov_node **seen = malloc((np + 1) * sizeof *seen);
	size_t n_seen = 0;
	for (size_t i = 0; i < np && seen; i++) {
		const cov_pair *p = cov_comparison_pair(c, i);
		bool first = true;
		for (size_t k = 0; k < n_seen; k++)
			first &= seen[k] != p->old_node;
		if (first)
			seen[n_seen++] = p->old_node;
		bool full = p->status != COV_PAIR_UNCHANGED;
		if (R->md) {
			if (!full)
				continue;
			cov_buf_puts(b, "#### ");
			label(R, p->old_node);
			cov_buf_puts(b, " → ");
			label(R, p->new_node);
			cov_buf_printf(b, " — %s (similarity %.2f)\n\n", cov_pair_status_name(p->status), p->similarity);
			if (p->n_changes) {
				cov_buf_puts(b, "Old: ");
				changed_text(R, old, p->old_node, p, true);
				cov_buf_puts(b, "\n\nNew: ");
				changed_text(R, R->doc, p->new_node, p, false);
				cov_buf_puts(b, "\n\n");
			}
			continue;
		}
		cov_buf_printf(b, "<tr id=\"pair-%zu\" class=\"st-%s\"><td", i + 1, cov_pair_status_name(p->status));
		if (first)
			cov_buf_printf(b, " id=\"old-%s\"", cov_node_eid(p->old_node));
		cov_buf_puts(b, "><b>");
		label(R, p->old_node);
		cov_buf_printf(b, "</b> <span class=\"st-%s\">%s", cov_pair_status_name(p->status),
			       cov_pair_status_name(p->status));
		if (full)
			cov_buf_printf(b, ", similarity %.2f", p->similarity);
		cov_buf_puts(b, "</span>");
		if (full && p->n_changes) {
			cov_buf_puts(b, "<br/>");
			changed_text(R, old, p->old_node, p, true);
		}
		cov_buf_printf(b, "</td><td><b><a href=\"#%s\">", cov_node_eid(p->new_node));
		label(R, p->new_node);
		cov_buf_puts(b, "</a></b>");
		if (full && p->n_changes) {
			cov_buf_puts(b, "<br/>");
			changed_text(R, R->doc, p->new_node, p, false);
		}
		cov_buf_puts(b, "</td></tr>\n");
	}
	free(seen);
	cov_buf_puts(b, R->md ? "" : "</table>\n");
	size_t len;
	if (cov_comparison_removed_count(c)) {
		cov_buf_puts(b, R->md ? "\n### Removed\n\n" : "<h3 id=\"removed\">Removed</h3>\n");
		const char *t = cov_doc_text(old, &len);
		for (size_t i = 0; i < cov_comparison_removed_count(c); i++) {
			const cov_node *r = cov_comparison_removed(c, i);
			if (R->md) {
				cov_buf_puts(b, "- ~~");
				text(R, t + cov_node_start(r), cov_node_end(r) - cov_node_start(r));
				cov_buf_puts(b, "~~\n");
			} else {
				cov_buf_printf(b, "<p id=\"old-%s\"><del>", cov_node_eid(r));
				text(R, t + cov_node_start(r), cov_node_end(r) - cov_node_start(r));
				cov_buf_puts(b, "</del></p>\n");
			}
		}
	}
	if (cov_comparison_added_count(c)) {
		cov_buf_puts(b, R->md ? "\n### Added\n\n" : "<h3 id=\"added\">Added</h3>\n<ul>\n");
		for (size_t i = 0; i < cov_comparison_added_count(c); i++) {
			const cov_node *a = cov_comparison_added(c, i);
			if (R->md) {
				cov_buf_puts(b, "- ");
				label(R, a);
				cov_buf_printf(b, " (`%s`)\n", cov_node_eid(a));
			} else {
				cov_buf_printf(b, "<li><a href=\"#%s\">", cov_node_eid(a));
				label(R, a);
				cov_buf_puts(b, "</a></li>\n");
			}
		}
		cov_buf_puts(b, R->md ? "" : "</ul>\n");
	}
	cov_buf_puts(b, R->md ? "" : "</section>\n");
	free(ou.v);
	free(nu.v);
	return rc;
}

/* ---- the whole ---- */

static int finding_ids(rep *R)
{
	R->ids = malloc((R->nf + 1) * sizeof *R->ids);
	if (!R->ids)
		return cov_error_set(COV_ENOMEM, "out of memory");
	for (size_t i = 0; i < R->nf; i++) {
		json_t *j = cov_finding_json(cov_review_finding(R->r, i), NULL);
		const char *id = j ? json_string_value(json_object_get(j, "id")) : NULL;
		snprintf(R->ids[i], sizeof R->ids[i], "%s", id ? id : "");
		json_decref(j);
		if (!id)
			return cov_error_set(COV_ENOMEM, "out of memory");
	}
	return COV_OK;
}

static void html_head(rep *R)
{
	cov_buf *b = R->b;
	cov_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
			"<meta http-equiv=\"Content-Security-Policy\" content=\"" CSP "\"/>\n"
			"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
			"<meta name=\"generator\" content=\"covenant " COV_VERSION "\"/>\n<title>Review: ");
	attr(R, doc_title(R));
	cov_buf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header><h1>", css);
	attr(R, doc_title(R));
	cov_buf_puts(b, "</h1><p class=\"sub\">A review against the International Covenant on Civil and Political Rights"
			", made by covenant " COV_VERSION "</p></header>\n<nav><ol><li><a href=\"#summary\">Summary</a></li>"
			"<li><a href=\"#matrix\">Rights matrix</a></li>");
	if (R->cmp)
		cov_buf_puts(b, "<li><a href=\"#comparison\">Comparison</a></li>");
	cov_buf_puts(b, "<li><a href=\"#findings\">Findings by right</a></li><li><a href=\"#recommendations\">"
			"Recommendations</a></li><li><a href=\"#text\">Full text</a></li></ol></nav>\n");
}

int cov_render_report(const cov_data *data, const cov_review *review, const cov_comparison *cmp,
		      const cov_report_meta *meta, cov_report_format fmt, cov_buf *out)
{
	if (!data || !review || !out)
		return cov_error_set(COV_EUSAGE, "cov_render_report: data, review and out are needed");
	if (fmt != COV_REPORT_HTML && fmt != COV_REPORT_MD)
		return cov_error_set(COV_EUSAGE, "unknown report format");
	const cov_doc *doc = cov_review_doc(review);
	if (cmp && cov_comparison_new(cmp) != doc)
		return cov_error_set(COV_EUSAGE, "the comparison's new document is not the one reviewed");
	rep R = {.data = data, .r = review, .doc = doc, .cmp = cmp, .m = meta, .b = out, .md = fmt == COV_REPORT_MD};
	R.nf = cov_review_count(review);
	cov_arena_init(&R.rec.arena);
	errno = 0;
	int rc = load_rules(&R.rec, cov_data_dir(data));
	if (rc == COV_OK)
		rc = load_wording(&R.rec, cov_data_dir(data), cov_doc_language(doc));
	if (rc == COV_OK)
		rc = finding_ids(&R);
	if (rc == COV_OK)
		rc = find_wordings(&R);
	if (rc == COV_OK) {
		if (R.md) {
			cov_buf_puts(out, "# ");
			texts(&R, doc_title(&R));
			cov_buf_puts(out, "\n\nA review against the International Covenant on Civil and Political Rights, "
					  "made by covenant " COV_VERSION ".\n\n");
		} else {
			html_head(&R);
		}
		summary(&R);
		summary_end(&R);
		rc = matrix(&R);
	}
	if (rc == COV_OK && cmp)
		rc = comparison(&R);
	if (rc == COV_OK) {
		findings(&R);
		recommendations(&R);
		full_text(&R);
		if (R.md) {
			cov_buf_puts(out, "\n---\n\nMade by covenant " COV_VERSION " from ");
			texts(&R, meta && meta->source && *meta->source ? meta->source : cov_doc_name(doc));
			if (meta && meta->generated && *meta->generated) {
				cov_buf_puts(out, " on ");
				texts(&R, meta->generated);
			}
			cov_buf_puts(out, ". Findings are a reader's aid, not a legal opinion.\n");
		} else {
			cov_buf_puts(out, "<footer><p>Made by covenant " COV_VERSION " from ");
			attr(&R, meta && meta->source && *meta->source ? meta->source : cov_doc_name(doc));
			if (meta && meta->generated && *meta->generated) {
				cov_buf_puts(out, " on ");
				attr(&R, meta->generated);
			}
			cov_buf_puts(out, ". Findings are a reader's aid, not a legal opinion.</p></footer>\n</body>\n</html>\n");
		}
	}
	if (rc == COV_OK && out->oom)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	free(R.ids);
	free(R.wording_of);
	free(R.w);
	free(R.old_anchored);
	cov_arena_free(&R.rec.arena);
	return rc;
}

int cov_render_report_string(const cov_data *data, const cov_review *review, const cov_comparison *cmp,
			     const cov_report_meta *meta, cov_report_format fmt, char **out, size_t *len)
{
	*out = NULL;
	cov_buf b;
	cov_buf_init(&b);
	int rc = cov_render_report(data, review, cmp, meta, fmt, &b);
	return cov_render_finish(&b, rc, out, len);
}
