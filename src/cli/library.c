/*
 * library.c — what the commands share about the library: opening it (with
 * --db, $COVENANT_DB or the default place) and reading a stored version
 * back as a document, so `check WORK:DATE` and `diff WORK@A WORK@B` work
 * as they do on files.
 */
#include "cli.h"
#include "../store/store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void cov_cli_today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static int open_store(const cov_cli_common *c, bool write, cov_store **out)
{
	char path[4096];
	const char *p = c->db;
	if (!p) {
		int rc = cov_store_default_path(path, sizeof path);
		if (rc)
			return rc;
		p = path;
	}
	return cov_store_open(p, write ? 0 : COV_STORE_READONLY, out);
}

int cov_cli_store_open(const cov_cli_common *c, bool write, cov_store **out)
{
	int rc = open_store(c, write, out);
	if (rc == COV_OK)
		return -1;
	fprintf(stderr, "covenant: %s\n", cov_error_last());
	return rc == COV_EUSAGE ? 2 : cov_cli_exit_code(rc == COV_ENOMEM ? rc : COV_EIO);
}

int cov_cli_store_doc(const cov_data *data, const cov_cli_common *c, const char *ref, cov_doc **out)
{
	*out = NULL;
	bool dated = strchr(ref, '@') || strchr(ref, ':');
	cov_store *st;
	int rc = open_store(c, false, &st);
	if (rc && !dated) /* no library: it was meant as a file */
		return cov_doc_parse_file(data, ref, &c->po, out);
	if (rc)
		return cov_error_set(rc == COV_ENOMEM ? rc : COV_EINPUT, "%s: %s", ref, cov_error_last());
	cov_store_version v = {0};
	rc = cov_store_find(st, ref, c->po.language, &v);
	char *text = NULL;
	size_t len = 0;
	if (rc == COV_OK)
		rc = cov_store_get(st, v.id, "text", &text, &len);
	if (rc == COV_OK) {
		cov_parse_options po = c->po;
		po.format = COV_FORMAT_TEXT;
		po.encoding = NULL;
		if (!po.language || strcmp(po.language, "auto") == 0)
			po.language = v.lang;
		char name[256];
		snprintf(name, sizeof name, "%s@%s", v.work, v.date);
		rc = cov_doc_parse_buffer(data, text, len, name, &po, out);
	} else if (!dated && rc == COV_EINPUT) {
		rc = cov_error_set(COV_EINPUT, "%s: no such file, and no work of that name in the library %s", ref,
				   cov_store_path(st));
	} else if (rc == COV_EINPUT) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", cov_error_last());
		rc = cov_error_set(COV_EINPUT, "%s: %s", ref, msg);
	}
	free(text);
	cov_store_version_clear(&v);
	cov_store_close(st);
	return rc;
}
