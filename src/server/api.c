/*
 * api.c — the JSON API of `covenant serve`, with the contracts of the CLI
 * (docs/json.md, docs/serve.md):
 *
 *   /api                          what is here
 *   /api/rights                   the ICCPR articles the search filter offers
 *   /api/works                    = covenant list --format json
 *   /api/works/{id}               = covenant history WORK --format json
 *   /api/versions/{ref}           one version's facts (ref: WORK, WORK@DATE, WORK:DATE)
 *   /api/versions/{ref}/tree      = covenant show REF --format json
 *   /api/versions/{ref}/check     = covenant check REF --format json (the stored analysis)
 *   /api/versions/{ref}/text      the stored text (text/plain)
 *   /api/versions/{ref}/report    the HTML report (covenant report), ?against=REF for a comparison
 *   /api/diff?old=REF&new=REF     = covenant diff OLD NEW --format json
 *   /api/search?q=&right=&country=&lang=&kind=&work=&in_force_at=&best=1&limit=
 *                                 = covenant search --format json
 *
 * ?lang=LL picks a language where a work has versions in several.  Every
 * parameter is checked (length, UTF-8, its form) before use; references go
 * to prepared SQL, never to a path.
 */
#include "../render/report.h"
#include "server.h"
#include "../cli/cli.h"
#include "../store/store.h"

#include <jansson.h>
#include "mhd_dl.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARAM 1000

static char data_hash[65];

int cov_api_init(const cov_data *data)
{
	return cov_cli_data_hash(data, data_hash); /* cached by the CLI: warm it before the threads */
}

/* ---- helpers ---- */

typedef struct req {
	cov_api_ctx *x;
	cov_reply *r;
	bool bad; /* a reply (an error) is made */
} req;

static const char *param(req *q, const char *name)
{
	if (q->bad)
		return NULL;
	const char *v = MHD_lookup_connection_value(q->x->conn, MHD_GET_ARGUMENT_KIND, name);
	if (!v)
		return NULL;
	size_t n = strlen(v);
	if (n > MAX_PARAM) {
		cov_reply_error(q->r, 400, "parameter '%s' is too long (%zu bytes; at most %d)", name, n, MAX_PARAM);
		q->bad = true;
	} else if (cov_utf8_invalid_at(v, n) != n) {
		cov_reply_error(q->r, 400, "parameter '%s' is not valid UTF-8", name);
		q->bad = true;
	}
	return q->bad ? NULL : v;
}

static bool lang_ok(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz");
	return n >= 2 && n <= 3 && !s[n];
}

/* ?lang=, checked; NULL when absent. */
static const char *lang_param(req *q)
{
	const char *l = param(q, "lang");
	if (l && *l && !lang_ok(l)) {
		cov_reply_error(q->r, 400, "lang wants a language code such as en or ru, not '%s'", l);
		q->bad = true;
		return NULL;
	}
	return l && *l ? l : NULL;
}

static void reply_take(cov_reply *r, unsigned status, const char *type, char *body, size_t len)
{
	r->status = status;
	r->type = type;
	r->body = body;
	r->len = len;
	r->body_static = false;
}

static void reply_json(cov_reply *r, json_t *root)
{
	char *s = root ? json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(root);
	if (!s) {
		cov_reply_error(r, 500, "out of memory");
		return;
	}
	size_t n = strlen(s);
	char *t = realloc(s, n + 2);
	if (!t) {
		free(s);
		cov_reply_error(r, 500, "out of memory");
		return;
	}
	t[n] = '\n';
	t[n + 1] = 0;
	reply_take(r, 200, "application/json; charset=utf-8", t, n + 1);
}

/* A store or library status as an HTTP answer. */
static void reply_status(cov_reply *r, int rc)
{
	const char *m = cov_error_last();
	switch (rc) {
	case COV_EUSAGE: cov_reply_error(r, 400, "%s", m); break;
	case COV_EINPUT: cov_reply_error(r, 404, "%s", m); break;
	case COV_EIO: cov_reply_error(r, 503, "the library cannot be read: %s", m); break;
	case COV_EDATA: cov_reply_error(r, 500, "covenant's data: %s", m); break;
	default: cov_reply_error(r, 500, "%s", m); break;
	}
}

static json_t *covenant_meta(const char *hash)
{
	return json_pack("{s:s, s:s}", "version", COV_VERSION, "data", hash);
}

/* ---- /api, /api/rights ---- */

static void api_index(req *q)
{
	long counts[4] = {0};
	int rc = cov_store_counts(q->x->store, counts);
	if (rc) {
		reply_status(q->r, rc);
		return;
	}
	const char *slash = strrchr(q->x->db_path, '/');
	reply_json(q->r, json_pack("{s:i, s:o, s:s, s:{s:I, s:I, s:I, s:I}, s:[s,s,s,s,s,s,s,s,s,s,s]}", "format",
				   COV_JSON_FORMAT, "covenant", covenant_meta(data_hash), "library",
				   slash ? slash + 1 : q->x->db_path, "counts", "works", (json_int_t)counts[0],
				   "versions", (json_int_t)counts[1], "articles", (json_int_t)counts[2], "events",
				   (json_int_t)counts[3], "endpoints", "/api/rights", "/api/works", "/api/works/{id}",
				   "/api/versions/{ref}", "/api/versions/{ref}/tree", "/api/versions/{ref}/check",
				   "/api/versions/{ref}/text", "/api/versions/{ref}/report", "/api/diff?old=REF&new=REF",
				   "/api/search?q=&right=&country=&lang=&kind=&work=&in_force_at=&best=1&limit=",
				   "/api/ (this)"));
}

static void api_rights(req *q)
{
	json_t *a = json_array();
	for (int i = 1; i <= 53; i++) {
		const char *right = cov_standard_right(q->x->data, i);
		if (right && *right)
			json_array_append_new(a, json_pack("{s:i, s:s, s:s}", "article", i, "id", "", "right", right));
	}
	size_t i;
	json_t *o;
	json_array_foreach(a, i, o) {
		char id[16];
		snprintf(id, sizeof id, "iccpr:%d", (int)json_integer_value(json_object_get(o, "article")));
		json_object_set_new(o, "id", json_string(id));
	}
	reply_json(q->r, json_pack("{s:i, s:o}", "format", COV_JSON_FORMAT, "rights", a));
}

/* ---- /api/works, /api/works/{id} ---- */

typedef struct listing {
	cov_store *st;
	json_t *works, *cur, *versions, *events, *work;
} listing;

static json_t *version_json(const cov_store_version *v)
{
	return json_pack("{s:s, s:s, s:s, s:s?, s:s?, s:I, s:s, s:s}", "date", v->date, "lang", v->lang, "status",
			 v->status, "in_force_from", *v->in_force_from ? v->in_force_from : NULL, "in_force_until",
			 *v->in_force_until ? v->in_force_until : NULL, "articles", (json_int_t)v->n_articles, "source",
			 v->source, "sha256", v->sha256);
}

static int list_version(void *ctx, const cov_store_version *v)
{
	listing *l = ctx;
	json_array_append_new(l->versions, version_json(v));
	return COV_OK;
}

static int list_work(void *ctx, const cov_store_work *w)
{
	listing *l = ctx;
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:[]}", "id", w->id, "country", w->country, "title", w->title,
			      "kind", w->kind, "versions");
	if (!o)
		return cov_error_set(COV_ENOMEM, "out of memory");
	if (l->works)
		json_array_append_new(l->works, o);
	else
		l->work = o;
	l->versions = json_object_get(o, "versions");
	return cov_store_versions(l->st, w->id, list_version, l);
}

static void api_works(req *q)
{
	listing l = {.st = q->x->store, .works = json_array()};
	int rc = cov_store_works(q->x->store, NULL, list_work, &l);
	if (rc) {
		json_decref(l.works);
		reply_status(q->r, rc);
		return;
	}
	const char *slash = strrchr(q->x->db_path, '/');
	reply_json(q->r, json_pack("{s:i, s:s, s:o}", "format", COV_JSON_FORMAT, "library",
				   slash ? slash + 1 : q->x->db_path, "works", l.works));
}

static int list_event(void *ctx, const cov_store_event *e)
{
	listing *l = ctx;
	json_t *o = cov_store_event_json(e, true);
	if (!o)
		return cov_error_set(COV_ENOMEM, "out of memory");
	json_array_append_new(l->events, o);
	return COV_OK;
}

static void api_work(req *q, const char *id)
{
	if (!cov_store_is_ref(id) || strchr(id, '@') || strchr(id, ':')) {
		cov_reply_error(q->r, 400, "'%s' is not a work id (letters, digits, '-', '_', '.')", id);
		return;
	}
	listing l = {.st = q->x->store, .events = json_array()};
	int rc = cov_store_works(q->x->store, id, list_work, &l);
	if (rc == COV_OK && !l.work)
		rc = cov_error_set(COV_EINPUT, "no work '%s' in the library", id);
	if (rc == COV_OK)
		rc = cov_store_events(q->x->store, id, list_event, &l);
	if (rc) {
		json_decref(l.work);
		json_decref(l.events);
		reply_status(q->r, rc);
		return;
	}
	json_t *versions = json_incref(json_object_get(l.work, "versions"));
	json_object_del(l.work, "versions");
	reply_json(q->r, json_pack("{s:i, s:o, s:o, s:o}", "format", COV_JSON_FORMAT, "work", l.work, "versions",
				   versions, "events", l.events));
}

/* ---- /api/versions/{ref}[/what] ---- */

static int find_version(req *q, const char *ref, cov_store_version *v)
{
	if (!cov_store_is_ref(ref)) {
		cov_reply_error(q->r, 400, "'%s' is not WORK, WORK@YYYY-MM-DD or WORK:YYYY-MM-DD", ref);
		return -1;
	}
	const char *lang = lang_param(q);
	if (q->bad)
		return -1;
	int rc = cov_store_find(q->x->store, ref, lang, v);
	if (rc) {
		reply_status(q->r, rc);
		return -1;
	}
	return 0;
}

const char cov_report_content_type[] = "text/html; charset=utf-8";

static int version_doc(req *q, const cov_store_version *v, cov_doc **out);

/* The HTML report of a version (covenant report), against ?against=REF
 * when given: what the app's "Export report" link downloads. */
static void api_report(req *q, const cov_store_version *v)
{
	const char *against = param(q, "against");
	if (q->bad)
		return;
	cov_store_version ov = {0};
	if (against && *against && find_version(q, against, &ov)) {
		cov_store_version_clear(&ov);
		return;
	}
	cov_doc *doc = NULL, *od = NULL;
	cov_review *review = NULL;
	cov_comparison *cmp = NULL;
	char *html = NULL;
	size_t len = 0;
	int rc = version_doc(q, v, &doc);
	if (rc == COV_OK)
		rc = cov_check(q->x->data, doc, NULL, &review);
	if (rc == COV_OK && ov.id) {
		rc = version_doc(q, &ov, &od);
		if (rc == COV_OK)
			rc = cov_diff_ex(q->x->data, od, doc, 0, &cmp);
	}
	char title[512], old_label[160], new_label[160];
	snprintf(title, sizeof title, "%s", v->title ? v->title : "");
	snprintf(new_label, sizeof new_label, "%s@%s", v->work, v->date);
	snprintf(old_label, sizeof old_label, "%s@%s", ov.work ? ov.work : "", ov.date ? ov.date : "");
	cov_report_meta meta = {.title = *title ? title : NULL, .source = new_label, .date = v->date,
				.status = v->status, .old_label = ov.id ? old_label : NULL, .new_label = new_label};
	if (rc == COV_OK)
		rc = cov_render_report_string(q->x->data, review, cmp, &meta, COV_REPORT_HTML, &html, &len);
	if (rc == COV_OK) {
		reply_take(q->r, 200, cov_report_content_type, html, len);
		html = NULL;
	} else {
		reply_status(q->r, rc);
	}
	free(html);
	cov_comparison_free(cmp);
	cov_review_free(review);
	cov_doc_free(od);
	cov_doc_free(doc);
	cov_store_version_clear(&ov);
}

static void api_version(req *q, const char *ref, const char *what)
{
	cov_store_version v = {0};
	if (find_version(q, ref, &v)) {
		cov_store_version_clear(&v);
		return;
	}
	char *blob = NULL;
	size_t len = 0;
	int rc = COV_OK;
	if (!*what) {
		json_t *o = version_json(&v);
		json_object_set_new(o, "work", json_string(v.work));
		json_object_set_new(o, "title", json_string(v.title));
		json_object_set_new(o, "country", json_string(v.country));
		json_object_set_new(o, "kind", json_string(v.kind));
		char r[160];
		snprintf(r, sizeof r, "%s@%s", v.work, v.date);
		json_object_set_new(o, "ref", json_string(r));
		reply_json(q->r, json_pack("{s:i, s:o, s:o}", "format", COV_JSON_FORMAT, "covenant",
					   covenant_meta(v.data_hash), "version", o));
	} else if (strcmp(what, "tree") == 0 || strcmp(what, "check") == 0) {
		rc = cov_store_get(q->x->store, v.id, *what == 't' ? "tree" : "analysis", &blob, &len);
		if (rc == COV_OK && (!blob || !len))
			rc = cov_error_set(COV_EINPUT, "%s@%s has no stored %s", v.work, v.date,
					   *what == 't' ? "tree" : "analysis");
		cov_buf b;
		cov_buf_init(&b);
		if (rc == COV_OK)
			rc = cov_cli_json_append(&b, blob, len, v.data_hash, COV_CLI_JSON, 0, 0);
		if (rc == COV_OK && b.oom)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
		if (rc == COV_OK) {
			size_t n;
			char *s = cov_buf_detach(&b, &n);
			reply_take(q->r, 200, "application/json; charset=utf-8", s, n);
		} else {
			cov_buf_free(&b);
		}
	} else if (strcmp(what, "text") == 0) {
		rc = cov_store_get(q->x->store, v.id, "text", &blob, &len);
		if (rc == COV_OK) {
			reply_take(q->r, 200, "text/plain; charset=utf-8", blob, len);
			blob = NULL;
		}
	} else if (strcmp(what, "report") == 0) {
		api_report(q, &v);
	} else {
		cov_reply_error(q->r, 404, "no '%s' for a version: tree, check, text or report", what);
	}
	if (rc)
		reply_status(q->r, rc);
	free(blob);
	cov_store_version_clear(&v);
}

/* ---- /api/diff ---- */

/* Diffs cost milliseconds: the last few are kept, by the two texts' sha256. */
#define DIFF_CACHE 8
static struct {
	char key[160];
	char *body;
	size_t len;
	unsigned long used;
} diff_cache[DIFF_CACHE];
static unsigned long diff_clock;
static pthread_mutex_t diff_lock = PTHREAD_MUTEX_INITIALIZER;

static char *cache_get(const char *key, size_t *len)
{
	char *out = NULL;
	pthread_mutex_lock(&diff_lock);
	for (int i = 0; i < DIFF_CACHE; i++)
		if (diff_cache[i].body && strcmp(diff_cache[i].key, key) == 0) {
			if ((out = malloc(diff_cache[i].len + 1))) {
				memcpy(out, diff_cache[i].body, diff_cache[i].len + 1);
				*len = diff_cache[i].len;
				diff_cache[i].used = ++diff_clock;
			}
			break;
		}
	pthread_mutex_unlock(&diff_lock);
	return out;
}

static void cache_put(const char *key, const char *body, size_t len)
{
	char *copy = malloc(len + 1);
	if (!copy)
		return;
	memcpy(copy, body, len + 1);
	pthread_mutex_lock(&diff_lock);
	int slot = 0;
	for (int i = 0; i < DIFF_CACHE; i++) {
		if (diff_cache[i].body && strcmp(diff_cache[i].key, key) == 0) {
			slot = i;
			break;
		}
		if (!diff_cache[i].body || diff_cache[i].used < diff_cache[slot].used)
			slot = i;
		if (!diff_cache[slot].body)
			break;
	}
	free(diff_cache[slot].body);
	snprintf(diff_cache[slot].key, sizeof diff_cache[slot].key, "%s", key);
	diff_cache[slot].body = copy;
	diff_cache[slot].len = len;
	diff_cache[slot].used = ++diff_clock;
	pthread_mutex_unlock(&diff_lock);
}

void cov_api_cache_clear(void)
{
	pthread_mutex_lock(&diff_lock);
	for (int i = 0; i < DIFF_CACHE; i++) {
		free(diff_cache[i].body);
		diff_cache[i].body = NULL;
	}
	pthread_mutex_unlock(&diff_lock);
}

static int version_doc(req *q, const cov_store_version *v, cov_doc **out)
{
	char *text = NULL;
	size_t len = 0;
	int rc = cov_store_get(q->x->store, v->id, "text", &text, &len);
	if (rc == COV_OK) {
		cov_parse_options po = {0};
		po.format = COV_FORMAT_TEXT;
		po.language = v->lang;
		char name[256];
		snprintf(name, sizeof name, "%s@%s", v->work, v->date);
		rc = cov_doc_parse_buffer(q->x->data, text, len, name, &po, out);
	}
	free(text);
	return rc;
}

static void api_diff(req *q)
{
	const char *old_ref = param(q, "old"), *new_ref = param(q, "new");
	if (q->bad)
		return;
	if (!old_ref || !new_ref) {
		cov_reply_error(q->r, 400, "diff wants ?old=REF&new=REF (WORK, WORK@DATE or WORK:DATE)");
		return;
	}
	cov_store_version ov = {0}, nv = {0};
	if (find_version(q, old_ref, &ov) || find_version(q, new_ref, &nv)) {
		cov_store_version_clear(&ov);
		cov_store_version_clear(&nv);
		return;
	}
	char key[160], ol[160], nl[160];
	snprintf(key, sizeof key, "%.64s:%.64s", ov.sha256, nv.sha256);
	snprintf(ol, sizeof ol, "%s@%s", ov.work, ov.date);
	snprintf(nl, sizeof nl, "%s@%s", nv.work, nv.date);
	size_t len = 0;
	char *body = cache_get(key, &len);
	int rc = COV_OK;
	if (!body) {
		cov_doc *od = NULL, *nd = NULL;
		cov_comparison *cmp = NULL;
		char *s = NULL;
		size_t sl = 0;
		rc = version_doc(q, &ov, &od);
		if (rc == COV_OK)
			rc = version_doc(q, &nv, &nd);
		if (rc == COV_OK)
			rc = cov_diff_ex(q->x->data, od, nd, 0, &cmp);
		cov_diff_options dopt = {.old_label = ol, .new_label = nl};
		if (rc == COV_OK)
			rc = cov_render_comparison_string(q->x->data, cmp, COV_REVIEW_JSON, &dopt, &s, &sl);
		cov_buf b;
		cov_buf_init(&b);
		if (rc == COV_OK)
			rc = cov_cli_json_append(&b, s, sl, data_hash, COV_CLI_JSON, 0, 0);
		if (rc == COV_OK && b.oom)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
		if (rc == COV_OK) {
			body = cov_buf_detach(&b, &len);
			cache_put(key, body, len);
		} else {
			cov_buf_free(&b);
		}
		free(s);
		cov_comparison_free(cmp);
		cov_doc_free(od);
		cov_doc_free(nd);
	}
	if (rc == COV_OK)
		reply_take(q->r, 200, "application/json; charset=utf-8", body, len);
	else
		reply_status(q->r, rc);
	cov_store_version_clear(&ov);
	cov_store_version_clear(&nv);
}

/* ---- /api/search ---- */

static int on_hit(void *ctx, const cov_store_hit *h)
{
	json_t *hits = ctx;
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:f}", "work", h->work, "date", h->date,
			      "lang", h->lang, "country", h->country, "kind", h->kind, "title", h->title, "eid", h->eid,
			      "num", h->num, "heading", h->heading, "snippet", h->snippet, "score", h->score);
	if (!o || json_array_append_new(hits, o))
		return cov_error_set(COV_ENOMEM, "out of memory");
	return COV_OK;
}

static bool truthy(const char *s)
{
	return s && (strcmp(s, "1") == 0 || strcmp(s, "true") == 0 || strcmp(s, "yes") == 0 || strcmp(s, "on") == 0);
}

static void api_search(req *q)
{
	cov_store_search_opts so = {0};
	so.query = param(q, "q");
	const char *right = param(q, "right"), *best = param(q, "best"), *limit = param(q, "limit");
	so.country = param(q, "country");
	so.kind = param(q, "kind");
	so.work = param(q, "work");
	so.in_force_at = param(q, "in_force_at");
	so.lang = lang_param(q);
	if (q->bad)
		return;
	if (!so.query || strspn(so.query, " \t") == strlen(so.query)) {
		cov_reply_error(q->r, 400, "search wants ?q=WORDS");
		return;
	}
	char *end;
	if (right && *right) {
		const char *r = strncmp(right, "iccpr:", 6) == 0 ? right + 6 : right;
		long v = strtol(r, &end, 10);
		if (end == r || *end || v < 1 || v > 53) {
			cov_reply_error(q->r, 400, "right wants an ICCPR article, iccpr:1 to iccpr:53, not '%s'", right);
			return;
		}
		so.right = (int)v;
	}
	if (so.kind && !*so.kind)
		so.kind = NULL;
	if (so.kind && !cov_store_name_in(cov_store_kinds, so.kind)) {
		cov_reply_error(q->r, 400, "kind: unknown '%s' (constitution, law, code, treaty, bill)", so.kind);
		return;
	}
	if (so.in_force_at && *so.in_force_at && !cov_store_date_valid(so.in_force_at)) {
		cov_reply_error(q->r, 400, "in_force_at wants a date YYYY-MM-DD, not '%s'", so.in_force_at);
		return;
	}
	if (so.in_force_at && !*so.in_force_at)
		so.in_force_at = NULL;
	if (so.country && !*so.country)
		so.country = NULL;
	if (so.work && !*so.work)
		so.work = NULL;
	so.limit = 20;
	if (limit && *limit) {
		long v = strtol(limit, &end, 10);
		if (end == limit || *end || v < 1 || v > 200) {
			cov_reply_error(q->r, 400, "limit wants a number from 1 to 200, not '%s'", limit);
			return;
		}
		so.limit = (size_t)v;
	}
	so.best = truthy(best);
	so.mark_open = "<b>";
	so.mark_close = "</b>";
	json_t *hits = json_array();
	int rc = cov_store_search(q->x->store, &so, on_hit, hits);
	if (rc) {
		json_decref(hits);
		if (rc == COV_EUSAGE)
			cov_reply_error(q->r, 400, "%s", cov_error_last());
		else
			reply_status(q->r, rc);
		return;
	}
	reply_json(q->r, json_pack("{s:i, s:s, s:o}", "format", COV_JSON_FORMAT, "query", so.query, "hits", hits));
}

/* ---- routing ---- */

void cov_api_handle(cov_api_ctx *ctx, const char *url, cov_reply *r)
{
	req q = {ctx, r, false};
	const char *p = url + 4; /* after "/api" */
	if (!*p || strcmp(p, "/") == 0) {
		api_index(&q);
	} else if (strcmp(p, "/rights") == 0) {
		api_rights(&q);
	} else if (strcmp(p, "/works") == 0) {
		api_works(&q);
	} else if (strncmp(p, "/works/", 7) == 0 && p[7] && !strchr(p + 7, '/')) {
		api_work(&q, p + 7);
	} else if (strncmp(p, "/versions/", 10) == 0 && p[10]) {
		const char *ref = p + 10, *slash = strchr(ref, '/');
		size_t n = slash ? (size_t)(slash - ref) : strlen(ref);
		char buf[128];
		if (n == 0 || n >= sizeof buf) {
			cov_reply_error(r, 400, "not a version reference (WORK, WORK@YYYY-MM-DD, WORK:YYYY-MM-DD)");
			return;
		}
		memcpy(buf, ref, n);
		buf[n] = 0;
		const char *what = slash ? slash + 1 : "";
		if (strchr(what, '/')) {
			cov_reply_error(r, 404, "no such API path");
			return;
		}
		api_version(&q, buf, what);
	} else if (strcmp(p, "/diff") == 0) {
		api_diff(&q);
	} else if (strcmp(p, "/search") == 0) {
		api_search(&q);
	} else {
		cov_reply_error(r, 404, "no such API path (see /api)");
	}
}
