/*
 * options.c — the options every command that reads input shares, parsed
 * by one function so `parse`, `check` and `diff` take the same -f, -l, -e,
 * -o, --max-size, --input-format, --glob, --color, --data and --db; and usage
 * errors said in one line, as git and ripgrep do.
 */
#include "cli.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct option common_opts[] = {
	{"format", required_argument, NULL, 'f'},   {"lang", required_argument, NULL, 'l'},
	{"encoding", required_argument, NULL, 'e'}, {"output", required_argument, NULL, 'o'},
	{"color", required_argument, NULL, 'C'},    {"colour", required_argument, NULL, 'C'},
	{"data", required_argument, NULL, 'D'},     {"max-size", required_argument, NULL, 'M'},
	{"input-format", required_argument, NULL, 'I'}, {"glob", required_argument, NULL, 'G'},
	{"db", required_argument, NULL, 'B'},
	{"help", no_argument, NULL, 'h'},           {"version", no_argument, NULL, 'V'},
};
#define N_COMMON (sizeof common_opts / sizeof *common_opts)

static const char *const format_names[] = {"text", "json", "ndjson", "md", "tree", "akn", "html"};

int cov_cli_usage_error(const cov_cli_common *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "covenant %s: ", c->cmd);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, " (see covenant %s --help)\n", c->cmd);
	va_end(ap);
	return 2;
}

static int set_format(cov_cli_common *c, const char *name)
{
	int f = -1;
	if (strcmp(name, "markdown") == 0)
		name = "md";
	else if (strcmp(name, "xml") == 0)
		name = "akn";
	for (int i = 0; i < (int)(sizeof format_names / sizeof *format_names); i++)
		if (strcmp(name, format_names[i]) == 0)
			f = i;
	if (f < 0 || !(c->formats & (1u << f))) {
		char list[128] = "";
		for (int i = 0; i < (int)(sizeof format_names / sizeof *format_names); i++)
			if (c->formats & (1u << i)) {
				if (*list)
					strcat(list, ", ");
				strcat(list, format_names[i]);
			}
		return cov_cli_usage_error(c, "unknown format '%s' (%s)", name, list);
	}
	c->format = (cov_cli_format)f;
	return 0;
}

/* --max-size MB: a finite positive number of megabytes giving at least one
 * byte, at most 4096 MB.  strtod accepts "nan" and "inf": refused here. */
static int set_max_size(cov_cli_common *c, const char *arg)
{
	char *end;
	double mb = strtod(arg, &end);
	if (end == arg || *end || !isfinite(mb) || mb <= 0 || mb > 4096)
		return cov_cli_usage_error(c, "--max-size wants a number of megabytes above 0 and at most 4096, not '%s'",
					   arg);
	double bytes = floor(mb * 1048576.0);
	if (bytes < 1)
		return cov_cli_usage_error(c, "--max-size %s is less than one byte", arg);
	c->po.max_bytes = (size_t)bytes;
	return 0;
}

static int set_input_format(cov_cli_common *c, const char *arg)
{
	static const struct { const char *name; cov_format f; } map[] = {
		{"auto", COV_FORMAT_AUTO}, {"text", COV_FORMAT_TEXT}, {"md", COV_FORMAT_TEXT},
		{"html", COV_FORMAT_HTML}, {"pdf", COV_FORMAT_PDF},   {"docx", COV_FORMAT_DOCX},
		{"akn", COV_FORMAT_AKN},   {"xml", COV_FORMAT_AKN}};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strcmp(arg, map[i].name) == 0) {
			c->po.format = map[i].f;
			return 0;
		}
	return cov_cli_usage_error(c, "unknown input format '%s' (auto, text, html, pdf, docx, akn)", arg);
}

/* The option as the user wrote it, for messages: "--frob", "-x". */
static void option_text(char *buf, size_t cap, int argc, char **argv, int optopt_)
{
	if (optopt_ > 0 && optopt_ < 256) {
		snprintf(buf, cap, "-%c", optopt_);
		return;
	}
	const char *a = optind > 0 && optind <= argc ? argv[optind - 1] : "?";
	size_t n = strcspn(a, "=");
	snprintf(buf, cap, "%.*s", (int)(n < 100 ? n : 100), a);
}

int cov_cli_options(cov_cli_common *c, int argc, char **argv, const struct option *extra,
		    int (*on_extra)(int code, const char *arg, void *ctx), void *ctx)
{
	struct option opts[64];
	size_t n = 0;
	for (size_t i = 0; i < N_COMMON; i++)
		opts[n++] = common_opts[i];
	for (size_t i = 0; extra && extra[i].name && n < 63; i++)
		opts[n++] = extra[i];
	opts[n] = (struct option){NULL, 0, NULL, 0};
	c->color_when = "auto";
	optind = 1;
	opterr = 0;
	int ch;
	while ((ch = getopt_long(argc, argv, ":f:l:e:o:hV", opts, NULL)) != -1) {
		int rc = 0;
		switch (ch) {
		case 'f': rc = set_format(c, optarg); break;
		case 'l':
			if (strcmp(optarg, "auto") != 0 && (strlen(optarg) < 2 || strlen(optarg) > 7))
				rc = cov_cli_usage_error(c, "--lang wants a language code such as en, ru, kk, not '%s'",
							 optarg);
			c->po.language = optarg;
			break;
		case 'e': c->po.encoding = optarg; break;
		case 'o': c->output = optarg; break;
		case 'C':
			if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never"))
				rc = cov_cli_usage_error(c, "--color wants auto, always or never, not '%s'", optarg);
			c->color_when = optarg;
			break;
		case 'D': c->data_dir = optarg; break;
		case 'M': rc = set_max_size(c, optarg); break;
		case 'I': rc = set_input_format(c, optarg); break;
		case 'G': c->glob = optarg; break;
		case 'B':
			if (!*optarg)
				rc = cov_cli_usage_error(c, "--db wants the path of a library file");
			c->db = optarg;
			break;
		case 'h': fputs(c->usage, stdout); return 0;
		case 'V': return cov_cli_version();
		case ':': {
			char opt[128];
			option_text(opt, sizeof opt, argc, argv, 0);
			return cov_cli_usage_error(c, "option %s wants a value", opt);
		}
		case '?': {
			char opt[128];
			option_text(opt, sizeof opt, argc, argv, optopt);
			return cov_cli_usage_error(c, "unknown option %s", opt);
		}
		default:
			rc = on_extra ? on_extra(ch, optarg, ctx) : cov_cli_usage_error(c, "unknown option");
		}
		if (rc)
			return rc;
	}
	bool text = c->format == COV_CLI_TEXT || c->format == COV_CLI_TREE;
	c->color = cov_cli_color(c->color_when, text, c->output);
	return -1;
}
