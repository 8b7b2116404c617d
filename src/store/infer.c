/*
 * infer.c — what a file's name says about the version in it, so a corpus
 * can be imported without a manifest:
 *   Adilet      k950001000_.01-01-2023.rus.pdf   document id, consolidation date, language (KZ)
 *   dated       constitution_ru_2014-03-21.txt   kind, country, date
 *               constitution_kz_1995_ru_ed2007-2009.md  kind, country, year, language
 *   Constitute  Chile_1980.txt                   country, year
 *   a directory named by a year                  1994/constitution.txt
 * Nothing here is trusted over a flag: the import command lets flags win
 * and says what it took from the name.
 */
#include "store.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

static void upper(char *s)
{
	for (; *s; s++)
		*s = (char)toupper((unsigned char)*s);
}

/* Adilet: [kz]NNNNNNNNN[N|_].DD-MM-YYYY.(rus|kaz|eng).ext */
static bool adilet(const char *name, cov_store_inferred *inf)
{
	const char *dot = strchr(name, '.');
	if (!dot || (name[0] != 'k' && name[0] != 'z' && name[0] != 'K' && name[0] != 'Z'))
		return false;
	size_t idl = (size_t)(dot - name);
	if (idl < 9 || idl > 12 || !digits(name + 1, 9))
		return false;
	const char *d = dot + 1;
	if (strlen(d) < 14 || !digits(d, 2) || d[2] != '-' || !digits(d + 3, 2) || d[5] != '-' || !digits(d + 6, 4) ||
	    d[10] != '.')
		return false;
	char id[16];
	snprintf(id, sizeof id, "%.*s", (int)idl, name);
	while (*id && id[strlen(id) - 1] == '_')
		id[strlen(id) - 1] = 0;
	lower(id);
	snprintf(inf->work, sizeof inf->work, "kz-adilet-%s", id);
	snprintf(inf->country, sizeof inf->country, "KZ");
	snprintf(inf->consolidated, sizeof inf->consolidated, "%.4s-%.2s-%.2s", d + 6, d + 3, d);
	snprintf(inf->date, sizeof inf->date, "%s", inf->consolidated);
	const char *l = d + 11;
	if (strncmp(l, "rus.", 4) == 0)
		snprintf(inf->lang, sizeof inf->lang, "ru");
	else if (strncmp(l, "kaz.", 4) == 0)
		snprintf(inf->lang, sizeof inf->lang, "kk");
	else if (strncmp(l, "eng.", 4) == 0)
		snprintf(inf->lang, sizeof inf->lang, "en");
	if (tolower((unsigned char)name[0]) == 'z')
		snprintf(inf->kind, sizeof inf->kind, "law");
	snprintf(inf->how, sizeof inf->how, "Adilet name: document %s, consolidated %s", id, inf->consolidated);
	return true;
}

/* kind_CC_YYYY-MM-DD…  or  kind_CC_YYYY_LL… */
static bool dated(const char *name, cov_store_inferred *inf)
{
	static const char *const kinds[] = {"constitution", "law", "code", "treaty", "bill"};
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		size_t kl = strlen(kinds[k]);
		const char *p = name + kl;
		if (strncmp(name, kinds[k], kl) != 0 || *p != '_' || !isalpha((unsigned char)p[1]) ||
		    !isalpha((unsigned char)p[2]) || p[3] != '_' || !digits(p + 4, 4))
			continue;
		char cc[3] = {p[1], p[2], 0};
		const char *d = p + 4;
		if (d[4] == '-' && digits(d + 5, 2) && d[7] == '-' && digits(d + 8, 2))
			snprintf(inf->date, sizeof inf->date, "%.10s", d);
		else if (!isdigit((unsigned char)d[4]))
			snprintf(inf->date, sizeof inf->date, "%.4s-01-01", d);
		else
			continue;
		if (d[4] != '-' && d[4] == '_' && isalpha((unsigned char)d[5]) && isalpha((unsigned char)d[6]) &&
		    !isalpha((unsigned char)d[7]))
			snprintf(inf->lang, sizeof inf->lang, "%c%c", d[5], d[6]);
		lower(cc);
		snprintf(inf->work, sizeof inf->work, "%s-%s", cc, kinds[k]);
		upper(cc);
		snprintf(inf->country, sizeof inf->country, "%s", cc);
		snprintf(inf->kind, sizeof inf->kind, "%s", kinds[k]);
		snprintf(inf->how, sizeof inf->how, "%s_CC_%s name", kinds[k], d[4] == '-' ? "DATE" : "YEAR");
		return true;
	}
	return false;
}

/* Constitute Project: Country_Name_YYYY.txt */
static bool constitute(const char *name, cov_store_inferred *inf)
{
	const char *dot = strrchr(name, '.');
	size_t n = dot ? (size_t)(dot - name) : strlen(name);
	if (n < 6 || !isupper((unsigned char)name[0]) || name[n - 5] != '_' || !digits(name + n - 4, 4))
		return false;
	char country[64];
	size_t cl = n - 5 < sizeof country - 1 ? n - 5 : sizeof country - 1;
	for (size_t i = 0; i < cl; i++) {
		char c = name[i];
		if (!isalnum((unsigned char)c) && c != '_' && c != '-' && c != '\'')
			return false;
		country[i] = c == '_' ? ' ' : c;
	}
	country[cl] = 0;
	snprintf(inf->country, sizeof inf->country, "%s", country);
	snprintf(inf->date, sizeof inf->date, "%.4s-01-01", name + n - 4);
	snprintf(inf->kind, sizeof inf->kind, "constitution");
	char work[64];
	size_t w = 0;
	for (size_t i = 0; i < cl && w < 60; i++) {
		char c = (char)tolower((unsigned char)country[i]);
		if (isalnum((unsigned char)c))
			work[w++] = c;
		else if (w && work[w - 1] != '-')
			work[w++] = '-';
	}
	work[w] = 0;
	snprintf(inf->work, sizeof inf->work, "%.60s-constitution", work);
	snprintf(inf->how, sizeof inf->how, "Country_Year name (Constitute): %s, %.4s", country, name + n - 4);
	return true;
}

/* The directory holding the file named by a year: 1994/, 2022_rc1/. */
static bool year_dir(const char *path, cov_store_inferred *inf)
{
	const char *b = base(path);
	if (b == path)
		return false;
	const char *end = b - 1, *start = end;
	while (start > path && start[-1] != '/')
		start--;
	if (end - start < 4 || !digits(start, 4) || (end - start > 4 && (start[4] == '-' ? false : start[4] != '_')))
		return false;
	if (end - start > 4 && start[4] == '-')
		return false;
	snprintf(inf->date, sizeof inf->date, "%.4s-01-01", start);
	snprintf(inf->how, sizeof inf->how, "directory %.*s: year %.4s", (int)(end - start), start, start);
	return true;
}

void cov_store_infer(const char *path, cov_store_inferred *inf)
{
	memset(inf, 0, sizeof *inf);
	const char *name = base(path);
	if (adilet(name, inf) || dated(name, inf) || constitute(name, inf))
		return;
	year_dir(path, inf);
}
