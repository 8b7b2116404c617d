/*
 * jsonout.c — JSON documents as the command prints them: each with the
 * "covenant" key (the tool's version and a SHA-256 of the data files used,
 * so a memo's figures can be reproduced), one object for one input, an
 * array for several, or NDJSON (one compact object per line).
 */
#include "cli.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct { char **v; size_t n, cap; bool oom; } names;

static void names_add(names *l, const char *s)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		char **v = realloc(l->v, cap * sizeof *v);
		if (!v) {
			l->oom = true;
			return;
		}
		l->v = v;
		l->cap = cap;
	}
	if (!(l->v[l->n] = strdup(s)))
		l->oom = true;
	else
		l->n++;
}

/* Every *.txt under dir/rel, as paths relative to dir. */
static void list_data(const char *dir, const char *rel, names *out, int depth)
{
	char path[4096];
	snprintf(path, sizeof path, "%s%s%s", dir, *rel ? "/" : "", rel);
	DIR *d = opendir(path);
	if (!d || depth > 8) {
		if (d)
			closedir(d);
		return;
	}
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char sub[4096], full[8192];
		snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
		snprintf(full, sizeof full, "%s/%s", dir, sub);
		struct stat st;
		if (stat(full, &st) != 0)
			continue;
		size_t n = strlen(e->d_name);
		if (S_ISDIR(st.st_mode))
			list_data(dir, sub, out, depth + 1);
		else if (S_ISREG(st.st_mode) && n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0)
			names_add(out, sub);
	}
	closedir(d);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int cov_cli_data_hash(const cov_data *data, char hex[65])
{
	static char cached[65];
	if (cached[0]) {
		memcpy(hex, cached, 65);
		return COV_OK;
	}
	const char *dir = cov_data_dir(data);
	names l = {0};
	list_data(dir, "", &l, 0);
	qsort(l.v, l.n, sizeof *l.v, by_name);
	cov_sha256 *sum = cov_sha256_new();
	int rc = !sum ? COV_EDATA : l.oom ? cov_error_set(COV_ENOMEM, "out of memory") : COV_OK; /* !sum: said why */
	for (size_t i = 0; i < l.n && rc == COV_OK; i++) {
		char full[8192];
		snprintf(full, sizeof full, "%s/%s", dir, l.v[i]);
		FILE *f = fopen(full, "rb");
		if (!f) {
			rc = cov_error_set(COV_EDATA, "%s: cannot read", full);
			break;
		}
		cov_sha256_update(sum, l.v[i], strlen(l.v[i]) + 1);
		char chunk[65536];
		for (size_t n; (n = fread(chunk, 1, sizeof chunk, f)) > 0;)
			cov_sha256_update(sum, chunk, n);
		if (ferror(f))
			rc = cov_error_set(COV_EDATA, "%s: cannot read", full);
		fclose(f);
	}
	if (sum) {
		cov_sha256_finish(sum, cached);
		if (rc == COV_OK)
			memcpy(hex, cached, 65);
		else
			cached[0] = 0;
	}
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	return rc;
}

/* The object with "covenant" right after "format", dumped with `flags`. */
static int rebuild(cov_buf *out, const char *json, size_t len, const char *hash, size_t flags)
{
	json_error_t err;
	json_t *doc = json_loadb(json, len, 0, &err);
	if (!doc || !json_is_object(doc)) {
		json_decref(doc);
		return cov_error_set(COV_ENOMEM, "cannot re-read the JSON output: %s", doc ? "not an object" : err.text);
	}
	json_t *o = json_object(), *meta = json_pack("{s:s, s:s}", "version", COV_VERSION, "data", hash);
	const char *key;
	json_t *v;
	json_object_foreach(doc, key, v) {
		json_object_set(o, key, v);
		if (strcmp(key, "format") == 0)
			json_object_set(o, "covenant", meta);
	}
	if (!json_object_get(o, "covenant"))
		json_object_set(o, "covenant", meta);
	json_decref(meta);
	json_decref(doc);
	char *s = json_dumps(o, flags | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (!s)
		return cov_error_set(COV_ENOMEM, "out of memory");
	cov_buf_puts(out, s);
	free(s);
	return COV_OK;
}

int cov_cli_json_append(cov_buf *out, const char *json, size_t len, const char *hash, cov_cli_format fmt,
			size_t index, size_t count)
{
	if (fmt == COV_CLI_NDJSON) {
		int rc = rebuild(out, json, len, hash, JSON_COMPACT);
		cov_buf_putc(out, '\n');
		return rc;
	}
	while (len && (json[len - 1] == '\n' || json[len - 1] == ' '))
		len--;
	if (count)
		cov_buf_puts(out, index == 0 ? "[\n" : ",\n");
	/* The renderers print `{` then ` "format": 1,` on the next line: the
	 * new key goes on the line after it, with no need to re-read the rest. */
	static const char head[] = "{\n \"format\": ";
	const char *nl = len > sizeof head && memcmp(json, head, sizeof head - 1) == 0
		? memchr(json + sizeof head - 1, '\n', len - (sizeof head - 1)) : NULL;
	int rc = COV_OK;
	if (nl) {
		size_t at = (size_t)(nl - json) + 1;
		cov_buf_put(out, json, at);
		cov_buf_printf(out, " \"covenant\": {\"version\": \"%s\", \"data\": \"%s\"},\n", COV_VERSION, hash);
		cov_buf_put(out, json + at, len - at);
	} else {
		rc = rebuild(out, json, len, hash, JSON_INDENT(1));
	}
	if (!count || index + 1 == count)
		cov_buf_puts(out, count ? "\n]\n" : "\n");
	return rc;
}
