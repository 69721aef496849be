/* SPDX-License-Identifier: MIT */
/*
 * draftline.c: what one line of an ECQ draft is: an ECQ heading by number
 * or title, an example heading with its dates, a CCAR label (plain, bold or
 * a Markdown heading), a dates line, a competencies line, or prose. Knows
 * nothing of the lines around it; importer.c keeps that state. Prints
 * nothing.
 */
#include "config.h"
#include "draftline.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "checks/project_rules.h"
#include "project.h"
#include "strbuf.h"
#include "wordlist.h"
#include "xalloc.h"

/* ---- the words drafts are read by (dictionaries/import-*.txt) ---------- */

struct draftline_words {
	struct wordlist *labels, *cues, *title_words;
	const char **of[DRAFTLINE_W_COUNT];     /* NULL-terminated; borrowed from the lists */
	size_t n_of[DRAFTLINE_W_COUNT];
};

/* The names after "=>" in import-labels.txt, in enum order. */
static const char *const draftline_label_names[] = {
	"challenge", "context", "action", "result", "intro", "example", "competencies",
	"name", "position", "title", "dates"
};

/* The names after "=>" in import-cues.txt. */
static const char *const draftline_cue_names[] = { "result", "time", "action" };

static void
words_push(struct draftline_words *w, enum draftline_role role, const char *word)
{
	w->of[role] = xreallocarray(w->of[role], w->n_of[role] + 2, sizeof *w->of[role]);
	w->of[role][w->n_of[role]++] = word;
	w->of[role][w->n_of[role]] = NULL;
}

/* Files every entry of l under the role its "=> name" gives (names[i] is
 * role first + i); an entry with no or an unknown name is ERR_FORMAT. */
static int
words_sort_in(struct draftline_words *w, const struct wordlist *l, const char *path,
    const char *const *names, size_t n_names, const char *known, enum draftline_role first,
    struct error *err)
{
	size_t i, k;

	for (i = 0; i < wordlist_size(l); i++) {
		const char *repl, *word = wordlist_entry(l, i, &repl);

		for (k = 0; repl != NULL && k < n_names; k++)
			if (strcasecmp(repl, names[k]) == 0)
				break;
		if (repl == NULL || k == n_names)
			return error_set(err, ERR_FORMAT, "%s: \"%s%s%s\" names none of %s; "
			    "write \"%s => %s\" or the like", path, word, repl != NULL ? " => " : "",
			    repl != NULL ? repl : "", known, word, names[0]);
		words_push(w, (enum draftline_role)(first + k), word);
	}
	return 0;
}

int
draftline_words_load(const char *dict_dir, struct draftline_words **out, struct error *err)
{
	struct draftline_words *w = xcalloc(1, sizeof *w);
	char *path = NULL;
	size_t i;
	int rc = -1;

	*out = NULL;
	path = xasprintf("%s/import-labels.txt", dict_dir);
	if (wordlist_load_file(path, &w->labels, err) != 0 ||
	    words_sort_in(w, w->labels, path, draftline_label_names,
	    sizeof draftline_label_names / sizeof draftline_label_names[0],
	    "the parts (challenge, context, action, result, intro, example, competencies, "
	    "name, position, title, dates)", DRAFTLINE_W_CHALLENGE, err) != 0)
		goto done;
	free(path);
	path = xasprintf("%s/import-cues.txt", dict_dir);
	if (wordlist_load_file(path, &w->cues, err) != 0 ||
	    words_sort_in(w, w->cues, path, draftline_cue_names,
	    sizeof draftline_cue_names / sizeof draftline_cue_names[0],
	    "the cues (result, time, action)", DRAFTLINE_W_RESULT_CUE, err) != 0)
		goto done;
	free(path);
	path = xasprintf("%s/import-title-words.txt", dict_dir);
	if (wordlist_load_file(path, &w->title_words, err) != 0)
		goto done;
	for (i = 0; i < wordlist_size(w->title_words); i++)
		words_push(w, DRAFTLINE_W_TITLE_WORD, wordlist_entry(w->title_words, i, NULL));
	*out = w;
	w = NULL;
	rc = 0;
done:
	free(path);
	draftline_words_free(w);
	return rc;
}

void
draftline_words_free(struct draftline_words *w)
{
	size_t i;

	if (w == NULL)
		return;
	for (i = 0; i < DRAFTLINE_W_COUNT; i++)
		free(w->of[i]);
	wordlist_free(w->labels);
	wordlist_free(w->cues);
	wordlist_free(w->title_words);
	free(w);
}

const char *const *
draftline_words_of(const struct draftline_words *w, enum draftline_role role)
{
	static const char *const none[] = { NULL };

	return w->of[role] != NULL ? w->of[role] : none;
}

/* ---- small string helpers ----------------------------------------------- */

bool
draftline_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Case-insensitive ASCII prefix test; returns the length matched or 0. */
size_t
draftline_prefix(const char *s, const char *pre)
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

bool
draftline_list_item(const char *s)
{
	static const char *const bullets[] = {
		"-", "*", "+", "\xe2\x80\xa2", "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x97\xa6",
		"\xe2\x96\xaa", NULL
	};
	size_t k, i = 0;

	for (k = 0; bullets[k] != NULL; k++) {
		size_t l = strlen(bullets[k]);

		if (strncmp(s, bullets[k], l) == 0)
			return draftline_is_space(s[l]);
	}
	if (s[0] == '(')
		i = 1;
	if (isdigit((unsigned char)s[i])) {
		size_t d = i;

		while (isdigit((unsigned char)s[i]))
			i++;
		if (i - d > 3)
			return false;       /* "2019." ends a sentence */
	} else if (islower((unsigned char)s[i]) && !isalpha((unsigned char)s[i + 1])) {
		i++;
	} else {
		return false;
	}
	if (s[0] == '(' ? s[i] != ')' : s[i] != '.' && s[i] != ')')
		return false;
	return draftline_is_space(s[i + 1]);
}

const char *
draftline_skip_spaces(const char *s)
{
	while (draftline_is_space(*s))
		s++;
	return s;
}

/* Lower-cased letters and digits of s with single spaces between words
 * and "&" read as "and": "Results-Driven" and "results driven" meet. */
char *
draftline_normalize(const char *s)
{
	struct strbuf b = { NULL, 0, 0 };
	bool space = false;

	strbuf_add(&b, "", 0);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '&') {
			if (b.len > 0)
				strbuf_add(&b, " ", 1);
			strbuf_add(&b, "and", 3);
			space = true;
		} else if (isalnum(c) || c >= 0x80) {
			char l = (char)tolower(c);

			if (space && b.len > 0)
				strbuf_add(&b, " ", 1);
			strbuf_add(&b, &l, 1);
			space = false;
		} else if (c != '\'') {
			space = true;
		}
	}
	return b.s;
}

/* ---- one line, its markup peeled off ------------------------------------ */

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
	while (i < len && draftline_is_space(s[i]))
		i++;
	while (len > i && draftline_is_space(s[len - 1]))
		len--;
	n = 0;
	while (i + n < len && s[i + n] == '#' && n < 7)
		n++;
	if (n >= 1 && n <= 6 && (i + n == len || draftline_is_space(s[i + n]))) {
		p->heading = (int)n;
		i += n;
		while (i < len && draftline_is_space(s[i]))
			i++;
		while (len > i && s[len - 1] == '#')   /* closing ### */
			len--;
		while (len > i && draftline_is_space(s[len - 1]))
			len--;
	}
	open = emphasis_marks(s + i);
	if (open > 0 && len >= i + 2 * open + 1 &&
	    strncmp(s + len - open, s + i, open) == 0 && !draftline_is_space(s[i + open])) {
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

bool
draftline_underline(const char *s, size_t len)
{
	size_t i = 0, n = 0;
	char c = 0;

	while (i < len && draftline_is_space(s[i]))
		i++;
	for (; i < len; i++) {
		if (draftline_is_space(s[i]))
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

	while (n > 0 && draftline_is_space(*s)) {
		s++;
		n--;
	}
	while (n > 0 && (draftline_is_space(s[n - 1]) || s[n - 1] == ')' || s[n - 1] == '*' ||
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
parse_range(const struct draftline_words *w, const char *s, size_t n, char start[16],
    char end[16])
{
	const char *const *labels = draftline_words_of(w, DRAFTLINE_W_DATES);
	static const char *const seps[] = {
		" to ", " through ", " thru ", " until ", "\xe2\x80\x93", "\xe2\x80\x94",
		" - ", "-", NULL
	};
	size_t k, i;
	const char *lab;

	/* "Dates:", "Period:" and similar labels. */
	while (n > 0 && (draftline_is_space(*s) || *s == '(' || *s == '*' || *s == '_')) {
		s++;
		n--;
	}
	while (n > 0 && (draftline_is_space(s[n - 1]) || s[n - 1] == ')' || s[n - 1] == '*' ||
	    s[n - 1] == '_' || s[n - 1] == '.'))
		n--;
	lab = memchr(s, ':', n);
	if (lab != NULL && (size_t)(lab - s) < 12) {
		size_t l = (size_t)(lab - s);

		for (k = 0; l > 0 && labels[k] != NULL; k++) {
			if (draftline_prefix(s, labels[k]) == 0)
				continue;
			n -= l + 1;
			s += l + 1;
			break;
		}
	}
	if (n >= 6 && draftline_prefix(s, "since ") && norm_date(s + 6, n - 6, start)) {
		strcpy(end, "present");
		return true;
	}
	if (n >= 5 && draftline_prefix(s, "from ")) {
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
split_title_dates(const struct draftline_words *w, const char *s, size_t n,
    size_t *title_len, size_t *dates_off, char start[16], char end[16])
{
	static const char *const seps[] = {
		" \xe2\x80\x94 ", " \xe2\x80\x93 ", " | ", ", ", ": ", " - ", NULL
	};
	size_t i, k;

	while (n > 0 && draftline_is_space(s[n - 1]))
		n--;
	if (n > 0 && s[n - 1] == ')') {
		for (i = n - 1; i-- > 0;) {
			if (s[i] != '(')
				continue;
			if (parse_range(w, s + i + 1, n - i - 2, start, end)) {
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
			/* "Title, FY2014" names a fiscal year in the title; the
			 * date checks read it there, it is not the example's dates. */
			if (draftline_prefix(s + i + sl, "fy") && isdigit((unsigned char)s[i + sl + 2]))
				break;
			if (parse_range(w, s + i + sl, n - i - sl, start, end)) {
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

/* Peels "**Challenge:**", "## Action", "Result -" and the like. Returns the
 * field and sets *rest to where the text after the label starts, or -1. */
static int
match_label(const struct draftline_words *w, const char *line, size_t len,
    const struct peeled *pl, size_t *rest)
{
	const char *s = line, *e = line + len;
	size_t k = 0, m;
	int f, field = -1;
	bool colon = false, marks = false;

	while (s < e && draftline_is_space(*s))
		s++;
	while (s < e && *s == '#')
		s++;
	s = draftline_skip_spaces(s);
	m = emphasis_marks(s);
	s += m;
	marks = m > 0;
	/* The CCAR roles are in EX_ order from DRAFTLINE_W_CHALLENGE. */
	for (f = EX_CHALLENGE; field < 0 && f <= EX_RESULT; f++) {
		const char *const *words = draftline_words_of(w,
		    (enum draftline_role)(DRAFTLINE_W_CHALLENGE + f - EX_CHALLENGE));

		for (k = 0; words[k] != NULL; k++) {
			size_t wl = strlen(words[k]);

			if ((size_t)(e - s) < wl || strncasecmp(s, words[k], wl) != 0)
				continue;
			if (s + wl < e && isalnum((unsigned char)s[wl]))
				continue;
			s += wl;
			if (e - s >= 3 && strncasecmp(s, "(s)", 3) == 0)
				s += 3;     /* "Result(s):" */
			field = f;
			break;
		}
	}
	if (field < 0)
		return -1;
	s += emphasis_marks(s);
	s = draftline_skip_spaces(s);
	if (s < e && (*s == ':' || (*s == '-' && s + 1 < e && draftline_is_space(s[1])))) {
		colon = true;
		s++;
	} else if (s < e && separator(s) == 3) {
		colon = true;
		s += 3;
	}
	s += emphasis_marks(s);
	s = draftline_skip_spaces(s);
	if (s < e && marks && !colon && !pl->emphasis)
		return -1;  /* "**Action** items were ..." */
	if (!colon && s < e)
		return -1;  /* "Results matter." is prose */
	*rest = (size_t)(s - line);
	return field;
}

/* The ECQ a heading's text names, by title (also a clear prefix of a long
 * title) or by "ECQ n". */
static int
match_ecq_title(const struct framework *fw, const char *text)
{
	char *t = draftline_normalize(text);
	size_t i, tl = strlen(t);
	int found = -1;

	if (tl == 0) {
		free(t);
		return -1;
	}
	for (i = 0; i < fw->n_ecqs && found < 0; i++) {
		char *n = draftline_normalize(fw->ecqs[i].title);
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

/* Returns the length of "ECQ 1", "ECQ #1", "ECQ1" or the words the acronym
 * stands for ("Executive Core Qualification 1") at s, with the number. */
static size_t
ecq_number(const char *s, size_t n, int *num)
{
	size_t i = draftline_prefix(s, "ecq");

	if (i == 0 && (i = draftline_prefix(s, "executive core qualification")) > 0 &&
	    (i >= n || !draftline_is_space(s[i])))
		i = 0;

	if (i == 0)
		return 0;
	while (i < n && (draftline_is_space(s[i]) || s[i] == '#'))
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
	while (*n > 0 && (draftline_is_space(s[*n - 1]) || s[*n - 1] == ':' || s[*n - 1] == '*' ||
	    s[*n - 1] == '_'))
		(*n)--;
}

static bool
classify_ecq(const struct framework *fw, const struct peeled *pl, struct draftline *c)
{
	const char *b = pl->body;
	size_t n = pl->body_len, i;
	int num = 0;
	char *rest;
	int by_title;

	i = ecq_number(b, n, &num);
	if (i > 0) {
		size_t sl;

		while (i < n && draftline_is_space(b[i]))
			i++;
		sl = separator(b + i);
		if (sl == 0 && i < n && b[i] == ',')
			sl = 1;
		if (sl > 0) {
			i += sl;
			while (i < n && draftline_is_space(b[i]))
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
		c->kind = DRAFTLINE_ECQ;
		c->number = num;
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
		/* "(ECQ 1)", "(LC)": a short note after the title. */
		if (open != NULL && (draftline_prefix(open + 1, "ecq") || n - (size_t)(open - b) <= 12)) {
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
	c->kind = DRAFTLINE_ECQ;
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
classify_example(const struct draftline_words *dw, const char *line,
    const struct peeled *pl, bool in_ecq, struct draftline *c)
{
	const char *const *openers = draftline_words_of(dw, DRAFTLINE_W_EXAMPLE);
	const char *b = pl->body;
	size_t n = pl->body_len, i = 0, tl, doff, m, o;
	bool numbered = false;

	/* "**Example 1: Title** (2020-06 to 2022-12)": bold that stops early. */
	m = emphasis_marks(b);
	b += m;
	n -= m < n ? m : n;
	for (o = 0; i == 0 && openers[o] != NULL; o++)
		i = draftline_prefix(b, openers[o]);

	if (i > 0 && (i == n || !isalpha((unsigned char)b[i]))) {
		size_t sl, w;

		while (i < n && (draftline_is_space(b[i]) || b[i] == '#'))
			i++;
		while (i < n && isdigit((unsigned char)b[i])) {
			numbered = true;
			i++;
		}
		/* "Example A:", "Example One -", "Example II:" */
		for (w = 0; !numbered && i + w < n && isalpha((unsigned char)b[i + w]) && w < 6; w++)
			;
		if (!numbered && w > 0 && w < 6 && i + w < n && !isalpha((unsigned char)b[i + w])) {
			size_t k = i + w;

			while (k < n && draftline_is_space(b[k]))
				k++;
			if (k == n || separator(b + k) > 0) {
				numbered = true;
				i = k;
			}
		}
		while (i < n && draftline_is_space(b[i]))
			i++;
		sl = i < n ? separator(b + i) : 0;
		if (!numbered && sl == 0 && i < n)
			return false;   /* "Examples of ..." is prose */
		i += sl;
		while (i < n && draftline_is_space(b[i]))
			i++;
	} else if (in_ecq && n > 0 && (pl->heading > 0 || (pl->emphasis && title_like(b, n)))) {
		i = 0;
	} else {
		return false;
	}
	strip_end(b, &n);
	if (n < i)
		n = i;
	c->kind = DRAFTLINE_EXAMPLE;
	c->has_dates = split_title_dates(dw, b + i, n - i, &tl, &doff, c->start, c->end);
	while (tl > 0 && (draftline_is_space(b[i + tl - 1]) || b[i + tl - 1] == ':' ||
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
		l = draftline_prefix(b, keys[k]);
		if (l == 0)
			continue;
		s = b + l;
		s += emphasis_marks(s);
		if (*s != ':')
			continue;
		s++;
		s += emphasis_marks(s);
		s = draftline_skip_spaces(s);
		*rest = (size_t)(s - line);
		return true;
	}
	return false;
}

void
draftline_classify(const struct framework *fw, const struct draftline_words *w,
    const char *line, size_t len, bool in_ecq, bool next_is_underline, struct draftline *c)
{
	const char *const *comp_keys = draftline_words_of(w, DRAFTLINE_W_COMPETENCIES);
	const char *const *name_keys = draftline_words_of(w, DRAFTLINE_W_NAME);
	const char *const *pos_keys = draftline_words_of(w, DRAFTLINE_W_POSITION);
	const char *const *title_keys = draftline_words_of(w, DRAFTLINE_W_TITLE);
	const char *const *intro_words = draftline_words_of(w, DRAFTLINE_W_INTRO);
	struct peeled pl;
	char *body;
	size_t rest;
	int f;

	memset(c, 0, sizeof *c);
	c->ecq = -1;
	c->kind = DRAFTLINE_TEXT;
	peel(line, len, &pl);
	if (next_is_underline)
		pl.heading = 2;
	if (pl.body_len == 0 && pl.heading == 0) {
		c->kind = draftline_underline(line, len) ? DRAFTLINE_RULE : DRAFTLINE_BLANK;
		return;
	}
	if (draftline_underline(line, len) && pl.heading == 0) {
		c->kind = DRAFTLINE_RULE;
		return;
	}
	c->heading = pl.heading > 0 || pl.emphasis;
	if (classify_ecq(fw, &pl, c))
		return;
	f = match_label(w, line, len, &pl, &rest);
	if (f >= 0) {
		c->kind = DRAFTLINE_LABEL;
		c->field = f;
		c->rest = rest;
		return;
	}
	if (keyed(line, &pl, comp_keys, &rest)) {
		c->kind = DRAFTLINE_COMPETENCIES;
		c->rest = rest;
		return;
	}
	if (!in_ecq && keyed(line, &pl, name_keys, &rest)) {
		c->kind = DRAFTLINE_META;
		c->field = 0;
		c->rest = rest;
		return;
	}
	if (!in_ecq && keyed(line, &pl, pos_keys, &rest)) {
		c->kind = DRAFTLINE_META;
		c->field = 1;
		c->rest = rest;
		return;
	}
	if (in_ecq && keyed(line, &pl, title_keys, &rest)) {
		c->kind = DRAFTLINE_TITLE;
		c->title_off = rest;
		c->title_len = len > rest ? len - rest : 0;
		while (c->title_len > 0 && (draftline_is_space(line[rest + c->title_len - 1]) ||
		    line[rest + c->title_len - 1] == '*'))
			c->title_len--;
		return;
	}
	body = xstrndup(pl.body, pl.body_len);
	if (c->heading) {
		char *n = draftline_normalize(body);
		size_t k;

		for (k = 0; intro_words[k] != NULL; k++) {
			if (strcmp(n, intro_words[k]) != 0)
				continue;
			c->kind = DRAFTLINE_INTRO;
			free(n);
			free(body);
			return;
		}
		free(n);
	}
	if (in_ecq && pl.body_len < 80 &&
	    parse_range(w, pl.body, pl.body_len, c->start, c->end)) {
		c->kind = DRAFTLINE_DATES;
		c->dates_off = (size_t)(pl.body - line);
		c->has_dates = true;
		free(body);
		return;
	}
	free(body);
	if (classify_example(w, line, &pl, in_ecq, c))
		return;
	c->kind = DRAFTLINE_TEXT;
}

bool
draftline_names_ecq(const struct framework *fw, const char *line, size_t len, int *ecq,
    int *number)
{
	struct peeled pl;
	struct draftline c;

	peel(line, len, &pl);
	memset(&c, 0, sizeof c);
	if (!classify_ecq(fw, &pl, &c) || !c.by_title || c.ecq < 0)
		return false;
	*ecq = c.ecq;
	*number = c.number;
	return true;
}
