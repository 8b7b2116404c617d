/*
 * store.c — what every library backend shares: the names of kinds,
 * statuses and events, the --event syntax, references (WORK, WORK@DATE,
 * WORK:DATE), the default location, and the dispatch to the backend.
 */
#include <jansson.h>
#include "store.h"
#include "../util/util.h"
#include "pg_store.h"

#include <ctype.h>
#include <libxml/hash.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *const cov_store_kinds[] = {"constitution", "law", "code", "treaty", "bill", NULL};
const char *const cov_store_statuses[] = {"draft", "adopted", "in-force", "repealed", "superseded", NULL};
const char *const cov_store_event_kinds[] = {"published", "adopted", "referendum", "in-force", "amended",
					     "consolidated", "repealed", "replaced", NULL};

bool cov_store_name_in(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (strcmp(*list, name) == 0)
			return true;
	return false;
}

bool cov_store_date_valid(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return false;
	return true;
}

static int number(const char *key, const char *v, double *out)
{
	char *end;
	double x = strtod(v, &end);
	if (end == v || *end || !(x >= 0 && x <= 100))
		return cov_error_set(COV_EUSAGE, "--event: %s wants a percentage from 0 to 100, not '%s'", key, v);
	*out = x;
	return COV_OK;
}

int cov_store_event_parse(char *buf, cov_store_event *ev)
{
	memset(ev, 0, sizeof *ev);
	ev->turnout = ev->votes_for = ev->votes_against = -1;
	ev->act = ev->ref = ev->result = "";
	ev->source = "flag";
	char *save = NULL;
	char *kind = strtok_r(buf, ":", &save);
	char *date = kind ? strtok_r(NULL, ":", &save) : NULL;
	if (!kind || !date)
		return cov_error_set(COV_EUSAGE, "--event wants KIND:DATE[:key=value…] (for example "
				     "referendum:2026-03-15:turnout=73.12:for=87.15)");
	if (strcmp(kind, "in_force") == 0 || strcmp(kind, "inforce") == 0)
		kind = "in-force";
	if (!cov_store_name_in(cov_store_event_kinds, kind))
		return cov_error_set(COV_EUSAGE, "--event: unknown kind '%s' (published, adopted, referendum, in-force, "
				     "amended, consolidated, repealed, replaced)", kind);
	if (!cov_store_date_valid(date))
		return cov_error_set(COV_EUSAGE, "--event %s: '%s' is not a date YYYY-MM-DD", kind, date);
	ev->kind = kind;
	ev->date = date;
	for (char *kv; (kv = strtok_r(NULL, ":", &save));) {
		char *eq = strchr(kv, '=');
		if (!eq)
			return cov_error_set(COV_EUSAGE, "--event %s: '%s' is not key=value", kind, kv);
		*eq = 0;
		const char *v = eq + 1;
		int rc = COV_OK;
		if (strcmp(kv, "turnout") == 0)
			rc = number(kv, v, &ev->turnout);
		else if (strcmp(kv, "for") == 0)
			rc = number(kv, v, &ev->votes_for);
		else if (strcmp(kv, "against") == 0)
			rc = number(kv, v, &ev->votes_against);
		else if (strcmp(kv, "act") == 0 || strcmp(kv, "law") == 0)
			ev->act = v;
		else if (strcmp(kv, "by") == 0)
			ev->ref = v;
		else if (strcmp(kv, "result") == 0) {
			if (strcmp(v, "approved") && strcmp(v, "rejected"))
				rc = cov_error_set(COV_EUSAGE, "--event %s: result is approved or rejected, not '%s'", kind, v);
			ev->result = v;
		} else
			rc = cov_error_set(COV_EUSAGE, "--event %s: unknown key '%s' (turnout, for, against, result, act, by)",
					   kind, kv);
		if (rc)
			return rc;
	}
	if (strcmp(kind, "referendum") == 0 && !*ev->result && ev->votes_for >= 0)
		ev->result = ev->votes_for > 50 ? "approved" : "rejected";
	return COV_OK;
}

int cov_store_default_path(char *buf, size_t cap)
{
	const char *env = getenv("COVENANT_DB");
	int n;
	if (env && *env)
		n = snprintf(buf, cap, "%s", env);
	else if ((env = getenv("XDG_DATA_HOME")) && *env == '/')
		n = snprintf(buf, cap, "%s/covenant/library.db", env);
	else if ((env = getenv("HOME")) && *env)
		n = snprintf(buf, cap, "%s/.local/share/covenant/library.db", env);
	else
		return cov_error_set(COV_EUSAGE, "no library location: set COVENANT_DB or HOME, or give --db PATH");
	if (n < 0 || (size_t)n >= cap)
		return cov_error_set(COV_EUSAGE, "the library's path is too long");
	return COV_OK;
}

/* 1 and the URL when `path` is a file that holds a postgresql:// URL (an
 * SQLite file begins "SQLite format 3"), 0 when it is not, < 0 when such a
 * file is readable by others. */
static int url_file(const char *path, char *url, size_t cap)
{
	struct stat sb;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size > (off_t)cap - 1)
		return 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	size_t n = fread(url, 1, cap - 1, f);
	fclose(f);
	url[n] = 0;
	while (n && (url[n - 1] == '\n' || url[n - 1] == '\r' || url[n - 1] == ' '))
		url[--n] = 0;
	if (!cov_store_is_pg_url(url) || strchr(url, '\n'))
		return 0;
	if (sb.st_mode & 077) {
		explicit_bzero(url, cap);
		return cov_error_set(COV_EUSAGE, "%s: holds a database URL but others may read it: chmod 600 %s", path,
				     path);
	}
	return 1;
}

int cov_store_open(const char *path, unsigned flags, cov_store **out)
{
	*out = NULL;
	if (cov_store_is_pg_url(path))
		return cov_store_pg_open(path, flags, out);
	if (strncmp(path, "sqlite:", 7) == 0) /* sqlite:PATH (sqlite:///PATH as a URL) */
		path += strncmp(path + 7, "//", 2) == 0 ? 9 : 7;
	/* a file holding the URL (kept out of the environment and of ps): not readable by others */
	char url[2048];
	int rc = url_file(path, url, sizeof url);
	if (rc < 0)
		return rc;
	if (rc == 1) {
		rc = cov_store_pg_open(url, flags, out);
		explicit_bzero(url, sizeof url);
		return rc;
	}
	return cov_store_sqlite_open(path, flags, out);
}

void cov_store_close(cov_store *st)
{
	if (st)
		st->ops->close(st);
}

const char *cov_store_path(const cov_store *st) { return st->path; }
int cov_store_begin(cov_store *st) { return st->ops->begin(st); }
int cov_store_commit(cov_store *st) { return st->ops->commit(st); }
void cov_store_rollback(cov_store *st) { st->ops->rollback(st); }

int cov_store_put(cov_store *st, const cov_data *data, const cov_doc *doc, const cov_review *review,
		  const unsigned char *bytes, size_t len, const cov_store_version_in *in,
		  cov_store_put_result *result, cov_store_version *out)
{
	if (!in->work || !*in->work)
		return cov_error_set(COV_EUSAGE, "no work: give --work ID");
	if (!in->date || !cov_store_date_valid(in->date))
		return cov_error_set(COV_EUSAGE, "no date: give --date YYYY-MM-DD");
	if (in->kind && *in->kind && !cov_store_name_in(cov_store_kinds, in->kind))
		return cov_error_set(COV_EUSAGE, "unknown kind '%s' (constitution, law, code, treaty, bill)", in->kind);
	if (in->status && *in->status && !cov_store_name_in(cov_store_statuses, in->status))
		return cov_error_set(COV_EUSAGE, "unknown status '%s' (draft, adopted, in-force, repealed, superseded)",
				     in->status);
	return st->ops->put(st, data, doc, review, bytes, len, in, result, out);
}

void cov_store_sha256(const unsigned char *bytes, size_t len, char hex[65])
{
	cov_sha256_hex(bytes, len, hex);
}

int cov_store_same(cov_store *st, const char *work, const unsigned char *bytes, size_t len, cov_store_version *out)
{
	char sha[65];
	cov_store_sha256(bytes, len, sha);
	if (!sha[0])
		return COV_EDATA; /* no SHA-256: cov_sha256_new said why */
	return st->ops->same(st, work, sha, out);
}

static bool work_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.';
}

bool cov_store_is_ref(const char *s)
{
	size_t n = 0;
	while (work_char(s[n]))
		n++;
	if (n == 0 || n > 95)
		return false;
	if (!s[n])
		return true;
	return (s[n] == '@' || s[n] == ':') && cov_store_date_valid(s + n + 1);
}

int cov_store_find(cov_store *st, const char *ref, const char *lang, cov_store_version *out)
{
	char work[96];
	size_t n = 0;
	while (work_char(ref[n]))
		n++;
	if (n == 0 || n >= sizeof work || (ref[n] && !((ref[n] == '@' || ref[n] == ':') &&
						      cov_store_date_valid(ref + n + 1))))
		return cov_error_set(COV_EUSAGE, "'%s' is not WORK, WORK@YYYY-MM-DD (the version of that date) or "
				     "WORK:YYYY-MM-DD (the version in force on that date)", ref);
	memcpy(work, ref, n);
	work[n] = 0;
	return st->ops->find(st, work, ref[n], ref[n] ? ref + n + 1 : NULL, lang, out);
}

int cov_store_get(cov_store *st, int64_t version, const char *what, char **out, size_t *len)
{
	return st->ops->get(st, version, what, out, len);
}

int cov_store_article(cov_store *st, int64_t version, const char *num, char **eid, char **heading, char **text)
{
	return st->ops->article(st, version, num, eid, heading, text);
}

int cov_store_works(cov_store *st, const char *work, cov_store_work_cb cb, void *ctx)
{
	return st->ops->works(st, work, cb, ctx);
}

int cov_store_versions(cov_store *st, const char *work, cov_store_version_cb cb, void *ctx)
{
	return st->ops->versions(st, work, cb, ctx);
}

int cov_store_events(cov_store *st, const char *work, cov_store_event_cb cb, void *ctx)
{
	return st->ops->events(st, work, cb, ctx);
}

int cov_store_search(cov_store *st, const cov_store_search_opts *o, cov_store_hit_cb cb, void *ctx)
{
	if (!o->query || !*o->query)
		return cov_error_set(COV_EUSAGE, "search wants a query");
	return st->ops->search(st, o, cb, ctx);
}

int cov_store_counts(cov_store *st, long counts[4])
{
	return st->ops->counts(st, counts);
}

void cov_store_version_clear(cov_store_version *v)
{
	char **s[] = {&v->work, &v->country, &v->title, &v->kind, &v->lang, &v->date, &v->status,
		      &v->source, &v->sha256, &v->in_force_from, &v->in_force_until, &v->data_hash};
	for (size_t i = 0; i < sizeof s / sizeof *s; i++) {
		free(*s[i]);
		*s[i] = NULL;
	}
	v->id = 0;
	v->n_articles = 0;
	v->text_bytes = 0;
}

json_t *cov_store_event_json(const cov_store_event *e, bool lang)
{
	json_t *o = json_pack("{s:s, s:s, s:s}", "kind", e->kind, "date", e->date, "version", e->version_date);
	if (!o)
		return NULL;
	if (lang)
		json_object_set_new(o, "lang", json_string(e->version_lang ? e->version_lang : ""));
	json_object_set_new(o, "source", json_string(e->source));
	if (*e->act)
		json_object_set_new(o, "act", json_string(e->act));
	if (*e->ref)
		json_object_set_new(o, "by", json_string(e->ref));
	if (*e->result)
		json_object_set_new(o, "result", json_string(e->result));
	if (e->turnout >= 0)
		json_object_set_new(o, "turnout", json_real(e->turnout));
	if (e->votes_for >= 0)
		json_object_set_new(o, "for", json_real(e->votes_for));
	if (e->votes_against >= 0)
		json_object_set_new(o, "against", json_real(e->votes_against));
	return o;
}

/* The text of an article: its own text and its descendants', without the
 * editorial notes (they are indexed as events, not as the law's words). */
void cov_store_article_text(const cov_doc *doc, const cov_node *a, cov_buf *b)
{
	size_t len;
	const char *t = cov_doc_text(doc, &len);
	cov_iter it;
	cov_iter_init(&it, a);
	const cov_node *skip = NULL;
	for (cov_event ev; (ev = cov_iter_next(&it)) != COV_EVENT_DONE;) {
		const cov_node *n = cov_iter_node(&it);
		if (skip) {
			if (ev == COV_EVENT_EXIT && n == skip)
				skip = NULL;
			continue;
		}
		if (ev != COV_EVENT_ENTER)
			continue;
		if (cov_node_kind_of(n) == COV_NODE_NOTE) {
			skip = n;
			continue;
		}
		if (n != a && *cov_node_heading(n)) {
			cov_buf_puts(b, cov_node_heading(n));
			cov_buf_putc(b, '\n');
		}
		size_t s = cov_node_text_start(n), e = cov_node_text_end(n);
		while (s < e && (t[s] == ' ' || t[s] == '\n' || t[s] == '\t' || t[s] == '\r'))
			s++;
		while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\t' || t[e - 1] == '\r'))
			e--;
		if (e > s) {
			if (b->len)
				cov_buf_putc(b, '\n');
			cov_buf_put(b, t + s, e - s);
		}
	}
}

/* Amendments recorded in the text's notes, each (date, act) once. */
int cov_store_put_amendments(cov_store *st, const cov_doc *doc, int64_t version, cov_store_event_put put)
{
	xmlHashTablePtr seen = xmlHashCreate(64);
	int rc = seen ? COV_OK : cov_error_set(COV_ENOMEM, "out of memory");
	cov_iter it;
	cov_iter_init(&it, cov_doc_root(doc));
	for (cov_event ev; rc == COV_OK && (ev = cov_iter_next(&it)) != COV_EVENT_DONE;) {
		const cov_node *n = cov_iter_node(&it);
		if (ev != COV_EVENT_ENTER || cov_node_kind_of(n) != COV_NODE_NOTE)
			continue;
		size_t na;
		const cov_amendment *am = cov_node_amendments(n, &na);
		for (size_t i = 0; i < na && rc == COV_OK; i++) {
			if (!cov_store_date_valid(am[i].date))
				continue;
			char act[64];
			snprintf(act, sizeof act, "%s", am[i].law ? am[i].law : "");
			for (size_t e = strlen(act); e && strchr(".,;: ", act[e - 1]); e--)
				act[e - 1] = 0; /* "6-НП." and "6-НП" are one act */
			char key[128];
			snprintf(key, sizeof key, "%s|%s", am[i].date, act);
			if (xmlHashLookup(seen, (const xmlChar *)key))
				continue;
			if (xmlHashAddEntry(seen, (const xmlChar *)key, (void *)1) != 0) {
				rc = cov_error_set(COV_ENOMEM, "out of memory");
				break;
			}
			cov_store_event e = {.kind = "amended", .date = am[i].date, .act = act, .source = "notes",
					     .turnout = -1, .votes_for = -1, .votes_against = -1};
			rc = put(st, version, &e);
		}
	}
	xmlHashFree(seen, NULL);
	return rc;
}

typedef struct node_row {
	const cov_node *node;
	int64_t row;
} node_row;

/* The articles (and the preamble) of `doc`, each with its indexed text, and
 * the rights the analysis says each concerns. */
int cov_store_put_articles(cov_store *st, const cov_doc *doc, const cov_review *review, int64_t version,
			   long *count, const cov_store_article_sink *sink)
{
	cov_node_kind primary = cov_doc_primary_kind(doc);
	size_t cap = cov_doc_count(doc, primary) + 8, n = 0;
	node_row *rows = calloc(cap, sizeof *rows);
	if (!rows)
		return cov_error_set(COV_ENOMEM, "out of memory");
	cov_buf b;
	cov_buf_init(&b);
	int rc = COV_OK;
	cov_iter it;
	cov_iter_init(&it, cov_doc_root(doc));
	for (cov_event ev; rc == COV_OK && (ev = cov_iter_next(&it)) != COV_EVENT_DONE;) {
		const cov_node *node = cov_iter_node(&it);
		cov_node_kind k = cov_node_kind_of(node);
		if (ev != COV_EVENT_ENTER || (k != primary && k != COV_NODE_PREAMBLE) || n == cap)
			continue;
		b.len = 0;
		cov_store_article_text(doc, node, &b);
		cov_buf_putc(&b, '\0');
		if (b.oom) {
			rc = cov_error_set(COV_ENOMEM, "out of memory");
			break;
		}
		int64_t row = 0;
		rc = sink->article(st, version, node, b.ptr, b.len - 1, &row);
		if (rc != COV_OK)
			break;
		rows[n++] = (node_row){node, row};
		it.node = node; /* its descendants are in its text: skip them */
		it.ev = COV_EVENT_EXIT;
	}
	size_t np = review ? cov_review_provision_count(review) : 0, at = 0;
	for (size_t i = 0; rc == COV_OK && i < np; i++) {
		const cov_provision *pv = cov_review_provision(review, i);
		const cov_node *a = pv->node;
		while (a && cov_node_kind_of(a) != primary && cov_node_kind_of(a) != COV_NODE_PREAMBLE)
			a = cov_node_parent(a);
		if (!a || !n)
			continue;
		size_t j = at;
		for (size_t tries = 0; tries < n && rows[j].node != a; tries++)
			j = (j + 1) % n;
		if (rows[j].node != a)
			continue;
		at = j;
		for (size_t r = 0; r < pv->n_rights && rc == COV_OK; r++)
			rc = sink->right(st, rows[j].row, pv->rights[r]);
	}
	if (rc == COV_OK && sink->flush)
		rc = sink->flush(st, version);
	/* articles, as parse and diff count them (the preamble is a row too, for search) */
	*count = (long)cov_doc_count(doc, primary);
	cov_buf_free(&b);
	free(rows);
	return rc;
}

/* This version replaces REF (WORK or WORK@DATE): REF ends on the date this
 * one comes into force. */
int cov_store_put_replaces(cov_store *st, const cov_store_version_in *in, const char *from, cov_store_event_put put,
			   int (*refresh)(cov_store *st, const char *work))
{
	cov_store_version old = {0};
	int rc = cov_store_find(st, in->replaces, in->lang, &old);
	if (rc) {
		cov_store_version_clear(&old);
		return cov_error_set(rc == COV_EUSAGE ? COV_EUSAGE : COV_EINPUT, "--replaces: %s", cov_error_last());
	}
	char ref[160];
	snprintf(ref, sizeof ref, "%s@%s", in->work, in->date);
	cov_store_event e = {.kind = "replaced", .date = from, .ref = ref, .source = "flag",
			     .turnout = -1, .votes_for = -1, .votes_against = -1};
	rc = put(st, old.id, &e);
	if (rc == COV_OK && strcmp(old.work, in->work) != 0)
		rc = refresh(st, old.work);
	cov_store_version_clear(&old);
	return rc;
}

/* Why WORK@DATE or WORK:DATE finds no version: no such work, no version of
 * that date (listing its versions), none in force then (listing when they
 * were). */
int cov_store_not_found(cov_store *st, const char *work, char sep, const char *date,
			void (*dates)(cov_store *st, const char *work, bool in_force, cov_buf *b))
{
	cov_buf b;
	cov_buf_init(&b);
	dates(st, work, false, &b);
	int rc;
	if (!b.len) {
		rc = cov_error_set(COV_EINPUT, "no work '%s' in the library %s (covenant list shows the works)", work,
				   st->path);
	} else if (sep == '@') {
		rc = cov_error_set(COV_EINPUT, "%s has no version dated %s (its versions: %s)", work, date, b.ptr);
	} else {
		b.len = 0;
		dates(st, work, true, &b);
		rc = cov_error_set(COV_EINPUT, "no version of %s was in force on %s (in force: %s)", work, date,
				   b.len ? b.ptr : "none of its versions");
	}
	cov_buf_free(&b);
	return rc;
}
