/*
 * diff_cmd.c — `covenant diff OLD NEW [--format text|json|ndjson|md]
 * [--old-label L --new-label L]`.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char diff_usage[] =
	"usage: covenant diff OLD NEW [options]\n"
	"\n"
	"Align the articles of two versions of a text — by their words, so renumbered,\n"
	"moved, split and merged articles are found — show what changed inside each\n"
	"pair, word by word, and what the change does to rights: guarantees dropped\n"
	"(the right to strike, treaty primacy), holders narrowed from everyone to\n"
	"citizens, grounds for restriction added, and improvements.\n"
	"\n"
	"options:\n"
	"  -f, --format FMT      text (default), json (docs/json.md), ndjson (one line), md\n"
	"      --old-label L     name the old version (default: its file name)\n"
	"      --new-label L     name the new version\n"
	"      --all             list unchanged pairs too\n"
	"      --no-impact       skip the rights analysis (texts without a rights lexicon)\n"
	COV_CLI_INPUT_HELP
	"\n"
	"exit codes: 0 ok, 1 internal error or output not written, 2 usage,\n"
	"            3 unreadable or invalid input, 4 missing or malformed data files\n";

enum { OPT_OLD_LABEL = 256, OPT_NEW_LABEL, OPT_ALL, OPT_NO_IMPACT };

typedef struct diff_opts {
	cov_diff_options d;
	unsigned flags;
} diff_opts;

static int on_option(int code, const char *arg, void *ctx)
{
	diff_opts *o = ctx;
	switch (code) {
	case OPT_OLD_LABEL: o->d.old_label = arg; break;
	case OPT_NEW_LABEL: o->d.new_label = arg; break;
	case OPT_ALL: o->d.show_unchanged = 1; break;
	case OPT_NO_IMPACT: o->flags |= COV_DIFF_NO_IMPACT; break;
	}
	return 0;
}

int cov_cli_diff(int argc, char **argv)
{
	static const struct option extra[] = {
		{"old-label", required_argument, NULL, OPT_OLD_LABEL},
		{"new-label", required_argument, NULL, OPT_NEW_LABEL},
		{"all", no_argument, NULL, OPT_ALL},
		{"no-impact", no_argument, NULL, OPT_NO_IMPACT},
		{NULL, 0, NULL, 0}};
	cov_cli_common c = {.cmd = "diff", .usage = diff_usage, .format = COV_CLI_TEXT,
			    .formats = 1u << COV_CLI_TEXT | 1u << COV_CLI_JSON | 1u << COV_CLI_NDJSON | 1u << COV_CLI_MD};
	diff_opts o = {{NULL, NULL, 0, 0}, 0};
	int ex = cov_cli_options(&c, argc, argv, extra, on_option, &o);
	if (ex >= 0)
		return ex;
	if (optind != argc - 2)
		return cov_cli_usage_error(&c, "diff wants two files, OLD and NEW");
	if (strcmp(argv[optind], "-") == 0 && strcmp(argv[optind + 1], "-") == 0)
		return cov_cli_usage_error(&c, "standard input can be read only once, but '-' is given twice");
	o.d.color = c.color;
	bool json = c.format == COV_CLI_JSON || c.format == COV_CLI_NDJSON;
	cov_data *data;
	int rc = cov_data_open(c.data_dir, &data);
	if (rc)
		return cov_cli_fail(rc);
	cov_doc *old = NULL, *nw = NULL;
	cov_comparison *cmp = NULL;
	char *s = NULL;
	size_t len = 0;
	char hash[65] = "";
	rc = cov_cli_parse_input(data, &c, argv[optind], &old);
	if (rc == COV_OK)
		rc = cov_cli_parse_input(data, &c, argv[optind + 1], &nw);
	if (rc == COV_OK)
		rc = cov_diff_ex(data, old, nw, o.flags, &cmp);
	if (rc == COV_OK)
		rc = cov_render_comparison_string(data, cmp, json ? COV_REVIEW_JSON :
						  c.format == COV_CLI_MD ? COV_REVIEW_MARKDOWN : COV_REVIEW_TEXT,
						  &o.d, &s, &len);
	if (rc == COV_OK && json) {
		cov_buf b;
		cov_buf_init(&b);
		rc = cov_cli_data_hash(data, hash);
		if (rc == COV_OK)
			rc = cov_cli_json_append(&b, s, len, hash, c.format, 0, 0);
		if (rc == COV_OK && b.oom)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
		free(s);
		s = rc == COV_OK ? cov_buf_detach(&b, &len) : NULL;
		if (rc)
			cov_buf_free(&b);
	}
	cov_comparison_free(cmp);
	cov_doc_free(old);
	cov_doc_free(nw);
	cov_data_free(data);
	if (rc)
		return cov_cli_fail(rc);
	ex = cov_cli_emit(&c, s, len);
	free(s);
	return ex;
}
