/*
 * docx.c — Word (DOCX) to text: the zip is read with libzip (dlopen'd), its
 * word/document.xml with libxml2; each paragraph (w:p) becomes a line, and
 * automatic numbering (w:numPr) is written out as Word displays it, from the
 * level's format and text in word/numbering.xml ("Статья %1." → «Статья 3.»;
 * "%1)", lower letters, roman numerals), or "1." / "1)" / "(a)" without it.  The archive is checked before anything is
 * inflated: an entry larger than the input limit, or compressed more than
 * 200 to 1, is refused (a zip bomb).
 */
#include "ingest.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define MAX_RATIO 200

/* libzip (and with it libcrypto, liblzma, libbz2) is loaded with dlopen
 * when the first DOCX is read, not when covenant starts. */
static struct {
	__typeof__(&zip_stat_init) stat_init;
	__typeof__(&zip_stat) stat;
	__typeof__(&zip_fopen) fopen;
	__typeof__(&zip_fread) fread;
	__typeof__(&zip_fclose) fclose;
	__typeof__(&zip_error_init) error_init;
	__typeof__(&zip_source_buffer_create) source_buffer_create;
	__typeof__(&zip_open_from_source) open_from_source;
	__typeof__(&zip_error_strerror) error_strerror;
	__typeof__(&zip_error_fini) error_fini;
	__typeof__(&zip_source_free) source_free;
	__typeof__(&zip_close) close;
} Z;
static bool zip_loaded;
static pthread_once_t zip_once = PTHREAD_ONCE_INIT;

static void load_libzip(void)
{
	static const cov_dl_sym syms[] = {
#define SYM(fn) {"zip_" #fn, offsetof(__typeof__(Z), fn)}
		SYM(stat_init),
		SYM(stat),
		SYM(fopen),
		SYM(fread),
		SYM(fclose),
		SYM(error_init),
		SYM(source_buffer_create),
		SYM(open_from_source),
		SYM(error_strerror),
		SYM(error_fini),
		SYM(source_free),
		SYM(close),
#undef SYM
	};
	zip_loaded = cov_dl_load("COVENANT_LIBZIP", "libzip.so.4", syms, sizeof syms / sizeof *syms, &Z);
}


static bool is_w(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlChar *w_attr(const xmlNode *n, const char *name)
{
	/* only elements have attributes: other nodes (a DTD, an entity
	 * declaration) lay their fields out differently */
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (xmlAttr *a = n->properties; a; a = a->next)
		if (strcmp((const char *)a->name, name) == 0)
			return xmlNodeGetContent((xmlNode *)a);
	return NULL;
}

/* How Word draws a list level (word/numbering.xml): the format of its
 * counter and the text around it ("Статья %1.", "%1)", "(%2)"). */
typedef struct level_fmt {
	char fmt[16];    /* decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet */
	char text[64];   /* lvlText */
} level_fmt;

typedef struct list_fmt {
	int num_id;
	level_fmt lvl[9];
} list_fmt;

/* Numbering state: formats and counters per list (numId) and level. */
typedef struct numbering {
	list_fmt *lists;
	size_t n_lists;
	int num_id[64];
	int count[64][9];
	size_t n;
} numbering;

static void roman(int v, bool upper, cov_buf *out)
{
	static const struct { int v; const char *s; } t[] = {
		{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
		{50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
	for (size_t i = 0; i < sizeof t / sizeof *t && v > 0 && v < 4000; i++)
		while (v >= t[i].v) {
			for (const char *p = t[i].s; *p; p++)
				cov_buf_putc(out, upper ? (char)(*p - 32) : *p);
			v -= t[i].v;
		}
}

static void counter(const char *fmt, int v, cov_buf *out)
{
	if (strcmp(fmt, "lowerLetter") == 0 || strcmp(fmt, "upperLetter") == 0)
		cov_buf_putc(out, (char)((fmt[0] == 'l' ? 'a' : 'A') + (v - 1) % 26));
	else if (strcmp(fmt, "lowerRoman") == 0 || strcmp(fmt, "upperRoman") == 0)
		roman(v, fmt[0] == 'u', out);
	else if (strcmp(fmt, "bullet") != 0 && strcmp(fmt, "none") != 0)
		cov_buf_printf(out, "%d", v);
}

static const level_fmt *level_of(const numbering *nb, int num_id, int level)
{
	for (size_t i = 0; i < nb->n_lists; i++)
		if (nb->lists[i].num_id == num_id && nb->lists[i].lvl[level].text[0])
			return &nb->lists[i].lvl[level];
	return NULL;
}

static void number_prefix(numbering *nb, int num_id, int level, cov_buf *out)
{
	if (level < 0 || level > 8)
		level = 0;
	size_t i = 0;
	while (i < nb->n && nb->num_id[i] != num_id)
		i++;
	if (i == nb->n) {
		if (nb->n == 64)
			return;
		nb->num_id[nb->n] = num_id;
		memset(nb->count[nb->n], 0, sizeof nb->count[nb->n]);
		nb->n++;
	}
	nb->count[i][level]++;
	for (int l = level + 1; l < 9; l++)
		nb->count[i][l] = 0;
	const level_fmt *f = level_of(nb, num_id, level);
	if (!f) { /* no numbering.xml: Word's defaults */
		int v = nb->count[i][level];
		if (level == 0)
			cov_buf_printf(out, "%d. ", v);
		else if (level == 1)
			cov_buf_printf(out, "%d) ", v);
		else
			cov_buf_printf(out, "(%c) ", v <= 26 ? 'a' + v - 1 : 'z');
		return;
	}
	if (strcmp(f->fmt, "bullet") == 0 || strcmp(f->fmt, "none") == 0)
		return; /* a bullet is no number */
	/* lvlText with %1 … %9 standing for the counters of levels 1 … 9 */
	for (const char *p = f->text; *p; p++) {
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
			int l = p[1] - '1';
			const level_fmt *lf = level_of(nb, num_id, l);
			counter(lf ? lf->fmt : "decimal", nb->count[i][l] ? nb->count[i][l] : 1, out);
			p++;
		} else {
			cov_buf_putc(out, *p);
		}
	}
	cov_buf_putc(out, ' ');
}

static void copy_val(const xmlNode *n, char *out, size_t cap)
{
	xmlChar *v = w_attr(n, "val");
	snprintf(out, cap, "%s", v ? (const char *)v : "");
	xmlFree(v);
}

/* Refuse a member that would inflate past the input limit, or by more than
 * MAX_RATIO to 1 (a zip bomb), before inflating anything. */
static int check_member(cov_doc *doc, const char *name, const zip_stat_t *st, size_t max)
{
	if (st->size > max)
		return cov_error_set(COV_EINPUT,
				     "%s: %s inflates to %.1f MB, over the input limit of %.1f MB; "
				     "raise the limit with --max-size MB (e.g. --max-size %.0f)",
				     doc->name, name, st->size / 1048576.0, max / 1048576.0, st->size / 1048576.0 + 1);
	if ((st->valid & ZIP_STAT_COMP_SIZE) && st->comp_size && st->size / st->comp_size > MAX_RATIO)
		return cov_error_set(COV_EINPUT,
				     "%s: %s would inflate %llu times (%llu bytes from %llu), more than the %d to 1 a "
				     "document is ever compressed (a zip bomb); refused — if the file is genuine, save "
				     "it again from the word processor",
				     doc->name, name, (unsigned long long)(st->size / st->comp_size),
				     (unsigned long long)st->size, (unsigned long long)st->comp_size, MAX_RATIO);
	return COV_OK;
}

/* word/numbering.xml: abstract list definitions, and the lists (w:num)
 * that use them. */
static int read_numbering(cov_doc *doc, zip_t *zip, size_t max, numbering *nb)
{
	zip_stat_t st;
	Z.stat_init(&st);
	if (Z.stat(zip, "word/numbering.xml", 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
		return COV_OK; /* no numbering: Word's defaults */
	int rc = check_member(doc, "word/numbering.xml", &st, max);
	if (rc)
		return rc;
	char *xml = malloc(st.size + 1);
	zip_file_t *f = xml ? Z.fopen(zip, "word/numbering.xml", 0) : NULL;
	zip_int64_t got = f ? Z.fread(f, xml, st.size) : -1;
	if (f)
		Z.fclose(f);
	if (got != (zip_int64_t)st.size) {
		free(xml);
		return cov_error_set(xml ? COV_EINPUT : COV_ENOMEM, "%s: cannot read word/numbering.xml from the archive",
				     doc->name);
	}
	xmlDocPtr x = cov_markup_read(doc, "word/numbering.xml", xml, st.size, false, NULL, COV_MAX_NESTING, &rc);
	free(xml);
	if (!x)
		return rc;
	xmlNode *root = xmlDocGetRootElement(x);
	if (x->intSubset || !root) {
		xmlFreeDoc(x);
		return COV_OK;
	}
	/* abstract definitions first */
	list_fmt abstracts[64];
	int abstract_id[64];
	size_t na = 0;
	for (xmlNode *a = root->children; a && na < 64; a = a->next) {
		if (!is_w(a, "abstractNum"))
			continue;
		xmlChar *id = w_attr(a, "abstractNumId");
		abstract_id[na] = id ? atoi((const char *)id) : -1;
		xmlFree(id);
		memset(&abstracts[na], 0, sizeof abstracts[na]);
		for (xmlNode *l = a->children; l; l = l->next) {
			if (!is_w(l, "lvl"))
				continue;
			xmlChar *il = w_attr(l, "ilvl");
			int level = il ? atoi((const char *)il) : 0;
			xmlFree(il);
			if (level < 0 || level > 8)
				continue;
			for (xmlNode *c = l->children; c; c = c->next) {
				if (is_w(c, "numFmt"))
					copy_val(c, abstracts[na].lvl[level].fmt, sizeof abstracts[na].lvl[level].fmt);
				if (is_w(c, "lvlText"))
					copy_val(c, abstracts[na].lvl[level].text, sizeof abstracts[na].lvl[level].text);
			}
		}
		na++;
	}
	for (xmlNode *n = root->children; n; n = n->next) {
		if (!is_w(n, "num"))
			continue;
		xmlChar *id = w_attr(n, "numId");
		int num_id = id ? atoi((const char *)id) : -1;
		xmlFree(id);
		for (xmlNode *c = n->children; c; c = c->next) {
			if (!is_w(c, "abstractNumId"))
				continue;
			xmlChar *v = w_attr(c, "val");
			int aid = v ? atoi((const char *)v) : -1;
			xmlFree(v);
			for (size_t k = 0; k < na; k++) {
				if (abstract_id[k] != aid)
					continue;
				list_fmt *p = realloc(nb->lists, (nb->n_lists + 1) * sizeof *p);
				if (!p)
					break;
				nb->lists = p;
				nb->lists[nb->n_lists] = abstracts[k];
				nb->lists[nb->n_lists].num_id = num_id;
				nb->n_lists++;
			}
		}
	}
	xmlFreeDoc(x);
	return COV_OK;
}

/* The text of one paragraph, numbering first. */
static void paragraph(xmlNode *p, numbering *nb, cov_buf *out)
{
	/* w:pPr/w:numPr/{w:ilvl, w:numId} */
	for (xmlNode *c = p->children; c; c = c->next) {
		if (!is_w(c, "pPr"))
			continue;
		for (xmlNode *np = c->children; np; np = np->next) {
			if (!is_w(np, "numPr"))
				continue;
			int level = 0, id = -1;
			for (xmlNode *x = np->children; x; x = x->next) {
				xmlChar *v = w_attr(x, "val");
				if (v && is_w(x, "ilvl"))
					level = atoi((const char *)v);
				if (v && is_w(x, "numId"))
					id = atoi((const char *)v);
				xmlFree(v);
			}
			if (id > 0)
				number_prefix(nb, id, level, out);
		}
	}
	/* runs in order, without recursion: w:r/w:t, w:tab, w:br */
	xmlNode *n = p->children;
	while (n && n != p) {
		if (is_w(n, "t")) {
			xmlChar *t = xmlNodeGetContent(n);
			if (t)
				cov_buf_puts(out, (const char *)t);
			xmlFree(t);
		} else if (is_w(n, "tab")) {
			cov_buf_putc(out, ' ');
		} else if (is_w(n, "br")) {
			cov_buf_putc(out, '\n');
		}
		if (n->children && !is_w(n, "t") && !is_w(n, "pPr")) {
			n = n->children;
			continue;
		}
		while (n && n != p && !n->next)
			n = n->parent;
		if (n && n != p)
			n = n->next;
	}
	cov_buf_putc(out, '\n');
}

int cov_docx_extract(cov_doc *doc, const char *buf, size_t len, size_t max)
{
	pthread_once(&zip_once, load_libzip);
	if (!zip_loaded)
		return cov_error_set(COV_EINPUT, "%s: DOCX support needs libzip4 (apt-get install libzip4)", doc->name);
	zip_error_t zerr;
	Z.error_init(&zerr);
	zip_source_t *src = Z.source_buffer_create(buf, len, 0, &zerr);
	zip_t *zip = src ? Z.open_from_source(src, ZIP_RDONLY, &zerr) : NULL;
	if (!zip) {
		int rc = cov_error_set(COV_EINPUT, "%s: not a readable DOCX (zip: %s)", doc->name, Z.error_strerror(&zerr));
		Z.error_fini(&zerr);
		if (src)
			Z.source_free(src);
		return rc;
	}
	Z.error_fini(&zerr);
	zip_stat_t st;
	Z.stat_init(&st);
	int rc = COV_OK;
	if (Z.stat(zip, "word/document.xml", 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
		rc = cov_error_set(COV_EINPUT, "%s: a zip archive without word/document.xml (not a DOCX)", doc->name);
	} else {
		rc = check_member(doc, "word/document.xml", &st, max);
	}
	numbering nb;
	memset(&nb, 0, sizeof nb);
	if (rc == COV_OK)
		rc = read_numbering(doc, zip, max, &nb);
	char *xml = NULL;
	if (rc == COV_OK) {
		xml = malloc(st.size + 1);
		zip_file_t *f = xml ? Z.fopen(zip, "word/document.xml", 0) : NULL;
		zip_int64_t got = f ? Z.fread(f, xml, st.size) : -1;
		if (f)
			Z.fclose(f);
		if (got < 0 || (zip_uint64_t)got != st.size)
			rc = cov_error_set(COV_EINPUT, "%s: cannot read word/document.xml from the archive", doc->name);
	}
	Z.close(zip);
	if (rc) {
		free(xml);
		free(nb.lists);
		return rc;
	}
	/* no network, no entity expansion: a hostile document cannot reach out */
	xmlDocPtr x = cov_markup_read(doc, "word/document.xml", xml, st.size, false, NULL, COV_MAX_NESTING, &rc);
	free(xml);
	if (!x) {
		free(nb.lists);
		return rc;
	}
	/* Word never writes a DTD; one can only be there to expand entities
	 * (billion laughs) or reach files (external entities) */
	if (x->intSubset || x->extSubset) {
		xmlFreeDoc(x);
		free(nb.lists);
		return cov_error_set(COV_EINPUT, "%s: word/document.xml declares a DTD; refused (entities are not expanded)",
				     doc->name);
	}
	cov_buf out;
	cov_buf_init(&out);
	/* every w:p in document order, without recursion */
	xmlNode *root = xmlDocGetRootElement(x), *n = root;
	while (n) {
		if (is_w(n, "p")) {
			paragraph(n, &nb, &out);
		} else if (n->children) {
			n = n->children;
			continue;
		}
		while (n && n != root && !n->next)
			n = n->parent;
		if (!n || n == root)
			break;
		n = n->next;
	}
	xmlFreeDoc(x);
	free(nb.lists);
	if (out.oom) {
		cov_buf_free(&out);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	if (!out.len) {
		cov_buf_free(&out);
		return cov_error_set(COV_EINPUT,
				     "%s: the DOCX has no text in its paragraphs (text boxes and images are not "
				     "read); save it as text or PDF from the word processor and read that",
				     doc->name);
	}
	size_t bad = cov_utf8_invalid_at(out.ptr, out.len);
	const char *nul = memchr(out.ptr, 0, out.len);
	if (bad < out.len || nul) {
		cov_buf_free(&out);
		return cov_error_set(COV_EINPUT, "%s: word/document.xml has %s in its text; the file is damaged",
				     doc->name, nul ? "a NUL character" : "invalid UTF-8");
	}
	doc->text = cov_buf_detach(&out, &doc->len);
	doc->body = 0;
	return COV_OK;
}
