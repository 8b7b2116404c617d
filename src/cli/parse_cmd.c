/*
 * parse_cmd.c — `covenant parse FILE|- [--format json|ndjson|tree|akn|md]`.
 */
#define _GNU_SOURCE /* fopencookie */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char parse_usage[] =
	"usage: covenant parse FILE|- [options]\n"
	"\n"
	"Read a constitution or law (text or Markdown in UTF-8 or a legacy encoding,\n"
	"HTML, PDF with a text layer, DOCX, Akoma Ntoso XML or AKN-HTML — recognised by\n"
	"content; '-' reads standard input) and print the tree of units a lawyer cites:\n"
	"preface, preamble, parts, chapters, sections, articles, paragraphs and points,\n"
	"each with its number, heading, Akoma Ntoso eId, line and byte span.\n"
	"\n"
	"options:\n"
	"  -f, --format FMT      json (default; docs/json.md), ndjson (one line), tree (an\n"
	"                        outline), akn (Akoma Ntoso 3.0 XML), md (Markdown)\n"
	COV_CLI_INPUT_HELP
	"\n"
	"exit codes: 0 ok, 1 internal error or output not written, 2 usage,\n"
	"            3 unreadable or invalid input, 4 missing or malformed data files\n";

/* The JSON document streamed as the renderer writes it, with the
 * "covenant" line (version and data hash) put after the renderer's
 * `{` and ` "format": N,` lines — as cov_cli_json_append does on a string —
 * so that the output never sits whole in memory. */
typedef struct {
	FILE *f;
	const char *line; /* the "covenant" line */
	size_t seen;      /* bytes of the head checked */
	int newlines;     /* of the head, up to 2 */
} inject;

static ssize_t inject_write(void *cookie, const char *buf, size_t n)
{
	inject *in = cookie;
	size_t total = n;
	static const char head[] = "{\n \"format\": ";
	size_t done = 0;
	while (in->newlines < 2 && done < n) {
		char c = buf[done];
		if (in->seen < sizeof head - 1 && c != head[in->seen])
			return -1; /* not the renderer's head: never happens */
		in->seen++;
		done++;
		if (c == '\n' && ++in->newlines == 2) {
			if (fwrite(buf, 1, done, in->f) != done || fputs(in->line, in->f) == EOF)
				return -1;
			buf += done;
			n -= done;
			done = 0;
			break;
		}
	}
	if (in->newlines < 2) {
		/* still in the head: held back (it is short) */
		return -1;
	}
	if (n && fwrite(buf, 1, n, in->f) != n)
		return -1;
	return (ssize_t)total;
}

typedef struct {
	const cov_doc *doc;
	cov_data *data;
	bool json;
} parse_out;

static int write_parse(FILE *f, void *ctx)
{
	const parse_out *p = ctx;
	if (!p->json)
		return cov_render(p->doc, COV_RENDER_TREE, f);
	char hash[65];
	int rc = cov_cli_data_hash(p->data, hash);
	if (rc)
		return rc;
	char line[160];
	snprintf(line, sizeof line, " \"covenant\": {\"version\": \"%s\", \"data\": \"%s\"},\n", COV_VERSION, hash);
	inject in = {f, line, 0, 0};
	FILE *c = fopencookie(&in, "w", (cookie_io_functions_t){.write = inject_write});
	if (!c)
		return cov_error_set(COV_ENOMEM, "out of memory");
	/* the head is written in one piece: the cookie's buffer holds it */
	setvbuf(c, NULL, _IOFBF, 1 << 16);
	rc = cov_render(p->doc, COV_RENDER_JSON, c);
	if (fclose(c) != 0 && rc == COV_OK)
		rc = cov_error_set(COV_EIO, "cannot write the output");
	return rc;
}

int cov_cli_parse(int argc, char **argv)
{
	cov_cli_common c = {.cmd = "parse", .usage = parse_usage, .format = COV_CLI_JSON,
			    .formats = 1u << COV_CLI_JSON | 1u << COV_CLI_NDJSON | 1u << COV_CLI_TREE |
				       1u << COV_CLI_AKN | 1u << COV_CLI_MD};
	int ex = cov_cli_options(&c, argc, argv, NULL, NULL, NULL);
	if (ex >= 0)
		return ex;
	if (optind != argc - 1)
		return cov_cli_usage_error(&c, "parse wants exactly one FILE (or - for standard input)");
	cov_data *data;
	int rc = cov_data_open(c.data_dir, &data);
	if (rc)
		return cov_cli_fail(rc);
	cov_doc *doc;
	rc = cov_cli_parse_input(data, &c, argv[optind], &doc);
	if (rc) {
		cov_data_free(data);
		return cov_cli_fail(rc);
	}
	/* JSON, and a tree that is not wrapped for a terminal: streamed */
	bool to_stdout = !c.output || strcmp(c.output, "-") == 0;
	if (c.format == COV_CLI_JSON || (c.format == COV_CLI_TREE && !(to_stdout && cov_cli_terminal_width() > 0))) {
		parse_out p = {doc, data, c.format == COV_CLI_JSON};
		ex = cov_cli_write_with(c.output, write_parse, &p);
		cov_doc_free(doc);
		cov_data_free(data);
		return ex;
	}
	static const cov_render_format rf[] = {
		[COV_CLI_JSON] = COV_RENDER_JSON, [COV_CLI_NDJSON] = COV_RENDER_JSON, [COV_CLI_TREE] = COV_RENDER_TREE,
		[COV_CLI_AKN] = COV_RENDER_AKN,   [COV_CLI_MD] = COV_RENDER_MARKDOWN};
	char *s;
	size_t len;
	if (c.format == COV_CLI_AKN) { /* with its citations as <ref> */
		cov_refs *refs = NULL;
		rc = cov_refs_find(data, doc, &refs);
		if (rc == COV_OK)
			rc = cov_render_akn_refs_string(doc, refs, &s, &len);
		cov_refs_free(refs);
	} else {
		rc = cov_render_string(doc, rf[c.format], &s, &len);
	}
	if (rc == COV_OK && (c.format == COV_CLI_JSON || c.format == COV_CLI_NDJSON)) {
		char hash[65];
		cov_buf b;
		cov_buf_init(&b);
		rc = cov_cli_data_hash(data, hash);
		if (rc == COV_OK)
			rc = cov_cli_json_append(&b, s, len, hash, c.format, 0, 0);
		free(s);
		s = NULL;
		if (rc == COV_OK && b.oom)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
		if (rc == COV_OK)
			s = cov_buf_detach(&b, &len);
		else
			cov_buf_free(&b);
	}
	cov_doc_free(doc);
	if (rc) {
		cov_data_free(data);
		return cov_cli_fail(rc);
	}
	ex = cov_cli_emit(&c, s, len);
	free(s);
	cov_data_free(data);
	return ex;
}
