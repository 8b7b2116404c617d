/*
 * server.h — `covenant serve`: a read-only HTTP server (libmicrohttpd) for
 * the library.  It answers GET and HEAD only, with the JSON API under /api/
 * (api.c) and the web app's files embedded in the binary (web/ →
 * web_assets.c by cmake/embed.cmake); nothing else, and no part of a URL
 * ever reaches the file system.
 */
#ifndef COV_SERVER_H
#define COV_SERVER_H

#include "covenant.h"

#include <stdbool.h>
#include <stddef.h>

/* An embedded file of the web app: "/index.html", its type, its bytes. */
typedef struct cov_asset {
	const char *path, *type;
	const unsigned char *bytes;
	size_t len;
} cov_asset;
extern const cov_asset cov_assets[]; /* ends with a NULL path */

typedef struct cov_server_options {
	const char *db;          /* the library; NULL: the default place */
	const char *data_dir;    /* covenant's data/ (for diffs); NULL: found as the CLI does */
	const char *bind;        /* numeric address or "localhost"; NULL: 127.0.0.1 */
	unsigned port;           /* 0: any free port (cov_server_port says which) */
	unsigned threads;        /* worker threads; 0: 4 */
	unsigned max_connections;/* 0: 1000 */
	unsigned timeout;        /* seconds a connection may stay idle; 0: 10 */
} cov_server_options;

typedef struct cov_server cov_server;

/* Open the library (read-only) and the data, and start listening.
 * COV_EIO / COV_EUSAGE with cov_error_last() saying why. */
int cov_server_start(const cov_server_options *o, cov_server **out);
unsigned cov_server_port(const cov_server *s);
const char *cov_server_address(const cov_server *s); /* "127.0.0.1", "::1", … */
bool cov_server_loopback(const cov_server *s);
const char *cov_server_db(const cov_server *s);
void cov_server_stop(cov_server *s);

/* ---- between server.c and api.c ---- */

struct cov_store;
struct MHD_Connection;

/* What a handler answers: a status, a type and a body (malloc'd, or static). */
typedef struct cov_reply {
	unsigned status;
	const char *type;
	char *body;
	size_t len;
	bool body_static;
	const char *allow; /* for 405 */
} cov_reply;

typedef struct cov_api_ctx {
	struct MHD_Connection *conn;
	struct cov_store *store;   /* this worker thread's read-only connection */
	const cov_data *data;
	const char *db_path;
} cov_api_ctx;

/* Once at start, before any thread: what the API caches (the data hash). */
int cov_api_init(const cov_data *data);
/* At stop: free what the API keeps (the last diffs). */
void cov_api_cache_clear(void);
/* Answer `url` (starting "/api"). */
void cov_api_handle(cov_api_ctx *ctx, const char *url, cov_reply *r);
/* A JSON error body: {"format":1,"error":{"status":…,"message":…}}. */
/* The content type of a report (covenant report): the same string as HTML,
 * but this very pointer gets the report's own Content-Security-Policy (inline
 * styles, no script at all) instead of the app's. */
extern const char cov_report_content_type[];

void cov_reply_error(cov_reply *r, unsigned status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
