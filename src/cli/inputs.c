/*
 * inputs.c — what a command reads: operands expanded (a directory gives
 * every regular file under it, read by content; --glob filters them),
 * standard input at most once, and a warning when a forced --encoding
 * makes mojibake of the text.
 */
#include "cli.h"
#include "../store/store.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unicode/uchar.h>

static void add(cov_cli_inputs *in, const char *path)
{
	if (in->n == in->cap) {
		size_t cap = in->cap ? in->cap * 2 : 16;
		char **p = realloc(in->paths, cap * sizeof *p);
		if (!p) {
			in->errors.oom = true;
			return;
		}
		in->paths = p;
		in->cap = cap;
	}
	char *s = strdup(path);
	if (!s)
		in->errors.oom = true;
	else
		in->paths[in->n++] = s;
}

static void error(cov_cli_inputs *in, const char *path, const char *why)
{
	cov_buf_printf(&in->errors, "covenant: %s: %s\n", path, why);
	in->n_errors++;
}

static bool wanted(const char *glob, const char *rel, const char *name)
{
	if (!glob)
		return true;
	if (strchr(glob, '/'))
		return fnmatch(glob, rel, FNM_PATHNAME) == 0;
	return fnmatch(glob, name, 0) == 0;
}

static int not_hidden(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* Regular files under dir, in name order; directories reached through
 * symbolic links are not followed (no loops). */
static size_t walk(cov_cli_inputs *in, const char *glob, const char *dir, size_t root_len, int depth)
{
	struct dirent **list;
	int n = scandir(dir, &list, not_hidden, alphasort);
	if (n < 0) {
		error(in, dir, strerror(errno));
		return 0;
	}
	size_t found = 0;
	for (int i = 0; i < n; i++) {
		size_t dl = strlen(dir);
		char *full = malloc(dl + strlen(list[i]->d_name) + 2);
		if (full) {
			sprintf(full, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", list[i]->d_name);
			struct stat st;
			if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
				if (depth < 64)
					found += walk(in, glob, full, root_len, depth + 1);
			} else if (stat(full, &st) == 0 && S_ISREG(st.st_mode) &&
				   wanted(glob, full + root_len, list[i]->d_name)) {
				add(in, full);
				found++;
			}
			free(full);
		} else {
			in->errors.oom = true;
		}
		free(list[i]);
	}
	free(list);
	return found;
}

int cov_cli_inputs_expand(const cov_cli_common *c, cov_cli_inputs *in, char **operands, int n)
{
	memset(in, 0, sizeof *in);
	cov_buf_init(&in->errors);
	int stdin_seen = 0;
	for (int i = 0; i < n; i++) {
		const char *op = operands[i];
		struct stat st;
		if (strcmp(op, "-") == 0) {
			if (stdin_seen++)
				return cov_cli_usage_error(c, "standard input can be read only once, but '-' is given twice");
			add(in, op);
		} else if (stat(op, &st) == 0 && S_ISDIR(st.st_mode)) {
			size_t root = strlen(op);
			while (root && op[root - 1] == '/')
				root--;
			if (walk(in, c->glob, op, root + 1, 0) == 0)
				error(in, op, c->glob ? "no file matching --glob in this directory" : "no file in this directory");
		} else {
			add(in, op); /* its error, if any, comes when it is read */
		}
	}
	if (in->errors.oom) {
		fprintf(stderr, "covenant: out of memory\n");
		return 1;
	}
	return -1;
}

void cov_cli_inputs_free(cov_cli_inputs *in)
{
	for (size_t i = 0; i < in->n; i++)
		free(in->paths[i]);
	free(in->paths);
	cov_buf_free(&in->errors);
	memset(in, 0, sizeof *in);
}

/* ---- a forced encoding that gives mojibake ---- */

bool cov_cli_check_encoding(const cov_doc *doc, const cov_parse_options *po)
{
	if (!po->encoding || !*po->encoding || strcmp(po->encoding, "auto") == 0)
		return false;
	size_t len;
	const char *t = cov_doc_text(doc, &len);
	/* Letters by case, and words with a capital right after a small letter
	 * («сТАТЬЯ»): what windows-1251 read as koi8-r (or the reverse, or UTF-8
	 * read as a single-byte code) looks like.  Real text has few capitals
	 * and almost no such words. */
	size_t upper = 0, lower = 0, words = 0, odd = 0, odd_at = 0, odd_end = 0;
	int32_t prev = 0;
	bool in_word = false, word_odd = false;
	size_t word_start = 0, word_letters = 0;
	for (size_t i = 0; i <= len;) {
		size_t at = i;
		int32_t ch = i < len ? cov_utf8_next(t, len, &i) : 0;
		if (i == at)
			i++;
		bool letter = ch && u_isalpha(ch);
		if (letter) {
			if (!in_word) {
				in_word = true, word_odd = false;
				word_start = at, word_letters = 0;
				prev = 0;
			}
			word_letters++;
			if (u_isupper(ch)) {
				upper++;
				if (prev && u_islower(prev))
					word_odd = true;
			} else if (u_islower(ch)) {
				lower++;
			}
			prev = ch;
		} else if (in_word) {
			in_word = false;
			if (word_letters >= 2) {
				words++;
				if (word_odd && odd++ == 0)
					odd_at = word_start, odd_end = at;
			}
		}
	}
	size_t letters = upper + lower;
	if (letters < 20 || words < 3)
		return false;
	bool capitals = upper > lower;
	bool mixed = odd * 10 >= words; /* one word in ten or more */
	if (!capitals && !mixed)
		return false;
	const char *name = cov_doc_name(doc);
	if (strcmp(name, "<stdin>") == 0)
		name = "standard input";
	fprintf(stderr, "covenant: %s: warning: the text read as %s looks garbled (%zu%% of its letters are capitals",
		name, po->encoding, letters ? upper * 100 / letters : 0);
	if (odd) {
		size_t n = odd_end - odd_at;
		while (n > 40 || (n < odd_end - odd_at && ((unsigned char)t[odd_at + n] & 0xC0) == 0x80))
			n--; /* a whole character at the end */
		fprintf(stderr, "; %zu of %zu words mix cases as in «%.*s»", odd, words, (int)n, t + odd_at);
	}
	fprintf(stderr, "): is --encoding %s right?\n", po->encoding);
	return true;
}

int cov_cli_parse_input(const cov_data *data, const cov_cli_common *c, const char *path, cov_doc **out)
{
	struct stat st;
	if (strcmp(path, "-") != 0 && stat(path, &st) != 0 && errno == ENOENT && cov_store_is_ref(path))
		return cov_cli_store_doc(data, c, path, out); /* a stored version (library.c) */
	int rc = cov_doc_parse_file(data, path, &c->po, out);
	if (rc != COV_OK)
		return rc;
	/* How the input was read, when covenant had to guess (an encoding). */
	for (size_t i = 0; cov_doc_warning(*out, i); i++)
		fprintf(stderr, "covenant: %s\n", cov_doc_warning(*out, i));
	cov_cli_check_encoding(*out, &c->po);
	return rc;
}
