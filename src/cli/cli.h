/*
 * cli.h — the subcommands of the `covenant` binary and what they share:
 * the input options every command takes (one parser), the output layer
 * (atomic files, colour, wrapping on a terminal, JSON documents) and the
 * expansion of inputs (directories, --glob, standard input once).
 */
#ifndef COV_CLI_H
#define COV_CLI_H

#include "covenant.h"
#include "../util/util.h"

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

int cov_cli_parse(int argc, char **argv);
int cov_cli_check(int argc, char **argv);
int cov_cli_diff(int argc, char **argv);
int cov_cli_import(int argc, char **argv);
int cov_cli_show(int argc, char **argv);
int cov_cli_history(int argc, char **argv);
int cov_cli_list(int argc, char **argv);
int cov_cli_search(int argc, char **argv);
int cov_cli_report(int argc, char **argv);
int cov_cli_serve(int argc, char **argv);
int cov_cli_db(int argc, char **argv);
int cov_cli_standards(int argc, char **argv);
int cov_cli_refs(int argc, char **argv);
int cov_cli_conform(int argc, char **argv);
/* Print "covenant: <last error>" and return the exit code for `status`. */
int cov_cli_fail(int status);
int cov_cli_exit_code(int status);
/* The last error, with the name of standard input spelled "standard input". */
const char *cov_cli_error_message(void);
int cov_cli_version(void);

/* ---- options every command that reads input shares ---- */

/* Their --help lines, the same in every command. */
#define COV_CLI_INPUT_HELP \
	"  -l, --lang LANG       the text's language: auto (default), en, ru, kk, … (data/lang/)\n" \
	"  -e, --encoding NAME   the input's encoding (windows-1251, koi8-r, utf-16le, …);\n" \
	"                        by default UTF-8, or a legacy encoding detected and reported\n" \
	"      --input-format F  auto (default: sniffed from the content), text, html, pdf,\n" \
	"                        docx, akn\n" \
	"      --max-size MB     refuse inputs larger than MB megabytes (default 64)\n" \
	"      --glob PATTERN    in a directory, read only files whose name matches PATTERN\n" \
	"                        (fnmatch: '*.txt'; with a '/', the path under the directory)\n" \
	"  -o, --output FILE     write to FILE (replaced atomically) instead of standard output\n" \
	"      --color WHEN      auto (default: on a terminal, unless NO_COLOR is set or\n" \
	"                        TERM=dumb), always, never\n" \
	"      --data DIR        covenant's data directory (see covenant --help)\n" \
	"      --db PATH         the library (default $COVENANT_DB, else\n" \
	"                        $XDG_DATA_HOME/covenant/library.db): an input may then be\n" \
	"                        WORK, WORK@DATE or WORK:DATE (in force on DATE)\n" \
	"  -h, --help            this help\n" \
	"  -V, --version         the version\n"

/* Output formats across commands. */
typedef enum cov_cli_format {
	COV_CLI_TEXT = 0, COV_CLI_JSON, COV_CLI_NDJSON, COV_CLI_MD, COV_CLI_TREE, COV_CLI_AKN, COV_CLI_HTML
} cov_cli_format;

typedef struct cov_cli_common {
	const char *cmd;          /* "check" */
	const char *usage;        /* the command's --help text */
	unsigned formats;         /* bit (1u << cov_cli_format) for each format the command has */
	cov_cli_format format;    /* the default until -f */
	cov_parse_options po;
	const char *output;       /* -o FILE, NULL for standard output */
	const char *data_dir;     /* --data */
	const char *glob;         /* --glob PATTERN: files to take from directories */
	int color;                /* decided: 0 or 1 (after cov_cli_options) */
	const char *color_when;   /* auto, always, never */
	const char *db;           /* --db PATH: the library; NULL for the default */
} cov_cli_common;

/* Parse argv with the common options plus `extra` (codes >= 256, handled by
 * on_extra, which returns 0 or an exit code).  Returns -1 when the command
 * should go on (operands from optind), else the exit code (0 after --help). */
int cov_cli_options(cov_cli_common *c, int argc, char **argv, const struct option *extra,
		    int (*on_extra)(int code, const char *arg, void *ctx), void *ctx);
/* "covenant CMD: MESSAGE (see covenant CMD --help)" on stderr; returns 2. */
int cov_cli_usage_error(const cov_cli_common *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* --color auto|always|never → whether to colour text written to standard
 * output (or to `output`); -1 if `when` is invalid. */
int cov_cli_color(const char *when, bool text, const char *output);

/* ---- output ---- */

/* Write `len` bytes to `path` (NULL or "-": standard output).  A regular
 * file (or a new one) is replaced atomically: a temporary file beside the
 * target — through symbolic links — renamed over it, with the target's
 * mode, or 0666 & ~umask for a new file.  Anything else (a device, a FIFO)
 * is written in place.  On failure prints "covenant: FILE: why" and
 * returns 1; else 0. */
int cov_cli_write_output(const char *path, const char *s, size_t len);
/* The same, with the output streamed: `fn` writes it to the FILE it is
 * given (standard output, the temporary file or the device) and returns
 * COV_OK or a library error (then printed, and the target left as it was). */
typedef int (*cov_cli_writer)(FILE *f, void *ctx);
int cov_cli_write_with(const char *path, cov_cli_writer fn, void *ctx);
/* Text for a terminal: wrap lines longer than `width` columns at spaces,
 * with a hanging indent; counts characters (UTF-8, wide ones as two, ANSI
 * colour sequences as none).  Returns a malloc'd string (NULL when out of
 * memory). */
char *cov_cli_wrap(const char *s, size_t len, int width, size_t *out_len);
/* The terminal width of standard output, or 0 when it is not a terminal. */
int cov_cli_terminal_width(void);
/* Write a command's text output: wrapped when it goes to a terminal. */
int cov_cli_emit(const cov_cli_common *c, const char *s, size_t len);

/* ---- JSON documents ---- */

/* The identity of the tool and the data files: {"version":…, "data": sha256}. */
int cov_cli_data_hash(const cov_data *data, char hex[65]);
/* Append one JSON document (`json`, as a renderer made it) to `out`, with the
 * "covenant" key added: pretty when fmt is COV_CLI_JSON, one compact line for
 * COV_CLI_NDJSON.  `count` 0: a lone object; else it is element `index` of
 * an array of `count` (pretty JSON only). */
int cov_cli_json_append(cov_buf *out, const char *json, size_t len, const char *hash, cov_cli_format fmt,
			size_t index, size_t count);

/* ---- inputs ---- */

typedef struct cov_cli_inputs {
	char **paths;  /* files to read, in order ("-" for standard input) */
	size_t n, cap;
	cov_buf errors; /* "covenant: PATH: why\n" for operands that could not be listed */
	size_t n_errors;
} cov_cli_inputs;

/* Expand operands: a directory gives every regular file under it (sorted,
 * hidden ones skipped) whose name matches `glob` (fnmatch; NULL: all).
 * Refuses "-" twice (exit 2 after a message); returns -1 to go on, or an
 * exit code. */
int cov_cli_inputs_expand(const cov_cli_common *c, cov_cli_inputs *in, char **operands, int n);
void cov_cli_inputs_free(cov_cli_inputs *in);

/* Warn on stderr when a text decoded with a forced --encoding looks
 * garbled (letters mostly capitals, or capitals after small letters inside
 * words, as koi8-r read as windows-1251 gives).  Returns whether it warned. */
bool cov_cli_check_encoding(const cov_doc *doc, const cov_parse_options *po);
/* Parse one input with the common options (and the encoding check). */
int cov_cli_parse_input(const cov_data *data, const cov_cli_common *c, const char *path, cov_doc **out);

/* ---- the library (library.c) ---- */

struct cov_store;
/* Open the library of --db (or the default); `write` to import.  On failure
 * prints "covenant: why" and returns the exit code (3), else -1. */
int cov_cli_store_open(const cov_cli_common *c, bool write, struct cov_store **out);
/* A stored version as a document: `ref` is WORK, WORK@DATE or WORK:DATE
 * and is not a file.  COV_EINPUT with a message when it cannot be found. */
int cov_cli_store_doc(const cov_data *data, const cov_cli_common *c, const char *ref, cov_doc **out);
/* "WORK@DATE  LANG  in force since …" of a version, for show and list. */
struct cov_store_version;
void cov_cli_version_line(cov_buf *b, const struct cov_store_version *v, const char *today);
/* Today as YYYY-MM-DD (UTC). */
void cov_cli_today(char out[11]);

#endif
