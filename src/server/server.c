/*
 * server.c — the HTTP side of `covenant serve` on libmicrohttpd: a pool of
 * worker threads (epoll), limits on connections, idle time and request
 * size, GET and HEAD only, a Host check against DNS rebinding when bound
 * to loopback, ETags (If-None-Match → 304), gzip when the client asks, and
 * the security headers every answer carries.  URLs are matched exactly
 * against the embedded assets and the API; nothing is read from disk.
 *
 * Each worker thread opens its own read-only connection to the library on
 * its first request (SQLite connections are not shared across threads);
 * they are closed when the server stops.  On PostgreSQL these connections
 * are the pool: one a worker thread, --threads of them (default 4), each
 * opened again by the store when the server restarted.
 */
#include "server.h"
#include "covenant.h"
#include "../store/store.h"
#include "../store/pg_store.h"
#include "../util/util.h"

#include <arpa/inet.h>
#include "mhd_dl.h"
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <zlib.h>

/* An embedded asset as served: its ETag and its gzip form, made once. */
typedef struct prepared {
	const cov_asset *a;
	char etag[24];
	unsigned char *gz;
	size_t gz_len;
} prepared;

/* An API answer kept for the next identical request, while the library
 * file and its WAL are as they were (any import changes them). */
#define CACHE_N 64
#define CACHE_BYTES ((size_t)64 << 20)
typedef struct centry {
	char *key;
	uint64_t gen;
	char *body;
	size_t len;
	const char *type;
	char etag[24];
	unsigned char *gz;
	size_t gz_len;
	unsigned long used;
} centry;

struct cov_server {
	struct MHD_Daemon *d;
	centry cache[CACHE_N];
	size_t cache_bytes;
	unsigned long cache_clock;
	pthread_mutex_t cache_lock;
	char *wal;
	cov_data *data;
	char *db;
	char *shown, *name; /* the library as messages show it (no password), and its last part */
	bool pg;            /* a postgresql:// library */
	char addr[64];
	unsigned port;
	bool loopback;
	pthread_mutex_t lock;
	cov_store **stores;
	size_t n_stores, cap_stores;
	prepared *assets;
	size_t n_assets;
};

static _Thread_local cov_store *tls_store;

/* ---- bodies ---- */

void cov_reply_error(cov_reply *r, unsigned status, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* the message may quote the request: make it valid UTF-8 and escape it */
	cov_buf b;
	cov_buf_init(&b);
	cov_buf_printf(&b, "{\"format\": 1, \"error\": {\"status\": %u, \"message\": \"", status);
	size_t n = strlen(msg);
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)msg[i];
		if (c < 0x80) {
			if (c == '"' || c == '\\')
				cov_buf_printf(&b, "\\%c", c);
			else if (c < 0x20 || c == 0x7f)
				cov_buf_printf(&b, "\\u%04x", c);
			else
				cov_buf_putc(&b, (char)c);
			i++;
			continue;
		}
		size_t j = i;
		int32_t cp = cov_utf8_next(msg, n, &j);
		if (cp == 0xFFFD && !(j - i == 3 && memcmp(msg + i, "\xEF\xBF\xBD", 3) == 0))
			cov_buf_puts(&b, "\\ufffd");
		else
			cov_buf_put(&b, msg + i, j - i);
		i = j;
	}
	cov_buf_puts(&b, "\"}}\n");
	if (!r->body_static)
		free(r->body);
	r->status = status;
	r->type = "application/json; charset=utf-8";
	r->body_static = false;
	if (b.oom) {
		cov_buf_free(&b);
		static const char oom[] = "{\"format\": 1, \"error\": {\"status\": 500, \"message\": \"out of memory\"}}\n";
		r->status = 500;
		r->body = (char *)oom;
		r->len = sizeof oom - 1;
		r->body_static = true;
		return;
	}
	r->body = cov_buf_detach(&b, &r->len);
}

/* FNV-1a 64 of the bytes, as a quoted ETag. */
static void etag_of(const void *p, size_t n, char out[24])
{
	uint64_t h = 14695981039346656037ull;
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211ull;
	snprintf(out, 24, "\"%016llx\"", (unsigned long long)h);
}

static int gzip_bytes(const void *in, size_t len, unsigned char **out, size_t *out_len)
{
	z_stream z = {0};
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	uLong cap = deflateBound(&z, (uLong)len);
	unsigned char *buf = malloc(cap);
	if (!buf) {
		deflateEnd(&z);
		return -1;
	}
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)len;
	z.next_out = buf;
	z.avail_out = (uInt)cap;
	int rc = deflate(&z, Z_FINISH);
	*out_len = z.total_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END) {
		free(buf);
		return -1;
	}
	*out = buf;
	return 0;
}

/* Whether Accept-Encoding allows gzip: a "gzip" (or "*") token whose q is not 0. */
static bool wants_gzip(const char *ae)
{
	if (!ae)
		return false;
	const char *p = ae;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		const char *tok = p;
		while (*p && *p != ',' && *p != ';' && *p != ' ' && *p != '\t')
			p++;
		size_t n = (size_t)(p - tok);
		bool match = (n == 4 && strncasecmp(tok, "gzip", 4) == 0) || (n == 1 && *tok == '*');
		double q = 1;
		while (*p && *p != ',') {
			if (*p == ';') {
				p++;
				while (*p == ' ')
					p++;
				if ((*p == 'q' || *p == 'Q') && p[1] == '=')
					q = strtod(p + 2, NULL);
			} else {
				p++;
			}
		}
		if (match && q > 0)
			return true;
	}
	return false;
}

static bool compressible(const char *type)
{
	return type && (strncmp(type, "text/", 5) == 0 || strncmp(type, "application/json", 16) == 0 ||
			strncmp(type, "image/svg", 9) == 0);
}

/* If-None-Match names `etag` (or is "*"). */
static bool not_modified(struct MHD_Connection *c, const char *etag)
{
	const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
	if (!inm)
		return false;
	while (*inm == ' ')
		inm++;
	return strcmp(inm, "*") == 0 || strstr(inm, etag) != NULL;
}

static void security_headers(struct MHD_Response *resp, const char *type)
{
	if (type == cov_report_content_type) /* a report: its inline CSS, never a script */
		MHD_add_response_header(resp, "Content-Security-Policy",
					"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
					"form-action 'none'; frame-ancestors 'none'");
	else
		MHD_add_response_header(resp, "Content-Security-Policy",
					"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
					"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Cross-Origin-Resource-Policy", "same-origin");
}

/* Queue `r` (taking its body).  `etag` precomputed or NULL; `gz` a
 * precomputed gzip form or NULL. */
static enum MHD_Result send_reply_gz(struct MHD_Connection *c, cov_reply *r, const char *etag_pre,
				     const unsigned char *gz_pre, size_t gz_pre_len, bool gz_owned)
{
	char etag[32];
	bool cacheable = r->status == 200;
	bool gz = false;
	unsigned char *gz_body = NULL;
	size_t gz_len = 0;
	if (cacheable) {
		if (etag_pre)
			snprintf(etag, sizeof etag, "%s", etag_pre);
		else
			etag_of(r->body, r->len, etag);
		if (compressible(r->type) && r->len >= 256 &&
		    wants_gzip(MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING))) {
			gz = true;
			size_t l = strlen(etag);
			snprintf(etag + l - 1, sizeof etag - (l - 1), "-gz\"");
		}
		if (not_modified(c, etag)) {
			if (!r->body_static)
				free(r->body);
			r->body = NULL;
			r->len = 0;
			r->body_static = true;
			r->status = 304;
			gz = false;
		}
	}
	if (gz && !gz_pre && gzip_bytes(r->body, r->len, &gz_body, &gz_len) != 0)
		gz = false; /* send it plain */
	struct MHD_Response *resp;
	if (gz && gz_pre) {
		resp = MHD_create_response_from_buffer(gz_pre_len, (void *)gz_pre,
						       gz_owned ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
		if (!resp && gz_owned)
			free((void *)gz_pre);
	} else {
		if (gz_owned)
			free((void *)gz_pre);
		if (gz)
			resp = MHD_create_response_from_buffer(gz_len, gz_body, MHD_RESPMEM_MUST_FREE);
		else
			resp = MHD_create_response_from_buffer(r->len, r->body ? r->body : (char *)"",
							       r->body_static ? MHD_RESPMEM_PERSISTENT : MHD_RESPMEM_MUST_FREE);
	}
	if (!resp) {
		free(gz_body);
		if (!r->body_static)
			free(r->body);
		return MHD_NO;
	}
	if (gz) { /* the plain body is not sent */
		if (!r->body_static)
			free(r->body);
		r->body = NULL;
	}
	if (r->status != 304)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->type ? r->type : "text/plain; charset=utf-8");
	if (cacheable) {
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
		MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
	} else {
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	}
	if (gz)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
	if (r->allow)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow);
	security_headers(resp, r->type);
	enum MHD_Result ret = MHD_queue_response(c, r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result send_reply(struct MHD_Connection *c, cov_reply *r, const char *etag_pre,
				  const unsigned char *gz_pre, size_t gz_pre_len)
{
	return send_reply_gz(c, r, etag_pre, gz_pre, gz_pre_len, false);
}

/* ---- the library, one connection a thread ---- */

static cov_store *thread_store(cov_server *s)
{
	if (tls_store)
		return tls_store;
	cov_store *st;
	if (cov_store_open(s->db, COV_STORE_READONLY, &st) != COV_OK)
		return NULL;
	pthread_mutex_lock(&s->lock);
	if (s->n_stores == s->cap_stores) {
		size_t cap = s->cap_stores ? s->cap_stores * 2 : 8;
		cov_store **v = realloc(s->stores, cap * sizeof *v);
		if (!v) {
			pthread_mutex_unlock(&s->lock);
			cov_store_close(st);
			return NULL;
		}
		s->stores = v;
		s->cap_stores = cap;
	}
	s->stores[s->n_stores++] = st;
	pthread_mutex_unlock(&s->lock);
	return tls_store = st;
}

/* ---- the cache of API answers ---- */

static void mix(uint64_t *h, uint64_t v)
{
	*h = (*h ^ v) * 1099511628211ull;
}

static cov_store *thread_store(cov_server *s);

/* What changes when anything writes the library: the file and its WAL; on
 * PostgreSQL, what the database says a commit changes (else: not cached). */
static uint64_t library_gen(cov_server *s)
{
	static _Atomic uint64_t uncached;
	uint64_t g;
	if (s->pg) {
		cov_store *st = thread_store(s);
		return st && cov_store_pg_generation(st, &g) == COV_OK ? g : (1ull << 63) | ++uncached;
	}
	uint64_t h = 14695981039346656037ull;
	const char *paths[2] = {s->db, s->wal};
	for (int i = 0; i < 2; i++) {
		struct stat st;
		if (stat(paths[i], &st) != 0) {
			mix(&h, 0);
			continue;
		}
		mix(&h, (uint64_t)st.st_ino);
		mix(&h, (uint64_t)st.st_size);
		mix(&h, (uint64_t)st.st_mtim.tv_sec);
		mix(&h, (uint64_t)st.st_mtim.tv_nsec);
	}
	return h;
}

static enum MHD_Result key_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	cov_buf *b = cls;
	cov_buf_printf(b, "\x01%s\x02%s", key ? key : "", value ? value : "");
	return MHD_YES;
}

/* The path and its parameters, as MHD decoded them. */
static char *request_key(struct MHD_Connection *c, const char *url)
{
	cov_buf b;
	cov_buf_init(&b);
	cov_buf_puts(&b, url);
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, key_arg, &b);
	if (b.oom) {
		cov_buf_free(&b);
		return NULL;
	}
	return cov_buf_detach(&b, NULL);
}

static void centry_clear(cov_server *s, centry *e)
{
	s->cache_bytes -= e->len + e->gz_len;
	free(e->key);
	free(e->body);
	free(e->gz);
	memset(e, 0, sizeof *e);
}

static void *dup_bytes(const void *p, size_t n)
{
	void *d = malloc(n + 1);
	if (d) {
		memcpy(d, p, n);
		((char *)d)[n] = 0;
	}
	return d;
}

/* A kept answer: `r` filled with a copy, its ETag, and its gzip form when
 * `gz` asks and one is kept (a copy, the caller's).  False when none. */
static bool cache_get(cov_server *s, const char *key, uint64_t gen, bool gz, cov_reply *r, char etag[24],
		      unsigned char **gz_out, size_t *gz_len)
{
	bool hit = false;
	pthread_mutex_lock(&s->cache_lock);
	for (int i = 0; i < CACHE_N; i++) {
		centry *e = &s->cache[i];
		if (!e->key || e->gen != gen || strcmp(e->key, key) != 0)
			continue;
		r->body = dup_bytes(e->body, e->len);
		if (r->body) {
			r->status = 200;
			r->len = e->len;
			r->type = e->type;
			r->body_static = false;
			memcpy(etag, e->etag, 24);
			*gz_out = gz && e->gz ? dup_bytes(e->gz, e->gz_len) : NULL;
			*gz_len = *gz_out ? e->gz_len : 0;
			e->used = ++s->cache_clock;
			hit = true;
		}
		break;
	}
	pthread_mutex_unlock(&s->cache_lock);
	return hit;
}

static void cache_put(cov_server *s, const char *key, uint64_t gen, const cov_reply *r, const char *etag,
		      const unsigned char *gz, size_t gz_len)
{
	if (r->len + gz_len > CACHE_BYTES / 8)
		return;
	char *k = dup_bytes(key, strlen(key)), *body = dup_bytes(r->body, r->len);
	unsigned char *g = gz ? dup_bytes(gz, gz_len) : NULL;
	if (!k || !body || (gz && !g)) {
		free(k);
		free(body);
		free(g);
		return;
	}
	pthread_mutex_lock(&s->cache_lock);
	centry *slot = NULL;
	for (int i = 0; i < CACHE_N; i++)
		if (s->cache[i].key && strcmp(s->cache[i].key, key) == 0) {
			slot = &s->cache[i];
			centry_clear(s, slot);
			break;
		}
	for (;;) { /* room: a free slot, and the bytes under the bound */
		centry *lru = NULL;
		bool full = s->cache_bytes + r->len + gz_len > CACHE_BYTES;
		for (int i = 0; !slot && i < CACHE_N; i++)
			if (!s->cache[i].key)
				slot = &s->cache[i];
		if (slot && !full)
			break;
		for (int i = 0; i < CACHE_N; i++)
			if (s->cache[i].key && &s->cache[i] != slot && (!lru || s->cache[i].used < lru->used))
				lru = &s->cache[i];
		if (!lru)
			break;
		centry_clear(s, lru);
		if (!slot)
			slot = lru;
	}
	if (!slot) { /* cannot happen: every slot can be freed */
		pthread_mutex_unlock(&s->cache_lock);
		free(k);
		free(body);
		free(g);
		return;
	}
	*slot = (centry){k, gen, body, r->len, r->type, "", g, g ? gz_len : 0, ++s->cache_clock};
	snprintf(slot->etag, sizeof slot->etag, "%s", etag);
	s->cache_bytes += r->len + slot->gz_len;
	pthread_mutex_unlock(&s->cache_lock);
}

/* Answer an API request from the cache, or make the answer and keep it. */
static enum MHD_Result api_request(cov_server *s, struct MHD_Connection *c, const char *url)
{
	cov_reply r = {0};
	char *key = request_key(c, url);
	uint64_t gen = library_gen(s);
	bool gz = wants_gzip(MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING));
	char etag[24];
	unsigned char *gzb = NULL;
	size_t gz_len = 0;
	if (key && cache_get(s, key, gen, gz, &r, etag, &gzb, &gz_len)) {
		if (gz && !gzb && compressible(r.type) && r.len >= 256 && gzip_bytes(r.body, r.len, &gzb, &gz_len) == 0)
			cache_put(s, key, gen, &r, etag, gzb, gz_len); /* now with its gzip form */
		free(key);
		return send_reply_gz(c, &r, etag, gzb, gz_len, gzb != NULL);
	}
	cov_api_ctx ctx = {c, thread_store(s), s->data, s->name};
	if (!ctx.store) {
		free(key);
		cov_reply_error(&r, 503, "the library cannot be read: %s", cov_error_last());
		return send_reply(c, &r, NULL, NULL, 0);
	}
	cov_api_handle(&ctx, url, &r);
	if (r.status != 200 || !key) {
		free(key);
		return send_reply(c, &r, NULL, NULL, 0);
	}
	etag_of(r.body, r.len, etag);
	if (gz && compressible(r.type) && r.len >= 256 && gzip_bytes(r.body, r.len, &gzb, &gz_len) != 0)
		gzb = NULL;
	cache_put(s, key, gen, &r, etag, gzb, gz_len);
	free(key);
	return send_reply_gz(c, &r, etag, gzb, gz_len, gzb != NULL);
}

/* ---- requests ---- */

/* A Host header naming this machine's loopback (or none, as HTTP/1.0 may). */
static bool host_ok(const cov_server *s, struct MHD_Connection *c)
{
	if (!s->loopback)
		return true;
	const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
	if (!h)
		return true;
	size_t n;
	if (h[0] == '[') {
		const char *e = strchr(h, ']');
		if (!e)
			return false;
		n = (size_t)(e - h) + 1;
	} else {
		n = strcspn(h, ":");
	}
	if (h[n] && h[n] != ':')
		return false;
	static const char *const names[] = {"localhost", "127.0.0.1", "[::1]", NULL};
	bool name = false;
	for (size_t i = 0; names[i]; i++)
		if (strlen(names[i]) == n && strncasecmp(h, names[i], n) == 0)
			name = true;
	if (!name && n > 4 && strncmp(h, "127.", 4) == 0) { /* 127.0.0.0/8 */
		char a[64];
		struct in_addr in;
		if (n < sizeof a) {
			memcpy(a, h, n);
			a[n] = 0;
			name = inet_pton(AF_INET, a, &in) == 1;
		}
	}
	return name;
}

static bool has_body(struct MHD_Connection *c)
{
	const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl && strspn(cl, "0 ") != strlen(cl))
		return true;
	return MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING) != NULL;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_data_size, void **req_cls)
{
	cov_server *s = cls;
	cov_reply r = {0};
	if (!*req_cls) { /* the headers: refuse now what will not be answered */
		if (strcmp(method, MHD_HTTP_METHOD_GET) == 0 || strcmp(method, MHD_HTTP_METHOD_HEAD) == 0) {
			if (!has_body(c)) {
				*req_cls = s; /* answered on the next call: the connection stays open */
				return MHD_YES;
			}
		}
		*req_cls = (void *)&send_reply; /* refused on this call */
	} else if (*upload_data_size) { /* a body after all: refused, and dropped */
		*upload_data_size = 0;
		if (*req_cls != (void *)s)
			return MHD_YES;
		*req_cls = (void *)&send_reply;
		cov_reply_error(&r, 413, "a GET or HEAD request has no body");
		return send_reply(c, &r, NULL, NULL, 0);
	} else if (*req_cls != (void *)s) {
		return MHD_YES; /* refused already */
	}
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0) {
		cov_reply_error(&r, 405, "only GET and HEAD: covenant serve is read-only");
		r.allow = "GET, HEAD";
		return send_reply(c, &r, NULL, NULL, 0);
	}
	if (has_body(c)) {
		cov_reply_error(&r, 413, "a GET or HEAD request has no body");
		return send_reply(c, &r, NULL, NULL, 0);
	}
	if (!host_ok(s, c)) {
		cov_reply_error(&r, 403, "the Host header does not name this machine (covenant serve answers "
				"localhost, 127.0.0.1 and [::1] when bound to loopback)");
		return send_reply(c, &r, NULL, NULL, 0);
	}
	if (cov_utf8_invalid_at(url, strlen(url)) != strlen(url)) {
		cov_reply_error(&r, 400, "the path is not valid UTF-8");
		return send_reply(c, &r, NULL, NULL, 0);
	}
	if (strncmp(url, "/api", 4) == 0 && (url[4] == 0 || url[4] == '/')) {
		return api_request(s, c, url);
	}
	const char *path = strcmp(url, "/") == 0 ? "/index.html" : url;
	for (size_t i = 0; i < s->n_assets; i++) {
		prepared *p = &s->assets[i];
		if (strcmp(p->a->path, path) == 0) {
			r.status = 200;
			r.type = p->a->type;
			r.body = (char *)p->a->bytes;
			r.len = p->a->len;
			r.body_static = true;
			return send_reply(c, &r, p->etag, p->gz, p->gz_len);
		}
	}
	cov_reply_error(&r, 404, "nothing here: the app is at / and the API under /api/");
	return send_reply(c, &r, NULL, NULL, 0);
}

static void quiet_logger(void *cls, const char *fmt, va_list ap)
{
	if (getenv("COVENANT_SERVE_DEBUG"))
		vfprintf(stderr, fmt, ap);
}

/* ---- start and stop ---- */

static int parse_address(const char *bind, unsigned port, struct sockaddr_storage *ss, bool *v6, bool *loop)
{
	memset(ss, 0, sizeof *ss);
	if (!bind || strcmp(bind, "localhost") == 0)
		bind = "127.0.0.1";
	struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
	const char *b = bind;
	char tmp[64];
	if (b[0] == '[') { /* [::1] */
		size_t n = strlen(b);
		if (n < 3 || n >= sizeof tmp || b[n - 1] != ']')
			return -1;
		memcpy(tmp, b + 1, n - 2);
		tmp[n - 2] = 0;
		b = tmp;
	}
	if (inet_pton(AF_INET, b, &a4->sin_addr) == 1) {
		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)port);
		*v6 = false;
		*loop = (ntohl(a4->sin_addr.s_addr) >> 24) == 127;
		return 0;
	}
	if (inet_pton(AF_INET6, b, &a6->sin6_addr) == 1) {
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)port);
		*v6 = true;
		*loop = IN6_IS_ADDR_LOOPBACK(&a6->sin6_addr);
		return 0;
	}
	return -1;
}

static void server_free(cov_server *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_stores; i++)
		cov_store_close(s->stores[i]);
	free(s->stores);
	for (int i = 0; i < CACHE_N; i++)
		if (s->cache[i].key)
			centry_clear(s, &s->cache[i]);
	pthread_mutex_destroy(&s->cache_lock);
	free(s->wal);
	if (s->shown != s->db)
		free(s->shown);
	if (s->name != s->db)
		free(s->name);
	for (size_t i = 0; i < s->n_assets; i++)
		free(s->assets[i].gz);
	free(s->assets);
	if (s->data)
		cov_data_free(s->data);
	cov_api_cache_clear();
	free(s->db);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

int cov_server_start(const cov_server_options *o, cov_server **out)
{
	*out = NULL;
	struct sockaddr_storage ss;
	bool v6 = false, loop = false;
	if (parse_address(o->bind, o->port, &ss, &v6, &loop) != 0)
		return cov_error_set(COV_EUSAGE, "--bind wants a numeric IPv4 or IPv6 address or localhost, not '%s'",
				     o->bind);
	if (o->port > 65535)
		return cov_error_set(COV_EUSAGE, "--port wants 0 to 65535, not %u", o->port);
	int lrc = cov_mhd_load();
	if (lrc)
		return lrc;
	cov_server *s = calloc(1, sizeof *s);
	if (!s)
		return cov_error_set(COV_ENOMEM, "out of memory");
	pthread_mutex_init(&s->lock, NULL);
	pthread_mutex_init(&s->cache_lock, NULL);
	s->loopback = loop;
	char path[4096];
	int rc = COV_OK;
	if (o->db)
		snprintf(path, sizeof path, "%s", o->db);
	else
		rc = cov_store_default_path(path, sizeof path);
	if (rc == COV_OK && !(s->db = strdup(path)))
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	s->pg = rc == COV_OK && cov_store_is_pg_url(path);
	s->shown = s->name = s->db;
	if (rc == COV_OK && s->pg) { /* postgresql://user@host/db?…: shown without the password; named db */
		s->shown = cov_store_pg_display(path);
		s->name = s->shown ? strndup(s->shown, strcspn(s->shown, "?")) : NULL;
		if (!s->shown || !s->name)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
	}
	if (rc == COV_OK && (s->wal = malloc(strlen(path) + 5)))
		sprintf(s->wal, "%s-wal", path);
	else if (rc == COV_OK)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	/* open it once here, so a library that cannot be read is said now */
	cov_store *st = NULL;
	if (rc == COV_OK && (rc = cov_store_open(s->db, COV_STORE_READONLY, &st)) == COV_OK)
		cov_store_close(st);
	if (rc == COV_OK)
		rc = cov_data_open(o->data_dir, &s->data);
	if (rc == COV_OK)
		rc = cov_api_init(s->data);
	for (size_t i = 0; rc == COV_OK && cov_assets[i].path; i++) {
		prepared *v = realloc(s->assets, (s->n_assets + 1) * sizeof *v);
		if (!v) {
			rc = cov_error_set(COV_ENOMEM, "out of memory");
			break;
		}
		s->assets = v;
		prepared *p = &s->assets[s->n_assets++];
		memset(p, 0, sizeof *p);
		p->a = &cov_assets[i];
		etag_of(p->a->bytes, p->a->len, p->etag);
		if (compressible(p->a->type) && p->a->len >= 256 && gzip_bytes(p->a->bytes, p->a->len, &p->gz, &p->gz_len))
			p->gz = NULL;
	}
	if (rc) {
		server_free(s);
		return rc;
	}
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
	if (MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES)
		flags |= MHD_USE_EPOLL;
	if (v6)
		flags |= MHD_USE_IPv6;
	s->d = MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL, on_request, s,
				MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
				MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)(o->threads ? o->threads : 4),
				MHD_OPTION_CONNECTION_LIMIT, (unsigned int)(o->max_connections ? o->max_connections : 1000),
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)(o->timeout ? o->timeout : 10),
				MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)32 * 1024,
				MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned int)1024,
				MHD_OPTION_STRICT_FOR_CLIENT, (int)1,
				MHD_OPTION_EXTERNAL_LOGGER, quiet_logger, (void *)NULL,
				MHD_OPTION_END);
	if (!s->d) {
		char a[64];
		snprintf(a, sizeof a, "%s", o->bind ? o->bind : "127.0.0.1");
		server_free(s);
		return cov_error_set(COV_EIO, "cannot listen on %s port %u (in use, or not an address of this machine)",
				     a, o->port);
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
	s->port = info ? info->port : o->port;
	if (v6)
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, s->addr, sizeof s->addr);
	else
		inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, s->addr, sizeof s->addr);
	*out = s;
	return COV_OK;
}

unsigned cov_server_port(const cov_server *s)
{
	return s->port;
}

const char *cov_server_address(const cov_server *s)
{
	return s->addr;
}

bool cov_server_loopback(const cov_server *s)
{
	return s->loopback;
}

const char *cov_server_db(const cov_server *s)
{
	return s->shown;
}

void cov_server_stop(cov_server *s)
{
	if (!s)
		return;
	if (s->d)
		MHD_stop_daemon(s->d);
	server_free(s);
}
