/*
 * check_cmd.c — `covenant check FILE|DIR… [--format text|json|ndjson|md]
 * [--standard iccpr|icescr|all] [--min-severity S] [--fail-on S]`.  Goes on past an
 * input it cannot read and reports every failure at the end.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char check_usage[] =
	"usage: covenant check FILE|DIR… [options]\n"
	"\n"
	"Find where each right is granted and how it may be restricted, and check it\n"
	"against the International Covenant on Civil and Political Rights: rights given\n"
	"to citizens only, restriction grounds the ICCPR does not allow or that are\n"
	"vague, missing necessity, permission for assemblies, bans on foreign funding\n"
	"and membership, exclusive marriage clauses, the death penalty, and what the\n"
	"text protects.  Every finding quotes the sentence and cites the article.\n"
	"A directory means every file under it; an input that cannot be read is\n"
	"reported at the end, after the others are checked.\n"
	"\n"
	"options:\n"
	"  -f, --format FMT      text (default), json (docs/json.md: an object, or an\n"
	"                        array for several inputs), ndjson (one line each), md\n"
	"      --standard STD    the findings on these standards: all (default), or ids\n"
	"                        of data/standards/ separated by commas: iccpr,\n"
	"                        icescr (covenant standards lists them)\n"
	"      --min-severity S  show findings of severity S and above: low (default),\n"
	"                        medium, high (positive findings are then hidden)\n"
	"      --fail-on S       exit 5 when a finding of severity S or above is found\n"
	COV_CLI_INPUT_HELP
	"\n"
	"exit codes: 0 ok, 1 internal error or output not written, 2 usage,\n"
	"            3 an input unreadable or invalid, 4 missing or malformed data files,\n"
	"            5 --fail-on threshold reached\n";

enum { OPT_STANDARD = 256, OPT_MIN_SEVERITY, OPT_FAIL_ON };

typedef struct check_opts {
	cov_cli_common *c;
	cov_review_options ro;
	const char *standard;
	int fail_on;
} check_opts;

static int on_option(int code, const char *arg, void *ctx)
{
	check_opts *o = ctx;
	if (code == OPT_STANDARD) {
		o->standard = arg;
		return 0;
	}
	cov_severity sev;
	if (cov_severity_parse(arg, &sev) != COV_OK)
		return cov_cli_usage_error(o->c, "%s", cov_error_last());
	if (code == OPT_MIN_SEVERITY) {
		o->ro.min_severity = sev;
		o->ro.show_positive = sev == COV_SEVERITY_POSITIVE;
	} else {
		o->fail_on = (int)sev;
	}
	return 0;
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

int cov_cli_check(int argc, char **argv)
{
	static const struct option extra[] = {
		{"standard", required_argument, NULL, OPT_STANDARD},
		{"min-severity", required_argument, NULL, OPT_MIN_SEVERITY},
		{"fail-on", required_argument, NULL, OPT_FAIL_ON},
		{NULL, 0, NULL, 0}};
	cov_cli_common c = {.cmd = "check", .usage = check_usage, .format = COV_CLI_TEXT,
			    .formats = 1u << COV_CLI_TEXT | 1u << COV_CLI_JSON | 1u << COV_CLI_NDJSON | 1u << COV_CLI_MD};
	check_opts o = {&c, {COV_SEVERITY_LOW, 1, 0}, NULL, -1};
	int ex = cov_cli_options(&c, argc, argv, extra, on_option, &o);
	if (ex >= 0)
		return ex;
	if (optind >= argc)
		return cov_cli_usage_error(&c, "check wants at least one FILE or directory (or - for standard input)");
	o.ro.color = c.color;
	cov_cli_inputs in;
	ex = cov_cli_inputs_expand(&c, &in, argv + optind, argc - optind);
	if (ex >= 0) {
		cov_cli_inputs_free(&in);
		return ex;
	}
	cov_data *data;
	int rc = cov_data_open(c.data_dir, &data);
	if (rc) {
		cov_cli_inputs_free(&in);
		return cov_cli_fail(rc);
	}
	bool json = c.format == COV_CLI_JSON || c.format == COV_CLI_NDJSON;
	char hash[65] = "";
	if (json && (rc = cov_cli_data_hash(data, hash)) != COV_OK) {
		cov_data_free(data);
		cov_cli_inputs_free(&in);
		return cov_cli_fail(rc);
	}
	size_t n_inputs = in.n + in.n_errors, n_ok = 0, n_bad = in.n_errors, total[4] = {0};
	bool many = n_inputs > 1, reached = false;
	cov_buf all, errs;
	cov_buf_init(&all);
	cov_buf_init(&errs);
	cov_buf_put(&errs, in.errors.ptr ? in.errors.ptr : "", in.errors.len);
	for (size_t i = 0; i < in.n && rc == COV_OK; i++) {
		cov_doc *doc;
		cov_review *review = NULL;
		rc = cov_cli_parse_input(data, &c, in.paths[i], &doc);
		if (rc == COV_OK) {
			rc = cov_check(data, doc, o.standard, &review);
			char *s = NULL;
			size_t len;
			if (rc == COV_OK)
				rc = cov_render_review_string(data, review, json ? COV_REVIEW_JSON :
							      c.format == COV_CLI_MD ? COV_REVIEW_MARKDOWN : COV_REVIEW_TEXT,
							      &o.ro, &s, &len);
			if (rc == COV_OK) {
				for (size_t k = 0; k < cov_review_count(review); k++) {
					const cov_finding *f = cov_review_finding(review, k);
					bool positive = f->severity == COV_SEVERITY_POSITIVE;
					if (positive ? o.ro.show_positive : f->severity >= o.ro.min_severity)
						total[f->severity]++;
					if (o.fail_on >= 0 && !positive && (int)f->severity >= o.fail_on)
						reached = true;
				}
				if (json) {
					if (many && c.format == COV_CLI_JSON)
						cov_buf_puts(&all, n_ok ? ",\n" : "[\n");
					rc = cov_cli_json_append(&all, s, len, hash, c.format, 0, 0);
					if (many && c.format == COV_CLI_JSON && all.len && all.ptr[all.len - 1] == '\n')
						all.len--; /* the array's separator comes next */
				} else {
					if (n_ok)
						cov_buf_putc(&all, '\n');
					cov_buf_put(&all, s, len);
				}
				n_ok++;
			}
			free(s);
			cov_review_free(review);
			cov_doc_free(doc);
		}
		if (rc == COV_EINPUT || rc == COV_EIO) { /* this input: say so at the end, go on */
			cov_buf_printf(&errs, "covenant: %s\n", cov_cli_error_message());
			n_bad++;
			rc = COV_OK;
		}
	}
	cov_cli_inputs_free(&in);
	if (rc == COV_OK && many && n_ok) {
		if (json && c.format == COV_CLI_JSON) {
			cov_buf_puts(&all, "\n]\n");
		} else if (!json) {
			size_t sum = total[0] + total[1] + total[2] + total[3];
			cov_buf_printf(&all, "\n%s%zu %s: %zu %s: %zu high, %zu medium, %zu low; %zu positive",
				       c.format == COV_CLI_MD ? "## All documents\n\n" : "Total: ", n_ok,
				       plural(n_ok, "document", "documents"), sum, plural(sum, "finding", "findings"),
				       total[COV_SEVERITY_HIGH], total[COV_SEVERITY_MEDIUM], total[COV_SEVERITY_LOW],
				       total[COV_SEVERITY_POSITIVE]);
			if (n_bad)
				cov_buf_printf(&all, "; %zu %s not be read", n_bad, plural(n_bad, "input could", "inputs could"));
			cov_buf_putc(&all, '\n');
		}
	}
	if (rc == COV_OK && all.oom)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	int code;
	if (rc != COV_OK) {
		fputs(errs.ptr ? errs.ptr : "", stderr);
		code = cov_cli_fail(rc);
	} else {
		code = n_ok ? cov_cli_emit(&c, all.ptr, all.len) : 0;
		fputs(errs.ptr ? errs.ptr : "", stderr);
		if (n_bad && many)
			fprintf(stderr, "covenant: %zu of %zu %s could not be checked\n", n_bad, n_inputs,
				plural(n_inputs, "input", "inputs"));
		if (!code)
			code = n_bad ? 3 : reached ? 5 : 0;
	}
	cov_buf_free(&all);
	cov_buf_free(&errs);
	cov_data_free(data);
	return code;
}
