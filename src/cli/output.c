/*
 * output.c — writing results: to stdout, or to a file through a temporary
 * file renamed into place, so a failure never leaves half a file.
 */
#include "cli.h"
#include "../util/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cov_cli_write_output(const char *path, const char *s, size_t len)
{
	if (!path || strcmp(path, "-") == 0) {
		if (fwrite(s, 1, len, stdout) != len || fflush(stdout) != 0)
			return cov_error_set(COV_EIO, "cannot write to standard output: %s", strerror(errno));
		return COV_OK;
	}
	size_t n = strlen(path);
	char *tmp = malloc(n + 16);
	if (!tmp)
		return cov_error_set(COV_ENOMEM, "out of memory");
	snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		return cov_error_set(COV_EIO, "%s: %s", path, strerror(e));
	}
	FILE *f = fdopen(fd, "wb");
	bool ok = f && fwrite(s, 1, len, f) == len;
	if (f)
		ok = (fclose(f) == 0) && ok;
	else
		close(fd);
	if (!ok || rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		free(tmp);
		return cov_error_set(COV_EIO, "%s: %s", path, strerror(e));
	}
	free(tmp);
	return COV_OK;
}

bool cov_cli_review_format(const char *name, cov_review_format *fmt)
{
	if (strcmp(name, "text") == 0)
		*fmt = COV_REVIEW_TEXT;
	else if (strcmp(name, "json") == 0)
		*fmt = COV_REVIEW_JSON;
	else if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
		*fmt = COV_REVIEW_MARKDOWN;
	else {
		fprintf(stderr, "covenant: unknown format '%s' (text, json, md)\n", name);
		return false;
	}
	return true;
}

int cov_cli_color(const char *when, bool text, const char *output)
{
	if (strcmp(when, "always") == 0)
		return 1;
	if (strcmp(when, "auto") == 0)
		return text && !output && isatty(STDOUT_FILENO);
	if (strcmp(when, "never") == 0)
		return 0;
	fprintf(stderr, "covenant: --color wants auto, always or never\n");
	return -1;
}
