/*
 * ingest.c — reading input safely.  Every refusal says which file and what
 * is wrong with it in words a user can act on; nothing here asserts on
 * input.
 */
#include "ingest.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/uvernum.h>

const char *cov_doc_warning(const cov_doc *doc, size_t i)
{
	return doc && i < doc->n_warnings ? doc->warnings[i] : NULL;
}

/* Record a warning for the user (cov_doc_warning). */
static void warn(cov_doc *doc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warn(cov_doc *doc, const char *fmt, ...)
{
	if (doc->n_warnings == sizeof doc->warnings / sizeof *doc->warnings)
		return;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	const char *w = cov_arena_strndup(&doc->arena, msg, strlen(msg));
	if (w)
		doc->warnings[doc->n_warnings++] = w;
}

/* How far bytes read as UTF-8: valid characters of more than one byte,
 * invalid sequences, and where the first invalid one is. */
typedef struct utf8_census {
	size_t multibyte, invalid, first;
} utf8_census;

static utf8_census utf8_count(const char *buf, size_t len)
{
	utf8_census c = {0, 0, len};
	const uint8_t *p = (const uint8_t *)buf;
	size_t i = 0;
	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		int32_t cp, pos = 0;
		int32_t win = len - i > 8 ? 8 : (int32_t)(len - i);
		U8_NEXT(p + i, pos, win, cp);
		if (cp < 0) {
			if (!c.invalid)
				c.first = i;
			c.invalid++;
		} else {
			c.multibyte++;
		}
		i += (size_t)(pos > 0 ? pos : 1);
	}
	return c;
}

/* UTF-16 without a byte-order mark, told by its zero bytes: the high
 * bytes of ASCII characters (spaces, digits, newlines) are zero and all
 * fall on one side of each pair, odd bytes for little-endian.  The whole
 * input must then decode: no lone surrogates, no control characters but
 * tab, newlines and form feed.  Returns the ICU name, or NULL. */
static const char *sniff_utf16(const char *buf, size_t len)
{
	const uint8_t *u = (const uint8_t *)buf;
	if (len < 4 || len % 2)
		return NULL;
	size_t zero[2] = {0, 0};
	for (size_t i = 0; i < len && i < (1u << 16); i++)
		if (!u[i])
			zero[i & 1]++;
	bool le = zero[1] > zero[0];
	size_t major = zero[le], minor = zero[!le];
	if (major < 4 || major < 8 * minor)
		return NULL;
	/* the high bytes of text take few values (00 and 04 for Russian, 00
	 * for English): the two commonest cover nine in ten characters */
	size_t hist[256] = {0}, units = 0;
	for (size_t i = le; i < len && i < (1u << 16); i += 2, units++)
		hist[u[i]]++;
	size_t top[2] = {0, 0};
	for (size_t v = 0; v < 256; v++)
		if (hist[v] > top[0]) {
			top[1] = top[0];
			top[0] = hist[v];
		} else if (hist[v] > top[1]) {
			top[1] = hist[v];
		}
	if (10 * (top[0] + top[1]) < 9 * units)
		return NULL;
	for (size_t i = 0; i < len; i += 2) {
		uint16_t c = le ? (uint16_t)(u[i] | u[i + 1] << 8) : (uint16_t)(u[i] << 8 | u[i + 1]);
		if (U16_IS_LEAD(c)) {
			if (i + 3 >= len)
				return NULL;
			uint16_t d = le ? (uint16_t)(u[i + 2] | u[i + 3] << 8) : (uint16_t)(u[i + 2] << 8 | u[i + 3]);
			if (!U16_IS_TRAIL(d))
				return NULL;
			i += 2;
		} else if (U16_IS_TRAIL(c) || c == 0xFFFE || c == 0xFFFF ||
			   (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')) {
			return NULL;
		}
	}
	return le ? "UTF-16LE" : "UTF-16BE";
}

int cov_read_file(const char *path, size_t max, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return cov_error_set(COV_EIO, "%s: %s", path, strerror(errno));
	struct stat st;
	size_t known = 0; /* a regular file's size, when it says */
	if (!is_stdin && fstat(fileno(f), &st) == 0) {
		if (S_ISREG(st.st_mode) && st.st_size > 0)
			known = (size_t)st.st_size;
		if (S_ISDIR(st.st_mode)) {
			fclose(f);
			return cov_error_set(COV_EIO, "%s: is a directory", path);
		}
		if (S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
			fclose(f);
			return cov_error_set(COV_EINPUT, "%s: file too large (%.1f MB; the limit is %.1f MB, see --max-size)",
					     path, st.st_size / 1048576.0, max / 1048576.0);
		}
	}
	size_t cap = 1 << 16, n = 0;
	/* a regular file: room for its size and one byte more (the read that
	 * finds its end), not up to twice the room it needs */
	if (known)
		cap = known + 1;
	char *buf = malloc(cap + 1);
	if (!buf) {
		if (!is_stdin)
			fclose(f);
		return cov_error_set(COV_ENOMEM, "%s: out of memory", path);
	}
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				free(buf);
				if (!is_stdin)
					fclose(f);
				return cov_error_set(COV_EINPUT, "%s: input too large (the limit is %.1f MB, see --max-size)",
						     path, max / 1048576.0);
			}
			cap *= 2;
			char *p = realloc(buf, cap + 1);
			if (!p) {
				free(buf);
				if (!is_stdin)
					fclose(f);
				return cov_error_set(COV_ENOMEM, "%s: out of memory", path);
			}
			buf = p;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	int err = ferror(f);
	if (!is_stdin)
		fclose(f);
	if (err) {
		free(buf);
		return cov_error_set(COV_EIO, "%s: read error", path);
	}
	if (n > max) {
		free(buf);
		return cov_error_set(COV_EINPUT, "%s: input too large (the limit is %.1f MB, see --max-size)", path,
				     max / 1048576.0);
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return COV_OK;
}

/* Convert `len` bytes in charset `from` to UTF-8 with ICU. */
static int to_utf8(cov_doc *doc, const char *from, const char *buf, size_t len, char **out, size_t *out_len)
{
	if (len > INT32_MAX / 4)
		return cov_error_set(COV_EINPUT, "%s: too large to convert from %s", doc->name, from);
	UErrorCode err = U_ZERO_ERROR;
	UConverter *conv = ucnv_open(from, &err);
	if (U_FAILURE(err))
		return cov_error_set(COV_EUSAGE, "%s: unknown encoding '%s'", doc->name, from);
	ucnv_close(conv); /* opened only to check the name */
	int32_t cap = (int32_t)(len * 3 + 4);
	char *dst = malloc((size_t)cap + 1);
	if (!dst)
		return cov_error_set(COV_ENOMEM, "%s: out of memory", doc->name);
	err = U_ZERO_ERROR;
	int32_t n = ucnv_convert("UTF-8", from, dst, cap, buf, (int32_t)len, &err);
	if (U_FAILURE(err) || n < 0) {
		free(dst);
		return cov_error_set(COV_EINPUT, "%s: cannot convert from %s (%s)", doc->name, from, u_errorName(err));
	}
	dst[n] = '\0';
	*out = dst;
	*out_len = (size_t)n;
	return COV_OK;
}

static bool looks_like_html(const char *s, size_t n)
{
	size_t i = 0;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	if (i >= n || s[i] != '<')
		return false;
	/* tags of a document's body: a Markdown file may open with a stray
	 * <meta> line and is still Markdown */
	static const char *const tags[] = {"<html", "<!doctype html", "<body", "<p>", "<p ", "<div",
					   "<h1", "<h2", "<article", "<section", "<table"};
	size_t window = n - i < 4096 ? n - i : 4096;
	for (size_t k = i; k < i + window; k++) {
		if (s[k] != '<')
			continue;
		for (size_t t = 0; t < sizeof tags / sizeof *tags; t++) {
			size_t tl = strlen(tags[t]);
			if (k + tl <= n && strncasecmp(s + k, tags[t], tl) == 0)
				return true;
		}
	}
	return false;
}

/* ICU's charset detector lives in libicui18n, which nothing else uses: it
 * is loaded when the first text that is not UTF-8 is read, not at every
 * start.  ICU's headers rename its functions by version (ucsdet_open →
 * ucsdet_open_72): the macros give the names to look up. */
#define COV_STR_(x) #x
#define COV_STR(x) COV_STR_(x)
static struct {
	__typeof__(&ucsdet_open) open;
	__typeof__(&ucsdet_setText) set_text;
	__typeof__(&ucsdet_detect) detect;
	__typeof__(&ucsdet_getConfidence) get_confidence;
	__typeof__(&ucsdet_getName) get_name;
	__typeof__(&ucsdet_close) close;
} D;
static bool det_loaded;
static pthread_once_t det_once = PTHREAD_ONCE_INIT;

static void load_detector(void)
{
	static const cov_dl_sym syms[] = {
		{COV_STR(ucsdet_open), offsetof(__typeof__(D), open)},
		{COV_STR(ucsdet_setText), offsetof(__typeof__(D), set_text)},
		{COV_STR(ucsdet_detect), offsetof(__typeof__(D), detect)},
		{COV_STR(ucsdet_getConfidence), offsetof(__typeof__(D), get_confidence)},
		{COV_STR(ucsdet_getName), offsetof(__typeof__(D), get_name)},
		{COV_STR(ucsdet_close), offsetof(__typeof__(D), close)},
	};
	det_loaded = cov_dl_load(NULL, "libicui18n.so." U_ICU_VERSION_SHORT, syms, sizeof syms / sizeof *syms, &D);
}

/* Guess a legacy encoding with ICU's charset detector; NULL when it is
 * not sure enough (a wrong guess would turn a text into nonsense). */
static const char *detect_charset(const char *buf, size_t len, int *confidence)
{
	pthread_once(&det_once, load_detector);
	if (!det_loaded)
		return NULL;
	UErrorCode err = U_ZERO_ERROR;
	UCharsetDetector *det = D.open(&err);
	if (U_FAILURE(err))
		return NULL;
	D.set_text(det, buf, (int32_t)(len > (1u << 20) ? 1u << 20 : len), &err);
	const UCharsetMatch *m = U_SUCCESS(err) ? D.detect(det, &err) : NULL;
	const char *name = NULL;
	if (m && U_SUCCESS(err)) {
		int conf = D.get_confidence(m, &err);
		const char *n = D.get_name(m, &err);
		/* names from ICU's own static table: they outlive the detector */
		if (U_SUCCESS(err) && n && conf >= 30 && strcasecmp(n, "UTF-8") != 0) {
			name = n;
			*confidence = conf;
		}
	}
	D.close(det);
	return name;
}

/* The encoding an XML declaration names (<?xml version="1.0"
 * encoding="windows-1251"?>), copied to out; false when there is none. */
static bool xml_declared_encoding(const char *buf, size_t len, char *out, size_t cap)
{
	size_t n = len < 200 ? len : 200;
	if (n < 6 || memcmp(buf, "<?xml", 5) != 0)
		return false;
	const char *end = memchr(buf, '>', n);
	if (!end)
		return false;
	for (const char *p = buf; p + 9 < end; p++) {
		if (memcmp(p, "encoding=", 9) != 0)
			continue;
		char q = p[9];
		const char *v = p + 10, *e = v;
		if (q != '"' && q != '\'')
			return false;
		while (e < end && *e != q)
			e++;
		if (e >= end || e == v || (size_t)(e - v) >= cap)
			return false;
		memcpy(out, v, (size_t)(e - v));
		out[e - v] = '\0';
		return true;
	}
	return false;
}

static bool starts_with(const char *buf, size_t len, const char *magic, size_t n)
{
	return len >= n && memcmp(buf, magic, n) == 0;
}

int cov_ingest(cov_doc *doc, char *buf, size_t len, const cov_parse_options *opts)
{
	const char *enc = opts && opts->encoding && *opts->encoding ? opts->encoding : NULL;
	/* --encoding utf-8 is read as UTF-8 or refused, never guessed at */
	bool named_utf8 = enc && (strcasecmp(enc, "utf-8") == 0 || strcasecmp(enc, "utf8") == 0);
	if (named_utf8)
		enc = NULL;
	bool auto_enc = !named_utf8 && (!enc || strcasecmp(enc, "auto") == 0);
	if (enc && strcasecmp(enc, "auto") == 0)
		enc = NULL;
	doc->encoding_confidence = 100;
	if (len == 0) {
		free(buf);
		return cov_error_set(COV_EINPUT, "%s: empty file", doc->name);
	}
	/* binary formats, by their content, whatever the file is called */
	cov_format want = opts ? opts->format : COV_FORMAT_AUTO;
	if (want == COV_FORMAT_PDF || (want == COV_FORMAT_AUTO && starts_with(buf, len, "%PDF-", 5))) {
		snprintf(doc->encoding, sizeof doc->encoding, "PDF text layer");
		doc->format = COV_FORMAT_PDF;
		int rc = cov_pdf_extract(doc, buf, len);
		free(buf);
		return rc;
	}
	if (want == COV_FORMAT_DOCX || (want == COV_FORMAT_AUTO && starts_with(buf, len, "PK\x03\x04", 4))) {
		snprintf(doc->encoding, sizeof doc->encoding, "DOCX (UTF-8 XML)");
		doc->format = COV_FORMAT_DOCX;
		size_t max = opts && opts->max_bytes ? opts->max_bytes : COV_DEFAULT_MAX_BYTES;
		int rc = cov_docx_extract(doc, buf, len, max);
		free(buf);
		return rc;
	}
	const unsigned char *u = (const unsigned char *)buf;
	size_t skip = 0;
	if (!enc && len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		enc = "UTF-16LE";
		skip = 2;
	} else if (!enc && len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		enc = "UTF-16BE";
		skip = 2;
	}
	cov_format format = opts ? opts->format : COV_FORMAT_AUTO;
	/* XML that is not UTF-8 says what it is: the declaration, not a guess */
	char declared[32];
	if (!enc && xml_declared_encoding(buf, len, declared, sizeof declared) && strcasecmp(declared, "UTF-8") != 0 &&
	    cov_utf8_invalid_at(buf, len) < len)
		enc = declared;
	if (enc) {
		char *text = NULL;
		size_t n = 0;
		int rc = to_utf8(doc, enc, buf + skip, len - skip, &text, &n);
		free(buf);
		if (rc)
			return rc;
		buf = text;
		len = n;
		snprintf(doc->encoding, sizeof doc->encoding, "%s", enc);
	} else {
		bool bom = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0;
		doc->body = bom ? 3 : 0;
		snprintf(doc->encoding, sizeof doc->encoding, "%s", bom ? "UTF-8 (BOM)" : "UTF-8");
	}
	/* zero bytes and no encoding named: UTF-16 without a byte-order mark? */
	if (auto_enc && !enc && memchr(buf, '\0', len)) {
		const char *u16 = sniff_utf16(buf, len);
		if (u16) {
			char *text = NULL;
			size_t n = 0;
			int rc = to_utf8(doc, u16, buf, len, &text, &n);
			if (rc == COV_OK) {
				free(buf);
				buf = text;
				len = n;
				doc->body = 0;
				enc = u16;
				snprintf(doc->encoding, sizeof doc->encoding, "%s", u16);
				doc->encoding_confidence = 90;
				warn(doc,
				     "%s: read as %s without a byte-order mark (told by its zero bytes); if the text "
				     "looks wrong, name its encoding with --encoding",
				     doc->name, u16);
			}
		}
	}
	/* not UTF-8 and no encoding named: UTF-8 with a few bad bytes is an
	 * error (read as a legacy encoding, every other non-ASCII character
	 * would be garbled); else ask the detector (Windows-1251, KOI8-R, …),
	 * and say what it guessed and how sure it is */
	size_t bad = SIZE_MAX; /* where buf stops being UTF-8; SIZE_MAX: not known yet */
	if (auto_enc && !enc && (bad = cov_utf8_invalid_at(buf, len)) < len && !memchr(buf, '\0', len)) {
		utf8_census c = utf8_count(buf, len);
		if (c.multibyte > 0 && c.multibyte >= 2 * c.invalid) {
			free(buf);
			return cov_error_set(COV_EINPUT,
					     "%s: invalid UTF-8 at byte %zu (%zu invalid %s in text that is otherwise "
					     "UTF-8, with %zu characters beyond ASCII); repair %s, or if the file is in "
					     "another encoding name it with --encoding (e.g. windows-1252, windows-1251)",
					     doc->name, c.first, c.invalid, c.invalid == 1 ? "sequence" : "sequences",
					     c.multibyte, c.invalid == 1 ? "that byte" : "those bytes");
		}
		int conf = 0;
		const char *guess = detect_charset(buf, len, &conf);
		/* bytes 0x80–0x9F are C1 controls in ISO-8859-1 and curly quotes
		 * and dashes in Windows-1252, which is what such files are (the
		 * WHATWG encoding standard reads the one label as the other) */
		if (guess && strcasecmp(guess, "ISO-8859-1") == 0)
			for (size_t i = 0; i < len; i++)
				if ((unsigned char)buf[i] >= 0x80 && (unsigned char)buf[i] <= 0x9F) {
					guess = "windows-1252";
					break;
				}
		if (guess) {
			char *text = NULL;
			size_t n = 0;
			int rc = to_utf8(doc, guess, buf, len, &text, &n);
			if (rc == COV_OK) {
				free(buf);
				buf = text;
				len = n;
				bad = SIZE_MAX;
				doc->body = 0;
				snprintf(doc->encoding, sizeof doc->encoding, "%s", guess);
				doc->encoding_confidence = conf;
				warn(doc,
				     "%s: not UTF-8; read as %s (the detector is %d%% sure); if the text looks wrong, "
				     "name its encoding with --encoding",
				     doc->name, guess, conf);
			}
		}
	}
	const char *nul = memchr(buf, '\0', len);
	if (nul) {
		size_t at = (size_t)(nul - buf);
		free(buf);
		if (enc)
			return cov_error_set(COV_EINPUT, "%s: a NUL character at offset %zu of the text read as %s; "
					     "it is binary data, or not in %s", doc->name, at, doc->encoding, doc->encoding);
		return cov_error_set(COV_EINPUT,
				     "%s: binary data (NUL byte at offset %zu); if it is text in UTF-16 without a "
				     "byte-order mark, name it with --encoding utf-16le (or utf-16be)",
				     doc->name, at);
	}
	if (bad == SIZE_MAX) /* validated once: the text is long */
		bad = cov_utf8_invalid_at(buf, len);
	if (bad < len && named_utf8) {
		free(buf);
		return cov_error_set(COV_EINPUT,
				     "%s: invalid UTF-8 at byte %zu, though --encoding named UTF-8; if the file is in "
				     "another encoding, name that one (e.g. windows-1251, koi8-r), or leave --encoding "
				     "out to have it detected",
				     doc->name, bad);
	}
	if (bad < len) {
		free(buf);
		return cov_error_set(COV_EINPUT,
				     "%s: invalid UTF-8 at byte %zu, and no legacy encoding could be recognised; "
				     "name it with --encoding (e.g. windows-1251, koi8-r)",
				     doc->name, bad);
	}
	bool akn_html = false;
	if ((format == COV_FORMAT_AUTO || format == COV_FORMAT_AKN) &&
	    (cov_akn_sniff(buf, len, &akn_html) || format == COV_FORMAT_AKN)) {
		int rc = cov_akn_read(doc, buf, len, akn_html);
		free(buf);
		return rc;
	}
	if (format == COV_FORMAT_AUTO || format == COV_FORMAT_PDF || format == COV_FORMAT_DOCX)
		format = looks_like_html(buf, len) ? COV_FORMAT_HTML : COV_FORMAT_TEXT;
	doc->format = format;
	if (format == COV_FORMAT_HTML) {
		int rc = cov_html_extract(doc, buf, len);
		free(buf);
		return rc;
	}
	doc->text = buf;
	doc->len = len;
	return COV_OK;
}
