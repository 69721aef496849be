/* SPDX-License-Identifier: MIT */
/*
 * importer.c: recognises the parts of a plain-text or Markdown ECQ draft
 * (headings, introductions, examples, dates, CCAR labels) line by line,
 * then writes them through the store. It records where every stored text
 * came from so `check` can report findings at draft lines. Prints nothing.
 */
#include "config.h"
#include "importer.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "checks/project_rules.h"
#include "xalloc.h"

/* ---- small string helpers ----------------------------------------------- */

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Case-insensitive ASCII prefix test; returns the length matched or 0. */
static size_t
prefix(const char *s, const char *pre)
{
	size_t n = strlen(pre);

	return strncasecmp(s, pre, n) == 0 ? n : 0;
}

/* Dashes and colons that separate a number or label from what follows. */
static size_t
separator(const char *s)
{
	if (*s == ':' || *s == '.' || *s == '-')
		return 1;
	if (strncmp(s, "\xe2\x80\x93", 3) == 0 || strncmp(s, "\xe2\x80\x94", 3) == 0)
		return 3;   /* en dash, em dash */
	return 0;
}

static const char *
skip_spaces(const char *s)
{
	while (is_space(*s))
		s++;
	return s;
}

/* A growing string. */
struct buf {
	char *s;
	size_t len, cap;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* Lower-cased letters and digits of s with single spaces between words
 * and "&" read as "and": "Results-Driven" and "results driven" meet. */
static char *
normalize(const char *s)
{
	struct buf b = { NULL, 0, 0 };
	bool space = false;

	buf_add(&b, "", 0);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '&') {
			if (b.len > 0)
				buf_add(&b, " ", 1);
			buf_add(&b, "and", 3);
			space = true;
		} else if (isalnum(c) || c >= 0x80) {
			char l = (char)tolower(c);

			if (space && b.len > 0)
				buf_add(&b, " ", 1);
			buf_add(&b, &l, 1);
			space = false;
		} else if (c != '\'') {
			space = true;
		}
	}
	return b.s;
}

/* ---- one line, its markup peeled off ------------------------------------ */

struct line {
	size_t off, len;        /* in the draft, without the line end */
};

struct peeled {
	int heading;            /* Markdown heading level (1..6), or 0 */
	bool emphasis;          /* the whole line is bold or italic */
	bool setext;            /* underlined with === or --- */
	const char *body;       /* text with marks removed (points into text) */
	size_t body_len;
};

/* Length of a run of emphasis marks (*, _) at s. */
static size_t
emphasis_marks(const char *s)
{
	size_t n = 0;

	while ((s[n] == '*' || s[n] == '_') && n < 3)
		n++;
	return n;
}

static void
peel(const char *s, size_t len, struct peeled *p)
{
	size_t i = 0, n, open;

	memset(p, 0, sizeof *p);
	while (i < len && is_space(s[i]))
		i++;
	while (len > i && is_space(s[len - 1]))
		len--;
	n = 0;
	while (i + n < len && s[i + n] == '#' && n < 7)
		n++;
	if (n >= 1 && n <= 6 && (i + n == len || is_space(s[i + n]))) {
		p->heading = (int)n;
		i += n;
		while (i < len && is_space(s[i]))
			i++;
		while (len > i && s[len - 1] == '#')   /* closing ### */
			len--;
		while (len > i && is_space(s[len - 1]))
			len--;
	}
	open = emphasis_marks(s + i);
	if (open > 0 && len >= i + 2 * open + 1 &&
	    strncmp(s + len - open, s + i, open) == 0 && !is_space(s[i + open])) {
		/* "**Title**" or "**Title:**"; make sure no mark sits inside. */
		size_t j;
		bool inner = false;

		for (j = i + open; j < len - open; j++)
			if (s[j] == s[i] && (j + 1 < len - open && s[j + 1] == s[i]))
				inner = true;
		if (!inner) {
			p->emphasis = true;
			i += open;
			len -= open;
		}
	}
	p->body = s + i;
	p->body_len = len - i;
}

static bool
underline(const char *s, size_t len)
{
	size_t i = 0, n = 0;
	char c = 0;

	while (i < len && is_space(s[i]))
		i++;
	for (; i < len; i++) {
		if (is_space(s[i]))
			continue;
		if (c == 0)
			c = s[i];
		if (s[i] != c || (c != '=' && c != '-' && c != '*' && c != '_'))
			return false;
		n++;
	}
	return n >= 3;
}

/* ---- dates -------------------------------------------------------------- */

/* Writes a date as the project stores it: "2021-03", "2021" or "present". */
static bool
norm_date(const char *s, size_t n, char out[16])
{
	char tmp[64];
	int y, m, rc;

	while (n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	while (n > 0 && (is_space(s[n - 1]) || s[n - 1] == ')' || s[n - 1] == '*' ||
	    s[n - 1] == '_'))
		n--;
	while (n > 0 && (*s == '(' || *s == '*' || *s == '_')) {
		s++;
		n--;
	}
	if (n == 0 || n >= sizeof tmp)
		return false;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	rc = project_rules_parse_date(tmp, &y, &m);
	if (rc < 0)
		return false;
	if (rc == 0)
		snprintf(out, 16, "present");
	else if (m == 0)
		snprintf(out, 16, "%04d", y);
	else
		snprintf(out, 16, "%04d-%02d", y, m);
	return true;
}

/* Reads "2021-03 to 2023-06", "March 2021 – present", "(2019)" and the
 * like; *single is set when only one date was given. */
static bool
parse_range(const char *s, size_t n, char start[16], char end[16])
{
	static const char *const seps[] = {
		" to ", " through ", " thru ", " until ", "\xe2\x80\x93", "\xe2\x80\x94",
		" - ", "-", NULL
	};
	size_t k, i;
	const char *lab;

	/* "Dates:", "Period:" and similar labels. */
	while (n > 0 && (is_space(*s) || *s == '(' || *s == '*' || *s == '_')) {
		s++;
		n--;
	}
	while (n > 0 && (is_space(s[n - 1]) || s[n - 1] == ')' || s[n - 1] == '*' ||
	    s[n - 1] == '_' || s[n - 1] == '.'))
		n--;
	lab = memchr(s, ':', n);
	if (lab != NULL && (size_t)(lab - s) < 12) {
		size_t l = (size_t)(lab - s);

		if (l > 0 && (prefix(s, "dates") || prefix(s, "date") || prefix(s, "period") ||
		    prefix(s, "timeframe") || prefix(s, "time frame") || prefix(s, "when"))) {
			n -= l + 1;
			s += l + 1;
		}
	}
	if (n >= 6 && prefix(s, "since ") && norm_date(s + 6, n - 6, start)) {
		strcpy(end, "present");
		return true;
	}
	if (n >= 5 && prefix(s, "from ")) {
		s += 5;
		n -= 5;
	}
	for (k = 0; seps[k] != NULL; k++) {
		size_t sl = strlen(seps[k]);

		for (i = 1; i + sl < n; i++) {
			if (strncasecmp(s + i, seps[k], sl) != 0)
				continue;
			if (norm_date(s, i, start) && strcmp(start, "present") != 0 &&
			    norm_date(s + i + sl, n - i - sl, end))
				return true;
		}
	}
	if (norm_date(s, n, start) && strcmp(start, "present") != 0) {
		strcpy(end, start);
		return true;
	}
	return false;
}

/* Splits "Title (2021-03 to 2023-06)" or "Title, 2019 - 2021" into a title
 * length and dates. Returns true when dates were found. */
static bool
split_title_dates(const char *s, size_t n, size_t *title_len, size_t *dates_off,
    char start[16], char end[16])
{
	static const char *const seps[] = {
		" \xe2\x80\x94 ", " \xe2\x80\x93 ", " | ", ", ", ": ", " - ", NULL
	};
	size_t i, k;

	while (n > 0 && is_space(s[n - 1]))
		n--;
	if (n > 0 && s[n - 1] == ')') {
		for (i = n - 1; i-- > 0;) {
			if (s[i] != '(')
				continue;
			if (parse_range(s + i + 1, n - i - 2, start, end)) {
				*title_len = i;
				*dates_off = i + 1;
				return true;
			}
			break;
		}
	}
	for (k = 0; seps[k] != NULL; k++) {
		size_t sl = strlen(seps[k]);

		for (i = n; i-- > 0;) {
			if (i + sl > n || strncmp(s + i, seps[k], sl) != 0)
				continue;
			if (parse_range(s + i + sl, n - i - sl, start, end)) {
				*title_len = i;
				*dates_off = i + sl;
				return true;
			}
			break;
		}
	}
	*title_len = n;
	return false;
}

/* ---- what a line is ----------------------------------------------------- */

enum line_kind {
	L_BLANK,
	L_RULE,         /* ---, ===, *** (and setext underlines) */
	L_ECQ,
	L_EXAMPLE,      /* "Example 1: ..." or a heading inside an ECQ */
	L_LABEL,        /* Challenge/Context/Action/Result */
	L_INTRO,        /* an "Introduction" heading */
	L_TITLE,        /* "Title: ..." */
	L_DATES,        /* "Dates: ..." or a line that is only a date range */
	L_COMPETENCIES,
	L_META,         /* "Name:", "Position:" */
	L_TEXT
};

struct classified {
	enum line_kind kind;
	int ecq;                /* L_ECQ: the index, or -1 when not found */
	bool by_title;          /* L_ECQ: the title matched (not only the number) */
	int field;              /* L_LABEL: EX_CHALLENGE..EX_RESULT; L_META: 0 name, 1 position */
	bool heading;           /* a heading or a line in bold */
	size_t rest;            /* offset in the line of the text after the label */
	size_t title_off, title_len;    /* L_EXAMPLE/L_TITLE: the title in the line */
	size_t dates_off;       /* offset of the dates in the line, if any */
	bool has_dates;
	char start[16], end[16];
};

/* Peels "**Challenge:**", "## Action", "Result -" and the like. Returns the
 * field and sets *rest to where the text after the label starts, or -1. */
static int
match_label(const char *line, size_t len, const struct peeled *pl, size_t *rest)
{
	static const struct {
		const char *word;
		int field;
	} labels[] = {
		{ "challenges", EX_CHALLENGE }, { "challenge", EX_CHALLENGE },
		{ "context", EX_CONTEXT }, { "actions", EX_ACTION }, { "action", EX_ACTION },
		{ "results", EX_RESULT }, { "result", EX_RESULT }, { NULL, 0 }
	};
	const char *s = line, *e = line + len;
	size_t k, m;
	bool colon = false, marks = false;

	while (s < e && is_space(*s))
		s++;
	while (s < e && *s == '#')
		s++;
	s = skip_spaces(s);
	m = emphasis_marks(s);
	s += m;
	marks = m > 0;
	for (k = 0; labels[k].word != NULL; k++) {
		size_t wl = strlen(labels[k].word);

		if ((size_t)(e - s) < wl || strncasecmp(s, labels[k].word, wl) != 0)
			continue;
		if (s + wl < e && isalnum((unsigned char)s[wl]))
			continue;
		s += wl;
		break;
	}
	if (labels[k].word == NULL)
		return -1;
	s += emphasis_marks(s);
	s = skip_spaces(s);
	if (s < e && (*s == ':' || (*s == '-' && s + 1 < e && is_space(s[1])))) {
		colon = true;
		s++;
	} else if (s < e && separator(s) == 3) {
		colon = true;
		s += 3;
	}
	s += emphasis_marks(s);
	s = skip_spaces(s);
	if (s < e && marks && !colon && !pl->emphasis)
		return -1;  /* "**Action** items were ..." */
	if (!colon && s < e)
		return -1;  /* "Results matter." is prose */
	*rest = (size_t)(s - line);
	return labels[k].field;
}

/* The ECQ a heading's text names, by title (also a clear prefix of a long
 * title) or by "ECQ n". */
static int
match_ecq_title(const struct framework *fw, const char *text)
{
	char *t = normalize(text);
	size_t i, tl = strlen(t);
	int found = -1;

	if (tl == 0) {
		free(t);
		return -1;
	}
	for (i = 0; i < fw->n_ecqs && found < 0; i++) {
		char *n = normalize(fw->ecqs[i].title);
		size_t nl = strlen(n);

		if (strcmp(t, n) == 0)
			found = (int)i;
		/* "Commitment to the Rule of Law" for the 2025 ECQ 1. */
		else if (tl >= 12 && tl < nl && strncmp(n, t, tl) == 0 && n[tl] == ' ' &&
		    strchr(t, ' ') != NULL)
			found = (int)i;
		free(n);
	}
	free(t);
	return found;
}

/* Returns the length of "ECQ 1", "ECQ #1", "ECQ1" at s, with the number. */
static size_t
ecq_number(const char *s, size_t n, int *num)
{
	size_t i = prefix(s, "ecq");

	if (i == 0)
		return 0;
	while (i < n && (is_space(s[i]) || s[i] == '#'))
		i++;
	if (i >= n || !isdigit((unsigned char)s[i]))
		return 0;
	*num = 0;
	while (i < n && isdigit((unsigned char)s[i]) && *num < 1000)
		*num = *num * 10 + (s[i++] - '0');
	if (i < n && isalnum((unsigned char)s[i]))
		return 0;
	return i;
}

static void
strip_end(const char *s, size_t *n)
{
	while (*n > 0 && (is_space(s[*n - 1]) || s[*n - 1] == ':' || s[*n - 1] == '*' ||
	    s[*n - 1] == '_'))
		(*n)--;
}

static bool
classify_ecq(const struct framework *fw, const struct peeled *pl, struct classified *c)
{
	const char *b = pl->body;
	size_t n = pl->body_len, i;
	int num = 0;
	char *rest;
	int by_title;

	i = ecq_number(b, n, &num);
	if (i > 0) {
		size_t sl;

		while (i < n && is_space(b[i]))
			i++;
		sl = separator(b + i);
		if (sl == 0 && i < n && b[i] == ',')
			sl = 1;
		if (sl > 0) {
			i += sl;
			while (i < n && is_space(b[i]))
				i++;
		}
		strip_end(b, &n);
		rest = xstrndup(b + i, n > i ? n - i : 0);
		by_title = match_ecq_title(fw, rest);
		/* A plain line needs a separator or a matching title: "ECQ 2 was hard" is prose. */
		if (!pl->heading && !pl->emphasis && sl == 0 && rest[0] != '\0' && by_title < 0) {
			free(rest);
			return false;
		}
		free(rest);
		c->kind = L_ECQ;
		c->by_title = by_title >= 0;
		c->ecq = by_title >= 0 ? by_title :
		    (num >= 1 && (size_t)num <= fw->n_ecqs ? num - 1 : -1);
		return true;
	}
	strip_end(b, &n);
	/* "Leading Change (ECQ 1)" */
	if (n > 0 && b[n - 1] == ')') {
		const char *open = NULL;

		for (i = n; i-- > 0;)
			if (b[i] == '(') {
				open = b + i;
				break;
			}
		if (open != NULL && prefix(open + 1, "ecq")) {
			n = (size_t)(open - b);
			strip_end(b, &n);
		}
	}
	if (n == 0 || n > 200)
		return false;
	rest = xstrndup(b, n);
	by_title = match_ecq_title(fw, rest);
	free(rest);
	if (by_title < 0)
		return false;
	c->kind = L_ECQ;
	c->ecq = by_title;
	c->by_title = true;
	return true;
}

/* A bold line that reads like a title: short, not a sentence. */
static bool
title_like(const char *s, size_t n)
{
	size_t i, words = 1;

	if (n == 0 || s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?')
		return false;
	for (i = 0; i < n; i++)
		if (s[i] == ' ')
			words++;
	return words <= 15;
}

static bool
classify_example(const char *line, const struct peeled *pl, bool in_ecq,
    struct classified *c)
{
	const char *b = pl->body;
	size_t n = pl->body_len, i, tl, doff, m;
	bool numbered = false;

	/* "**Example 1: Title** (2020-06 to 2022-12)": bold that stops early. */
	m = emphasis_marks(b);
	b += m;
	n -= m < n ? m : n;
	i = prefix(b, "example");

	if (i > 0 && (i == n || !isalpha((unsigned char)b[i]))) {
		size_t sl;

		while (i < n && (is_space(b[i]) || b[i] == '#'))
			i++;
		while (i < n && isdigit((unsigned char)b[i])) {
			numbered = true;
			i++;
		}
		while (i < n && is_space(b[i]))
			i++;
		sl = i < n ? separator(b + i) : 0;
		if (!numbered && sl == 0 && i < n)
			return false;   /* "Examples of ..." is prose */
		i += sl;
		while (i < n && is_space(b[i]))
			i++;
	} else if (in_ecq && n > 0 && (pl->heading > 0 || (pl->emphasis && title_like(b, n)))) {
		i = 0;
	} else {
		return false;
	}
	strip_end(b, &n);
	if (n < i)
		n = i;
	c->kind = L_EXAMPLE;
	c->has_dates = split_title_dates(b + i, n - i, &tl, &doff, c->start, c->end);
	while (tl > 0 && (is_space(b[i + tl - 1]) || b[i + tl - 1] == ':' ||
	    b[i + tl - 1] == ',' || b[i + tl - 1] == '-' || b[i + tl - 1] == '*' ||
	    b[i + tl - 1] == '_'))
		tl--;
	c->title_off = (size_t)(b + i - line);
	c->title_len = tl;
	c->dates_off = c->has_dates ? c->title_off + doff : 0;
	return true;
}

/* "Word: rest" where Word is one of the given keys; returns the offset of rest. */
static bool
keyed(const char *line, const struct peeled *pl, const char *const *keys, size_t *rest)
{
	const char *b = pl->body, *s;
	size_t k, l;

	b += emphasis_marks(b);
	for (k = 0; keys[k] != NULL; k++) {
		l = prefix(b, keys[k]);
		if (l == 0)
			continue;
		s = b + l;
		s += emphasis_marks(s);
		if (*s != ':')
			continue;
		s++;
		s += emphasis_marks(s);
		s = skip_spaces(s);
		*rest = (size_t)(s - line);
		return true;
	}
	return false;
}

static void
classify(const struct framework *fw, const char *line, size_t len, bool in_ecq,
    bool next_is_underline, struct classified *c)
{
	static const char *const comp_keys[] = {
		"competencies shown", "competencies demonstrated", "competencies", NULL
	};
	static const char *const name_keys[] = { "name", "candidate", NULL };
	static const char *const pos_keys[] = { "position", "announcement", "vacancy", NULL };
	static const char *const title_keys[] = { "title", NULL };
	struct peeled pl;
	char *body;
	size_t rest;
	int f;

	memset(c, 0, sizeof *c);
	c->ecq = -1;
	c->kind = L_TEXT;
	peel(line, len, &pl);
	if (next_is_underline)
		pl.heading = 2;
	if (pl.body_len == 0 && pl.heading == 0) {
		c->kind = underline(line, len) ? L_RULE : L_BLANK;
		return;
	}
	if (underline(line, len) && pl.heading == 0) {
		c->kind = L_RULE;
		return;
	}
	c->heading = pl.heading > 0 || pl.emphasis;
	if (classify_ecq(fw, &pl, c))
		return;
	f = match_label(line, len, &pl, &rest);
	if (f >= 0) {
		c->kind = L_LABEL;
		c->field = f;
		c->rest = rest;
		return;
	}
	if (keyed(line, &pl, comp_keys, &rest)) {
		c->kind = L_COMPETENCIES;
		c->rest = rest;
		return;
	}
	if (!in_ecq && keyed(line, &pl, name_keys, &rest)) {
		c->kind = L_META;
		c->field = 0;
		c->rest = rest;
		return;
	}
	if (!in_ecq && keyed(line, &pl, pos_keys, &rest)) {
		c->kind = L_META;
		c->field = 1;
		c->rest = rest;
		return;
	}
	if (in_ecq && keyed(line, &pl, title_keys, &rest)) {
		c->kind = L_TITLE;
		c->title_off = rest;
		c->title_len = len > rest ? len - rest : 0;
		while (c->title_len > 0 && (is_space(line[rest + c->title_len - 1]) ||
		    line[rest + c->title_len - 1] == '*'))
			c->title_len--;
		return;
	}
	body = xstrndup(pl.body, pl.body_len);
	if (c->heading) {
		char *n = normalize(body);

		if (strcmp(n, "introduction") == 0 || strcmp(n, "intro") == 0 ||
		    strcmp(n, "summary") == 0 || strcmp(n, "overview") == 0 ||
		    strcmp(n, "introductory summary") == 0) {
			c->kind = L_INTRO;
			free(n);
			free(body);
			return;
		}
		free(n);
	}
	if (in_ecq && pl.body_len < 80 &&
	    parse_range(pl.body, pl.body_len, c->start, c->end)) {
		c->kind = L_DATES;
		c->dates_off = (size_t)(pl.body - line);
		c->has_dates = true;
		free(body);
		return;
	}
	free(body);
	if (classify_example(line, &pl, in_ecq, c))
		return;
	c->kind = L_TEXT;
}

/* ---- the draft as parsed, before it is written -------------------------- */

/* A text being assembled, with the spans it came from. */
struct piece {
	struct buf text;
	struct importer_span *spans;
	size_t n_spans;
	size_t line;            /* where it starts (label or first line) */
	bool para_break;        /* a blank line since the last text */
};

struct pexample {
	int ecq;
	struct piece field[EX_FIELD_COUNT];
	struct piece heading;   /* span of the heading line */
	struct strlist competencies;
	int64_t id;
	int last_label;         /* last CCAR field labelled, or -1 */
};

struct parse {
	const struct framework *fw;
	const char *text;
	struct piece *intro;    /* [n_ecqs] */
	struct piece *ecq_heading;  /* [n_ecqs] */
	struct pexample *ex;
	size_t n_ex;
	struct piece unsorted;
	char *candidate, *position;
	struct importer_report *rep;
};

static void
piece_add(struct piece *p, size_t line, const char *text, size_t src, size_t len,
    bool new_para)
{
	while (len > 0 && is_space(text[src])) {
		src++;
		len--;
	}
	while (len > 0 && is_space(text[src + len - 1]))
		len--;
	if (len == 0) {
		if (p->text.len > 0)
			p->para_break = true;
		return;
	}
	if (p->text.len == 0 && p->line == 0)
		p->line = line;
	if (p->text.len > 0)
		buf_add(&p->text, p->para_break || new_para ? "\n" : " ", 1);
	p->spans = xreallocarray(p->spans, p->n_spans + 1, sizeof *p->spans);
	p->spans[p->n_spans++] = (struct importer_span){ p->text.len, src, len };
	buf_add(&p->text, text + src, len);
	p->para_break = false;
}

/* Sets a short field (title, date) from a span of the draft. */
static void
piece_set(struct piece *p, size_t line, const char *value, size_t src, size_t src_len)
{
	free(p->text.s);
	free(p->spans);
	memset(p, 0, sizeof *p);
	p->line = line;
	buf_add(&p->text, value, strlen(value));
	p->spans = xmalloc(sizeof *p->spans);
	p->spans[0] = (struct importer_span){ 0, src,
	    src_len < strlen(value) ? src_len : strlen(value) };
	p->n_spans = 1;
	if (p->spans[0].len == 0)
		p->spans[0].len = src_len;
}

static void
piece_free(struct piece *p)
{
	free(p->text.s);
	free(p->spans);
}

static void
item(struct parse *ps, enum importer_kind kind, size_t line, int ecq, int64_t ex,
    int field, const char *text, size_t len)
{
	struct importer_report *r = ps->rep;

	r->items = xreallocarray(r->items, r->n_items + 1, sizeof *r->items);
	r->items[r->n_items++] = (struct importer_item){ kind, line, ecq, ex, field,
	    xstrndup(text, len) };
}

/* Starts an example in ECQ ecq; its index in ps->ex (example ids come when
 * it is written; until then items carry -(index + 2)). */
static size_t
new_example(struct parse *ps, int ecq, size_t line, size_t heading_src)
{
	struct pexample *e;

	ps->ex = xreallocarray(ps->ex, ps->n_ex + 1, sizeof *ps->ex);
	e = &ps->ex[ps->n_ex];
	memset(e, 0, sizeof *e);
	e->ecq = ecq;
	e->last_label = -1;
	e->heading.line = line;
	e->heading.spans = xmalloc(sizeof *e->heading.spans);
	e->heading.spans[0] = (struct importer_span){ 0, heading_src, 0 };
	e->heading.n_spans = 1;
	return ps->n_ex++;
}

static int64_t
pending_id(size_t idx)
{
	return -(int64_t)idx - 2;
}

static void
set_dates(struct parse *ps, size_t ex, size_t line, const struct classified *c,
    size_t line_off)
{
	struct pexample *e = &ps->ex[ex];
	size_t src = line_off + c->dates_off;

	piece_set(&e->field[EX_START], line, c->start, src, strlen(c->start));
	piece_set(&e->field[EX_END], line, c->end, src, strlen(c->end));
	item(ps, IMPORTER_FIELD, line, e->ecq, pending_id(ex), EX_START, c->start, strlen(c->start));
	item(ps, IMPORTER_FIELD, line, e->ecq, pending_id(ex), EX_END, c->end, strlen(c->end));
}

static void
set_competencies(struct parse *ps, struct pexample *e, const char *s, size_t n)
{
	const struct strlist *known = &ps->fw->ecqs[e->ecq].competencies;
	size_t i = 0;

	while (i < n) {
		size_t j = i, a, b, k;
		char *name;

		while (j < n && s[j] != ',' && s[j] != ';')
			j++;
		a = i;
		b = j;
		while (a < b && (is_space(s[a]) || s[a] == '*' || s[a] == '_'))
			a++;
		while (b > a && (is_space(s[b - 1]) || s[b - 1] == '.' || s[b - 1] == '*' ||
		    s[b - 1] == '_'))
			b--;
		if (b - a >= 4 && prefix(s + a, "and "))
			a += 4;
		if (b > a) {
			name = xstrndup(s + a, b - a);
			for (k = 0; k < known->n; k++)
				if (strcasecmp(known->items[k], name) == 0) {
					free(name);
					name = xstrdup(known->items[k]);
					break;
				}
			if (!strlist_contains(&e->competencies, name))
				strlist_push(&e->competencies, name);
			free(name);
		}
		i = j + 1;
	}
}

static void
add_unsorted(struct parse *ps, size_t line, size_t off, size_t len, bool new_para)
{
	const char *s = ps->text + off;
	size_t a = 0, b = len;

	while (a < b && is_space(s[a]))
		a++;
	while (b > a && is_space(s[b - 1]))
		b--;
	if (a == b)
		return;
	piece_add(&ps->unsorted, line, ps->text, off, len, new_para);
	item(ps, IMPORTER_UNSORTED, line, -1, -1, -1, s + a, b - a);
	ps->rep->n_unsorted++;
}

static void
parse_lines(struct parse *ps, const struct line *lines, size_t n_lines)
{
	const char *text = ps->text;
	int ecq = -1;
	long ex = -1;           /* index into ps->ex */
	int field = -1;         /* EX_* being filled, -1 intro, -2 nothing */
	size_t i;

	for (i = 0; i < n_lines; i++) {
		const char *line = text + lines[i].off;
		size_t len = lines[i].len, lineno = i + 1;
		bool under = i + 1 < n_lines && underline(text + lines[i + 1].off, lines[i + 1].len) &&
		    lines[i].len > 0 && text[lines[i + 1].off] != '*' && text[lines[i + 1].off] != '_';
		struct classified c;
		struct pexample *e;

		classify(ps->fw, line, len, ecq >= 0, under, &c);
		if (under && c.kind != L_BLANK)
			i++;    /* the setext underline belongs to this heading */
		if (c.kind == L_BLANK || c.kind == L_RULE) {
			struct piece *p = NULL;

			if (ecq < 0)
				p = &ps->unsorted;
			else if (ex < 0 || field == -1)
				p = &ps->intro[ecq];
			else if (field >= EX_CHALLENGE)
				p = &ps->ex[ex].field[field];
			if (p != NULL && p->text.len > 0)
				p->para_break = true;
			continue;
		}
		switch (c.kind) {
		case L_ECQ:
			if (c.ecq < 0) {
				/* "ECQ 7" in a framework of five: what follows is unplaced too. */
				add_unsorted(ps, lineno, lines[i].off, len, true);
				ecq = -1;
				ex = -1;
				break;
			}
			ecq = c.ecq;
			ex = -1;
			field = -1;
			if (ps->ecq_heading[ecq].n_spans == 0)
				piece_set(&ps->ecq_heading[ecq], lineno, "", lines[i].off, 0);
			item(ps, IMPORTER_ECQ, lineno, ecq, -1, -1, ps->fw->ecqs[ecq].title,
			    strlen(ps->fw->ecqs[ecq].title));
			ps->rep->n_ecqs++;
			break;
		case L_INTRO:
			if (ecq < 0) {
				add_unsorted(ps, lineno, lines[i].off, len, true);
				break;
			}
			ex = -1;
			field = -1;
			break;
		case L_EXAMPLE:
			if (ecq < 0) {
				add_unsorted(ps, lineno, lines[i].off, len, true);
				break;
			}
			ex = (long)new_example(ps, ecq, lineno, lines[i].off);
			field = -2;
			e = &ps->ex[ex];
			item(ps, IMPORTER_EXAMPLE, lineno, ecq, pending_id((size_t)ex), -1,
			    line + c.title_off, c.title_len);
			if (c.title_len > 0) {
				piece_add(&e->field[EX_TITLE], lineno, text, lines[i].off + c.title_off,
				    c.title_len, false);
				item(ps, IMPORTER_FIELD, lineno, ecq, pending_id((size_t)ex), EX_TITLE,
				    line + c.title_off, c.title_len);
			}
			if (c.has_dates)
				set_dates(ps, (size_t)ex, lineno, &c, lines[i].off);
			break;
		case L_LABEL:
			if (ecq < 0) {
				add_unsorted(ps, lineno, lines[i].off, len, true);
				break;
			}
			/* A label already used, or going backwards, starts a new example. */
			if (ex < 0 || ps->ex[ex].field[c.field].text.len > 0) {
				ex = (long)new_example(ps, ecq, lineno, lines[i].off);
				item(ps, IMPORTER_EXAMPLE, lineno, ecq, pending_id((size_t)ex), -1, "", 0);
			}
			e = &ps->ex[ex];
			e->last_label = c.field;
			field = c.field;
			e->field[field].line = lineno;
			item(ps, IMPORTER_FIELD, lineno, ecq, pending_id((size_t)ex), field,
			    project_field_name((enum example_field)field),
			    strlen(project_field_name((enum example_field)field)));
			piece_add(&e->field[field], lineno, text, lines[i].off + c.rest,
			    len > c.rest ? len - c.rest : 0, false);
			break;
		case L_TITLE:
			if (ex < 0 || ps->ex[ex].field[EX_TITLE].text.len > 0) {
				ex = (long)new_example(ps, ecq, lineno, lines[i].off);
				item(ps, IMPORTER_EXAMPLE, lineno, ecq, pending_id((size_t)ex), -1,
				    line + c.title_off, c.title_len);
				field = -2;
			}
			piece_add(&ps->ex[ex].field[EX_TITLE], lineno, text,
			    lines[i].off + c.title_off, c.title_len, false);
			item(ps, IMPORTER_FIELD, lineno, ecq, pending_id((size_t)ex), EX_TITLE,
			    line + c.title_off, c.title_len);
			break;
		case L_DATES:
			if (ex >= 0 && ps->ex[ex].field[EX_START].text.len == 0 &&
			    ps->ex[ex].last_label < 0) {
				set_dates(ps, (size_t)ex, lineno, &c, lines[i].off);
				break;
			}
			goto text_line;
		case L_COMPETENCIES:
			if (ex < 0)
				goto text_line;
			set_competencies(ps, &ps->ex[ex], line + c.rest, len > c.rest ? len - c.rest : 0);
			item(ps, IMPORTER_COMPETENCIES, lineno, ecq, pending_id((size_t)ex), -1,
			    line + c.rest, len > c.rest ? len - c.rest : 0);
			break;
		case L_META:
			{
				char **dst = c.field == 0 ? &ps->candidate : &ps->position;
				size_t vl = len > c.rest ? len - c.rest : 0;

				while (vl > 0 && (is_space(line[c.rest + vl - 1]) ||
				    line[c.rest + vl - 1] == '*'))
					vl--;
				free(*dst);
				*dst = xstrndup(line + c.rest, vl);
				item(ps, IMPORTER_META, lineno, -1, -1, c.field, *dst, vl);
			}
			break;
		default:
text_line:
			{
				/* List items and headings keep a line of their own. */
				const char *t = skip_spaces(line);
				bool list = (*t == '-' || *t == '*' || *t == '+') && is_space(t[1]);

				if (ecq < 0) {
					add_unsorted(ps, lineno, lines[i].off, len, list);
				} else if (ex < 0 || field == -1) {
					if (ps->intro[ecq].text.len == 0)
						item(ps, IMPORTER_INTRO, lineno, ecq, -1, -1,
						    ps->fw->ecqs[ecq].title, strlen(ps->fw->ecqs[ecq].title));
					piece_add(&ps->intro[ecq], lineno, text, lines[i].off, len, list);
				} else if (field >= EX_CHALLENGE) {
					piece_add(&ps->ex[ex].field[field], lineno, text, lines[i].off, len,
					    list);
				} else {
					/* Prose between an example's heading and its first label. */
					add_unsorted(ps, lineno, lines[i].off, len, list);
				}
			}
			break;
		}
	}
}

/* ---- reading ------------------------------------------------------------ */

int
importer_read_file(const char *path, char **text, size_t *len, struct error *err)
{
	bool std_in = strcmp(path, "-") == 0;
	FILE *f = std_in ? stdin : fopen(path, "rb");
	struct buf b = { NULL, 0, 0 };
	char chunk[65536];
	size_t n;

	*text = NULL;
	*len = 0;
	if (f == NULL)
		return error_set(err, ERR_IO, "cannot open %s: %s", path, strerror(errno));
	buf_add(&b, "", 0);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f)) {
		int e = errno;

		if (!std_in)
			fclose(f);
		free(b.s);
		return error_set(err, ERR_IO, "cannot read %s: %s", std_in ? "standard input" : path,
		    strerror(e));
	}
	if (!std_in)
		fclose(f);
	*text = b.s;
	*len = b.len;
	return 0;
}

/* ---- framework guess ---------------------------------------------------- */

static size_t
split_lines(const char *text, size_t len, struct line **out)
{
	struct line *lines = NULL;
	size_t n = 0, cap = 0, start = 0, i;

	for (i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		if (i == len && start == len)
			break;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			lines = xreallocarray(lines, cap, sizeof *lines);
		}
		lines[n].off = start;
		lines[n].len = i - start;
		if (lines[n].len > 0 && text[i - 1] == '\r')
			lines[n].len--;
		n++;
		start = i + 1;
	}
	*out = lines;
	return n;
}

/* Copy of the draft with NUL bytes and invalid UTF-8 replaced by '?' (same
 * length, so offsets still hold). */
static char *
sanitize(const char *text, size_t len, size_t *invalid)
{
	char *s = xmalloc(len + 1);
	size_t i = 0;

	memcpy(s, text, len);
	s[len] = '\0';
	*invalid = (size_t)-1;
	while (i < len) {
		const uint8_t *bad = u8_check((const uint8_t *)s + i, len - i);
		const char *nul = memchr(s + i, '\0', len - i);
		size_t at;

		if (bad == NULL && nul == NULL)
			break;
		at = bad != NULL ? (size_t)((const char *)bad - s) : len;
		if (nul != NULL && (size_t)(nul - s) < at)
			at = (size_t)(nul - s);
		if (*invalid == (size_t)-1)
			*invalid = at;
		s[at] = '?';
		i = at + 1;
	}
	return s;
}

static int
guess_score(const struct framework *fw, const char *text, const struct line *lines,
    size_t n)
{
	bool *seen = xcalloc(fw->n_ecqs + 1, sizeof *seen);
	size_t i;
	int score = 0;

	for (i = 0; i < n; i++) {
		struct peeled pl;
		struct classified c;

		if (lines[i].len == 0 || lines[i].len > 300)
			continue;
		peel(text + lines[i].off, lines[i].len, &pl);
		memset(&c, 0, sizeof c);
		if (classify_ecq(fw, &pl, &c) && c.by_title && c.ecq >= 0 && !seen[c.ecq]) {
			seen[c.ecq] = true;
			score++;
		}
	}
	free(seen);
	return score;
}

const struct framework *
importer_guess_framework(const struct framework_set *set, const char *text, size_t len,
    int *score_out)
{
	const struct framework *best = framework_set_default(set), *def = best;
	struct line *lines;
	size_t n, i, invalid;
	char *clean;
	int best_score = 0;

	if (best == NULL)
		return NULL;
	clean = sanitize(text, len, &invalid);
	n = split_lines(clean, len, &lines);
	best_score = guess_score(def, clean, lines, n);
	for (i = 0; i < set->n; i++) {
		int s = guess_score(set->fws[i], clean, lines, n);

		if (s > best_score) {
			best_score = s;
			best = set->fws[i];
		}
	}
	free(lines);
	free(clean);
	if (score_out != NULL)
		*score_out = best_score;
	return best;
}

/* ---- writing ------------------------------------------------------------ */

static void
add_source(struct importer_report *r, int ecq, int64_t ex, int field, struct piece *p)
{
	struct importer_source *s;

	if (p->n_spans == 0)
		return;
	r->sources = xreallocarray(r->sources, r->n_sources + 1, sizeof *r->sources);
	s = &r->sources[r->n_sources++];
	s->ecq = ecq;
	s->example = ex;
	s->field = field;
	s->line = p->line;
	s->spans = p->spans;
	s->n_spans = p->n_spans;
	p->spans = NULL;        /* moved */
	p->n_spans = 0;
}

static int
write_project(struct parse *ps, struct store *st, struct error *err)
{
	struct importer_report *r = ps->rep;
	size_t i, k;
	int e, f;

	if (ps->candidate != NULL && store_set_candidate(st, ps->candidate, err) < 0)
		return -1;
	if (ps->position != NULL && store_set_position(st, ps->position, err) < 0)
		return -1;
	for (e = 0; (size_t)e < ps->fw->n_ecqs; e++) {
		add_source(r, e, -1, IMPORTER_HEADING, &ps->ecq_heading[e]);
		if (ps->intro[e].text.len == 0)
			continue;
		if (store_set_intro(st, e, ps->intro[e].text.s, err) < 0)
			return -1;
		add_source(r, e, -1, -1, &ps->intro[e]);
	}
	for (i = 0; i < ps->n_ex; i++) {
		struct pexample *x = &ps->ex[i];
		const char *title = x->field[EX_TITLE].text.s != NULL ? x->field[EX_TITLE].text.s : "";

		if (store_add_example(st, x->ecq, title, &x->id, err) < 0)
			return -1;
		r->n_examples++;
		add_source(r, x->ecq, x->id, IMPORTER_HEADING, &x->heading);
		for (f = EX_TITLE; f < EX_FIELD_COUNT; f++) {
			if (x->field[f].text.len == 0)
				continue;
			r->n_fields++;
			if (f != EX_TITLE &&
			    store_set_example_field(st, x->id, (enum example_field)f,
			    x->field[f].text.s, err) < 0)
				return -1;
			add_source(r, x->ecq, x->id, f, &x->field[f]);
		}
		if (x->competencies.n > 0 &&
		    store_set_example_competencies(st, x->id, &x->competencies, err) < 0)
			return -1;
	}
	if (ps->unsorted.text.len > 0) {
		if (store_set_unsorted(st, ps->unsorted.text.s, err) < 0)
			return -1;
		add_source(r, -1, -1, -1, &ps->unsorted);
	}
	/* Items carried placeholders until the examples had ids. */
	for (k = 0; k < r->n_items; k++)
		if (r->items[k].example <= -2)
			r->items[k].example = ps->ex[-(r->items[k].example + 2)].id;
	return 0;
}

int
importer_import(struct store *st, const char *text, size_t len,
    struct importer_report *rep, struct error *err)
{
	const struct project *p = store_project(st);
	struct parse ps;
	struct line *lines;
	size_t n, i;
	char *clean;
	int rc, f;

	memset(rep, 0, sizeof *rep);
	memset(&ps, 0, sizeof ps);
	ps.fw = p->fw;
	ps.rep = rep;
	clean = sanitize(text, len, &rep->invalid_offset);
	ps.text = clean;
	ps.intro = xcalloc(ps.fw->n_ecqs + 1, sizeof *ps.intro);
	ps.ecq_heading = xcalloc(ps.fw->n_ecqs + 1, sizeof *ps.ecq_heading);
	n = split_lines(clean, len, &lines);
	parse_lines(&ps, lines, n);
	rc = write_project(&ps, st, err);
	for (i = 0; i < ps.fw->n_ecqs; i++) {
		piece_free(&ps.intro[i]);
		piece_free(&ps.ecq_heading[i]);
	}
	for (i = 0; i < ps.n_ex; i++) {
		for (f = 0; f < EX_FIELD_COUNT; f++)
			piece_free(&ps.ex[i].field[f]);
		piece_free(&ps.ex[i].heading);
		strlist_free(&ps.ex[i].competencies);
	}
	piece_free(&ps.unsorted);
	free(ps.ex);
	free(ps.intro);
	free(ps.ecq_heading);
	free(ps.candidate);
	free(ps.position);
	free(lines);
	free(clean);
	return rc;
}

void
importer_report_free(struct importer_report *rep)
{
	size_t i;

	if (rep == NULL)
		return;
	for (i = 0; i < rep->n_items; i++)
		free(rep->items[i].text);
	for (i = 0; i < rep->n_sources; i++)
		free(rep->sources[i].spans);
	free(rep->items);
	free(rep->sources);
	memset(rep, 0, sizeof *rep);
}

static const struct importer_source *
find_source(const struct importer_report *rep, int ecq, int64_t example, int field)
{
	size_t i;

	for (i = 0; i < rep->n_sources; i++) {
		const struct importer_source *s = &rep->sources[i];

		if (s->ecq == ecq && s->example == example && s->field == field)
			return s;
	}
	return NULL;
}

int
importer_locate(const struct importer_report *rep, int ecq, int64_t example, int field,
    size_t off, size_t *src)
{
	const struct importer_source *s = find_source(rep, ecq, example, field);
	size_t i;

	*src = 0;
	if (s == NULL || s->n_spans == 0) {
		s = example >= 0 ? find_source(rep, ecq, example, IMPORTER_HEADING) : NULL;
		if (s == NULL && ecq >= 0)
			s = find_source(rep, ecq, -1, IMPORTER_HEADING);
		if (s != NULL && s->n_spans > 0)
			*src = s->spans[0].src;
		return -1;
	}
	for (i = 0; i < s->n_spans; i++) {
		const struct importer_span *sp = &s->spans[i];

		if (off < sp->off) {
			*src = sp->src;    /* in a separator before this span */
			return 0;
		}
		if (off < sp->off + sp->len || (i + 1 == s->n_spans)) {
			size_t d = off - sp->off;

			*src = sp->src + (d < sp->len ? d : sp->len);
			return 0;
		}
	}
	return 0;
}

const char *
importer_kind_name(enum importer_kind k)
{
	switch (k) {
	case IMPORTER_ECQ: return "ECQ";
	case IMPORTER_INTRO: return "introduction";
	case IMPORTER_EXAMPLE: return "example";
	case IMPORTER_FIELD: return "field";
	case IMPORTER_COMPETENCIES: return "competencies";
	case IMPORTER_META: return "meta";
	case IMPORTER_UNSORTED: return "unsorted";
	}
	return "?";
}
