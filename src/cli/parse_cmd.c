/*
 * parse_cmd.c — `covenant parse FILE|- [--format json|ndjson|tree|akn|md]`.
 */
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
	static const cov_render_format rf[] = {
		[COV_CLI_JSON] = COV_RENDER_JSON, [COV_CLI_NDJSON] = COV_RENDER_JSON, [COV_CLI_TREE] = COV_RENDER_TREE,
		[COV_CLI_AKN] = COV_RENDER_AKN,   [COV_CLI_MD] = COV_RENDER_MARKDOWN};
	char *s;
	size_t len;
	rc = cov_render_string(doc, rf[c.format], &s, &len);
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
