/*
 * fuzz_docx.c — libFuzzer target for DOCX ingest through the public API
 * (cov_doc_parse_buffer with COV_FORMAT_DOCX).  An input that starts with
 * "PK" is the DOCX itself (libzip's reader, the bomb checks); any other
 * input is the XML inside: up to the first 0x1E byte word/document.xml,
 * after it word/numbering.xml, zipped here (stored) so that mutations
 * reach the paragraph walk and the automatic numbering instead of dying
 * on a CRC.
 */
#include "fuzz_common.h"

#include <string.h>
#include <zip.h>

/* A zip of the parts, stored; malloc'd in *out, or NULL. */
static size_t zip_parts(const uint8_t *doc, size_t doc_len, const uint8_t *num, size_t num_len, char **out)
{
	*out = NULL;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_error_fini(&ze);
	if (!mem)
		return 0;
	zip_source_keep(mem);
	zip_t *z = zip_open_from_source(mem, ZIP_TRUNCATE, NULL);
	if (!z) {
		zip_source_free(mem);
		return 0;
	}
	const char *names[2] = {"word/document.xml", "word/numbering.xml"};
	const uint8_t *parts[2] = {doc, num};
	size_t lens[2] = {doc_len, num_len};
	for (int i = 0; i < 2; i++) {
		if (!parts[i])
			continue;
		zip_source_t *s = zip_source_buffer(z, parts[i], lens[i], 0);
		zip_int64_t idx = s ? zip_file_add(z, names[i], s, ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0) {
			zip_source_free(s);
			continue;
		}
		zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
	}
	size_t n = 0;
	if (zip_close(z) != 0) {
		zip_discard(z);
	} else {
		zip_stat_t st;
		if (zip_source_stat(mem, &st) == 0 && zip_source_open(mem) == 0) {
			*out = malloc(st.size ? st.size : 1);
			if (*out && zip_source_read(mem, *out, st.size) == (zip_int64_t)st.size)
				n = st.size;
			zip_source_close(mem);
		}
	}
	zip_source_free(mem);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len)
{
	const cov_data *data = fuzz_data();
	char *zipped = NULL;
	const char *in = (const char *)buf;
	size_t n = len;
	if (len < 2 || memcmp(buf, "PK", 2) != 0) {
		const uint8_t *sep = memchr(buf, 0x1e, len);
		n = sep ? zip_parts(buf, (size_t)(sep - buf), sep + 1, len - (size_t)(sep - buf) - 1, &zipped)
			: zip_parts(buf, len, NULL, 0, &zipped);
		if (!zipped) {
			free(zipped);
			return 0;
		}
		in = zipped;
	}
	cov_parse_options o = {.format = COV_FORMAT_DOCX, .max_bytes = 1 << 20};
	cov_doc *doc;
	if (cov_doc_parse_buffer(data, in, n, "fuzz.docx", &o, &doc) == COV_OK) {
		fuzz_check_tree(doc);
		char *s;
		size_t sn;
		if (cov_render_string(doc, COV_RENDER_JSON, &s, &sn) == COV_OK)
			free(s);
		cov_doc_free(doc);
	}
	free(zipped);
	return 0;
}
