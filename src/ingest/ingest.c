/*
 * ingest.c — reading input safely.  Every refusal says which file and what
 * is wrong with it in words a user can act on; nothing here asserts on
 * input.
 */
#include "ingest.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

int cov_read_file(const char *path, size_t max, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return cov_error_set(COV_EIO, "%s: %s", path, strerror(errno));
	struct stat st;
	if (!is_stdin && fstat(fileno(f), &st) == 0) {
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

/* Guess a legacy encoding with ICU's charset detector; NULL when it is
 * not sure enough (a wrong guess would turn a text into nonsense). */
static const char *detect_charset(const char *buf, size_t len, int *confidence)
{
	UErrorCode err = U_ZERO_ERROR;
	UCharsetDetector *det = ucsdet_open(&err);
	if (U_FAILURE(err))
		return NULL;
	ucsdet_setText(det, buf, (int32_t)(len > (1u << 20) ? 1u << 20 : len), &err);
	const UCharsetMatch *m = U_SUCCESS(err) ? ucsdet_detect(det, &err) : NULL;
	const char *name = NULL;
	if (m && U_SUCCESS(err)) {
		int conf = ucsdet_getConfidence(m, &err);
		const char *n = ucsdet_getName(m, &err);
		/* names from ICU's own static table: they outlive the detector */
		if (U_SUCCESS(err) && n && conf >= 30 && strcasecmp(n, "UTF-8") != 0) {
			name = n;
			*confidence = conf;
		}
	}
	ucsdet_close(det);
	return name;
}

static bool starts_with(const char *buf, size_t len, const char *magic, size_t n)
{
	return len >= n && memcmp(buf, magic, n) == 0;
}

int cov_ingest(cov_doc *doc, char *buf, size_t len, const cov_parse_options *opts)
{
	const char *enc = opts && opts->encoding && *opts->encoding ? opts->encoding : NULL;
	if (enc && (strcasecmp(enc, "utf-8") == 0 || strcasecmp(enc, "utf8") == 0))
		enc = NULL;
	bool auto_enc = !enc || strcasecmp(enc, "auto") == 0;
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
	/* not UTF-8 and no encoding named: ask the detector (Windows-1251,
	 * KOI8-R, …); the guess and its confidence are reported */
	if (auto_enc && !enc && cov_utf8_invalid_at(buf, len) < len && !memchr(buf, '\0', len)) {
		int conf = 0;
		const char *guess = detect_charset(buf, len, &conf);
		if (guess) {
			char *text = NULL;
			size_t n = 0;
			int rc = to_utf8(doc, guess, buf, len, &text, &n);
			if (rc == COV_OK) {
				free(buf);
				buf = text;
				len = n;
				doc->body = 0;
				snprintf(doc->encoding, sizeof doc->encoding, "%s", guess);
				doc->encoding_confidence = conf;
			}
		}
	}
	const char *nul = memchr(buf, '\0', len);
	if (nul) {
		size_t at = (size_t)(nul - buf);
		bool utf16 = len >= 4 && (buf[1] == '\0' || buf[0] == '\0') && !enc;
		free(buf);
		return cov_error_set(COV_EINPUT, "%s: binary data (NUL byte at offset %zu)%s", doc->name, at,
				     utf16 ? "; if it is UTF-16 without a byte-order mark, use --encoding utf-16le" : "");
	}
	size_t bad = cov_utf8_invalid_at(buf, len);
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
