/*
 * check_cmd.c — `covenant check FILE… [--format text|json|md]
 * [--standard iccpr] [--min-severity S] [--fail-on S]`.
 */
#include "cli.h"
#include "../util/util.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char check_usage[] =
	"usage: covenant check FILE… [options]\n"
	"\n"
	"Find where each right is granted and how it may be restricted, and check it\n"
	"against the International Covenant on Civil and Political Rights: rights given\n"
	"to citizens only, restriction grounds the ICCPR does not allow or that are\n"
	"vague, missing necessity, permission for assemblies, bans on foreign funding\n"
	"and membership, exclusive marriage clauses, the death penalty, and what the\n"
	"text protects.  Every finding quotes the sentence and cites the article.\n"
	"\n"
	"options:\n"
	"  -f, --format FMT      text (default), json (docs/json.md), md\n"
	"      --standard STD    iccpr (the only one so far)\n"
	"      --min-severity S  show findings of severity S and above: low (default),\n"
	"                        medium, high (positive findings are then hidden)\n"
	"      --fail-on S       exit 5 when a finding of severity S or above is found\n"
	"  -l, --lang LANG       the text's language when detection is wrong (en, ru)\n"
	"  -e, --encoding NAME   the input's encoding when it is not UTF-8\n"
	"  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
	"      --color WHEN      auto (default), always, never: highlight triggers\n"
	"      --data DIR        covenant's data directory\n"
	"  -h, --help            this help\n"
	"\n"
	"exit codes: 0 ok, 1 internal error, 2 usage, 3 unreadable or invalid input,\n"
	"            4 missing or malformed data files, 5 --fail-on threshold reached\n";

int cov_cli_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},   {"standard", required_argument, NULL, 'S'},
		{"min-severity", required_argument, NULL, 'm'}, {"fail-on", required_argument, NULL, 'F'},
		{"lang", required_argument, NULL, 'l'},     {"encoding", required_argument, NULL, 'e'},
		{"output", required_argument, NULL, 'o'},   {"color", required_argument, NULL, 'C'},
		{"data", required_argument, NULL, 'D'},     {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	cov_review_format fmt = COV_REVIEW_TEXT;
	cov_parse_options po = {0};
	cov_review_options ro = {COV_SEVERITY_LOW, 1, 0};
	const char *output = NULL, *data_dir = NULL, *standard = "iccpr", *color = "auto";
	int fail_on = -1;
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, "f:l:e:o:h", opts, NULL)) != -1) {
		cov_severity sev;
		switch (c) {
		case 'f':
			if (!cov_cli_review_format(optarg, &fmt))
				return 2;
			break;
		case 'S': standard = optarg; break;
		case 'm':
		case 'F':
			if (cov_severity_parse(optarg, &sev) != COV_OK) {
				fprintf(stderr, "covenant: %s\n", cov_error_last());
				return 2;
			}
			if (c == 'm') {
				ro.min_severity = sev;
				ro.show_positive = sev == COV_SEVERITY_POSITIVE;
			} else {
				fail_on = (int)sev;
			}
			break;
		case 'l': po.language = optarg; break;
		case 'e': po.encoding = optarg; break;
		case 'o': output = optarg; break;
		case 'C': color = optarg; break;
		case 'D': data_dir = optarg; break;
		case 'h': fputs(check_usage, stdout); return 0;
		default: fputs(check_usage, stderr); return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "covenant: check wants at least one FILE (or - for standard input)\n\n%s", check_usage);
		return 2;
	}
	if ((ro.color = cov_cli_color(color, fmt == COV_REVIEW_TEXT, output)) < 0)
		return 2;
	cov_data *data;
	int rc = cov_data_open(data_dir, &data);
	if (rc)
		return cov_cli_fail(rc);
	cov_buf all;
	cov_buf_init(&all);
	bool failed = false;
	for (int i = optind; i < argc && rc == COV_OK; i++) {
		cov_doc *doc;
		rc = cov_doc_parse_file(data, argv[i], &po, &doc);
		if (rc)
			break;
		cov_review *review;
		rc = cov_check(data, doc, standard, &review);
		if (rc == COV_OK) {
			for (size_t k = 0; k < cov_review_count(review); k++) {
				const cov_finding *f = cov_review_finding(review, k);
				if (fail_on >= 0 && f->severity != COV_SEVERITY_POSITIVE && (int)f->severity >= fail_on)
					failed = true;
			}
			char *s;
			size_t len;
			rc = cov_render_review_string(data, review, fmt, &ro, &s, &len);
			if (rc == COV_OK) {
				if (i > optind && fmt != COV_REVIEW_JSON)
					cov_buf_putc(&all, '\n');
				cov_buf_put(&all, s, len);
				free(s);
			}
			cov_review_free(review);
		}
		cov_doc_free(doc);
	}
	if (rc == COV_OK && all.oom)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	if (rc == COV_OK)
		rc = cov_cli_write_output(output, all.ptr ? all.ptr : "", all.len);
	cov_buf_free(&all);
	cov_data_free(data);
	if (rc)
		return cov_cli_fail(rc);
	return failed ? 5 : 0;
}
