/*
 * import_cmd.c — `covenant import FILE|DIR… --work ID [--date D] [--status S]
 * [--event KIND:DATE:…]… [--replaces REF]` and `--manifest FILE`: texts into
 * the library as dated versions, each parsed and checked once.
 *
 * What the flags do not say is taken from a manifest line, then from the
 * file's name (infer.c), and the import says what it took.  The whole
 * import is one transaction (a kill leaves the library as it was); a file
 * that cannot be read or parsed is reported and the others go on.
 */
#include "cli.h"
#include "../store/store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char import_usage[] =
	"usage: covenant import FILE|DIR… [options]\n"
	"       covenant import --manifest FILE [options]\n"
	"\n"
	"Store texts in the library as dated versions of works, each with its tree,\n"
	"its check analysis, its life-cycle events and its articles indexed for\n"
	"search.  What the options do not say is read from the file's name: Adilet\n"
	"(k950001000_.01-01-2023.rus.pdf: document, consolidation date, language),\n"
	"kind_CC_DATE (constitution_ru_2014-03-21.txt), Constitute (Chile_1980.txt),\n"
	"a directory named by a year (1994/constitution.txt).  A file imported\n"
	"before (same sha256, same work) is left alone.  The import is one\n"
	"transaction; a file that cannot be read is reported and the others go on.\n"
	"\n"
	"options:\n"
	"      --work ID         the work (kz-constitution); several files may share it\n"
	"      --country CC      the country (KZ)\n"
	"      --kind K          constitution (default), law, code, treaty, bill\n"
	"      --title T         the work's title (default: the text's own)\n"
	"      --date DATE       the version's date, YYYY-MM-DD (one file only)\n"
	"      --status S        draft, adopted, in-force (default), repealed, superseded\n"
	"      --event E         a life-cycle event, KIND:DATE[:key=value…] (repeatable;\n"
	"                        one file only): published, adopted, in-force, amended\n"
	"                        (act=51-VI), consolidated, repealed, replaced (by=REF),\n"
	"                        referendum (turnout=73.12:for=87.15[:against=…]\n"
	"                        [:result=approved|rejected])\n"
	"      --replaces REF    this version replaces WORK or WORK@DATE from the date\n"
	"                        it comes into force (one file only)\n"
	"      --manifest FILE   one line a file: PATH key=value… with the keys work,\n"
	"                        country, kind, title, lang, date, status, replaces and\n"
	"                        event (repeatable); paths relative to the manifest;\n"
	"                        '#' starts a comment (docs/library.md)\n"
	"  -q, --quiet           print only the summary and failures\n"
	"      --progress        a progress bar on standard error (default: on a terminal)\n"
	COV_CLI_INPUT_HELP
	"\n"
	"exit codes: 0 ok, 1 internal error, 2 usage, 3 a file unreadable or invalid,\n"
	"            or the library cannot be written, 4 missing or malformed data files\n";

enum { OPT_WORK = 256, OPT_COUNTRY, OPT_KIND, OPT_TITLE, OPT_DATE, OPT_STATUS, OPT_EVENT, OPT_REPLACES,
       OPT_MANIFEST, OPT_QUIET, OPT_PROGRESS };

#define MAX_EVENTS 64

typedef struct settings {
	const char *work, *country, *kind, *title, *lang, *date, *status, *replaces;
	const char *events[MAX_EVENTS];
	size_t n_events;
} settings;

typedef struct job {
	char *path;
	settings *manifest; /* NULL for files named on the command line */
	int line;
} job;

typedef struct import_opts {
	cov_cli_common *c;
	settings flags;
	const char *manifest;
	bool quiet;
	int progress; /* -1 auto */
	int bad;
} import_opts;

static int check_name(cov_cli_common *c, const char *opt, const char *v, const char *const *list, const char *names)
{
	if (!cov_store_name_in(list, v))
		return cov_cli_usage_error(c, "%s: unknown '%s' (%s)", opt, v, names);
	return 0;
}

static int check_event(cov_cli_common *c, const char *v)
{
	char *copy = strdup(v);
	cov_store_event ev;
	int rc = copy ? cov_store_event_parse(copy, &ev) : COV_ENOMEM;
	free(copy);
	return rc ? cov_cli_usage_error(c, "%s", cov_error_last()) : 0;
}

static int on_option(int code, const char *arg, void *ctx)
{
	import_opts *o = ctx;
	settings *f = &o->flags;
	switch (code) {
	case OPT_WORK:
		if (!cov_store_is_ref(arg) || strchr(arg, '@') || strchr(arg, ':'))
			return cov_cli_usage_error(o->c, "--work wants an id of letters, digits, '-', '_' and '.', not '%s'",
						   arg);
		f->work = arg;
		break;
	case OPT_COUNTRY: f->country = arg; break;
	case OPT_KIND:
		f->kind = arg;
		return check_name(o->c, "--kind", arg, cov_store_kinds, "constitution, law, code, treaty, bill");
	case OPT_TITLE: f->title = arg; break;
	case OPT_DATE:
		if (!cov_store_date_valid(arg))
			return cov_cli_usage_error(o->c, "--date wants a date YYYY-MM-DD, not '%s'", arg);
		f->date = arg;
		break;
	case OPT_STATUS:
		if (strcmp(arg, "in_force") == 0)
			arg = "in-force";
		f->status = arg;
		return check_name(o->c, "--status", arg, cov_store_statuses,
				  "draft, adopted, in-force, repealed, superseded");
	case OPT_EVENT:
		if (f->n_events == MAX_EVENTS)
			return cov_cli_usage_error(o->c, "more than %d --event", MAX_EVENTS);
		f->events[f->n_events++] = arg;
		return check_event(o->c, arg);
	case OPT_REPLACES:
		if (!cov_store_is_ref(arg))
			return cov_cli_usage_error(o->c, "--replaces wants WORK or WORK@DATE, not '%s'", arg);
		f->replaces = arg;
		break;
	case OPT_MANIFEST: o->manifest = arg; break;
	case OPT_QUIET: o->quiet = true; break;
	case OPT_PROGRESS: o->progress = 1; break;
	}
	return 0;
}

/* ---- reading files ---- */

static int read_file(const char *path, size_t max, unsigned char **out, size_t *len)
{
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (!f)
		return cov_error_set(COV_EIO, "%s: %s", path, strerror(errno));
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && !S_ISREG(st.st_mode)) {
		fclose(f);
		return cov_error_set(COV_EINPUT, "%s: not a regular file", path);
	}
	if (!max)
		max = COV_DEFAULT_MAX_BYTES;
	cov_buf b;
	cov_buf_init(&b);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		cov_buf_put(&b, chunk, n);
		if (b.len > max) {
			fclose(f);
			cov_buf_free(&b);
			return cov_error_set(COV_EINPUT, "%s: larger than %zu MB (see --max-size)", path, max >> 20);
		}
	}
	int err = ferror(f);
	fclose(f);
	if (err) {
		cov_buf_free(&b);
		return cov_error_set(COV_EIO, "%s: cannot read", path);
	}
	if (b.oom) {
		cov_buf_free(&b);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	if (b.len == 0) {
		cov_buf_free(&b);
		return cov_error_set(COV_EINPUT, "%s: empty file", path);
	}
	*out = (unsigned char *)cov_buf_detach(&b, len);
	return COV_OK;
}

/* ---- the manifest ---- */

/* Next word of a manifest line: spaces separate, double quotes group. */
static char *word(char **p)
{
	char *s = *p;
	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s || *s == '#')
		return NULL;
	char *out = s, *w = s;
	bool quoted = false;
	for (; *s && (quoted || (*s != ' ' && *s != '\t')); s++) {
		if (*s == '"')
			quoted = !quoted;
		else
			*w++ = *s;
	}
	if (*s)
		s++;
	*w = 0;
	*p = s;
	return out;
}

typedef struct manifest {
	char *text;
	settings *entries;
	size_t n;
} manifest;

static int load_manifest(import_opts *o, manifest *m, job **jobs, size_t *n_jobs, size_t *cap)
{
	size_t len;
	unsigned char *bytes;
	int rc = read_file(o->manifest, 1 << 20, &bytes, &len);
	if (rc) {
		fprintf(stderr, "covenant: %s\n", cov_error_last());
		return 3;
	}
	m->text = (char *)bytes;
	size_t lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += bytes[i] == '\n';
	m->entries = calloc(lines, sizeof *m->entries);
	if (!m->entries)
		return 1;
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", o->manifest);
	char *slash = strrchr(dir, '/');
	if (slash)
		slash[1] = 0;
	else
		dir[0] = 0;
	int line = 0;
	for (char *save = NULL, *l = strtok_r(m->text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		line++;
		char *p = l;
		char *path = word(&p);
		if (!path)
			continue;
		settings *e = &m->entries[m->n++];
		for (char *w; (w = word(&p));) {
			char *eq = strchr(w, '=');
			if (!eq) {
				fprintf(stderr, "covenant: %s:%d: '%s' is not key=value\n", o->manifest, line, w);
				return 2;
			}
			*eq = 0;
			const char *v = eq + 1, *bad = NULL;
			if (strcmp(w, "work") == 0) {
				e->work = v;
				if (!cov_store_is_ref(v) || strchr(v, '@') || strchr(v, ':'))
					bad = "a work id of letters, digits, '-', '_' and '.'";
			} else if (strcmp(w, "country") == 0) {
				e->country = v;
			} else if (strcmp(w, "kind") == 0) {
				e->kind = v;
				if (!cov_store_name_in(cov_store_kinds, v))
					bad = "constitution, law, code, treaty or bill";
			} else if (strcmp(w, "title") == 0) {
				e->title = v;
			} else if (strcmp(w, "lang") == 0) {
				e->lang = v;
			} else if (strcmp(w, "date") == 0) {
				e->date = v;
				if (!cov_store_date_valid(v))
					bad = "a date YYYY-MM-DD";
			} else if (strcmp(w, "status") == 0) {
				e->status = v;
				if (!cov_store_name_in(cov_store_statuses, v))
					bad = "draft, adopted, in-force, repealed or superseded";
			} else if (strcmp(w, "replaces") == 0) {
				e->replaces = v;
				if (!cov_store_is_ref(v))
					bad = "WORK or WORK@DATE";
			} else if (strcmp(w, "event") == 0) {
				char *copy = strdup(v);
				cov_store_event ev;
				if (!copy || cov_store_event_parse(copy, &ev) != COV_OK) {
					fprintf(stderr, "covenant: %s:%d: %s\n", o->manifest, line,
						copy ? cov_error_last() : "out of memory");
					free(copy);
					return 2;
				}
				free(copy);
				if (e->n_events < MAX_EVENTS)
					e->events[e->n_events++] = v;
			} else {
				fprintf(stderr, "covenant: %s:%d: unknown key '%s' (work, country, kind, title, lang, date, "
					"status, replaces, event)\n", o->manifest, line, w);
				return 2;
			}
			if (bad) {
				fprintf(stderr, "covenant: %s:%d: %s wants %s, not '%s'\n", o->manifest, line, w, bad, v);
				return 2;
			}
		}
		if (*n_jobs == *cap) {
			*cap = *cap ? *cap * 2 : 32;
			job *nj = realloc(*jobs, *cap * sizeof **jobs);
			if (!nj)
				return 1;
			*jobs = nj;
		}
		char *full = malloc(strlen(dir) + strlen(path) + 1);
		if (!full)
			return 1;
		sprintf(full, "%s%s", path[0] == '/' ? "" : dir, path);
		(*jobs)[(*n_jobs)++] = (job){full, e, line};
	}
	return -1;
}

/* ---- one file ---- */

typedef struct counts {
	size_t imported, updated, unchanged, failed;
} counts;

static const char *pick(const char *flag, const char *man, const char *inferred, const char *name,
			cov_buf *said)
{
	if (flag && *flag)
		return flag;
	if (man && *man)
		return man;
	if (inferred && *inferred) {
		cov_buf_printf(said, "%s%s %s", said->len ? ", " : "", name, inferred);
		return inferred;
	}
	return NULL;
}

/* Import one file.  Returns COV_OK, or the status of a failure of this
 * file (reported by the caller); a failure of the library itself is
 * COV_EIO with *fatal set. */
static int import_one(import_opts *o, const cov_data *data, const char *hash, cov_store *st, const job *j,
		      counts *n, bool *fatal)
{
	cov_cli_common *c = o->c;
	const settings *f = &o->flags, *m = j->manifest ? j->manifest : &(settings){0};
	cov_store_inferred inf;
	cov_store_infer(j->path, &inf);
	cov_buf said;
	cov_buf_init(&said);
	const char *work = pick(f->work, m->work, inf.work, "work", &said);
	const char *country = pick(f->country, m->country, inf.country, "country", &said);
	const char *kind = pick(f->kind, m->kind, inf.kind, "kind", &said);
	const char *date = pick(f->date, m->date, inf.date, "date", &said);
	const char *lang = c->po.language && strcmp(c->po.language, "auto") ? c->po.language : m->lang;
	const char *status = f->status ? f->status : m->status;
	const char *replaces = f->replaces ? f->replaces : m->replaces;
	/* events: the flags' and the manifest's, parsed into copies */
	const char *ev_src[2 * MAX_EVENTS];
	size_t ne = 0;
	for (size_t i = 0; i < f->n_events; i++)
		ev_src[ne++] = f->events[i];
	for (size_t i = 0; i < m->n_events; i++)
		ev_src[ne++] = m->events[i];
	cov_store_event ev[2 * MAX_EVENTS + 1];
	char *copies[2 * MAX_EVENTS] = {0};
	int rc = COV_OK;
	for (size_t i = 0; i < ne && rc == COV_OK; i++) {
		copies[i] = strdup(ev_src[i]);
		rc = copies[i] ? cov_store_event_parse(copies[i], &ev[i]) : cov_error_set(COV_ENOMEM, "out of memory");
		if (rc == COV_OK && j->manifest)
			ev[i].source = "manifest";
	}
	if (rc == COV_OK && inf.consolidated[0]) { /* the name says when it was consolidated */
		bool have = false;
		for (size_t i = 0; i < ne; i++) /* (Adilet dates a new text by its entry into force) */
			have |= strcmp(ev[i].kind, "consolidated") == 0 ||
				(strcmp(ev[i].kind, "in-force") == 0 && strcmp(ev[i].date, inf.consolidated) == 0);
		if (!have)
			ev[ne++] = (cov_store_event){.kind = "consolidated", .date = inf.consolidated, .act = "", .ref = "",
						     .result = "", .turnout = -1, .votes_for = -1, .votes_against = -1,
						     .source = "name"};
	}
	if (rc == COV_OK && !date) /* the date of its first event */
		for (size_t i = 0; i < ne && !date; i++)
			if (strcmp(ev[i].kind, "published") == 0 || strcmp(ev[i].kind, "adopted") == 0 ||
			    strcmp(ev[i].kind, "in-force") == 0)
				date = ev[i].date;
	if (rc == COV_OK && !work)
		rc = cov_error_set(COV_EUSAGE, "%s: which work is it? give --work ID (its name says nothing)", j->path);
	if (rc == COV_OK && !date)
		rc = cov_error_set(COV_EUSAGE, "%s: which date? give --date YYYY-MM-DD (its name says nothing)", j->path);

	unsigned char *bytes = NULL;
	size_t len = 0;
	cov_doc *doc = NULL;
	cov_review *review = NULL;
	cov_store_version v = {0};
	cov_store_put_result result = COV_STORE_UNCHANGED;
	if (rc == COV_OK)
		rc = read_file(j->path, c->po.max_bytes, &bytes, &len);
	int same = 0;
	if (rc == COV_OK) {
		same = cov_store_same(st, work, bytes, len, &v);
		if (same < 0) {
			rc = same;
			*fatal = true;
		}
	}
	if (rc == COV_OK && !same) {
		cov_parse_options po = c->po;
		if (lang)
			po.language = lang;
		rc = cov_doc_parse_buffer(data, (const char *)bytes, len, j->path, &po, &doc);
		if (rc == COV_OK)
			cov_cli_check_encoding(doc, &po);
		if (rc == COV_OK)
			rc = cov_check(data, doc, NULL, &review);
		const char *slash = strrchr(j->path, '/');
		cov_store_version_in in = {work, country, f->title ? f->title : m->title, kind,
					   lang ? lang : (!strcmp(doc ? cov_doc_language(doc) : "", "und") && inf.lang[0]
							  ? inf.lang : NULL),
					   date, status, slash ? slash + 1 : j->path, replaces, ev, ne, hash};
		if (rc == COV_OK) {
			rc = cov_store_put(st, data, doc, review, bytes, len, &in, &result, &v);
			if (rc == COV_EIO || rc == COV_ENOMEM)
				*fatal = true;
			else if (rc)
				rc = cov_error_set(rc, "%s: %s", j->path, cov_error_last());
		}
	}
	if (rc == COV_OK) {
		static const char *const verb[] = {"imported", "updated", "unchanged"};
		if (same || result == COV_STORE_UNCHANGED) /* stored meanwhile by a parallel import */
			n->unchanged++;
		else if (result == COV_STORE_UPDATED)
			n->updated++;
		else
			n->imported++;
		if (!o->quiet) {
			printf("%-9s %s@%s (%s, %s, %ld articles)  %s", verb[same ? 2 : result], v.work, v.date, v.lang,
			       v.status, v.n_articles, j->path);
			if (said.len && !same)
				printf("\n          from its name (%s): %s", inf.how, said.ptr);
			putchar('\n');
		}
	}
	for (size_t i = 0; i < ne; i++)
		free(copies[i]);
	cov_store_version_clear(&v);
	cov_review_free(review);
	cov_doc_free(doc);
	free(bytes);
	cov_buf_free(&said);
	return rc;
}

static void progress(size_t i, size_t n, const char *path)
{
	int width = 30, done = n ? (int)(i * (size_t)width / n) : width;
	const char *name = strrchr(path, '/');
	name = name ? name + 1 : path;
	fprintf(stderr, "\r\033[K[%.*s%*s] %zu/%zu %.40s", done, "##############################", width - done, "",
		i, n, name);
	fflush(stderr);
}

int cov_cli_import(int argc, char **argv)
{
	static const struct option extra[] = {
		{"work", required_argument, NULL, OPT_WORK},       {"country", required_argument, NULL, OPT_COUNTRY},
		{"kind", required_argument, NULL, OPT_KIND},       {"title", required_argument, NULL, OPT_TITLE},
		{"date", required_argument, NULL, OPT_DATE},       {"status", required_argument, NULL, OPT_STATUS},
		{"event", required_argument, NULL, OPT_EVENT},     {"replaces", required_argument, NULL, OPT_REPLACES},
		{"manifest", required_argument, NULL, OPT_MANIFEST}, {"quiet", no_argument, NULL, OPT_QUIET},
		{"progress", no_argument, NULL, OPT_PROGRESS},     {NULL, 0, NULL, 0}};
	cov_cli_common c = {.cmd = "import", .usage = import_usage, .format = COV_CLI_TEXT, .formats = 1u << COV_CLI_TEXT};
	import_opts o = {.c = &c, .progress = -1};
	/* -q is short for --quiet: getopt_long's short list is the common one, so map it here */
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "-q") == 0)
			argv[i] = "--quiet";
		else if (strcmp(argv[i], "--") == 0)
			break;
	int ex = cov_cli_options(&c, argc, argv, extra, on_option, &o);
	if (ex >= 0)
		return ex;
	int n_ops = argc - optind;
	if (n_ops <= 0 && !o.manifest)
		return cov_cli_usage_error(&c, "import wants FILE… or a directory, or --manifest FILE");
	cov_cli_inputs in = {0};
	job *jobs = NULL;
	size_t n_jobs = 0, cap = 0;
	manifest m = {0};
	int code = -1;
	if (n_ops > 0) {
		code = cov_cli_inputs_expand(&c, &in, argv + optind, n_ops);
		for (size_t i = 0; code < 0 && i < in.n; i++)
			if (strcmp(in.paths[i], "-") == 0)
				code = cov_cli_usage_error(&c, "import reads files, not standard input");
	}
	if (code < 0 && in.n > 1 && (o.flags.date || o.flags.n_events || o.flags.replaces))
		code = cov_cli_usage_error(&c, "--date, --event and --replaces describe one file, but %zu are given "
					   "(use --manifest for several)", in.n);
	if (code < 0 && o.manifest)
		code = load_manifest(&o, &m, &jobs, &n_jobs, &cap);
	if (code < 0 && n_jobs && in.n)
		code = cov_cli_usage_error(&c, "give files or --manifest, not both");
	for (size_t i = 0; code < 0 && i < in.n; i++) {
		if (n_jobs == cap) {
			cap = cap ? cap * 2 : 32;
			job *nj = realloc(jobs, cap * sizeof *jobs);
			if (!nj) {
				code = 1;
				break;
			}
			jobs = nj;
		}
		jobs[n_jobs++] = (job){strdup(in.paths[i]), NULL, 0};
	}
	if (code < 0 && in.errors.len)
		fputs(in.errors.ptr, stderr);
	size_t listing_errors = in.n_errors;
	cov_cli_inputs_free(&in);

	cov_data *data = NULL;
	cov_store *st = NULL;
	char hash[65] = "";
	int rc = COV_OK;
	if (code < 0 && (rc = cov_data_open(c.data_dir, &data)) != COV_OK)
		code = cov_cli_fail(rc);
	if (code < 0 && (rc = cov_cli_data_hash(data, hash)) != COV_OK)
		code = cov_cli_fail(rc);
	if (code < 0)
		code = cov_cli_store_open(&c, true, &st);
	if (code < 0 && (rc = cov_store_begin(st)) != COV_OK)
		code = cov_cli_fail(COV_EIO);
	counts n = {0};
	n.failed = listing_errors;
	bool bar = o.progress == 1 || (o.progress < 0 && !o.quiet && isatty(2));
	cov_buf failures;
	cov_buf_init(&failures);
	for (size_t i = 0; code < 0 && i < n_jobs; i++) {
		if (bar)
			progress(i, n_jobs, jobs[i].path);
		bool fatal = false;
		if (bar && !o.quiet)
			fputs("\r\033[K", stderr);
		rc = import_one(&o, data, hash, st, &jobs[i], &n, &fatal);
		fflush(stdout);
		if (rc && fatal) {
			fprintf(stderr, "%scovenant: %s\n", bar ? "\r\033[K" : "", cov_error_last());
			code = rc == COV_ENOMEM ? 1 : 3;
		} else if (rc) {
			n.failed++;
			if (jobs[i].manifest)
				cov_buf_printf(&failures, "covenant: %s (line %d): %s\n", o.manifest, jobs[i].line,
					       cov_cli_error_message());
			else
				cov_buf_printf(&failures, "covenant: %s\n", cov_cli_error_message());
		}
	}
	if (bar && code < 0)
		fputs("\r\033[K", stderr);
	if (code < 0 && cov_store_commit(st) != COV_OK) {
		fprintf(stderr, "covenant: %s\n", cov_error_last());
		code = 3;
	}
	if (st && code >= 0)
		cov_store_rollback(st);
	if (code < 0) {
		fputs(failures.ptr ? failures.ptr : "", stderr);
		printf("%zu imported, %zu updated, %zu unchanged, %zu failed  (library %s)\n", n.imported, n.updated,
		       n.unchanged, n.failed, cov_store_path(st));
		code = n.failed ? 3 : 0;
	}
	cov_buf_free(&failures);
	cov_store_close(st);
	cov_data_free(data);
	for (size_t i = 0; i < n_jobs; i++)
		free(jobs[i].path);
	free(jobs);
	free(m.text);
	free(m.entries);
	return code;
}
