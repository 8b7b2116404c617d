/*
 * diff_cmd.c — `covenant diff OLD NEW [--format text|json|ndjson|md]
 * [--old-label L --new-label L]`.
 */
#include "cli.h"
#include "../diff/diff.h"

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
	"      --context N       show N unchanged paragraphs beside each changed one\n"
	"                        (default 0: unchanged paragraphs are folded; -1: all)\n"
	"      --article N       only the pairs with article N, by old or new number\n"
	"      --right iccpr:21  only the pairs touching that ICCPR article\n"
	"      --status LIST     only these: unchanged, modified, renumbered, moved,\n"
	"                        split, merged, added, removed (comma-separated)\n"
	"      --fail-on new-S   exit 5 when the new text has a finding of severity S\n"
	"                        or above that the old one did not (new-high)\n"
	"      --explain N       why article N (old or new number) was paired as it was:\n"
	"                        its candidates with their similarities, and the rule\n"
	"                        that decided (mutual best, taken, split or merge share)\n"
	"      --best            two different works: each provision of OLD with its most\n"
	"                        similar provision of NEW (similarity ≥ 0.15, or --floor)\n"
	"      --floor X         the least similarity --best pairs (0 to 1)\n"
	"      --any-language    compare texts in two languages (refused otherwise)\n"
	"      --no-impact       skip the rights analysis (texts without a rights lexicon)\n"
	COV_CLI_INPUT_HELP
	"\n"
	"exit codes: 0 ok, 1 internal error or output not written, 2 usage,\n"
	"            3 unreadable or invalid input (or two languages), 4 missing or\n"
	"            malformed data files, 5 --fail-on threshold reached\n";

enum {
	OPT_OLD_LABEL = 256,
	OPT_NEW_LABEL,
	OPT_ALL,
	OPT_NO_IMPACT,
	OPT_CONTEXT,
	OPT_ARTICLE,
	OPT_RIGHT,
	OPT_STATUS,
	OPT_FAIL_ON,
	OPT_ANY_LANGUAGE,
	OPT_EXPLAIN,
	OPT_BEST,
	OPT_FLOOR
};

typedef struct diff_opts {
	cov_diff_options d;
	unsigned flags;
	int fail_on; /* severity of a new finding that fails the run, -1 none */
	cov_cli_common *c;
	const char *explain; /* --explain N */
	bool best;           /* --best */
	double floor;        /* --floor, for --best */
} diff_opts;

/* "modified,added": the bits of cov_diff_options.statuses; false if a
 * name is unknown. */
static bool parse_statuses(const char *arg, unsigned *out)
{
	*out = 0;
	const char *p = arg;
	while (*p) {
		size_t n = strcspn(p, ",");
		bool known = false;
		for (int s = 0; s < 6 && !known; s++) {
			const char *name = cov_pair_status_name((cov_pair_status)s);
			if (strlen(name) == n && strncmp(p, name, n) == 0) {
				*out |= 1u << s;
				known = true;
			}
		}
		if (!known && n == 5 && strncmp(p, "added", 5) == 0)
			*out |= COV_DIFF_SHOW_ADDED, known = true;
		if (!known && n == 7 && strncmp(p, "removed", 7) == 0)
			*out |= COV_DIFF_SHOW_REMOVED, known = true;
		if (!known)
			return false;
		p += n;
		if (*p == ',')
			p++;
	}
	return *out != 0;
}

static int on_option(int code, const char *arg, void *ctx)
{
	diff_opts *o = ctx;
	char *end = NULL;
	switch (code) {
	case OPT_OLD_LABEL: o->d.old_label = arg; break;
	case OPT_NEW_LABEL: o->d.new_label = arg; break;
	case OPT_ALL: o->d.show_unchanged = 1; break;
	case OPT_NO_IMPACT: o->flags |= COV_DIFF_NO_IMPACT; break;
	case OPT_ANY_LANGUAGE: o->flags |= COV_DIFF_ANY_LANGUAGE; break;
	case OPT_ARTICLE: o->d.article = arg; break;
	case OPT_EXPLAIN: o->explain = arg; break;
	case OPT_BEST: o->best = true; break;
	case OPT_FLOOR: {
		double v = strtod(arg, &end);
		if (!*arg || *end || !(v >= 0 && v <= 1))
			return cov_cli_usage_error(o->c, "--floor wants a similarity between 0 and 1, not '%s'", arg);
		o->floor = v;
		break;
	}
	case OPT_CONTEXT: {
		long v = strtol(arg, &end, 10);
		if (!*arg || *end || v < -1 || v > 1000)
			return cov_cli_usage_error(o->c, "--context wants a number of paragraphs (or -1 for all), not '%s'", arg);
		o->d.context = (int)v;
		break;
	}
	case OPT_RIGHT: {
		const char *num = strncmp(arg, "iccpr:", 6) == 0 ? arg + 6 : arg;
		long v = strtol(num, &end, 10);
		if (!*num || *end || v < 1 || v > 53)
			return cov_cli_usage_error(o->c, "--right wants an ICCPR article such as iccpr:21, not '%s'", arg);
		o->d.right = (int)v;
		break;
	}
	case OPT_STATUS:
		if (!parse_statuses(arg, &o->d.statuses))
			return cov_cli_usage_error(o->c,
						   "--status wants names among unchanged, modified, renumbered, moved, split, "
						   "merged, added, removed, not '%s'",
						   arg);
		break;
	case OPT_FAIL_ON: {
		cov_severity sev;
		if (strncmp(arg, "new-", 4) != 0 || cov_severity_parse(arg + 4, &sev) != COV_OK ||
		    sev == COV_SEVERITY_POSITIVE)
			return cov_cli_usage_error(o->c, "--fail-on wants new-high, new-medium or new-low, not '%s'", arg);
		o->fail_on = (int)sev;
		break;
	}
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
		{"context", required_argument, NULL, OPT_CONTEXT},
		{"article", required_argument, NULL, OPT_ARTICLE},
		{"right", required_argument, NULL, OPT_RIGHT},
		{"status", required_argument, NULL, OPT_STATUS},
		{"fail-on", required_argument, NULL, OPT_FAIL_ON},
		{"any-language", no_argument, NULL, OPT_ANY_LANGUAGE},
		{"explain", required_argument, NULL, OPT_EXPLAIN},
		{"best", no_argument, NULL, OPT_BEST},
		{"floor", required_argument, NULL, OPT_FLOOR},
		{NULL, 0, NULL, 0}};
	cov_cli_common c = {.cmd = "diff", .usage = diff_usage, .format = COV_CLI_TEXT,
			    .formats = 1u << COV_CLI_TEXT | 1u << COV_CLI_JSON | 1u << COV_CLI_NDJSON | 1u << COV_CLI_MD};
	diff_opts o = {{NULL, NULL, 0, 0, 0, NULL, 0, 0}, 0, -1, &c, NULL, false, -1};
	int ex = cov_cli_options(&c, argc, argv, extra, on_option, &o);
	if (ex >= 0)
		return ex;
	if (optind != argc - 2)
		return cov_cli_usage_error(&c, "diff wants two files, OLD and NEW");
	if (o.fail_on >= 0 && (o.flags & COV_DIFF_NO_IMPACT))
		return cov_cli_usage_error(&c, "--fail-on needs the rights analysis, which --no-impact skips");
	if (o.explain && (o.best || c.format != COV_CLI_TEXT))
		return cov_cli_usage_error(&c, "--explain prints text for people, alone (not with --best or --format)");
	if (o.floor >= 0 && !o.best)
		return cov_cli_usage_error(&c, "--floor is the least similarity of --best");
	if (o.best && o.fail_on >= 0)
		return cov_cli_usage_error(&c, "--fail-on compares two versions of one text, not --best counterparts");
	if (o.best)
		o.flags |= COV_DIFF_NO_IMPACT;
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
	if (rc == COV_OK && o.explain) {
		cov_buf b;
		cov_buf_init(&b);
		rc = cov_diff_explain(data, old, nw, o.flags, o.explain, &b);
		if (rc == COV_OK)
			s = cov_buf_detach(&b, &len);
		else
			cov_buf_free(&b);
	} else if (rc == COV_OK && o.best) {
		rc = cov_diff_best(data, old, nw, o.flags, o.floor >= 0 ? o.floor : COV_DIFF_BEST_FLOOR, &cmp);
	} else if (rc == COV_OK) {
		rc = cov_diff_ex(data, old, nw, o.flags, &cmp);
	}
	bool reached = false;
	for (size_t i = 0; rc == COV_OK && cmp && o.fail_on >= 0 && i < cov_comparison_match_count(cmp); i++) {
		const cov_finding_match *x = cov_comparison_match(cmp, i);
		reached |= !x->before && (int)x->after->severity >= o.fail_on;
	}
	if (rc == COV_OK && cmp)
		rc = cov_render_comparison_string(data, cmp, json ? COV_REVIEW_JSON :
						  c.format == COV_CLI_MD ? COV_REVIEW_MARKDOWN : COV_REVIEW_TEXT,
						  &o.d, &s, &len);
	if (rc == COV_OK && json && cmp) {
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
	return ex == 0 && reached ? 5 : ex;
}
