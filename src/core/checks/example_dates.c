/* SPDX-License-Identifier: MIT */
/*
 * example_dates.c: when an example happened. Reads the start and end dates
 * as users write them ("2021-03", "March 2021", "FY2019", "present"), finds
 * the latest year an undated example's prose gives ("in 2012", "2009-2011")
 * and runs example_too_old, with the missing_part findings for missing
 * dates. Word lists "date-cues" and "date-not-when" come from dictionaries/.
 * Prints nothing, keeps no state.
 */
#include "config.h"
#include "checks/project_rules.h"
#include "checks/project_run.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* ---- dates as users write them ------------------------------------------ */

static const char *const months[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

/* Month from a name or its abbreviation of three letters or more ("Sept."). */
static int
month_of_name(const char *s, size_t n)
{
	int m;

	if (n > 0 && s[n - 1] == '.')
		n--;
	if (n < 3)
		return 0;
	for (m = 0; m < 12; m++)
		if (n <= strlen(months[m]) && strncasecmp(s, months[m], n) == 0)
			return m + 1;
	if (n == 4 && strncasecmp(s, "sept", 4) == 0)
		return 9;
	return 0;
}

static bool
all_digits(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return false;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static int
plausible(int y, int m, int *year, int *month)
{
	if (y < 1900 || y > 2200 || m < 0 || m > 12)
		return -1;
	*year = y;
	*month = m;
	return 1;
}

int
project_rules_parse_date(const char *s, int *year, int *month)
{
	char buf[64], *parts[4];
	size_t n, np = 0, i;
	char *p;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '.' || s[n - 1] == ','))
		n--;
	if (n == 0 || n >= sizeof buf)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (strcasecmp(buf, "present") == 0 || strcasecmp(buf, "current") == 0 ||
	    strcasecmp(buf, "now") == 0 || strcasecmp(buf, "ongoing") == 0 ||
	    strcasecmp(buf, "today") == 0 || strcasecmp(buf, "date") == 0)
		return 0;
	/* A fiscal year, "FY2019" or "FY 2019", reads as its year. */
	if (strncasecmp(buf, "fy", 2) == 0) {
		const char *y = buf + 2 + (buf[2] == ' ');

		if (strlen(y) == 4 && all_digits(y, 4))
			return plausible(atoi(y), 0, year, month);
		return -1;
	}
	/* Split on '-', '/', ' ', ','. */
	for (p = buf; *p != '\0' && np < 4;) {
		while (*p == '-' || *p == '/' || *p == ' ' || *p == ',' || *p == '\t')
			*p++ = '\0';
		if (*p == '\0')
			break;
		parts[np++] = p;
		while (*p != '\0' && *p != '-' && *p != '/' && *p != ' ' && *p != ',' && *p != '\t')
			p++;
	}
	if (np == 0 || *p != '\0')
		return -1;
	for (i = 0; i < np; i++)
		if (!all_digits(parts[i], strlen(parts[i])) &&
		    month_of_name(parts[i], strlen(parts[i])) == 0)
			return -1;
	if (np == 1 && strlen(parts[0]) == 4 && all_digits(parts[0], 4))
		return plausible(atoi(parts[0]), 0, year, month);
	if (np >= 2 && np <= 3) {
		size_t l0 = strlen(parts[0]), llast = strlen(parts[np - 1]);
		int m0 = all_digits(parts[0], l0) ? 0 : month_of_name(parts[0], l0);

		if (l0 == 4 && all_digits(parts[0], 4) && all_digits(parts[1], strlen(parts[1])))
			return plausible(atoi(parts[0]), atoi(parts[1]), year, month);   /* 2021-03[-15] */
		if (llast == 4 && all_digits(parts[np - 1], 4)) {
			if (np == 3 && month_of_name(parts[1], strlen(parts[1])) > 0)
				return plausible(atoi(parts[2]),
				    month_of_name(parts[1], strlen(parts[1])), year, month); /* 15 March 2021 */
			if (m0 > 0)
				return plausible(atoi(parts[np - 1]), m0, year, month); /* March [15,] 2021 */
			if (all_digits(parts[0], l0) && l0 <= 2)
				return plausible(atoi(parts[np - 1]), atoi(parts[0]), year, month); /* 03/2021, 3/15/2021 */
		}
	}
	return -1;
}

/* ---- dates written in the prose ----------------------------------------- */

/* A year written in an example's text and where it is. */
struct prose_year {
	int year;               /* 0: none */
	int field;              /* EX_TITLE..EX_RESULT */
	size_t off, len;        /* the year as written ("FY2014", "2012") */
};

static bool
is_year_at(const char *s, size_t n, size_t i)
{
	int y;

	if (i + 4 > n || !isdigit((unsigned char)s[i]) || !isdigit((unsigned char)s[i + 1]) ||
	    !isdigit((unsigned char)s[i + 2]) || !isdigit((unsigned char)s[i + 3]))
		return false;
	if (i + 4 < n && (isalnum((unsigned char)s[i + 4]) || s[i + 4] == '%' ||
	    (s[i + 4] == ',' && i + 5 < n && isdigit((unsigned char)s[i + 5]))))
		return false;   /* "20125", "2012%", "2,012,000" */
	y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
	return y >= 1950 && y <= 2039;
}

/* Length of a dash joining a range ("-", en dash, em dash) at s, or 0. */
static size_t
range_dash(const char *s, size_t n)
{
	if (n >= 1 && *s == '-')
		return 1;
	if (n >= 3 && (strncmp(s, "\xe2\x80\x93", 3) == 0 || strncmp(s, "\xe2\x80\x94", 3) == 0))
		return 3;
	return 0;
}

/* Whether the sentence around s[i] holds a word of the list (lower-cased). */
static bool
sentence_has(const char *s, size_t n, size_t i, const struct wordlist *l)
{
	size_t a = i, b = i;

	if (l == NULL)
		return false;
	while (a > 0 && s[a - 1] != '.' && s[a - 1] != '!' && s[a - 1] != '?' && s[a - 1] != '\n' &&
	    s[a - 1] != ';')
		a--;
	while (b < n && s[b] != '.' && s[b] != '!' && s[b] != '?' && s[b] != '\n' && s[b] != ';')
		b++;
	while (a < b) {
		char w[32];
		size_t k = 0;

		while (a < b && !isalpha((unsigned char)s[a]))
			a++;
		while (a < b && isalpha((unsigned char)s[a])) {
			if (k + 1 < sizeof w)
				w[k++] = (char)tolower((unsigned char)s[a]);
			a++;
		}
		w[k] = '\0';
		if (k > 0 && wordlist_contains(l, w))
			return true;
	}
	return false;
}

/* "to 2015 employees": the number counts something (a lower-case plural
 * right after it), so it is not a year. */
static bool
counted_after(const char *s, size_t n, size_t i)
{
	size_t a, e;

	if (i >= n || s[i] != ' ')
		return false;
	a = e = i + 1;
	while (e < n && islower((unsigned char)s[e]))
		e++;
	if (e < n && isalpha((unsigned char)s[e]))
		return false;
	return e - a > 3 && s[e - 1] == 's' && strncmp(s + a, "this", 4) != 0;
}

/* The word before s[i] (lower-cased into w), skipping blanks and "(". */
static void
word_before(const char *s, size_t i, char w[32])
{
	size_t e = i, a;

	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '(' || s[e - 1] == '\t'))
		e--;
	a = e;
	while (a > 0 && isalpha((unsigned char)s[a - 1]))
		a--;
	if (e - a >= 32)
		a = e - 31;
	for (i = 0; a + i < e; i++)
		w[i] = (char)tolower((unsigned char)s[a + i]);
	w[i] = '\0';
}

/* The latest year in s that reads as when the story happened: after a word
 * of "date-cues" ("in 2012", "from 2009 to 2011", "fiscal year 2013",
 * "March 2014"), as "FY2014", or in a range "2009-2011". A year in a
 * sentence with a word of "date-not-when" ("the 2010 census", "since 1998",
 * "founded", "Act of 2009") is not taken: it says when something else was. */
static void
latest_prose_year(const char *s, int field, const struct wordlist *cues,
    const struct wordlist *not_when, struct prose_year *best)
{
	size_t n = strlen(s), i;

	for (i = 0; i + 4 <= n; i++) {
		bool fy = i >= 2 && strncasecmp(s + i - 2, "fy", 2) == 0 &&
		    (i == 2 || !isalpha((unsigned char)s[i - 3]));
		size_t d, at = fy ? i - 2 : i;
		bool ok = fy;
		char w[32];
		int y;

		if (i > 0 && isalnum((unsigned char)s[i - 1]) && !fy)
			continue;
		if (!is_year_at(s, n, i) || (i > 0 && (s[i - 1] == '$' || s[i - 1] == '#')))
			continue;
		y = atoi(s + i);
		if (!ok) {
			word_before(s, i, w);
			ok = w[0] != '\0' && cues != NULL && wordlist_contains(cues, w);
		}
		/* The second year of "2009-2011" (or with a dash), or the first. */
		if (!ok && i >= 5 && s[i - 1] == '-' && is_year_at(s, n, i - 5))
			ok = true;
		if (!ok && i >= 7 && range_dash(s + i - 3, 3) == 3 && is_year_at(s, n, i - 7))
			ok = true;
		if (!ok && (d = range_dash(s + i + 4, n - i - 4)) > 0 && is_year_at(s, n, i + 4 + d))
			ok = true;
		if (!ok || sentence_has(s, n, i, not_when) || counted_after(s, n, i + 4))
			continue;
		if (y > best->year) {
			best->year = y;
			best->field = field;
			best->off = at;
			best->len = i + 4 - at;
		}
		i += 3;
	}
}

void
example_dates_check(const struct run *r)
{
	int max_years = (int)framework_rule(r->fw, "max_example_age_years", 10);
	const struct wordlist *cues = r->lists != NULL ? wordlists_get(r->lists, "date-cues") : NULL;
	const struct wordlist *not_when = r->lists != NULL ?
	    wordlists_get(r->lists, "date-not-when") : NULL;
	struct tm tm;
	time_t now = r->now;
	int today;
	size_t i;

	gmtime_r(&now, &tm);
	today = (tm.tm_year + 1900) * 12 + tm.tm_mon;   /* months since year 0 */
	for (i = 0; i < r->p->n_examples; i++) {
		const struct example *ex = &r->p->examples[i];
		const char *start = ex->field[EX_START], *end = ex->field[EX_END];
		struct where w = { ex->ecq, ex->id, EX_END, 0, 0 };
		int y, m, rc;

		if (project_rules_blank(start) && project_rules_blank(end)) {
			struct prose_year py = { 0, 0, 0, 0 };
			int f;

			w.field = EX_START;
			project_rules_emit(r->out, "missing_part", SEV_INFO, &w,
			    "Give the start and end month, e.g. 2021-03 to 2023-06",
			    "The example has no dates; the board checks that examples are recent");
			/* No dates of its own: the latest year its text gives. */
			for (f = EX_TITLE; f <= EX_RESULT && cues != NULL; f++)
				if (f != EX_START && f != EX_END && ex->field[f] != NULL)
					latest_prose_year(ex->field[f], f, cues, not_when, &py);
			if (py.year > 0 && max_years > 0 && today - (py.year * 12 + 11) > max_years * 12) {
				struct where pw = { ex->ecq, ex->id, py.field, py.off, py.len };
				const char *part = py.field == EX_TITLE ? "title" :
				    project_field_name((enum example_field)py.field);

				project_rules_emit(r->out, "example_too_old", SEV_WARNING, &pw,
				    "Give the example's dates, or choose a more recent accomplishment",
				    "The example has no dates, and the %s says %.*s: more than %d years "
				    "ago", part, (int)py.len, ex->field[py.field] + py.off, max_years);
			}
			continue;
		}
		if (!project_rules_blank(start) && project_rules_parse_date(start, &y, &m) < 0) {
			w.field = EX_START;
			w.length = strlen(start);
			project_rules_emit(r->out, "example_too_old", SEV_INFO, &w,
			    "Write the date as YYYY-MM, e.g. 2021-03",
			    "The start date \"%s\" cannot be read", start);
			w.field = EX_END;
			w.length = 0;
		}
		if (project_rules_blank(end)) {
			project_rules_emit(r->out, "missing_part", SEV_INFO, &w,
			    "Give the end month, or \"present\"",
			    "The example has no end date");
			continue;
		}
		rc = project_rules_parse_date(end, &y, &m);
		if (rc < 0) {
			w.length = strlen(end);
			project_rules_emit(r->out, "example_too_old", SEV_INFO, &w,
			    "Write the date as YYYY-MM, e.g. 2023-06, or \"present\"",
			    "The end date \"%s\" cannot be read", end);
			continue;
		}
		if (rc == 0 || max_years <= 0)
			continue;
		/* A year alone counts as its December: give the benefit of the doubt. */
		if (today - (y * 12 + (m == 0 ? 11 : m - 1)) > max_years * 12) {
			w.length = strlen(end);
			project_rules_emit(r->out, "example_too_old", SEV_WARNING, &w,
			    "Choose a more recent accomplishment",
			    "The example ended in %s, more than %d years ago", end, max_years);
		}
	}
}
