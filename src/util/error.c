/*
 * error.c — the thread-local "last error" of libcovenant (as libgit2's
 * git_error_last and SQLite's sqlite3_errmsg): a failing function records a
 * message a user can act on and returns a negative cov_status.
 */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local char last_error[1024];

const char *cov_error_last(void)
{
	return last_error;
}

int cov_error_set(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_error, sizeof last_error, fmt, ap);
	va_end(ap);
	return status;
}

void cov_error_clear(void)
{
	last_error[0] = '\0';
}
