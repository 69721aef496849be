/* SPDX-License-Identifier: MIT */
/*
 * project_rules.c: the rules that look at a whole narrative (examples per
 * ECQ, dates, duplicates, budgets, pasted definitions, CCAR completeness).
 * Limits come from the project's framework; word lists from dictionaries/.
 * Prints nothing and keeps no state between calls.
 */
#include "config.h"
#include "checks/project_rules.h"
#include "checks/project_run.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store.h"
#include "text.h"
#include "xalloc.h"

static const struct rule_info info[] = {
	{ "unquantified_result", SEV_WARNING,
	  "a Result with no number, percentage, amount or time", true },
	{ "too_many_examples", SEV_ERROR,
	  "more examples in an ECQ than the framework allows", true },
	{ "duplicate_example", SEV_WARNING,
	  "the same story told in two ECQs", true },
	{ "example_too_old", SEV_WARNING,
	  "an example that ended longer ago than the framework allows", true },
	{ "intro_too_long", SEV_WARNING,
	  "an introduction with more paragraphs than the framework allows", true },
	{ "definition_included", SEV_WARNING,
	  "OPM's definition of an ECQ pasted into the narrative", true },
	{ "missing_part", SEV_WARNING,
	  "an empty Challenge, Context, Action or Result, or a missing title, date or example",
	  true },
	{ "competency_coverage", SEV_WARNING,
	  "an ECQ whose examples show fewer than half of its competencies", true },
	{ "word_budget", SEV_WARNING,
	  "an ECQ far over its share of the narrative's words", true },
	{ NULL, SEV_INFO, NULL, false }
};

const struct rule_info *
project_rules_info(void)
{
	return info;
}

/* ---- emitting ----------------------------------------------------------- */

void
project_rules_emit(struct findings *out, const char *rule, enum severity sev,
    const struct where *w, const char *suggestion, const char *fmt, ...)
{
	struct finding f;
	char *target = NULL;
	va_list ap;
	int n;

	memset(&f, 0, sizeof f);
	f.rule = rule;
	f.severity = sev;
	f.ecq = w->ecq;
	f.example = w->example;
	f.field = w->field;
	f.offset = w->offset;
	f.length = w->length;
	if (w->example >= 0 && w->field >= 0)
		target = store_example_target(w->example, (enum example_field)w->field);
	else if (w->example < 0 && w->ecq >= 0 && w->field == FIELD_INTRO)
		target = xasprintf("intro.%d", w->ecq);
	f.target = target;
	if (w->field == FIELD_INTRO)
		f.field = -1;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	f.message = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	va_start(ap, fmt);
	vsnprintf(f.message, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	va_end(ap);
	f.suggestion = (char *)suggestion;
	findings_add(out, &f);
	free(f.message);
	free(target);
}

/* ---- words -------------------------------------------------------------- */

void
project_rules_words(const char *text, struct words *ws)
{
	struct text_doc doc;
	size_t i;

	memset(ws, 0, sizeof *ws);
	text_analyze(text, strnlen(text, STORE_MAX_TEXT), &doc);
	ws->w = xreallocarray(NULL, doc.n_toks + 1, sizeof *ws->w);
	ws->off = xreallocarray(NULL, doc.n_toks + 1, sizeof *ws->off);
	ws->len = xreallocarray(NULL, doc.n_toks + 1, sizeof *ws->len);
	for (i = 0; i < doc.n_toks; i++) {
		if (doc.toks[i].kind != TOK_WORD && doc.toks[i].kind != TOK_NUMBER)
			continue;
		ws->w[ws->n] = text_tok_lower(&doc, i);
		ws->off[ws->n] = doc.toks[i].off;
		ws->len[ws->n] = doc.toks[i].len;
		ws->n++;
	}
	text_doc_free(&doc);
}

void
project_rules_words_free(struct words *ws)
{
	size_t i;

	for (i = 0; i < ws->n; i++)
		free(ws->w[i]);
	free(ws->w);
	free(ws->off);
	free(ws->len);
	memset(ws, 0, sizeof *ws);
}

uint64_t
project_rules_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/* ---- quantities --------------------------------------------------------- */

bool
project_rules_has_quantity(const char *text, const struct wordlists *lists)
{
	const struct wordlist *qw = lists != NULL ? wordlists_get(lists, "quantity-words") : NULL;
	struct text_doc doc;
	size_t i;
	bool found = false;

	text_analyze(text, strnlen(text, STORE_MAX_TEXT), &doc);
	for (i = 0; i < doc.n_toks && !found; i++) {
		const struct token *t = &doc.toks[i];
		const char *repl;

		if (t->kind == TOK_NUMBER || (t->kind == TOK_WORD && (t->flags & TOKF_DIGIT)))
			found = true;
		else if (t->kind == TOK_PUNCT && t->len == 1 &&
		    (text[t->off] == '%' || text[t->off] == '$'))
			found = true;
		else if (t->kind == TOK_WORD && qw != NULL && wordlist_match(qw, &doc, i, &repl) > 0)
			found = true;
	}
	text_doc_free(&doc);
	return found;
}

/* ---- dates -------------------------------------------------------------- */

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

/* ---- rules -------------------------------------------------------------- */

const char *
project_rules_ecq_title(const struct run *r, int ecq)
{
	return ecq >= 0 && (size_t)ecq < r->fw->n_ecqs ? r->fw->ecqs[ecq].title : "?";
}

bool
project_rules_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

static void
rule_unquantified(const struct run *r)
{
	size_t i;

	for (i = 0; i < r->p->n_examples; i++) {
		const struct example *ex = &r->p->examples[i];
		struct where w = { ex->ecq, ex->id, EX_RESULT, 0, strlen(ex->field[EX_RESULT]) };

		if (project_rules_blank(ex->field[EX_RESULT]) || project_rules_has_quantity(ex->field[EX_RESULT], r->lists))
			continue;
		project_rules_emit(r->out, "unquantified_result", SEV_WARNING, &w,
		    "Add a measure: how many, how much, what percentage, how fast",
		    "The Result has no number, percentage, amount or time span");
	}
}

static void
rule_too_many(const struct run *r)
{
	int max = (int)framework_rule(r->fw, "max_examples_per_ecq", 2);
	size_t e;

	for (e = 0; e < r->fw->n_ecqs; e++) {
		size_t n = project_count_examples(r->p, (int)e);
		const struct example *ex;
		struct where w;

		if (max <= 0 || n <= (size_t)max)
			continue;
		ex = project_example_at(r->p, (int)e, (size_t)max);
		w = (struct where){ (int)e, ex != NULL ? ex->id : -1, -1, 0, 0 };
		project_rules_emit(r->out, "too_many_examples", SEV_ERROR, &w,
		    "Keep the strongest examples and remove the others",
		    "ECQ %zu (%s) has %zu examples; the limit is %d", e + 1,
		    project_rules_ecq_title(r, (int)e), n, max);
	}
}

/* ---- dates written in the prose ------------------------------------------ */

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

static void
rule_dates(const struct run *r)
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

static bool
blank_n(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isspace((unsigned char)s[i]))
			return false;
	return true;
}

/* Counts the paragraphs of s (one non-blank line each, as the editor stores
 * them; blank lines between them do not count) and sets *off_k to where
 * paragraph k (0-based) starts, or to strlen(s) when there are fewer. */
static size_t
count_paragraphs(const char *s, size_t k, size_t *off_k)
{
	size_t n = 0;
	const char *line = s;

	*off_k = strlen(s);
	while (*line != '\0') {
		const char *eol = strchr(line, '\n');
		size_t len = eol != NULL ? (size_t)(eol - line) : strlen(line);

		if (!blank_n(line, len)) {
			if (n == k)
				*off_k = (size_t)(line - s);
			n++;
		}
		if (eol == NULL)
			break;
		line = eol + 1;
	}
	return n;
}

static void
rule_intro(const struct run *r)
{
	int max = (int)framework_rule(r->fw, "max_intro_paragraphs", 2);
	size_t e, n, off;

	if (max <= 0)
		return;
	for (e = 0; e < r->fw->n_ecqs; e++) {
		const char *intro = r->p->intro[e];
		struct where w;

		n = count_paragraphs(intro, (size_t)max, &off);
		if (n <= (size_t)max)
			continue;
		w = (struct where){ (int)e, -1, FIELD_INTRO, off, strlen(intro) - off };
		project_rules_emit(r->out, "intro_too_long", SEV_WARNING, &w,
		    "Keep the introduction to its main points; it counts toward the page limit",
		    "The introduction has %zu paragraphs; the limit is %d", n, max);
	}
}

/* ---- definition_included ------------------------------------------------ */

#define DEF_RUN 6       /* words in a row shared with a definition (narratives share at most 4) */

struct ngram_set {
	uint64_t *keys;         /* open addressing, 0 = empty */
	size_t cap;
};

static uint64_t
ngram_key(const uint64_t *h, size_t i)
{
	uint64_t k = 0;
	size_t j;

	for (j = 0; j < DEF_RUN; j++)
		k = k * 0x100000001B3ULL + h[i + j];
	return k == 0 ? 1 : k;
}

static void
ngram_add(struct ngram_set *s, uint64_t k)
{
	size_t i = (size_t)(k % s->cap);

	while (s->keys[i] != 0 && s->keys[i] != k)
		i = (i + 1) % s->cap;
	s->keys[i] = k;
}

static bool
ngram_has(const struct ngram_set *s, uint64_t k)
{
	size_t i = (size_t)(k % s->cap);

	while (s->keys[i] != 0) {
		if (s->keys[i] == k)
			return true;
		i = (i + 1) % s->cap;
	}
	return false;
}

static uint64_t *
word_hashes(const struct words *ws)
{
	uint64_t *h = xreallocarray(NULL, ws->n + 1, sizeof *h);
	size_t i;

	for (i = 0; i < ws->n; i++)
		h[i] = project_rules_hash(ws->w[i]);
	return h;
}

static void
check_definition(const struct run *r, const struct ngram_set *set, int ecq,
    int64_t example, int field, const char *text)
{
	struct words ws;
	uint64_t *h;
	size_t i;

	if (project_rules_blank(text))
		return;
	project_rules_words(text, &ws);
	h = word_hashes(&ws);
	for (i = 0; i + DEF_RUN <= ws.n; i++) {
		size_t end;
		struct where w;

		if (!ngram_has(set, ngram_key(h, i)))
			continue;
		/* Extend over every following n-gram that is also in a definition. */
		end = i + DEF_RUN;
		while (end < ws.n && ngram_has(set, ngram_key(h, end + 1 - DEF_RUN)))
			end++;
		w = (struct where){ ecq, example, field, ws.off[i],
		    ws.off[end - 1] + ws.len[end - 1] - ws.off[i] };
		project_rules_emit(r->out, "definition_included", SEV_WARNING, &w,
		    "Show the qualification through your own accomplishments instead",
		    "This repeats OPM's definition of the ECQ (%zu words in a row)", end - i);
		i = end - 1;
	}
	free(h);
	project_rules_words_free(&ws);
}

static void
rule_definition(const struct run *r)
{
	struct ngram_set set;
	size_t e, i, total = 0;
	int f;

	/* One set over every definition: pasting another ECQ's counts too. */
	for (e = 0; e < r->fw->n_ecqs; e++)
		total += text_count_words(r->fw->ecqs[e].definition,
		    strlen(r->fw->ecqs[e].definition)) + 1;
	set.cap = 2 * total + 17;
	set.keys = xcalloc(set.cap, sizeof *set.keys);
	for (e = 0; e < r->fw->n_ecqs; e++) {
		struct words ws;
		uint64_t *h;

		project_rules_words(r->fw->ecqs[e].definition, &ws);
		h = word_hashes(&ws);
		for (i = 0; i + DEF_RUN <= ws.n; i++)
			ngram_add(&set, ngram_key(h, i));
		free(h);
		project_rules_words_free(&ws);
	}
	for (e = 0; e < r->fw->n_ecqs; e++)
		check_definition(r, &set, (int)e, -1, FIELD_INTRO, r->p->intro[e]);
	for (i = 0; i < r->p->n_examples; i++) {
		const struct example *ex = &r->p->examples[i];

		for (f = EX_CHALLENGE; f <= EX_RESULT; f++)
			check_definition(r, &set, ex->ecq, ex->id, f, ex->field[f]);
	}
	free(set.keys);
}

/* True when text is only a placeholder ("TBD", "[to be written]"). */
static bool
placeholder(const struct run *r, const char *text)
{
	const struct wordlist *l = r->lists != NULL ? wordlists_get(r->lists, "placeholders") : NULL;
	char buf[64];
	size_t a = 0, b = strlen(text), n = 0;
	bool space = false;

	if (l == NULL)
		return false;
	while (a < b && (isspace((unsigned char)text[a]) || strchr("[(*_", text[a]) != NULL))
		a++;
	while (b > a && (isspace((unsigned char)text[b - 1]) || strchr("])*_.!:", text[b - 1]) != NULL))
		b--;
	if (a == b)
		return b < strlen(text) && strchr(text, '.') != NULL;   /* "..." */
	if (b - a >= sizeof buf)
		return false;
	for (; a < b; a++) {
		if (isspace((unsigned char)text[a])) {
			space = true;
			continue;
		}
		if (space && n > 0)
			buf[n++] = ' ';
		space = false;
		buf[n++] = (char)tolower((unsigned char)text[a]);
	}
	buf[n] = '\0';
	return wordlist_contains(l, buf);
}

static void
rule_missing(const struct run *r)
{
	int min = (int)framework_rule(r->fw, "min_examples_per_ecq", 1);
	size_t e, i;
	int f;

	for (e = 0; e < r->fw->n_ecqs; e++) {
		struct where w = { (int)e, -1, -1, 0, 0 };

		if (min > 0 && project_count_examples(r->p, (int)e) == 0)
			project_rules_emit(r->out, "missing_part", SEV_WARNING, &w,
			    "Add an example in the Challenge, Context, Action, Result model",
			    "ECQ %zu (%s) has no example", e + 1, project_rules_ecq_title(r, (int)e));
	}
	for (i = 0; i < r->p->n_examples; i++) {
		const struct example *ex = &r->p->examples[i];
		struct where w = { ex->ecq, ex->id, EX_TITLE, 0, 0 };

		if (project_rules_blank(ex->field[EX_TITLE]) || placeholder(r, ex->field[EX_TITLE]))
			project_rules_emit(r->out, "missing_part", SEV_INFO, &w,
			    "Give the example a short title naming the accomplishment",
			    "The example has no title");
		for (f = EX_CHALLENGE; f <= EX_RESULT; f++) {
			const char *hint = r->fw->ccar[f - EX_CHALLENGE];

			if (!project_rules_blank(ex->field[f]) && !placeholder(r, ex->field[f]))
				continue;
			w.field = f;
			w.length = strlen(ex->field[f]);
			project_rules_emit(r->out, "missing_part", SEV_WARNING, &w,
			    hint != NULL && hint[0] != '\0' ? hint : NULL,
			    project_rules_blank(ex->field[f]) ? "The %s is empty" : "The %s is only a placeholder",
			    project_field_name((enum example_field)f));
		}
	}
}

static bool
claims(const struct strlist *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcasecmp(l->items[i], name) == 0)
			return true;
	return false;
}

static void
rule_coverage(const struct run *r)
{
	double min = framework_rule(r->fw, "min_competency_coverage", 0.5);
	size_t e, c, i;

	for (e = 0; e < r->fw->n_ecqs; e++) {
		const struct strlist *comps = &r->fw->ecqs[e].competencies;
		size_t shown = 0, len = 0;
		bool tagged = false;
		char *missing;
		struct where w = { (int)e, -1, -1, 0, 0 };

		if (comps->n == 0 || project_count_examples(r->p, (int)e) == 0)
			continue;
		for (c = 0; c < comps->n; c++)
			len += strlen(comps->items[c]) + 2;
		missing = xcalloc(1, len + 1);
		for (c = 0; c < comps->n; c++) {
			bool found = false;

			for (i = 0; i < r->p->n_examples && !found; i++) {
				if (r->p->examples[i].ecq != (int)e)
					continue;
				if (r->p->examples[i].competencies.n > 0)
					tagged = true;
				if (claims(&r->p->examples[i].competencies, comps->items[c]))
					found = true;
			}
			if (found) {
				shown++;
			} else {
				if (missing[0] != '\0')
					strcat(missing, ", ");
				strcat(missing, comps->items[c]);
			}
		}
		/* Untagged examples cannot be judged (a draft has no tags unless it
		 * has "Competencies:" lines); the review asks the user instead. */
		if (tagged && (double)shown < min * (double)comps->n)
			project_rules_emit(r->out, "competency_coverage", SEV_WARNING, &w,
			    "Mark the competencies each example shows, and show more of them",
			    "The examples of ECQ %zu (%s) show %zu of its %zu competencies; not shown: %s",
			    e + 1, project_rules_ecq_title(r, (int)e), shown, comps->n, missing);
		free(missing);
	}
}

static size_t
count_words(const char *s)
{
	return text_count_words(s, strnlen(s, STORE_MAX_TEXT));
}

static void
rule_budget(const struct run *r)
{
	double tol = framework_rule(r->fw, "word_budget_tolerance", 1.5);
	size_t n = r->fw->n_ecqs, e, i, total = 0;
	size_t *words;
	int f;

	if (n < 2 || tol <= 0)
		return;
	words = xcalloc(n, sizeof *words);
	for (e = 0; e < n; e++)
		words[e] = count_words(r->p->intro[e]);
	for (i = 0; i < r->p->n_examples; i++) {
		const struct example *ex = &r->p->examples[i];

		if (ex->ecq < 0 || (size_t)ex->ecq >= n)
			continue;
		for (f = EX_TITLE; f < EX_FIELD_COUNT; f++)
			if (f != EX_START && f != EX_END)
				words[ex->ecq] += count_words(ex->field[f]);
	}
	/* A share only means something once every ECQ has been written. */
	for (e = 0; e < n; e++) {
		if (words[e] == 0)
			goto done;
		total += words[e];
	}
	for (e = 0; e < n; e++) {
		double share = (double)total / (double)n;
		struct where w = { (int)e, -1, -1, 0, 0 };

		if ((double)words[e] > tol * share)
			project_rules_emit(r->out, "word_budget", SEV_WARNING, &w,
			    "Cut this ECQ down, or give the others more room",
			    "ECQ %zu (%s) has %zu words, %.1f times its share of %.0f "
			    "(the narrative has %zu words)", e + 1, project_rules_ecq_title(r, (int)e),
			    words[e], (double)words[e] / share, share, total);
	}
done:
	free(words);
}

/* "Today": $ECQCOACH_TODAY (YYYY-MM-DD, for tests and for judging a
 * narrative as of a deadline) when set and valid, else the clock. */
static time_t
today(void)
{
	const char *s = getenv("ECQCOACH_TODAY");
	struct tm tm;
	int y, m, d;

	if (s != NULL && sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3 && y >= 1970 &&
	    m >= 1 && m <= 12 && d >= 1 && d <= 31) {
		memset(&tm, 0, sizeof tm);
		tm.tm_year = y - 1900;
		tm.tm_mon = m - 1;
		tm.tm_mday = d;
		tm.tm_hour = 12;
		return timegm(&tm);
	}
	return time(NULL);
}

void
project_rules_run(const struct project *p, const struct wordlists *lists, time_t now,
    struct findings *out)
{
	struct run r;

	if (p == NULL || p->fw == NULL)
		return;
	r.p = p;
	r.fw = p->fw;
	r.lists = lists;
	r.now = now != 0 ? now : today();
	r.out = out;
	rule_unquantified(&r);
	rule_too_many(&r);
	similarity_check_duplicates(&r);
	rule_dates(&r);
	rule_intro(&r);
	rule_definition(&r);
	rule_missing(&r);
	rule_coverage(&r);
	rule_budget(&r);
}
