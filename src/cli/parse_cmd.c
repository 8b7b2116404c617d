/*
 * parse_cmd.c — `covenant parse FILE|- [--format json|tree|akn|md]`.
 */
#include "cli.h"
#include "../util/util.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char parse_usage[] =
	"usage: covenant parse FILE|- [options]\n"
	"\n"
	"Read a constitution or law (text or Markdown in UTF-8 or a legacy encoding,\n"
	"HTML, PDF with a text layer, DOCX, Akoma Ntoso XML or AKN-HTML — recognised by\n"
	"content; '-' reads standard input) and print the tree of units a lawyer cites:\n"
	"preface, preamble, parts,\n"
	"chapters, sections, articles, paragraphs and points, each with its number,\n"
	"heading, Akoma Ntoso eId, line and byte span.\n"
	"\n"
	"options:\n"
	"  -f, --format FMT     json (default; docs/json.md), tree (an outline),\n"
	"                       akn (Akoma Ntoso 3.0 XML), md (Markdown)\n"
	"  -l, --lang LANG      auto (default), en, ru, kk, … (see data/lang/)\n"
	"  -e, --encoding NAME  the input's encoding (windows-1251, koi8-r, utf-16le, …);\n"
	"                       by default UTF-8, or a legacy encoding detected and reported\n"
	"      --input-format F auto (default: sniffed from the content), text, html, pdf,\n"
	"                       docx, akn\n"
	"  -o, --output FILE    write to FILE (atomically) instead of standard output\n"
	"      --max-size MB    refuse inputs larger than MB megabytes (default 64)\n"
	"      --data DIR       covenant's data directory\n"
	"  -h, --help           this help\n"
	"\n"
	"exit codes: 0 ok, 1 internal error, 2 usage, 3 unreadable or invalid input,\n"
	"            4 missing or malformed data files\n";

int cov_cli_parse(int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},   {"lang", required_argument, NULL, 'l'},
		{"encoding", required_argument, NULL, 'e'}, {"output", required_argument, NULL, 'o'},
		{"data", required_argument, NULL, 'D'},     {"max-size", required_argument, NULL, 'M'},
		{"input-format", required_argument, NULL, 'I'}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	cov_render_format fmt = COV_RENDER_JSON;
	cov_parse_options po = {0};
	const char *output = NULL, *data_dir = NULL;
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, "f:l:e:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "json") == 0)
				fmt = COV_RENDER_JSON;
			else if (strcmp(optarg, "tree") == 0)
				fmt = COV_RENDER_TREE;
			else if (strcmp(optarg, "akn") == 0 || strcmp(optarg, "xml") == 0)
				fmt = COV_RENDER_AKN;
			else if (strcmp(optarg, "md") == 0 || strcmp(optarg, "markdown") == 0)
				fmt = COV_RENDER_MARKDOWN;
			else {
				fprintf(stderr, "covenant: unknown format '%s' (json, tree, akn, md)\n", optarg);
				return 2;
			}
			break;
		case 'l': po.language = optarg; break;
		case 'e': po.encoding = optarg; break;
		case 'o': output = optarg; break;
		case 'D': data_dir = optarg; break;
		case 'M': {
			char *end;
			double mb = strtod(optarg, &end);
			if (*end || mb <= 0 || mb > 4096) {
				fprintf(stderr, "covenant: --max-size wants megabytes between 0 and 4096, not '%s'\n", optarg);
				return 2;
			}
			po.max_bytes = (size_t)(mb * 1048576.0);
			break;
		}
		case 'I':
			if (strcmp(optarg, "text") == 0 || strcmp(optarg, "md") == 0)
				po.format = COV_FORMAT_TEXT;
			else if (strcmp(optarg, "html") == 0)
				po.format = COV_FORMAT_HTML;
			else if (strcmp(optarg, "pdf") == 0)
				po.format = COV_FORMAT_PDF;
			else if (strcmp(optarg, "docx") == 0)
				po.format = COV_FORMAT_DOCX;
			else if (strcmp(optarg, "akn") == 0 || strcmp(optarg, "xml") == 0)
				po.format = COV_FORMAT_AKN;
			else if (strcmp(optarg, "auto") == 0)
				po.format = COV_FORMAT_AUTO;
			else {
				fprintf(stderr, "covenant: unknown input format '%s' (auto, text, html, pdf, docx, akn)\n", optarg);
				return 2;
			}
			break;
		case 'h': fputs(parse_usage, stdout); return 0;
		default: fputs(parse_usage, stderr); return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "covenant: parse wants exactly one FILE (or - for standard input)\n\n%s", parse_usage);
		return 2;
	}
	if (po.language && strcmp(po.language, "auto") != 0 &&
	    (strlen(po.language) < 2 || strlen(po.language) > 7)) {
		fprintf(stderr, "covenant: --lang wants a language code such as en, ru, kk, not '%s'\n", po.language);
		return 2;
	}
	cov_data *data;
	int rc = cov_data_open(data_dir, &data);
	if (rc)
		return cov_cli_fail(rc);
	cov_doc *doc;
	rc = cov_doc_parse_file(data, argv[optind], &po, &doc);
	if (rc) {
		cov_data_free(data);
		return cov_cli_fail(rc);
	}
	char *s;
	size_t len;
	rc = cov_render_string(doc, fmt, &s, &len);
	if (rc == COV_OK) {
		rc = cov_cli_write_output(output, s, len);
		free(s);
	}
	cov_doc_free(doc);
	cov_data_free(data);
	return rc ? cov_cli_fail(rc) : 0;
}
