/*
 * cli.h — the subcommands of the `covenant` binary.
 */
#ifndef COV_CLI_H
#define COV_CLI_H

#include "covenant.h"

#include <stdbool.h>

int cov_cli_parse(int argc, char **argv);
int cov_cli_check(int argc, char **argv);
int cov_cli_diff(int argc, char **argv);
/* Print "covenant: <last error>" and return the exit code for `status`. */
int cov_cli_fail(int status);
int cov_cli_exit_code(int status);
/* "text", "json", "md" → format; prints the error and returns false otherwise. */
bool cov_cli_review_format(const char *name, cov_review_format *fmt);
/* --color auto|always|never → whether to colour; -1 (after printing why) if invalid. */
int cov_cli_color(const char *when, bool text, const char *output);
/* Write `len` bytes to `path` atomically (temporary file, then rename),
 * or to stdout when path is NULL or "-". */
int cov_cli_write_output(const char *path, const char *s, size_t len);

#endif
