/*
 * main.c — the `covenant` command: subcommand dispatch, --help, --version
 * and the exit codes every subcommand shares (documented in the man page
 * and README): 0 ok, 1 internal error or output not written, 2 usage,
 * 3 unreadable or invalid input, 4 missing or malformed data/.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#ifndef COV_DATADIR
#define COV_DATADIR "the install location"
#endif

static const char usage[] =
	"usage: covenant <command> [options] [FILE…]\n"
	"\n"
	"covenant reads constitutions and laws, finds their structure and checks\n"
	"the rights they grant against the ICCPR.\n"
	"\n"
	"commands:\n"
	"  parse FILE|-    the tree of parts, chapters, articles, paragraphs and points\n"
	"  check FILE…     rights and their restrictions, checked against the ICCPR\n"
	"                  (a directory: every file under it)\n"
	"  diff OLD NEW    two versions aligned article by article, and the rights impact\n"
	"  refs FILE       its citations («пунктом 2 статьи 72», \"section 12(3)\"), resolved\n"
	"  conform LAW… --from OLD --to NEW\n"
	"                  the laws' citations of a constitution after a new one: renumbered,\n"
	"                  changed, removed; the bodies the new text no longer has\n"
	"  import FILE…    store texts in the library as dated versions of works\n"
	"  show WORK       a stored version: WORK (latest), WORK@DATE, WORK:DATE (in force)\n"
	"  history WORK    a work's timeline: drafts, referendums, in force, amendments\n"
	"  list            the works in the library, their versions and statuses\n"
	"  search QUERY    full-text search of every stored article (stemmed en, ru)\n"
	"  report FILE     one HTML file to read, send or print: summary, rights matrix,\n"
	"                  findings, recommendations, the text (--against OLD: the changes)\n"
	"  serve           the library as a local web app and JSON API (read-only)\n"
	"  db init|copy    make or migrate a library; copy one between SQLite and\n"
	"                  PostgreSQL (--db postgresql://…)\n"
	"  standards [ID…] the treaties check judges against (data/standards/), their\n"
	"                  articles, limits and aims, and the rules citing them\n"
	"  help [COMMAND]  this text, or a command's own help\n"
	"\n"
	"options for every command (see covenant COMMAND --help):\n"
	"  -f, --format FMT, -o, --output FILE, -l, --lang LANG, -e, --encoding NAME,\n"
	"  --input-format F, --max-size MB, --glob PATTERN, --color WHEN,\n"
	"  --db PATH       the library: without it $COVENANT_DB, then\n"
	"                  $XDG_DATA_HOME/covenant/library.db (~/.local/share/…);\n"
	"                  check and diff then also read WORK, WORK@DATE, WORK:DATE\n"
	"  --data DIR      where covenant's data/ lives; without it: $COVENANT_DATA,\n"
	"                  then next to the binary (../data, ../share/covenant),\n"
	"                  then " COV_DATADIR "\n"
	"  -h, --help      help\n"
	"  -V, --version   print the version\n"
	"\n"
	"exit codes: 0 ok, 1 internal error or output not written, 2 usage,\n"
	"            3 unreadable or invalid input, 4 missing or malformed data files,\n"
	"            5 check --fail-on reached\n";

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
	fprintf(stderr, "covenant: %s\n", cov_cli_error_message());
	return cov_cli_exit_code(status);
}

int cov_cli_version(void)
{
	printf("covenant %s (JSON format %d)\n", COV_VERSION, COV_JSON_FORMAT);
	return 0;
}

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} table[] = {
	{"parse", cov_cli_parse},     {"check", cov_cli_check}, {"diff", cov_cli_diff},
	{"import", cov_cli_import},   {"show", cov_cli_show},   {"history", cov_cli_history},
	{"list", cov_cli_list},       {"search", cov_cli_search},
	{"report", cov_cli_report},
	{"serve", cov_cli_serve},
	{"db", cov_cli_db},
	{"standards", cov_cli_standards},
	{"refs", cov_cli_refs},       {"conform", cov_cli_conform},
};
#define N_TABLE (sizeof table / sizeof *table)

static const char *const commands[] = {"parse", "check", "diff", "import", "show", "history",
				       "list", "search", "report", "serve", "db", "standards", "refs", "conform", "help",
				       "version"};

/* Levenshtein distance, for "did you mean". */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 30 || lb > 30)
		return 99;
	size_t row[32];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static int unknown_command(const char *cmd)
{
	const char *best = NULL;
	size_t bd = 3;
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
		size_t d = distance(cmd, commands[i]);
		if (d < bd && d < strlen(commands[i])) {
			bd = d;
			best = commands[i];
		}
	}
	if (cmd[0] == '-')
		fprintf(stderr, "covenant: unknown option %s (see covenant --help)\n", cmd);
	else if (best)
		fprintf(stderr, "covenant: unknown command '%s'; did you mean '%s'? (see covenant --help)\n", cmd, best);
	else
		fprintf(stderr, "covenant: unknown command '%s' (see covenant --help)\n", cmd);
	return 2;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0 || strcmp(cmd, "version") == 0)
		return cov_cli_version();
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
		fputs(usage, stdout);
		return 0;
	}
	if (strcmp(cmd, "help") == 0) {
		char *args[] = {argv[0], "--help", NULL};
		for (size_t i = 0; argc > 2 && i < N_TABLE; i++)
			if (strcmp(argv[2], table[i].name) == 0)
				return table[i].run(2, args);
		if (argc > 2)
			return unknown_command(argv[2]);
		fputs(usage, stdout);
		return 0;
	}
	for (size_t i = 0; i < N_TABLE; i++)
		if (strcmp(cmd, table[i].name) == 0)
			return table[i].run(argc - 1, argv + 1);
	return unknown_command(cmd);
}
