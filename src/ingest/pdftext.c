/*
 * pdftext.c — the PDF post-processing, on the text poppler gave for each
 * page and where each line sits: page furniture dropped, the lines a
 * paragraph was wrapped into joined again, words hyphenated across lines
 * rejoined.  Neither poppler nor GLib here (pdf.c loads poppler when a PDF
 * is seen), so the fuzz target and the tests call this directly.
 *
 * Page furniture is a line at the top or bottom edge of a page that
 *  - repeats on at least half of the pages (and two), verbatim or apart
 *    from one number that counts with the page (page number + a constant:
 *    «12», «- 12 -», «Page 14 of 40», «Law No. 5 — 12»);
 *  - sits in the margin: in the outer fifth of the page, cut off from the
 *    text by a gap taller than a line (when the layout is known);
 *  - is neither a heading («Article 12» heading page 12 counts with the page
 *    too) nor a sentence (a closing sentence may end every page).
 * Each line is counted once, in a hash table (libxml2's), per edge and
 * round: linear in pages.
 */
#include "ingest.h"
#include "pdf.h"

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

typedef struct pline {
	char *s;
	cov_pdf_box box;
} pline;

typedef struct page_lines {
	pline *v;
	size_t n;
	size_t lo, hi;               /* v[lo..hi) remain once furniture is dropped */
	size_t top_edge, bottom_edge; /* lines from the top / bottom that sit in the margin */
} page_lines;

static bool blank(const char *l)
{
	for (; *l; l++)
		if (!(*l == ' ' || *l == '\t' || *l == '\r' || *l == '\f'))
			return false;
	return true;
}

static bool box_known(cov_pdf_box b) { return b.top <= b.bottom; }

/* Cut the page's text into its non-blank lines, each with its box. */
static int split_lines(cov_pdf_page *pg, page_lines *out)
{
	memset(out, 0, sizeof *out);
	if (!pg->text)
		return COV_OK;
	size_t cap = 1;
	for (const char *p = pg->text; *p; p++)
		cap += *p == '\n';
	out->v = malloc(cap * sizeof *out->v);
	if (!out->v)
		return COV_ENOMEM;
	size_t raw = 0;
	for (char *l = pg->text; l; raw++) {
		char *nl = strchr(l, '\n');
		if (nl)
			*nl = '\0';
		if (!blank(l)) {
			cov_pdf_box unknown = {1, 0};
			out->v[out->n].s = l;
			out->v[out->n].box = pg->boxes && raw < pg->n_boxes ? pg->boxes[raw] : unknown;
			out->n++;
		}
		l = nl ? nl + 1 : NULL;
	}
	out->hi = out->n;
	return COV_OK;
}

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return (x > y) - (x < y);
}

/* Vertical distance between two boxes (0 when they overlap). */
static float distance(cov_pdf_box a, cov_pdf_box b)
{
	if (b.top >= a.bottom)
		return b.top - a.bottom;
	if (a.top >= b.bottom)
		return a.top - b.bottom;
	return 0;
}

/* How many lines from one edge (step +1 from the top, -1 from the bottom)
 * form a block cut off from the rest by a gap taller than a line, within
 * the outer fifth of the page: the margin. */
static size_t margin_block(const page_lines *pl, double height, float line_h, bool top)
{
	size_t k = 0;
	for (size_t i = 0; i < pl->n && i < 3; i++) {
		const pline *a = &pl->v[top ? i : pl->n - 1 - i];
		if (!box_known(a->box))
			return 0;
		bool outer = top ? a->box.bottom <= height * 0.2 : a->box.top >= height * 0.8;
		if (!outer)
			return 0;
		if (i + 1 == pl->n) {
			k = pl->n;
			break;
		}
		const pline *b = &pl->v[top ? i + 1 : pl->n - 2 - i];
		if (box_known(b->box) && distance(a->box, b->box) >= line_h) {
			k = i + 1;
			break;
		}
	}
	return k;
}

static int find_margins(cov_pdf_page *pg, page_lines *pl)
{
	pl->top_edge = pl->bottom_edge = pl->n; /* no layout: the margin is not known */
	if (!(pg->height > 0) || !pg->boxes || !pl->n)
		return COV_OK;
	float *h = malloc(pl->n * sizeof *h);
	if (!h)
		return COV_ENOMEM;
	size_t m = 0;
	for (size_t i = 0; i < pl->n; i++)
		if (box_known(pl->v[i].box))
			h[m++] = pl->v[i].box.bottom - pl->v[i].box.top;
	float line_h = 0;
	if (m) {
		qsort(h, m, sizeof *h, cmp_float);
		line_h = h[m / 2];
	}
	free(h);
	pl->top_edge = margin_block(pl, pg->height, line_h, true);
	pl->bottom_edge = margin_block(pl, pg->height, line_h, false);
	return COV_OK;
}

static const char *trim(const char *l, size_t *len)
{
	while (*l == ' ' || *l == '\t')
		l++;
	size_t n = strlen(l);
	while (n && (l[n - 1] == ' ' || l[n - 1] == '\t' || l[n - 1] == '\r'))
		n--;
	*len = n;
	return l;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Words that say "page" before a page number: «Page 5», «стр. 5», «Seite 5». */
static bool page_word(const char *w, size_t n)
{
	static const char *const words[] = {"page", "p", "pg", "pp", "pag", "pagina", "página", "pagină", "seite",
					    "s", "side", "sida", "sivu", "sayfa", "strona", "str", "strana", "стр",
					    "страница", "с", "бет", "парақ", "folio", "fol"};
	char f[64];
	int len = cov_utf8_fold(w, n, f, sizeof f);
	if (len <= 0)
		return false;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(f, words[i]) == 0)
			return true;
	return false;
}

/* «Article 12», «Статья 12. …», «Chapter IV», «Art. 5», «§ 5»: a word and a
 * number open the line, and the word does not say "page". */
static bool heading_line(const char *l, size_t n)
{
	if (n > 2 && memcmp(l, "§", 2) == 0) { /* «§ 12» */
		size_t i = 2;
		while (i < n && l[i] == ' ')
			i++;
		return i < n && is_digit(l[i]);
	}
	size_t i = 0, letters = 0;
	while (i < n) {
		size_t j = i;
		int32_t c = cov_utf8_next(l, n, &j);
		if (!u_isalpha(c))
			break;
		letters++;
		i = j;
	}
	size_t word = i;
	if (!letters || i >= n)
		return false;
	if (l[i] == '.')
		i++;
	if (i >= n || l[i] != ' ')
		return false;
	while (i < n && l[i] == ' ')
		i++;
	if (i >= n || !(is_digit(l[i]) || l[i] == 'I' || l[i] == 'V' || l[i] == 'X' || l[i] == 'L' || l[i] == 'C'))
		return false;
	return !page_word(l, word);
}

/* Three words or more ended by . ! ? ; or : — a sentence, not furniture. */
static bool sentence_line(const char *l, size_t n)
{
	if (!n || !strchr(".!?;:", l[n - 1]))
		return false;
	size_t words = 0, i = 0;
	bool in_word = false, has_letter = false;
	while (i < n) {
		int32_t c = cov_utf8_next(l, n, &i);
		if (c == ' ' || c == '\t') {
			words += in_word && has_letter;
			in_word = has_letter = false;
		} else {
			in_word = true;
			has_letter = has_letter || u_isalpha(c);
		}
	}
	words += in_word && has_letter;
	return words >= 3;
}

/* The keys a line may repeat under on page p: verbatim, and with each of
 * its first numbers replaced by its offset from the page number.  Returns
 * how many (0: not a furniture candidate). */
enum { MAX_KEYS = 5, KEY_CAP = 512, MAX_LINE = 160 };
static size_t line_keys(const char *l, size_t n, size_t page, char keys[MAX_KEYS][KEY_CAP])
{
	if (!n || n > MAX_LINE)
		return 0;
	memcpy(keys[0], l, n);
	keys[0][n] = '\0';
	size_t k = 1;
	for (size_t i = 0; i < n && k < MAX_KEYS;) {
		if (!is_digit(l[i])) {
			i++;
			continue;
		}
		size_t j = i;
		long v = 0;
		while (j < n && is_digit(l[j]) && j - i < 7)
			v = v * 10 + (l[j++] - '0');
		if (j < n && is_digit(l[j])) { /* too long for a page number */
			while (j < n && is_digit(l[j]))
				j++;
			i = j;
			continue;
		}
		snprintf(keys[k], KEY_CAP, "%.*s\x01%+ld\x01%.*s", (int)i, l, v - (long)page, (int)(n - j), l + j);
		k++;
		i = j;
	}
	return k;
}

static size_t count_of(xmlHashTablePtr t, const char *key)
{
	return (size_t)(uintptr_t)xmlHashLookup(t, (const xmlChar *)key);
}

/* Drop the furniture at one edge of every page: count every edge line's
 * keys once, then decide for every page, then remove. */
static int drop_edge(page_lines *pages, size_t n, size_t live, bool top)
{
	xmlHashTablePtr counts = xmlHashCreate(n < 64 ? 64 : (int)(n < 1000000 ? n * 2 : 2000000));
	if (!counts)
		return COV_ENOMEM;
	char(*k)[KEY_CAP] = malloc(MAX_KEYS * sizeof *k);
	bool *drop = calloc(n + 1, sizeof *drop);
	int rc = k && drop ? COV_OK : COV_ENOMEM;
	for (int pass = 0; rc == COV_OK && pass < 2; pass++) {
		for (size_t p = 0; p < n; p++) {
			page_lines *pl = &pages[p];
			if (pl->lo >= pl->hi)
				continue;
			size_t at = top ? pl->lo : pl->hi - 1, len;
			const char *l = trim(pl->v[at].s, &len);
			size_t nk = line_keys(l, len, p + 1, k);
			if (pass == 0) {
				for (size_t i = 0; i < nk; i++) {
					size_t c = count_of(counts, k[i]);
					if (xmlHashUpdateEntry(counts, (const xmlChar *)k[i], (void *)(uintptr_t)(c + 1), NULL) < 0) {
						rc = COV_ENOMEM;
						break;
					}
				}
				continue;
			}
			size_t best = 0;
			for (size_t i = 0; i < nk; i++) {
				size_t c = count_of(counts, k[i]);
				best = c > best ? c : best;
			}
			bool margin = top ? at < pl->top_edge : at >= pl->n - pl->bottom_edge;
			drop[p] = best >= 2 && best * 2 >= live && margin && !heading_line(l, len) && !sentence_line(l, len);
		}
	}
	for (size_t p = 0; rc == COV_OK && p < n; p++) {
		if (!drop[p])
			continue;
		if (top)
			pages[p].lo++;
		else
			pages[p].hi--;
	}
	free(drop);
	free(k);
	xmlHashFree(counts, NULL);
	return rc;
}

/* Running headers and footers and page numbers; a header may sit above a
 * page number (two rounds at each edge). */
static int drop_furniture(page_lines *pages, size_t n)
{
	size_t live = 0;
	for (size_t p = 0; p < n; p++)
		live += pages[p].n > 0;
	if (live < 2)
		return COV_OK;
	xmlInitParser();
	int rc = COV_OK;
	for (int top = 1; rc == COV_OK && top >= 0; top--)
		for (int round = 0; rc == COV_OK && round < 2; round++)
			rc = drop_edge(pages, n, live, top);
	return rc;
}

static bool ends_sentence(const char *l)
{
	size_t n = strlen(l);
	while (n > 0 && (l[n - 1] == ' ' || l[n - 1] == '\r'))
		n--;
	if (!n)
		return true;
	char c = l[n - 1];
	return c == '.' || c == ':' || c == ';' || c == '!' || c == '?';
}

static bool starts_lower(const char *l)
{
	while (*l == ' ')
		l++;
	size_t i = 0, n = strlen(l);
	if (!n)
		return false;
	int32_t c = cov_utf8_next(l, n, &i);
	return u_islower(c) || c == ',' || c == ';' || c == ')' || c == '.';
}

/* Characters (not bytes) of a line without its leading spaces. */
static size_t visible_len(const char *l)
{
	while (*l == ' ')
		l++;
	size_t n = 0;
	for (; *l; l++)
		n += ((unsigned char)*l & 0xC0) != 0x80;
	return n;
}

/* "Статья 4. …", "Глава 2.", "Article 12", "Раздел IX": a word and a number
 * open a line that a heading, not a wrapped sentence, begins. */
static bool heading_shaped(const char *l)
{
	while (*l == ' ')
		l++;
	size_t n = strlen(l), i = 0, letters = 0;
	while (i < n) {
		size_t j = i;
		int32_t c = cov_utf8_next(l, n, &j);
		if (!u_isalpha(c))
			break;
		letters++;
		i = j;
	}
	if (!letters || i >= n || l[i] != ' ')
		return false;
	i++;
	return i < n && ((l[i] >= '0' && l[i] <= '9') || l[i] == 'I' || l[i] == 'V' || l[i] == 'X');
}

/* Join wrapped lines: the next line continues this one when it starts in
 * lower case, or when this one is long and stops mid-sentence. */
static void join_lines(page_lines *pages, size_t n, cov_buf *out)
{
	const char *prev = NULL;
	for (size_t p = 0; p < n; p++) {
		for (size_t i = pages[p].lo; i < pages[p].hi; i++) {
			const char *l = pages[p].v[i].s;
			while (*l == ' ' || *l == '\t')
				l++;
			size_t len = strlen(l);
			while (len && (l[len - 1] == ' ' || l[len - 1] == '\r'))
				len--;
			if (!len)
				continue;
			bool join = false, glue = false;
			if (prev) {
				size_t pl = out->len;
				bool hyphen = pl > 0 && out->ptr[pl - 1] == '-' && pl > 1 && out->ptr[pl - 2] != ' ';
				if (hyphen && starts_lower(l)) {
					join = glue = true; /* «государ-\nственный» */
					out->len--;
				} else if (starts_lower(l)) {
					join = true;
				} else if (!ends_sentence(prev) && visible_len(prev) >= 60 && !heading_shaped(l) &&
					   !heading_shaped(prev) && !(visible_len(l) < 40 && !ends_sentence(l))) {
					join = true; /* a short unpunctuated line is a heading («Статья 85») */
				}
			}
			if (prev && !join)
				cov_buf_putc(out, '\n');
			else if (join && !glue)
				cov_buf_putc(out, ' ');
			size_t start = out->len;
			cov_buf_put(out, l, len);
			prev = out->ptr ? out->ptr + start : l;
		}
	}
	cov_buf_putc(out, '\n');
}

int cov_pdf_layout_to_text(cov_doc *doc, cov_pdf_page *pg, size_t n)
{
	page_lines *pages = calloc(n + 1, sizeof *pages);
	if (!pages)
		return cov_error_set(COV_ENOMEM, "out of memory");
	size_t visible = 0;
	int rc = COV_OK;
	for (size_t i = 0; i < n; i++) {
		if (!pg[i].text)
			continue;
		for (const char *p = pg[i].text; *p; p++)
			visible += !(*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f');
		if (rc == COV_OK)
			rc = split_lines(&pg[i], &pages[i]);
		if (rc == COV_OK)
			rc = find_margins(&pg[i], &pages[i]);
	}
	if (rc)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	else if (visible == 0)
		rc = cov_error_set(COV_EINPUT,
				   "%s: the PDF has no text layer (%zu page%s of images?); covenant does not do OCR", doc->name,
				   n, n == 1 ? "" : "s");
	cov_buf out;
	cov_buf_init(&out);
	if (rc == COV_OK && drop_furniture(pages, n) != COV_OK)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	if (rc == COV_OK) {
		join_lines(pages, n, &out);
		/* the text layer must be valid, NUL-free UTF-8 to be parsed */
		if (out.oom)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
		else if (cov_utf8_invalid_at(out.ptr, out.len) < out.len || memchr(out.ptr, 0, out.len))
			rc = cov_error_set(COV_EINPUT, "%s: the PDF's text layer is not valid text", doc->name);
	}
	for (size_t i = 0; i < n; i++)
		free(pages[i].v);
	free(pages);
	if (rc) {
		cov_buf_free(&out);
		return rc;
	}
	doc->pages = n;
	doc->text = cov_buf_detach(&out, &doc->len);
	doc->body = 0;
	return COV_OK;
}

int cov_pdf_pages_to_text(cov_doc *doc, char **texts, size_t n)
{
	cov_pdf_page *pg = calloc(n + 1, sizeof *pg);
	if (!pg)
		return cov_error_set(COV_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++)
		pg[i].text = texts[i];
	int rc = cov_pdf_layout_to_text(doc, pg, n);
	free(pg);
	return rc;
}
