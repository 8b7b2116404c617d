/*
 * pdf.c — PDF to text with poppler-glib: the text layer in reading order,
 * page by page; running headers and footers (a line repeated at the top or
 * bottom of most pages) and bare page numbers removed; lines that a
 * paragraph was wrapped into joined again, and words hyphenated across
 * lines rejoined.  No OCR: a PDF without a text layer is an error that says
 * so.
 */
#include "ingest.h"

#include <glib.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

typedef struct page_lines {
	char **v;
	size_t n;
} page_lines;

static void split_lines(char *text, page_lines *out)
{
	out->v = NULL;
	out->n = 0;
	size_t cap = 0;
	for (char *save = NULL, *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 64;
			char **p = realloc(out->v, cap * sizeof *p);
			if (!p)
				return;
			out->v = p;
		}
		out->v[out->n++] = l;
	}
}

/* A line as a page furniture key: digits folded to '#', spaces trimmed. */
static void furniture_key(const char *l, char *key, size_t cap)
{
	size_t k = 0;
	while (*l == ' ' || *l == '\t')
		l++;
	for (; *l && k + 1 < cap; l++)
		key[k++] = (*l >= '0' && *l <= '9') ? '#' : *l;
	while (k > 0 && (key[k - 1] == ' ' || key[k - 1] == '\r'))
		k--;
	key[k] = '\0';
}

static bool is_page_number(const char *l)
{
	char key[64];
	furniture_key(l, key, sizeof key);
	/* "12", "- 12 -", "Page 12", "стр. 12", "12/52" */
	size_t hashes = 0, other = 0;
	for (const char *p = key; *p; p++) {
		if (*p == '#')
			hashes++;
		else if (*p != '-' && *p != ' ' && *p != '/' && *p != '.')
			other++;
	}
	return hashes > 0 && hashes <= 6 && (other == 0 || (other <= 5 && strlen(key) < 16));
}

static size_t count_key(page_lines *pages, size_t n, bool top, const char *key)
{
	size_t count = 0;
	for (size_t p = 0; p < n; p++) {
		if (!pages[p].n)
			continue;
		char k[256];
		furniture_key(pages[p].v[top ? 0 : pages[p].n - 1], k, sizeof k);
		count += strcmp(k, key) == 0;
	}
	return count;
}

/* Drop running headers and footers and page numbers: decide for every
 * page first, then remove, so that one page's removal does not hide the
 * repetition on the others. */
static void drop_furniture(page_lines *pages, size_t n)
{
	bool *drop = calloc(n + 1, sizeof *drop);
	if (!drop)
		return;
	for (int top = 0; top < 2; top++) {
		for (int round = 0; round < 2; round++) { /* a header may sit above a page number */
			for (size_t p = 0; p < n; p++) {
				drop[p] = false;
				if (!pages[p].n)
					continue;
				const char *l = pages[p].v[top ? 0 : pages[p].n - 1];
				char key[256];
				furniture_key(l, key, sizeof key);
				size_t same = n >= 2 && key[0] ? count_key(pages, n, top, key) : 0;
				drop[p] = is_page_number(l) || (same >= 2 && same * 2 >= n && strlen(key) < 120);
			}
			for (size_t p = 0; p < n; p++) {
				if (!drop[p])
					continue;
				if (top)
					memmove(pages[p].v, pages[p].v + 1, (pages[p].n - 1) * sizeof *pages[p].v);
				pages[p].n--;
			}
		}
	}
	free(drop);
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
	return g_unichar_islower((gunichar)c) || c == ',' || c == ';' || c == ')' || c == '.';
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
		if (!g_unichar_isalpha((gunichar)c))
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
		for (size_t i = 0; i < pages[p].n; i++) {
			const char *l = pages[p].v[i];
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

int cov_pdf_pages_to_text(cov_doc *doc, char **texts, size_t n)
{
	page_lines *pages = calloc(n + 1, sizeof *pages);
	if (!pages)
		return cov_error_set(COV_ENOMEM, "out of memory");
	size_t visible = 0;
	for (size_t i = 0; i < n; i++) {
		if (!texts[i])
			continue;
		for (const char *p = texts[i]; *p; p++)
			visible += !(*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f');
		split_lines(texts[i], &pages[i]);
	}
	int rc = COV_OK;
	if (visible == 0)
		rc = cov_error_set(COV_EINPUT,
				   "%s: the PDF has no text layer (%zu page%s of images?); covenant does not do OCR", doc->name,
				   n, n == 1 ? "" : "s");
	cov_buf out;
	cov_buf_init(&out);
	if (rc == COV_OK) {
		drop_furniture(pages, n);
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

int cov_pdf_extract(cov_doc *doc, const char *buf, size_t len)
{
	GError *err = NULL;
	GBytes *bytes = g_bytes_new_static(buf, len);
	PopplerDocument *pdf = poppler_document_new_from_bytes(bytes, NULL, &err);
	if (!pdf) {
		int rc;
		if (err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED)
			rc = cov_error_set(COV_EINPUT, "%s: encrypted PDF (it needs a password; covenant cannot read it)",
					   doc->name);
		else
			rc = cov_error_set(COV_EINPUT, "%s: not a readable PDF (%s)", doc->name,
					   err ? err->message : "unknown error");
		if (err)
			g_error_free(err);
		g_bytes_unref(bytes);
		return rc;
	}
	int n = poppler_document_get_n_pages(pdf);
	char **texts = calloc((size_t)(n > 0 ? n : 1), sizeof *texts);
	int rc = texts ? COV_OK : cov_error_set(COV_ENOMEM, "out of memory");
	for (int i = 0; rc == COV_OK && i < n; i++) {
		PopplerPage *page = poppler_document_get_page(pdf, i);
		if (!page)
			continue;
		texts[i] = poppler_page_get_text(page);
		g_object_unref(page);
	}
	if (rc == COV_OK)
		rc = cov_pdf_pages_to_text(doc, texts, (size_t)(n > 0 ? n : 0));
	for (int i = 0; texts && i < n; i++)
		g_free(texts[i]);
	free(texts);
	g_object_unref(pdf);
	g_bytes_unref(bytes);
	return rc;
}
