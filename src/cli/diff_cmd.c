/*
 * diff_cmd.c — `covenant diff OLD NEW [--format text|json|md]
 * [--old-label L --new-label L]`.
 */
#include "cli.h"

#include <getopt.h>
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
	"  -f, --format FMT      text (default), json (docs/json.md), md\n"
	"      --old-label L     name the old version (default: its file name)\n"
	"      --new-label L     name the new version\n"
	"      --all             list unchanged pairs too\n"
	"      --no-impact       skip the rights analysis (texts without a rights lexicon)\n"
	"  -l, --lang LANG       the texts' language when detection is wrong\n"
	"  -e, --encoding NAME   the inputs' encoding when it is not UTF-8\n"
	"  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
	"      --color WHEN      auto (default), always, never\n"
	"      --data DIR        covenant's data directory\n"
	"  -h, --help            this help\n"
	"\n"
	"exit codes: 0 ok, 1 internal error, 2 usage, 3 unreadable or invalid input,\n"
	"            4 missing or malformed data files\n";

int cov_cli_diff(int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},    {"old-label", required_argument, NULL, 'O'},
		{"new-label", required_argument, NULL, 'N'}, {"all", no_argument, NULL, 'a'},
		{"lang", required_argument, NULL, 'l'},      {"encoding", required_argument, NULL, 'e'},
		{"output", required_argument, NULL, 'o'},    {"color", required_argument, NULL, 'C'},
		{"data", required_argument, NULL, 'D'},      {"help", no_argument, NULL, 'h'},
		{"no-impact", no_argument, NULL, 'I'},
		{NULL, 0, NULL, 0}};
	cov_review_format fmt = COV_REVIEW_TEXT;
	cov_parse_options po = {0};
	cov_diff_options dopt = {NULL, NULL, 0, 0};
	const char *output = NULL, *data_dir = NULL, *color = "auto";
	unsigned flags = 0;
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, "f:l:e:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!cov_cli_review_format(optarg, &fmt))
				return 2;
			break;
		case 'O': dopt.old_label = optarg; break;
		case 'N': dopt.new_label = optarg; break;
		case 'a': dopt.show_unchanged = 1; break;
		case 'I': flags |= COV_DIFF_NO_IMPACT; break;
		case 'l': po.language = optarg; break;
		case 'e': po.encoding = optarg; break;
		case 'o': output = optarg; break;
		case 'C': color = optarg; break;
		case 'D': data_dir = optarg; break;
		case 'h': fputs(diff_usage, stdout); return 0;
		default: fputs(diff_usage, stderr); return 2;
		}
	}
	if (optind != argc - 2) {
		fprintf(stderr, "covenant: diff wants two files, OLD and NEW\n\n%s", diff_usage);
		return 2;
	}
	if ((dopt.color = cov_cli_color(color, fmt == COV_REVIEW_TEXT, output)) < 0)
		return 2;
	cov_data *data;
	int rc = cov_data_open(data_dir, &data);
	if (rc)
		return cov_cli_fail(rc);
	cov_doc *old = NULL, *nw = NULL;
	cov_comparison *cmp = NULL;
	rc = cov_doc_parse_file(data, argv[optind], &po, &old);
	if (rc == COV_OK)
		rc = cov_doc_parse_file(data, argv[optind + 1], &po, &nw);
	if (rc == COV_OK)
		rc = cov_diff_ex(data, old, nw, flags, &cmp);
	if (rc == COV_OK) {
		char *s;
		size_t len;
		rc = cov_render_comparison_string(data, cmp, fmt, &dopt, &s, &len);
		if (rc == COV_OK) {
			rc = cov_cli_write_output(output, s, len);
			free(s);
		}
	}
	cov_comparison_free(cmp);
	cov_doc_free(old);
	cov_doc_free(nw);
	cov_data_free(data);
	return rc ? cov_cli_fail(rc) : 0;
}
