/*
 * output.c — writing results.  To standard output; or to a file, which is
 * replaced atomically when it is a regular file (a temporary file beside
 * it, renamed over it: a failure never leaves half a file), written through
 * symbolic links, with the mode the file had (or the one open() would give
 * a new file), and written in place when it is a device or a FIFO.
 * Colour and wrapping only on a terminal: never when NO_COLOR is set or
 * TERM=dumb, never wrapped when piped.
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/uchar.h>

const char *cov_cli_error_message(void)
{
	static char buf[2048];
	const char *m = cov_error_last();
	cov_buf b;
	cov_buf_init(&b);
	if (strncmp(m, "-: ", 3) == 0) {
		cov_buf_puts(&b, "standard input: ");
		m += 3;
	}
	for (const char *p; (p = strstr(m, "<stdin>")); m = p + 7) {
		cov_buf_put(&b, m, (size_t)(p - m));
		cov_buf_puts(&b, "standard input");
	}
	cov_buf_puts(&b, m);
	snprintf(buf, sizeof buf, "%s", b.ptr && !b.oom ? b.ptr : cov_error_last());
	cov_buf_free(&b);
	return buf;
}

int cov_cli_color(const char *when, bool text, const char *output)
{
	if (strcmp(when, "always") == 0)
		return 1;
	if (strcmp(when, "never") == 0)
		return 0;
	if (strcmp(when, "auto") != 0)
		return -1;
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
	if (no_color && *no_color)
		return 0;
	if (term && strcmp(term, "dumb") == 0)
		return 0;
	return text && (!output || strcmp(output, "-") == 0) && isatty(STDOUT_FILENO);
}

/* ---- files ---- */

static int fail_file(const char *path, const char *what, int e)
{
	fprintf(stderr, "covenant: %s: %s%s%s\n", path, what, *what ? ": " : "", strerror(e));
	return 1;
}

/* Follow the symbolic links of `path` to what they name, even when the
 * last one names nothing yet (a new file is then created there).  Returns
 * a malloc'd path, NULL with errno set on failure. */
static char *resolve(const char *path)
{
	char *cur = strdup(path);
	for (int hops = 0; cur && hops < 40; hops++) {
		struct stat st;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		char *real = realpath(cur, NULL);
		if (real) {
			free(cur);
			return real;
		}
		/* a dangling link: read it and go on from its target */
		char link[PATH_MAX];
		ssize_t n = readlink(cur, link, sizeof link - 1);
		if (n < 0) {
			free(cur);
			return NULL;
		}
		link[n] = '\0';
		char *next;
		if (link[0] == '/') {
			next = strdup(link);
		} else {
			const char *slash = strrchr(cur, '/');
			size_t dl = slash ? (size_t)(slash - cur) + 1 : 0;
			next = malloc(dl + (size_t)n + 1);
			if (next) {
				memcpy(next, cur, dl);
				memcpy(next + dl, link, (size_t)n + 1);
			}
		}
		free(cur);
		cur = next;
	}
	if (cur) {
		free(cur);
		errno = ELOOP;
	}
	return NULL;
}

/* Run the writer on `f`, then flush: 0; or 1 with *io_errno set for an
 * I/O error (the caller says so); or, for any other failure of the
 * writer, the library's message printed and its exit code. */
static int run_writer(FILE *f, cov_cli_writer fn, void *ctx, int *io_errno)
{
	errno = 0;
	int rc = fn(f, ctx);
	int e = errno;
	if (!ferror(f) && fflush(f) != 0)
		e = errno;
	if (ferror(f)) {
		*io_errno = e ? e : EIO;
		return 1;
	}
	*io_errno = 0;
	return rc != COV_OK ? cov_cli_fail(rc) : 0;
}

static int write_in_place(const char *path, cov_cli_writer fn, void *ctx)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return fail_file(path, "", errno);
	FILE *f = fdopen(fd, "w");
	if (!f) {
		int e = errno;
		close(fd);
		return fail_file(path, "", e);
	}
	int e = 0;
	int rc = run_writer(f, fn, ctx, &e);
	if (fclose(f) != 0 && !rc) {
		e = errno;
		rc = 1;
	}
	if (rc && e)
		return fail_file(path, "cannot write", e);
	return rc;
}

static int write_replace(const char *shown, const char *target, const struct stat *old, cov_cli_writer fn, void *ctx)
{
	size_t n = strlen(target);
	char *tmp = malloc(n + 16);
	if (!tmp)
		return fail_file(shown, "", ENOMEM);
	snprintf(tmp, n + 16, "%s.tmpXXXXXX", target);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		return fail_file(shown, "cannot create the file", e);
	}
	mode_t mode;
	if (old) {
		mode = old->st_mode & 07777;
		if (fchown(fd, old->st_uid, old->st_gid) != 0)
			mode &= 0777; /* not ours to give away: no set-id bits */
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	int e = 0, rc = 0;
	const char *what = "cannot write";
	FILE *f = NULL;
	if (fchmod(fd, mode) != 0 || !(f = fdopen(fd, "w"))) {
		e = errno;
		rc = 1;
	} else {
		rc = run_writer(f, fn, ctx, &e);
		if (!rc && fsync(fd) != 0) {
			e = errno;
			rc = 1;
		}
	}
	if ((f ? fclose(f) : close(fd)) != 0 && !rc) {
		e = errno;
		rc = 1;
	}
	if (!rc && rename(tmp, target) != 0) {
		e = errno;
		rc = 1;
		what = "cannot replace the file";
	}
	if (rc) {
		unlink(tmp);
		free(tmp);
		return e ? fail_file(shown, what, e) : rc;
	}
	free(tmp);
	return 0;
}

int cov_cli_write_with(const char *path, cov_cli_writer fn, void *ctx)
{
	if (!path || strcmp(path, "-") == 0) {
		int e = 0;
		int rc = run_writer(stdout, fn, ctx, &e);
		if (rc && e)
			fprintf(stderr, "covenant: cannot write to standard output: %s\n", strerror(e));
		return rc;
	}
	char *target = resolve(path);
	if (!target)
		return fail_file(path, "", errno);
	struct stat st;
	int rc;
	if (stat(target, &st) != 0) {
		if (errno != ENOENT) {
			rc = fail_file(path, "", errno);
		} else {
			rc = write_replace(path, target, NULL, fn, ctx);
		}
	} else if (S_ISDIR(st.st_mode)) {
		rc = fail_file(path, "", EISDIR);
	} else if (S_ISREG(st.st_mode)) {
		/* replaced only when it could have been written: a read-only file stays */
		rc = access(target, W_OK) != 0 ? fail_file(path, "", errno) : write_replace(path, target, &st, fn, ctx);
	} else {
		rc = write_in_place(target, fn, ctx);
	}
	free(target);
	return rc;
}

typedef struct {
	const char *s;
	size_t len;
} string_out;

static int write_string(FILE *f, void *ctx)
{
	const string_out *o = ctx;
	return fwrite(o->s, 1, o->len, f) == o->len ? COV_OK : cov_error_set(COV_EIO, "cannot write the output");
}

int cov_cli_write_output(const char *path, const char *s, size_t len)
{
	string_out o = {s, len};
	return cov_cli_write_with(path, write_string, &o);
}

/* ---- wrapping on a terminal ---- */

int cov_cli_terminal_width(void)
{
	if (!isatty(STDOUT_FILENO))
		return 0;
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *cols = getenv("COLUMNS");
	long n = cols ? strtol(cols, NULL, 10) : 0;
	return n > 0 && n < 10000 ? (int)n : 80;
}

static int char_width(int32_t c)
{
	if (c == 0x200B || c == 0x00AD)
		return 0;
	int8_t type = u_charType(c);
	if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR || type == U_CONTROL_CHAR)
		return 0;
	int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
	return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

/* Columns taken by s[0..n) on a terminal: ANSI escape sequences take none. */
static size_t columns(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] == '\033' && i + 1 < n && s[i + 1] == '[') {
			i += 2;
			while (i < n && !((unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7e))
				i++;
			i++;
			continue;
		}
		w += (size_t)char_width(cov_utf8_next(s, n, &i));
	}
	return w;
}

static void wrap_line(cov_buf *b, const char *s, size_t n, size_t width)
{
	size_t indent = 0;
	while (indent < n && s[indent] == ' ')
		indent++;
	size_t hang = indent + 2;
	if (hang > width / 2)
		hang = indent > width / 2 ? 0 : indent;
	cov_buf_put(b, s, indent);
	size_t col = indent, i = indent;
	bool first = true; /* no word on this output line yet */
	while (i < n) {
		size_t sp = i;
		while (i < n && s[i] == ' ')
			i++;
		size_t ws = i;
		while (i < n && s[i] != ' ')
			i++;
		if (ws == i) { /* trailing spaces */
			cov_buf_put(b, s + sp, i - sp);
			break;
		}
		size_t w = columns(s + ws, i - ws);
		if (!first && col + (ws - sp) + w > width) {
			cov_buf_putc(b, '\n');
			for (size_t k = 0; k < hang; k++)
				cov_buf_putc(b, ' ');
			col = hang;
		} else {
			cov_buf_put(b, s + sp, ws - sp);
			col += ws - sp;
		}
		cov_buf_put(b, s + ws, i - ws);
		col += w;
		first = false;
	}
}

char *cov_cli_wrap(const char *s, size_t len, int width, size_t *out_len)
{
	cov_buf b;
	cov_buf_init(&b);
	cov_buf_grow(&b, len + len / 8 + 16);
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len;
		if (width >= 20 && columns(s + i, end - i) > (size_t)width)
			wrap_line(&b, s + i, end - i, (size_t)width);
		else
			cov_buf_put(&b, s + i, end - i);
		if (nl)
			cov_buf_putc(&b, '\n');
		i = end + 1;
	}
	if (b.oom) {
		cov_buf_free(&b);
		return NULL;
	}
	if (!b.ptr) {
		*out_len = 0;
		return calloc(1, 1);
	}
	return cov_buf_detach(&b, out_len);
}

int cov_cli_emit(const cov_cli_common *c, const char *s, size_t len)
{
	bool to_stdout = !c->output || strcmp(c->output, "-") == 0;
	int width = to_stdout && (c->format == COV_CLI_TEXT || c->format == COV_CLI_TREE) ? cov_cli_terminal_width() : 0;
	if (width <= 0)
		return cov_cli_write_output(c->output, s, len);
	size_t n;
	char *w = cov_cli_wrap(s, len, width, &n);
	if (!w) {
		fprintf(stderr, "covenant: out of memory\n");
		return 1;
	}
	int rc = cov_cli_write_output(c->output, w, n);
	free(w);
	return rc;
}
