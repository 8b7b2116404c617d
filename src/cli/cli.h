/*
 * cli.h — the subcommands of the `covenant` binary.
 */
#ifndef COV_CLI_H
#define COV_CLI_H

#include "covenant.h"

int cov_cli_parse(int argc, char **argv);
int cov_cli_check(int argc, char **argv);
int cov_cli_diff(int argc, char **argv);
/* Print "covenant: <last error>" and return the exit code for `status`. */
int cov_cli_fail(int status);
int cov_cli_exit_code(int status);
/* Write `len` bytes to `path` atomically (temporary file, then rename),
 * or to stdout when path is NULL or "-". */
int cov_cli_write_output(const char *path, const char *s, size_t len);

#endif
