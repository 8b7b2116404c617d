/*
 * serve_cmd.c — `covenant serve [--db PATH] [--bind 127.0.0.1] [--port 8080]`:
 * the library over HTTP, read-only — the JSON API and the web app embedded
 * in the binary (src/server/).  Runs until SIGINT or SIGTERM.
 */
#include "cli.h"
#include "../server/server.h"
#include "../store/store.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char serve_usage[] =
	"usage: covenant serve [options]\n"
	"\n"
	"Serve the library read-only over HTTP: a web app to browse it (read a\n"
	"version with its findings beside the text, a work's timeline, compare two\n"
	"versions, search across texts) and the JSON API under /api/ with the same\n"
	"contracts as the commands (docs/serve.md).  Only GET and HEAD are answered;\n"
	"nothing but the embedded app and the API is served.  Runs until interrupted\n"
	"(Ctrl-C, SIGTERM).\n"
	"\n"
	"options:\n"
	"      --db PATH         the library (default $COVENANT_DB, else\n"
	"                        $XDG_DATA_HOME/covenant/library.db)\n"
	"      --bind ADDR       the address to listen on (default 127.0.0.1; another\n"
	"                        one makes the library readable from the network, and\n"
	"                        covenant says so)\n"
	"      --port N          the port (default 8080; 0: any free one, printed)\n"
	"      --threads N       worker threads (default 4)\n"
	"      --max-connections N  connections at once (default 1000)\n"
	"      --timeout S       seconds a connection may stay idle (default 10)\n"
	"      --data DIR        covenant's data directory (see covenant --help)\n"
	"  -h, --help            this help\n"
	"  -V, --version         the version\n"
	"\n"
	"exit codes: 0 stopped by a signal, 1 internal error, 2 usage,\n"
	"            3 the library cannot be read, or the address cannot be listened on,\n"
	"            4 missing or malformed data files\n";

enum { OPT_BIND = 256, OPT_PORT, OPT_THREADS, OPT_MAXCONN, OPT_TIMEOUT };

typedef struct serve_ctx {
	cov_cli_common *c;
	cov_server_options o;
} serve_ctx;

static int number(serve_ctx *s, const char *opt, const char *arg, long lo, long hi, unsigned *out)
{
	char *end;
	long v = strtol(arg, &end, 10);
	if (end == arg || *end || v < lo || v > hi)
		return cov_cli_usage_error(s->c, "%s wants a number from %ld to %ld, not '%s'", opt, lo, hi, arg);
	*out = (unsigned)v;
	return 0;
}

static int on_option(int code, const char *arg, void *ctx)
{
	serve_ctx *s = ctx;
	switch (code) {
	case OPT_BIND: s->o.bind = arg; return 0;
	case OPT_PORT: return number(s, "--port", arg, 0, 65535, &s->o.port);
	case OPT_THREADS: return number(s, "--threads", arg, 1, 64, &s->o.threads);
	case OPT_MAXCONN: return number(s, "--max-connections", arg, 1, 100000, &s->o.max_connections);
	case OPT_TIMEOUT: return number(s, "--timeout", arg, 1, 3600, &s->o.timeout);
	}
	return 0;
}

int cov_cli_serve(int argc, char **argv)
{
	static const struct option extra[] = {
		{"bind", required_argument, NULL, OPT_BIND},       {"port", required_argument, NULL, OPT_PORT},
		{"threads", required_argument, NULL, OPT_THREADS}, {"max-connections", required_argument, NULL, OPT_MAXCONN},
		{"timeout", required_argument, NULL, OPT_TIMEOUT}, {NULL, 0, NULL, 0}};
	cov_cli_common c = {.cmd = "serve", .usage = serve_usage, .format = COV_CLI_TEXT, .formats = 1u << COV_CLI_TEXT};
	serve_ctx s = {.c = &c, .o = {.port = 8080}};
	int ex = cov_cli_options(&c, argc, argv, extra, on_option, &s);
	if (ex >= 0)
		return ex;
	if (optind < argc)
		return cov_cli_usage_error(&c, "serve takes no operands, not '%s'", argv[optind]);
	s.o.db = c.db;
	s.o.data_dir = c.data_dir;

	/* the threads the server starts inherit this mask: signals come here */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	cov_server *srv;
	int rc = cov_server_start(&s.o, &srv);
	if (rc == COV_EUSAGE)
		return cov_cli_usage_error(&c, "%s", cov_error_last());
	if (rc)
		return cov_cli_fail(rc == COV_ENOMEM || rc == COV_EDATA ? rc : COV_EIO);
	const char *addr = cov_server_address(srv);
	bool v6 = strchr(addr, ':') != NULL;
	if (!cov_server_loopback(srv))
		fprintf(stderr, "covenant serve: warning: listening on %s, not on loopback: anyone who can reach this "
			"machine on port %u can read the library\n", addr, cov_server_port(srv));
	fprintf(stderr, "covenant serve: %s at http://%s%s%s:%u/  (read-only; Ctrl-C stops)\n", cov_server_db(srv),
		v6 ? "[" : "", addr, v6 ? "]" : "", cov_server_port(srv));
	int sig = 0;
	sigwait(&set, &sig);
	fprintf(stderr, "covenant serve: stopped (%s)\n", sig == SIGINT ? "interrupt" : sig == SIGTERM ? "terminated" : "hangup");
	cov_server_stop(srv);
	return 0;
}
