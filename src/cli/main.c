/*
 * main.c — the `covenant` command: subcommand dispatch, --help, --version
 * and the exit codes every subcommand shares (documented in the man page
 * and README): 0 ok, 1 internal error, 2 usage, 3 unreadable or invalid
 * input, 4 missing or malformed data/.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
	"usage: covenant <command> [options] [FILE…]\n"
	"\n"
	"covenant reads constitutions and laws, finds their structure and checks\n"
	"the rights they grant against the ICCPR.\n"
	"\n"
	"commands:\n"
	"  parse FILE|-    the tree of parts, chapters, articles, paragraphs and points\n"
	"  check FILE…     rights and their restrictions, checked against the ICCPR\n"
	"  diff OLD NEW    two versions aligned article by article, and the rights impact\n"
	"  help [COMMAND]  this text, or a command's own help\n"
	"\n"
	"options for every command:\n"
	"  --data DIR      where covenant's data/ lives (default: next to the binary,\n"
	"                  $COVENANT_DATA, or the install location)\n"
	"  -h, --help      help\n"
	"  --version       print the version\n"
	"\n"
	"exit codes: 0 ok, 1 internal error, 2 usage, 3 unreadable or invalid input,\n"
	"            4 missing or malformed data files, 5 check --fail-on reached\n";

int cov_cli_exit_code(int status)
{
	switch (status) {
	case COV_OK: return 0;
	case COV_EUSAGE: return 2;
	case COV_EINPUT:
	case COV_EIO: return 3;
	case COV_EDATA: return 4;
	default: return 1;
	}
}

int cov_cli_fail(int status)
{
	fprintf(stderr, "covenant: %s\n", cov_error_last());
	return cov_cli_exit_code(status);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
		printf("covenant %s (JSON format %d)\n", COV_VERSION, COV_JSON_FORMAT);
		return 0;
	}
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
		fputs(usage, stdout);
		return 0;
	}
	if (strcmp(cmd, "help") == 0) {
		char *args[] = {argv[0], "--help", NULL};
		if (argc > 2 && strcmp(argv[2], "parse") == 0)
			return cov_cli_parse(2, args);
		if (argc > 2 && strcmp(argv[2], "check") == 0)
			return cov_cli_check(2, args);
		if (argc > 2 && strcmp(argv[2], "diff") == 0)
			return cov_cli_diff(2, args);
		fputs(usage, stdout);
		return 0;
	}
	if (strcmp(cmd, "parse") == 0)
		return cov_cli_parse(argc - 1, argv + 1);
	if (strcmp(cmd, "check") == 0)
		return cov_cli_check(argc - 1, argv + 1);
	if (strcmp(cmd, "diff") == 0)
		return cov_cli_diff(argc - 1, argv + 1);
	fprintf(stderr, "covenant: unknown command '%s'\n\n%s", cmd, usage);
	return 2;
}
