/* SPDX-License-Identifier: MIT */
/*
 * resume.c: the résumé shape of the project's stories: page settings,
 * drafting a résumé line from an example, the blocks and pages (through
 * layout.c, so the meter and the PDF agree), the ECQ coverage, the checks
 * of each line and the export. Never prints.
 */
#include "config.h"
#include "resume.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "checks/resume_rules.h"
#include "checks/ruleutil.h"
#include "paths.h"
#include "safetext.h"
#include "strbuf.h"
#include "text.h"
#include "wordlist.h"
#include "xalloc.h"

#define PT_PER_IN 72.0

/* ---- small string helpers over strbuf.h ----------------------------------- */

static void
sb_init(struct strbuf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
	strbuf_add(b, "", 0);
}

static void
sb_addn(struct strbuf *b, const char *s, size_t n)
{
	strbuf_add(b, s, n);
}

static void
sb_adds(struct strbuf *b, const char *s)
{
	strbuf_add(b, s, strlen(s));
}

static void
sb_addc(struct strbuf *b, char c)
{
	strbuf_add(b, &c, 1);
}

static void sb_addf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
sb_addf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	sb_adds(b, s);
	g_free(s);
}

static char *
sb_finish(struct strbuf *b)
{
	return b->s;
}

/* ---- settings ------------------------------------------------------------ */

void
resume_settings_default(struct resume_settings *s)
{
	s->margin_in = RESUME_MARGIN_MIN;
	s->font_pt = RESUME_FONT_MIN;
	s->contact[0] = '\0';
}

static int
parse_number(const char *v, double min, double max, double *out)
{
	char *end;
	double d;

	errno = 0;
	d = strtod(v, &end);
	if (end == v || *end != '\0' || errno != 0 || !(d >= min && d <= max))
		return -1;
	*out = d;
	return 0;
}

int
resume_settings_parse(const char *margin, const char *font, struct resume_settings *s,
    struct error *err)
{
	if (margin != NULL && parse_number(margin, RESUME_MARGIN_MIN, RESUME_MARGIN_MAX,
	    &s->margin_in) != 0)
		return error_set(err, ERR_USAGE, "résumé margins are %g to %g inches, not '%s'",
		    RESUME_MARGIN_MIN, RESUME_MARGIN_MAX, margin);
	if (font != NULL && parse_number(font, RESUME_FONT_MIN, RESUME_FONT_MAX, &s->font_pt) != 0)
		return error_set(err, ERR_USAGE, "the résumé's font size is %g to %g points, not '%s'",
		    RESUME_FONT_MIN, RESUME_FONT_MAX, font);
	return 0;
}

void
resume_settings_load(const struct store *st, struct resume_settings *s)
{
	char *m = store_get_setting(st, "resume.margin_in");
	char *f = store_get_setting(st, "resume.font_pt"), *c;
	struct resume_settings got;
	struct error err;

	resume_settings_default(s);
	got = *s;
	/* each on its own: a bad one does not undo the other */
	if (m != NULL && resume_settings_parse(m, NULL, &got, &err) == 0)
		s->margin_in = got.margin_in;
	if (f != NULL && resume_settings_parse(NULL, f, &got, &err) == 0)
		s->font_pt = got.font_pt;
	free(m);
	free(f);
	/* the contact line: the project's own, else the roster's e-mail */
	if ((c = store_get_setting(st, "resume.contact")) == NULL || c[strspn(c, " \t")] == '\0') {
		free(c);
		c = store_get_setting(st, "candidate.email");
	}
	if (c != NULL) {
		char *clean = layout_clean_text(c);

		g_strlcpy(s->contact, clean, sizeof s->contact);
		free(clean);
		free(c);
	}
}

int
resume_settings_save(struct store *st, const struct resume_settings *s, struct error *err)
{
	char buf[32];

	if (!(s->margin_in >= RESUME_MARGIN_MIN && s->margin_in <= RESUME_MARGIN_MAX) ||
	    !(s->font_pt >= RESUME_FONT_MIN && s->font_pt <= RESUME_FONT_MAX))
		return error_set(err, ERR_USAGE, "résumé settings out of range");
	snprintf(buf, sizeof buf, "%g", s->margin_in);
	if (store_set_setting(st, "resume.margin_in", buf, err) != 0)
		return -1;
	snprintf(buf, sizeof buf, "%g", s->font_pt);
	return store_set_setting(st, "resume.font_pt", buf, err);
}

/* ---- drafting ------------------------------------------------------------- */

/*
 * A résumé line is drafted from whole clauses of the example, never from
 * words cut mid-phrase: a sentence is split into chunks at its commas,
 * semicolons and colons (not inside brackets), and a part of the line is
 * the longest run of a sentence's first chunks that fits its share. So a
 * figure keeps its unit ("$4.6 million", "14 percent") and no part ends on
 * a dangling word. The line: the action's verb first ("Mapped ..."), the
 * challenge as a clause ("when claims took 90 days") when it adds a figure
 * the result lacks, then the result as a sentence of its own, first person
 * taken out ("my" and "our" become "the"; "and I" becomes "and"); a clause
 * that cannot lose its "I", "me", "we" or "us" is not used.
 */

/* The most bytes a drafted line should have: three lines as laid out at
 * the largest font and margins the résumé allows, with its "(ECQ n)". */
#define DRAFT_MAX 210
/* Each part's share of it. */
#define DRAFT_LEAD_MAX 100
#define DRAFT_CHALLENGE_MAX 80
#define DRAFT_RESULT_MAX 130
/* What the line says when the example gives no figure to keep. */
#define DRAFT_NO_FIGURE "[Add the figure that measures the result.]"

/* The first-person words a résumé line leaves out. */
static const char *const draft_pronouns[] = { "i", "me", "my", "mine", "myself", "we", "us",
	"our", "ours", "ourselves", "i'm", "i've", "i'd", "i'll", "we're", "we've", "we'd",
	"we'll", NULL };
/* Words between "I" and its verb that the line drops ("I then met"). */
static const char *const draft_adverbs[] = { "then", "also", "first", "next", "later",
	"soon", "quickly", "personally", "immediately", "finally", "therefore", "further",
	"now", "again", "jointly", "directly", NULL };
/* Verbs after "I" that do not say what was done ("I was", "I had to"). */
static const char *const draft_not_actions[] = { "was", "were", "am", "is", "had", "have",
	"has", "did", "do", "could", "would", "should", "must", "might", "can", "will",
	"needed", "wanted", "tried", "became", "felt", "knew", "thought", "believed",
	"realized", "saw", "learned", "found", "got", "hoped", NULL };

/* The dictionaries/ lists the action_verb and unquantified_result rules
 * read, so a draft passes them; any may be NULL (then "-ed" verbs and
 * digits alone). */
struct draft_lists {
	struct wordlist *verbs;         /* resume-verbs */
	struct wordlist *weak;          /* resume-weak-starts */
	struct wordlist *quantity;      /* quantity-words */
};

static bool
tok_has_number(const struct text_doc *d, size_t t)
{
	return d->toks[t].kind == TOK_NUMBER || (d->toks[t].flags & TOKF_DIGIT) != 0;
}

/* The token range of sentence s. */
static void
sent_range(const struct text_doc *d, size_t s, size_t *from, size_t *end)
{
	*from = d->sents[s].first_tok;
	*end = d->sents[s].first_tok + d->sents[s].n_tok;
}

/* A sentence that is only a label the importer left ("**Action.**"). */
static bool
sent_is_label(const struct text_doc *d, size_t s)
{
	const char *p = d->text + d->sents[s].off;
	size_t n = d->sents[s].len;

	return d->sents[s].n_words <= 3 && n >= 2 && (p[0] == '*' || p[0] == '_' ||
	    p[n - 1] == '*' || p[n - 1] == '_' || p[n - 1] == ':');
}

/* The token after a leading label in sentence [from, end): "**Action.** I
 * led" as one sentence starts at "I". */
static size_t
skip_label(const struct text_doc *d, size_t from, size_t end)
{
	size_t t = from;

	/* a list mark typed as a letter: "o The new licence" */
	if (from + 1 < end && d->toks[from].len == 1 && d->text[d->toks[from].off] == 'o' &&
	    (d->toks[from + 1].flags & TOKF_CAPITAL))
		return from + 1;
	while (t < end && d->toks[t].kind == TOK_PUNCT && (d->text[d->toks[t].off] == '*' ||
	    d->text[d->toks[t].off] == '_'))
		t++;
	if (t == from || t >= end || d->toks[t].kind != TOK_WORD)
		return from;
	for (t++; t < end && d->toks[t].kind == TOK_PUNCT; t++)
		;
	return t < end && t > from + 2 ? t : from;
}

/* Whether tokens [from, end) hold a figure: a number, "%", "$" or a
 * quantity word ("twelve", "doubled"), as unquantified_result counts. */
static bool
span_has_number(const struct text_doc *d, size_t from, size_t end, const struct draft_lists *l)
{
	for (; from < end; from++)
		if (tok_has_number(d, from) || ruleutil_punct(d, from, '%') ||
		    ruleutil_punct(d, from, '$') || (l->quantity != NULL &&
		    d->toks[from].kind == TOK_WORD && wordlist_match(l->quantity, d, from, NULL) > 0))
			return true;
	return false;
}

static bool
text_has_number(const char *text, const struct draft_lists *l)
{
	struct text_doc d;
	bool got;

	text_analyze(text, strlen(text), &d);
	got = span_has_number(&d, 0, d.n_toks, l);
	text_doc_free(&d);
	return got;
}

/* The chunk ends of [from, end): each ',' ';' ':' outside brackets, then
 * end. Trailing sentence punctuation is not part of the last chunk. */
static size_t
chunk_ends(const struct text_doc *d, size_t from, size_t end, size_t *out, size_t cap)
{
	size_t t, n = 0;
	int depth = 0;

	while (end > from && d->toks[end - 1].kind == TOK_PUNCT &&
	    (ruleutil_punct(d, end - 1, '.') || ruleutil_punct(d, end - 1, '!') ||
	    ruleutil_punct(d, end - 1, '?') || ruleutil_punct(d, end - 1, ',') ||
	    ruleutil_punct(d, end - 1, ';') || ruleutil_punct(d, end - 1, ':')))
		end--;
	for (t = from; t < end && n + 1 < cap; t++) {
		if (ruleutil_punct(d, t, '(') || ruleutil_punct(d, t, '['))
			depth++;
		else if ((ruleutil_punct(d, t, ')') || ruleutil_punct(d, t, ']')) && depth > 0)
			depth--;
		else if (depth == 0 && t > from && (ruleutil_punct(d, t, ',') ||
		    ruleutil_punct(d, t, ';') || ruleutil_punct(d, t, ':')))
			out[n++] = t;
	}
	out[n++] = end;
	return n;
}

/* Appends tokens [from, end) of d with their spacing, first person taken
 * out: "my" and "our" become "the", "I" and "we" after "and", "then",
 * "but" or a comma are dropped ("and I reviewed" -> "and reviewed").
 * Returns false (b unchanged) when another first-person word is left. */
static bool
render_span(struct strbuf *b, const struct text_doc *d, size_t from, size_t end)
{
	size_t t, mark = b->len, prev = SIZE_MAX;
	bool space = false;

	for (t = from; t < end; t++) {
		const char *s = d->text + d->toks[t].off;
		size_t len = d->toks[t].len;

		if (t > from && d->toks[t].off > d->toks[t - 1].off + d->toks[t - 1].len)
			space = true;
		if (d->toks[t].kind == TOK_WORD && ruleutil_tok_in(d, t, draft_pronouns)) {
			/* "taught its first cohort myself": the stress goes */
			if ((text_tok_eq(d, t, "myself") || text_tok_eq(d, t, "ourselves")) &&
			    prev != SIZE_MAX && d->toks[prev].kind == TOK_WORD)
				continue;
			if (text_tok_eq(d, t, "my") || text_tok_eq(d, t, "our")) {
				s = "the";
				len = 3;
			} else if ((text_tok_eq(d, t, "i") || text_tok_eq(d, t, "we")) &&
			    prev != SIZE_MAX && (ruleutil_is(d, prev, "and") ||
			    ruleutil_is(d, prev, "then") || ruleutil_is(d, prev, "but") ||
			    ruleutil_punct(d, prev, ',')) && t + 1 < end &&
			    d->toks[t + 1].kind == TOK_WORD) {
				continue;       /* keeps the space before it */
			} else {
				b->len = mark;
				b->s[mark] = '\0';
				return false;
			}
		}
		if (space && b->len > mark)
			sb_addc(b, ' ');
		space = false;
		sb_addn(b, s, len);
		prev = t;
	}
	return true;
}

/* [from, stop) without a last "and" or "or" ("A, B, and" -> "A, B"). */
static size_t
trim_conjunction(const struct text_doc *d, size_t from, size_t stop)
{
	while (stop > from && d->toks[stop - 1].kind == TOK_WORD &&
	    (ruleutil_is(d, stop - 1, "and") || ruleutil_is(d, stop - 1, "or")))
		stop--;
	return stop;
}

/* The words of tokens [from, end). */
static size_t
span_words(const struct text_doc *d, size_t from, size_t end)
{
	size_t n = 0;

	for (; from < end; from++)
		n += d->toks[from].kind == TOK_WORD || d->toks[from].kind == TOK_NUMBER;
	return n;
}

static bool
starts_and_or(const struct text_doc *d, size_t t, size_t end)
{
	return t < end && (ruleutil_is(d, t, "and") || ruleutil_is(d, t, "or"));
}

/* Whether a clause may end at chunk end k of ends[0..n): not after a
 * colon's first item, and not inside a list of short items ("a team of
 * policy, grants, and finance staff"). */
static bool
cut_ok(const struct text_doc *d, const size_t *ends, size_t n, size_t k)
{
	size_t j, a, e;

	if (k + 1 == n)
		return true;
	for (j = 0; j < k; j++)
		if (ruleutil_punct(d, ends[j], ':'))
			return false;
	if (ruleutil_punct(d, ends[k], ':'))
		return true;
	for (j = k + 1; j < n; j++) {
		a = ends[j - 1] + 1;
		e = ends[j];
		/* "X, Y, and Z": a list whatever the last item carries */
		if (starts_and_or(d, a, e))
			return j == k + 1 && span_words(d, a, e) > 5;
		if (span_words(d, a, e) > 4)
			return true;
	}
	return true;
}

/*
 * Appends the longest run of whole chunks of [from, end) that renders
 * (render_span) within max bytes and ends where a clause may (cut_ok);
 * when even the first such run is longer, that run all the same if
 * force. Returns false (b unchanged) when nothing could be taken.
 */
static bool
take_clause(struct strbuf *b, const struct text_doc *d, size_t from, size_t end, size_t max,
    bool force)
{
	size_t ends[64], n = chunk_ends(d, from, end, ends, 64), k, mark = b->len, len, best = 0;
	bool found = false;

	for (k = 0; k < n; k++) {
		size_t stop = trim_conjunction(d, from, ends[k]);

		if (!cut_ok(d, ends, n, k))
			continue;
		if (stop <= from || !render_span(b, d, from, stop))
			break;
		len = b->len - mark;
		b->len = mark;
		b->s[mark] = '\0';
		if (len > max && !(!found && force))
			break;
		best = stop;
		found = true;
		if (len > max)
			break;
	}
	if (found)
		render_span(b, d, from, best);
	return found;
}

/* Lower-cases the clause start at b->s[at] (token t of d) unless it reads
 * as a name: all capitals, or followed by another capitalised word. */
static void
lower_start(struct strbuf *b, size_t at, const struct text_doc *d, size_t t)
{
	size_t nx;

	if (at >= b->len || d->toks[t].kind != TOK_WORD || !(d->toks[t].flags & TOKF_CAPITAL) ||
	    (d->toks[t].flags & TOKF_ALLCAPS) || (unsigned char)b->s[at] >= 0x80)
		return;
	for (nx = t + 1; nx < d->n_toks && d->toks[nx].kind != TOK_WORD; nx++)
		;
	if (nx < d->n_toks && (d->toks[nx].flags & TOKF_CAPITAL) && nx == t + 1)
		return;
	b->s[at] = (char)tolower((unsigned char)b->s[at]);
}

static void
upper_start(struct strbuf *b, size_t at)
{
	if (at < b->len)
		b->s[at] = (char)toupper((unsigned char)b->s[at]);
}

/* Whether w (token t) starts a line as the action_verb rule wants: a verb
 * of resume-verbs, or a past tense in "-ed" of five letters or more. */
static bool
verb_ok(const struct draft_lists *l, const struct text_doc *d, size_t t)
{
	char low[64];
	size_t n = ruleutil_lower(d, t, low, sizeof low);

	if (n == 0 || (l->weak != NULL && wordlist_match(l->weak, d, t, NULL) > 0))
		return false;
	if (l->verbs != NULL && wordlist_contains(l->verbs, low))
		return true;
	return n > 4 && strcmp(low + n - 2, "ed") == 0 && strcmp(low + n - 3, "eed") != 0;
}

/* The verb after the first "I" of [from, end) ("I led", "In 2021, I then
 * built"), or SIZE_MAX when there is none or it says no action. */
static size_t
i_verb(const struct text_doc *d, size_t from, size_t end)
{
	size_t t, v;
	char low[64];
	size_t n;

	for (t = from; t < end; t++) {
		if (d->toks[t].kind != TOK_WORD || !text_tok_eq(d, t, "i"))
			continue;
		for (v = t + 1; v < end && d->toks[v].kind == TOK_WORD; v++) {
			n = ruleutil_lower(d, v, low, sizeof low);
			if (!ruleutil_in(low, draft_adverbs) && !(n > 4 && strcmp(low + n - 2, "ly") == 0))
				break;
		}
		if (v + 1 >= end || d->toks[v].kind != TOK_WORD || !(d->toks[v].off >
		    d->toks[v - 1].off + d->toks[v - 1].len))
			return SIZE_MAX;
		n = ruleutil_lower(d, v, low, sizeof low);
		if (n == 0 || ruleutil_in(low, draft_not_actions) || ruleutil_function_word(low) ||
		    (d->toks[v].flags & TOKF_CAPITAL))
			return SIZE_MAX;
		return v;
	}
	return SIZE_MAX;
}

/* Appends verb v capitalised, then its clause within max bytes (the
 * first chunk all the same if force). */
static bool
take_verb_phrase(struct strbuf *b, const struct text_doc *d, size_t v, size_t end, size_t max,
    bool force)
{
	size_t mark = b->len;

	sb_addn(b, d->text + d->toks[v].off, d->toks[v].len);
	upper_start(b, mark);
	sb_addc(b, ' ');
	if (!take_clause(b, d, v + 1, end, max > d->toks[v].len + 1 ? max - d->toks[v].len - 1 : 1,
	    force)) {
		b->len = mark;
		b->s[mark] = '\0';
		return false;
	}
	return true;
}

/* The lead: the action's verb first. Tries each "I <verb>" sentence of
 * the action, the first whose verb the action_verb rule takes, else the
 * first that is not a weak start ("Worked with"); one whose clause fits
 * max before one that does not; then a sentence that starts with such a
 * verb ("Mapped the process."); else "Led the work". */
static void
draft_lead(struct strbuf *b, const struct text_doc *ac, const struct draft_lists *l, size_t max)
{
	size_t s, from, end, v, pass, mark = b->len;

	for (pass = 0; pass < 4; pass++)
		for (s = 0; s < ac->n_sents; s++) {
			if (sent_is_label(ac, s))
				continue;
			sent_range(ac, s, &from, &end);
			from = skip_label(ac, from, end);
			/* "I took these steps:" only announces a list */
			if (ruleutil_punct(ac, end - 1, ':'))
				continue;
			if ((v = i_verb(ac, from, end)) == SIZE_MAX || (pass % 2 == 0 &&
			    !verb_ok(l, ac, v)) || (l->weak != NULL &&
			    wordlist_match(l->weak, ac, v, NULL) > 0))
				continue;
			if (take_verb_phrase(b, ac, v, end, max, pass >= 2))
				return;
		}
	for (s = 0; s < ac->n_sents; s++) {
		if (sent_is_label(ac, s))
			continue;
		sent_range(ac, s, &from, &end);
		from = skip_label(ac, from, end);
		if (from < end && ac->toks[from].kind == TOK_WORD && verb_ok(l, ac, from) &&
		    take_clause(b, ac, from, end, max, true)) {
			upper_start(b, mark);
			return;
		}
		break;
	}
	sb_adds(b, "Led the work");
}

static bool
is_year(const struct text_doc *d, size_t t)
{
	const char *s = d->text + d->toks[t].off;

	return d->toks[t].len == 4 && (strncmp(s, "19", 2) == 0 || strncmp(s, "20", 2) == 0) &&
	    s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9';
}

/* The start of the main clause of [from, end): past an opening phrase
 * ("In 2020,", "When I became Director of X in 2020,") that begins with a
 * function word or a figure and holds no figure but a year. */
static size_t
skip_intro(const struct text_doc *d, size_t from, size_t end)
{
	size_t ends[64], n = chunk_ends(d, from, end, ends, 64), t, c = ends[0];
	char low[32];

	if (n < 2 || c + 1 >= end || !ruleutil_punct(d, c, ','))
		return from;
	if (!(tok_has_number(d, from) || (ruleutil_lower(d, from, low, sizeof low) > 0 &&
	    ruleutil_function_word(low))))
		return from;
	for (t = from; t < c; t++)
		if (tok_has_number(d, t) && !is_year(d, t))
			return from;
	return c + 1;
}

/* Whether a figure of [from, end) is not in text (one the result lacks). */
static bool
adds_figure(const struct text_doc *d, size_t from, size_t end, const char *text)
{
	size_t t;

	for (t = from; t < end; t++) {
		char *fig;
		bool in;

		if (!tok_has_number(d, t) || is_year(d, t))
			continue;
		fig = xstrndup(d->text + d->toks[t].off, d->toks[t].len);
		in = strstr(text, fig) != NULL;
		free(fig);
		if (!in)
			return true;
	}
	return false;
}

/* The challenge, when a sentence of it adds a figure the result lacks:
 * " when <clause>" into b, or, when the clause is "I <verb> ...", that
 * verb phrase into vp (it leads the line). Nothing when none fits. */
static void
draft_challenge(struct strbuf *b, struct strbuf *vp, const struct text_doc *ch,
    const struct draft_lists *l, const char *result)
{
	static const char *const subordinators[] = { "when", "after", "as", "since", "while",
		"because", "although", "though", "once", "if", "until", "before", "whenever", NULL };
	size_t s, from, end, v, mark = b->len;

	for (s = 0; s < ch->n_sents; s++) {
		if (sent_is_label(ch, s))
			continue;
		sent_range(ch, s, &from, &end);
		from = skip_label(ch, from, end);
		if (!adds_figure(ch, from, end, result))
			continue;
		from = skip_intro(ch, from, end);
		if (from >= end || ruleutil_tok_in(ch, from, subordinators))
			continue;
		if (text_tok_eq(ch, from, "i")) {
			v = i_verb(ch, from, end);
			if (v == SIZE_MAX || v != from + 1 || !verb_ok(l, ch, v))
				continue;
			if (take_verb_phrase(vp, ch, v, end, DRAFT_CHALLENGE_MAX, false)) {
				if (strpbrk(vp->s, "0123456789") != NULL)
					return;
				vp->len = 0;
				vp->s[0] = '\0';
			}
			continue;
		}
		sb_adds(b, " when ");
		if (take_clause(b, ch, from, end, DRAFT_CHALLENGE_MAX, false) &&
		    strpbrk(b->s + mark, "0123456789") != NULL) {
			lower_start(b, mark + 6, ch, from);
			return;
		}
		b->len = mark;
		b->s[mark] = '\0';
	}
}

/* The result as a sentence: its first sentence with a figure (else its
 * first), "As a result," and a leading "I" or "We" dropped. */
static void
draft_result(struct strbuf *b, const struct text_doc *re, const struct draft_lists *l,
    size_t max)
{
	size_t s, from, end, pass, m, mark = b->len;

	for (pass = 0; pass < 2; pass++)
		for (s = 0; s < re->n_sents; s++) {
			if (sent_is_label(re, s))
				continue;
			sent_range(re, s, &from, &end);
			from = skip_label(re, from, end);
			if (pass == 0 && !span_has_number(re, from, end, l))
				continue;
			if (from + 3 < end && text_tok_eq(re, from, "as") &&
			    text_tok_eq(re, from + 1, "a") && text_tok_eq(re, from + 2, "result")) {
				from += 3;
				if (ruleutil_punct(re, from, ','))
					from++;
			}
			if (from + 1 < end && (text_tok_eq(re, from, "i") || text_tok_eq(re, from, "we")) &&
			    re->toks[from + 1].kind == TOK_WORD)
				from++;
			/* the figure may lie past the result's share: on to it */
			for (m = max; m <= DRAFT_MAX; m += DRAFT_MAX - max) {
				if (take_clause(b, re, from, end, m, true) &&
				    (pass == 1 || text_has_number(b->s + mark, l))) {
					upper_start(b, mark);
					return;
				}
				b->len = mark;
				b->s[mark] = '\0';
			}
		}
}

static struct wordlist *
draft_list(const char *name)
{
	struct wordlist *l = NULL;
	struct error err;
	char *rel = xasprintf("dictionaries/%s.txt", name), *path = paths_data_file(rel);

	free(rel);
	if (wordlist_load_file(path, &l, &err) != 0)
		l = NULL;
	free(path);
	return l;
}

char *
resume_draft(const struct example *ex)
{
	struct text_doc ch, ac, re;
	struct strbuf b, lead, when, vp, res;
	struct draft_lists l;
	size_t total;

	sb_init(&b);
	text_analyze(ex->field[EX_CHALLENGE], strlen(ex->field[EX_CHALLENGE]), &ch);
	text_analyze(ex->field[EX_ACTION], strlen(ex->field[EX_ACTION]), &ac);
	text_analyze(ex->field[EX_RESULT], strlen(ex->field[EX_RESULT]), &re);
	if (ch.n_words + ac.n_words + re.n_words == 0)
		goto done;
	l.verbs = draft_list("resume-verbs");
	l.weak = draft_list("resume-weak-starts");
	l.quantity = draft_list("quantity-words");
	sb_init(&lead);
	sb_init(&when);
	sb_init(&vp);
	sb_init(&res);
	draft_result(&res, &re, &l, DRAFT_RESULT_MAX);
	draft_lead(&lead, &ac, &l, DRAFT_LEAD_MAX);
	draft_challenge(&when, &vp, &ch, &l, res.s);
	total = lead.len + when.len + vp.len + res.len;
	if (total > DRAFT_MAX) {
		/* the challenge goes first, then each part to its first clause */
		total -= when.len + vp.len;
		when.len = vp.len = 0;
		when.s[0] = vp.s[0] = '\0';
	}
	if (total > DRAFT_MAX) {
		/* the result keeps its first figure; the lead gives way */
		res.len = 0;
		res.s[0] = '\0';
		draft_result(&res, &re, &l, DRAFT_MAX - (lead.len < DRAFT_MAX / 2 ? lead.len :
		    DRAFT_MAX / 2));
		lead.len = 0;
		lead.s[0] = '\0';
		draft_lead(&lead, &ac, &l, DRAFT_MAX > res.len + 2 ? DRAFT_MAX - res.len - 2 : 1);
	}
	if (vp.len > 0) {
		sb_adds(&b, vp.s);
		sb_adds(&b, "; ");
		if (lead.s[0] != '\0' && lead.s[1] != '\0' && !isupper((unsigned char)lead.s[1]))
			lead.s[0] = (char)tolower((unsigned char)lead.s[0]);
	}
	sb_adds(&b, lead.s);
	sb_adds(&b, when.s);
	sb_addc(&b, '.');
	if (res.len > 0) {
		sb_addc(&b, ' ');
		sb_adds(&b, res.s);
		if (res.s[res.len - 1] != '.')
			sb_addc(&b, '.');
	}
	/* no figure for the result: the line says what is missing */
	if (!text_has_number(res.s, &l)) {
		sb_addc(&b, ' ');
		sb_adds(&b, DRAFT_NO_FIGURE);
	}
	free(lead.s);
	free(when.s);
	free(vp.s);
	free(res.s);
	wordlist_free(l.verbs);
	wordlist_free(l.weak);
	wordlist_free(l.quantity);
done:
	text_doc_free(&ch);
	text_doc_free(&ac);
	text_doc_free(&re);
	return sb_finish(&b);
}

/* ---- blocks and pages -------------------------------------------------------- */

/* The space above each kind of résumé block, in lines of the body text. */
#define GAP_SECTION 0.9
#define GAP_POSITION 0.8
#define GAP_DUTIES 0.3
#define GAP_BULLET 0.2
/* A bullet's hanging indent, in body font sizes. */
#define BULLET_HANG 1.3

/* How a résumé block is set (see struct layout_block). */
struct look {
	double size_pt;         /* 0: the body's */
	bool bold;              /* the whole block */
	size_t bold_len;        /* or its first bytes */
	bool keep;
	double gap;             /* lines above it; < 0: the layout's gap */
	bool bullet;            /* "•" and a hanging indent */
	bool rule;              /* a line under it */
};

static struct layout_block *
push_look(struct layout_blocks *b, size_t *cap, enum layout_block_kind kind, char *text,
    const struct look *lk, double body_pt)
{
	char *clean = layout_clean_text(text), *full;
	struct layout_block *blk;

	free(text);
	if (*clean == '\0') {
		free(clean);
		return NULL;
	}
	if (b->n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		b->items = xreallocarray(b->items, *cap, sizeof *b->items);
	}
	blk = &b->items[b->n++];
	memset(blk, 0, sizeof *blk);
	blk->kind = kind;
	blk->ecq = 0;
	if (lk != NULL && lk->bullet) {
		/* the bullet, a tab to the hanging indent, the text */
		full = xasprintf("\xe2\x80\xa2\t%s", clean);
		free(clean);
		clean = full;
		blk->hang_pt = BULLET_HANG * body_pt;
	}
	blk->text = clean;
	if (lk != NULL) {
		blk->size_pt = lk->size_pt;
		blk->bold_len = lk->bold ? strlen(clean) : lk->bold_len;
		blk->keep = lk->keep;
		blk->own_space = lk->gap >= 0;
		blk->space_before = lk->gap >= 0 ? lk->gap * body_pt * 1.15 : 0;
		blk->rule_below = lk->rule;
	}
	return blk;
}

/* "a, b | c" from the parts that are not empty. */
static char *
join3(const char *a, const char *sep1, const char *b, const char *sep2, const char *c)
{
	struct strbuf s;

	sb_init(&s);
	sb_adds(&s, a);
	if (*b != '\0') {
		if (s.len > 0)
			sb_adds(&s, sep1);
		sb_adds(&s, b);
	}
	if (*c != '\0') {
		if (s.len > 0)
			sb_adds(&s, sep2);
		sb_adds(&s, c);
	}
	return sb_finish(&s);
}

static char *
position_dates(const struct position *pos)
{
	const char *a = pos->field[POS_START], *z = pos->field[POS_END];

	if (*a != '\0' && *z != '\0')
		return xasprintf("%s to %s", a, z);
	if (*a != '\0')
		return xasprintf("from %s", a);
	return xstrdup(z);
}

static char *
position_facts(const struct position *pos)
{
	char *dates = position_dates(pos), *hours, *res;

	hours = *pos->field[POS_HOURS] != '\0' ? xasprintf("%s hours per week", pos->field[POS_HOURS]) :
	    xstrdup("");
	res = join3(dates, "; ", pos->field[POS_GRADE], "; ", hours);
	free(dates);
	free(hours);
	return res;
}

/* The supervisor line as USAJOBS asks: name, phone, and whether to contact. */
static char *
position_supervisor(const struct position *pos)
{
	const char *name = pos->field[POS_SUPERVISOR], *ok = pos->field[POS_MAY_CONTACT];
	char *people, *res, *contact;

	if (*name == '\0' && *pos->field[POS_PHONE] == '\0')
		return xstrdup("");
	people = join3(name, ", ", pos->field[POS_PHONE], "", "");
	contact = *ok != '\0' ? xasprintf("may contact: %s", ok) : xstrdup("");
	res = xasprintf("Supervisor: %s%s%s", people, *contact ? "; " : "", contact);
	free(people);
	free(contact);
	return res;
}

/* A résumé line on one line, "(ECQ n)" after it; nbsp: the tag and the
 * line's last word joined by no-break spaces, so the tag never stands
 * alone on a line (the PDF). */
static char *
line_text(const struct example *ex, bool nbsp)
{
	char *one = xstrdup(project_example_resume(ex)), *q, *res;

	for (q = one; *q != '\0'; q++)
		if (*q == '\n' || *q == '\r')
			*q = ' ';
	g_strstrip(one);
	res = nbsp ? xasprintf("%s\xc2\xa0(ECQ\xc2\xa0%d)", one, ex->ecq + 1) :
	    xasprintf("%s (ECQ %d)", one, ex->ecq + 1);
	free(one);
	return res;
}

static bool
has_line(const struct example *ex)
{
	const char *s = project_example_resume(ex);

	for (; *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return true;
	return false;
}

static void
push_lines(const struct project *p, struct layout_blocks *out, size_t *cap, int64_t pos_id,
    size_t *ex_block, double pt)
{
	const struct look lk = { .gap = GAP_BULLET, .bullet = true };
	size_t i;

	for (i = 0; i < p->n_examples; i++) {
		const struct example *ex = &p->examples[i];

		if (ex->position_id != pos_id || !has_line(ex))
			continue;
		if (ex_block != NULL)
			ex_block[i] = out->n;
		push_look(out, cap, LAYOUT_BLOCK_PARAGRAPH, line_text(ex, true), &lk, pt);
	}
}

/* The position's heading: its title in bold, then the organization. */
static void
push_position_title(struct layout_blocks *out, size_t *cap, const struct position *pos,
    double pt)
{
	char *title = layout_clean_text(pos->field[POS_TITLE]);
	struct look lk = { .keep = true, .gap = GAP_POSITION };

	lk.bold_len = strlen(title);
	if (lk.bold_len == 0)
		lk.bold = true;     /* the organization alone */
	push_look(out, cap, LAYOUT_BLOCK_EXAMPLE_TITLE,
	    join3(title, ", ", pos->field[POS_ORGANIZATION], "", ""), &lk, pt);
	free(title);
}

/* The blocks of the résumé under s (NULL: no contact line). */
static void
blocks_build(const struct project *p, const struct resume_settings *s, struct layout_blocks *out,
    size_t *ex_block)
{
	double pt = s != NULL ? s->font_pt : RESUME_FONT_MIN;
	const struct look name = { .size_pt = RESUME_HEADING_PT, .bold = true, .keep = true,
		.gap = 0 };
	const struct look contact = { .keep = true, .gap = 0.15 };
	const struct look section = { .size_pt = RESUME_HEADING_PT, .bold = true, .keep = true,
		.gap = GAP_SECTION, .rule = true };
	const struct look fact = { .keep = true, .gap = 0 };
	const struct look duty = { .gap = GAP_DUTIES };
	const struct look fact_first = { .keep = true, .gap = GAP_POSITION, .bold = true };
	size_t cap = 0, i, n_other = 0;
	const char *d, *e;

	out->items = NULL;
	out->n = 0;
	for (i = 0; ex_block != NULL && i < p->n_examples; i++)
		ex_block[i] = SIZE_MAX;
	push_look(out, &cap, LAYOUT_BLOCK_ECQ_HEADING, xstrdup(p->candidate), &name, pt);
	if (s != NULL && *s->contact != '\0')
		push_look(out, &cap, LAYOUT_BLOCK_PARAGRAPH, xstrdup(s->contact), &contact, pt);
	if (*p->position != '\0')
		push_look(out, &cap, LAYOUT_BLOCK_PARAGRAPH, xasprintf("Applying for: %s",
		    p->position), &contact, pt);
	push_look(out, &cap, LAYOUT_BLOCK_ECQ_HEADING, xstrdup("Work Experience"), &section, pt);
	for (i = 0; i < p->n_positions; i++) {
		const struct position *pos = &p->positions[i];
		size_t at = out->n;

		push_position_title(out, &cap, pos, pt);
		/* a position with no title and organization: its facts lead */
		push_look(out, &cap, LAYOUT_BLOCK_PARAGRAPH, position_facts(pos),
		    out->n == at ? &fact_first : &fact, pt);
		push_look(out, &cap, LAYOUT_BLOCK_PARAGRAPH, position_supervisor(pos), &fact, pt);
		for (d = pos->field[POS_DUTIES]; *d != '\0'; d = *e ? e + 1 : e) {
			e = d + strcspn(d, "\n");
			push_look(out, &cap, LAYOUT_BLOCK_PARAGRAPH, xstrndup(d, (size_t)(e - d)),
			    &duty, pt);
		}
		push_lines(p, out, &cap, pos->id, ex_block, pt);
	}
	for (i = 0; i < p->n_examples; i++)
		if (p->examples[i].position_id == 0 && has_line(&p->examples[i]))
			n_other++;
	if (n_other > 0) {
		struct look other = { .keep = true, .gap = GAP_POSITION, .bold = true };

		push_look(out, &cap, LAYOUT_BLOCK_EXAMPLE_TITLE, xstrdup(p->n_positions > 0 ?
		    "Other accomplishments (not yet under a position)" : "Accomplishments"), &other,
		    pt);
		push_lines(p, out, &cap, 0, ex_block, pt);
	}
}

void
resume_blocks_build(const struct project *p, struct layout_blocks *out, size_t *ex_block)
{
	blocks_build(p, NULL, out, ex_block);
}

int
resume_layout(struct layout_cache *c, const struct project *p,
    const struct resume_settings *s, const char *font, struct layout_result *r,
    int **lines, struct error *err)
{
	struct layout_options o;
	struct layout_blocks b;
	size_t *ex_block = xcalloc(p->n_examples + 1, sizeof *ex_block), i;
	int rc;

	if (lines != NULL)
		*lines = NULL;
	blocks_build(p, s, &b, ex_block);
	layout_options_init(&o);
	o.font = font != NULL && *font != '\0' ? font : RESUME_DEFAULT_FONT;
	o.blocks = &b;
	o.font_pt = s->font_pt;
	o.margin_in = s->margin_in;
	o.gap_lines = 0.35;
	rc = layout_pages(c, p, &o, r, err);
	if (rc == 0) {
		/* the name is on page 1; the header band names the candidate
		 * from page 2 */
		r->header_from_page = *p->candidate != '\0' ? 2 : 1;
	}
	if (rc == 0 && lines != NULL) {
		*lines = xcalloc(p->n_examples + 1, sizeof **lines);
		for (i = 0; i < p->n_examples; i++)
			if (ex_block[i] != SIZE_MAX && ex_block[i] < r->n_blocks)
				(*lines)[i] = r->block_lines[ex_block[i]];
	}
	free(ex_block);
	layout_blocks_free(&b);
	return rc;
}

/* ---- coverage and the meter ----------------------------------------------- */

size_t
resume_coverage(const struct project *p, bool *shown)
{
	size_t i, n = 0;

	memset(shown, 0, p->fw->n_ecqs * sizeof *shown);
	for (i = 0; i < p->n_examples; i++)
		if (has_line(&p->examples[i]) && p->examples[i].ecq >= 0 &&
		    (size_t)p->examples[i].ecq < p->fw->n_ecqs)
			shown[p->examples[i].ecq] = true;
	for (i = 0; i < p->fw->n_ecqs; i++)
		n += shown[i];
	return n;
}

char *
resume_coverage_line(const struct project *p)
{
	bool *shown = xcalloc(p->fw->n_ecqs + 1, sizeof *shown);
	struct strbuf b;
	size_t i, n = resume_coverage(p, shown), k = 0;

	sb_init(&b);
	if (n == p->fw->n_ecqs) {
		sb_addf(&b, "Shows all %zu ECQs", n);
	} else {
		sb_adds(&b, n > 0 ? "Shows ECQ " : "Shows no ECQ yet");
		for (i = 0; i < p->fw->n_ecqs; i++)
			if (shown[i])
				sb_addf(&b, "%s%zu", k++ ? ", " : "", i + 1);
		sb_adds(&b, "; lacks ");
		k = 0;
		for (i = 0; i < p->fw->n_ecqs; i++)
			if (!shown[i])
				sb_addf(&b, "%s%zu (%s)", k++ ? ", " : "", i + 1, p->fw->ecqs[i].title);
	}
	free(shown);
	return sb_finish(&b);
}

char *
resume_meter(const struct project *p, const struct layout_result *r, const int *lines)
{
	double budget = p->fw->docs.resume_pages > 0 ? p->fw->docs.resume_pages : 2;
	int limit = (int)floor(budget), over;
	size_t i, longest = SIZE_MAX;

	if (r->pages <= limit)
		return xasprintf("%.1f of %g pages: fits", r->used, budget);
	over = (int)ceil((r->used - limit) * r->lines_per_page);
	if (over < 1)
		over = 1;
	for (i = 0; lines != NULL && i < p->n_examples; i++)
		if (lines[i] > 1 && (longest == SIZE_MAX || lines[i] > lines[longest]))
			longest = i;
	if (longest != SIZE_MAX)
		return xasprintf("%.1f of %g pages: over; cut about %d line%s (the longest résumé "
		    "line is ECQ %d's \"%s\", %d lines)", r->used, budget, over, over == 1 ? "" : "s",
		    p->examples[longest].ecq + 1, p->examples[longest].field[EX_TITLE],
		    lines[longest]);
	return xasprintf("%.1f of %g pages: over; cut about %d line%s of duties or lines",
	    r->used, budget, over, over == 1 ? "" : "s");
}

/* ---- checks ---------------------------------------------------------------- */

static bool
applies(const struct finding *f, void *arg)
{
	static const char *const ids[] = { "spelling", "we_voice", "passive", "bureaucratic",
		"vague", "political", "grammar", "encoding", NULL };

	(void)arg;
	return ruleutil_in(f->rule, ids);
}

/* The speller's word check, for the action_verb rule (resume_rules.h). */
static bool
known_word(void *arg, const char *word)
{
	return checker_spell_ok(arg, word);
}

void
resume_check_line(struct checker *ck, const struct project *p, const struct example *ex,
    const char *text, int lines, struct findings *out)
{
	struct resume_rule_ctx rc;
	struct check_ctx ctx;
	char *target = xasprintf("example.%lld.resume", (long long)ex->id);
	size_t from = out->n;

	rc.ecq = ex->ecq;
	rc.example = ex->id;
	rc.target = target;
	rc.max_lines = (int)p->fw->docs.resume_line_lines;
	rc.known = ck != NULL && checker_spell_available(ck) ? known_word : NULL;
	rc.known_arg = ck;
	if (ck != NULL) {
		ctx.ecq = ex->ecq;
		ctx.example = ex->id;
		ctx.field = -1;
		ctx.target = target;
		checker_check_text(ck, text, strlen(text), &ctx, out);
		findings_filter(out, from, applies, NULL);
	}
	resume_rules_check(text, lines, &rc, ck != NULL ? checker_lists(ck) : NULL, out);
	free(target);
}

/* The text of one position as USAJOBS' builder takes it: the same block
 * the text export writes for pasting. */
static char *
usajobs_text(const struct project *p, const struct position *pos)
{
	return resume_usajobs_block(p, pos);
}

static size_t
u8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

void
resume_check(struct checker *ck, const struct project *p, const int *lines,
    struct findings *out)
{
	bool *shown = xcalloc(p->fw->n_ecqs + 1, sizeof *shown);
	struct finding f;
	size_t i, n;
	char *msg, *txt, *target;
	int limit = (int)p->fw->docs.resume_field_chars;

	for (i = 0; i < p->n_examples; i++)
		if (has_line(&p->examples[i]))
			resume_check_line(ck, p, &p->examples[i], project_example_resume(&p->examples[i]),
			    lines != NULL ? lines[i] : -1, out);
	resume_coverage(p, shown);
	for (i = 0; i < p->fw->n_ecqs; i++) {
		if (shown[i])
			continue;
		memset(&f, 0, sizeof f);
		f.rule = "resume_coverage";
		f.severity = SEV_WARNING;
		f.ecq = (int)i;
		f.example = -1;
		f.field = -1;
		msg = xasprintf("The résumé shows no accomplishment for ECQ %zu (%s)", i + 1,
		    p->fw->ecqs[i].title);
		f.message = msg;
		f.suggestion = (char *)"Draft a résumé line from one of its examples";
		findings_add(out, &f);
		free(msg);
	}
	free(shown);
	for (i = 0; limit > 0 && i < p->n_positions; i++) {
		txt = usajobs_text(p, &p->positions[i]);
		n = u8_chars(txt);
		free(txt);
		if (n <= (size_t)limit)
			continue;
		memset(&f, 0, sizeof f);
		f.rule = "usajobs_limit";
		f.severity = SEV_WARNING;
		f.ecq = -1;
		f.example = -1;
		f.field = -1;
		/* on the duties, the text to cut first (and a key for dismissals) */
		target = xasprintf("position.%lld.duties", (long long)p->positions[i].id);
		f.target = target;
		msg = xasprintf("Position %zu (%s): its duties and accomplishments have %zu characters; "
		    "USAJOBS' résumé builder takes %d", i + 1, p->positions[i].field[POS_TITLE], n, limit);
		f.message = msg;
		f.suggestion = (char *)"Cut the duties first, then the longest lines";
		findings_add(out, &f);
		free(msg);
		free(target);
	}
}

static bool
is_length(const struct finding *f, void *arg)
{
	(void)arg;
	return strcmp(f->rule, "resume_length") == 0;
}

int
resume_length_check(struct layout_cache *c, const struct project *p,
    const struct resume_settings *s, struct findings *out, struct error *err)
{
	struct resume_settings defaults;
	struct layout_result r;
	int *lines = NULL, rc;
	size_t i, from;

	if (p == NULL || p->fw == NULL || p->fw->docs.use[DOC_RESUME] == DOC_NO)
		return 0;
	for (i = 0; i < p->n_examples && !has_line(&p->examples[i]); i++)
		;
	if (i == p->n_examples)
		return 0;       /* no line to lay out: no Pango work */
	if (s == NULL) {
		resume_settings_default(&defaults);
		s = &defaults;
	}
	memset(&r, 0, sizeof r);
	rc = resume_layout(c, p, s, NULL, &r, &lines, err);
	if (rc == 0) {
		for (i = 0; i < p->n_examples; i++) {
			if (!has_line(&p->examples[i]))
				continue;
			from = out->n;
			resume_check_line(NULL, p, &p->examples[i],
			    project_example_resume(&p->examples[i]), lines[i], out);
			findings_filter(out, from, is_length, NULL);
		}
	}
	free(lines);
	layout_result_free(&r);
	return rc;
}

/* ---- export ----------------------------------------------------------------- */

char *
resume_usajobs_block(const struct project *p, const struct position *pos)
{
	struct strbuf b;
	size_t i;
	bool first = true;
	char *s, *duties = xstrdup(pos != NULL ? pos->field[POS_DUTIES] : "");

	sb_init(&b);
	g_strstrip(duties);
	sb_adds(&b, duties);
	free(duties);
	for (i = 0; i < p->n_examples; i++) {
		if (p->examples[i].position_id != (pos != NULL ? pos->id : 0) ||
		    !has_line(&p->examples[i]))
			continue;
		/* a blank line between the duties and the first accomplishment */
		if (b.len > 0)
			sb_adds(&b, first ? "\n\n" : "\n");
		first = false;
		s = line_text(&p->examples[i], false);
		sb_addf(&b, "- %s", s);
		free(s);
	}
	return sb_finish(&b);
}

size_t
resume_usajobs_chars(const struct project *p, const struct position *pos)
{
	char *t = resume_usajobs_block(p, pos);
	size_t n = u8_chars(t);

	free(t);
	return n;
}

/* Appends prefix and content wrapped at width (0: one line), the lines
 * after the first indented by prefix's width (a list item's or a field's
 * hanging indent); " (ECQ n)" stays with the word before it. */
static void
text_hang(struct strbuf *b, const char *prefix, const char *content, int width)
{
	int indent = (int)u8_chars(prefix);
	char *w, *q;
	GString *keep = g_string_new(content);

	/* a no-break space holds the tag together while wrapping */
	for (q = strstr(keep->str, " (ECQ "); q != NULL; q = strstr(q + 1, " (ECQ ")) {
		size_t at = (size_t)(q - keep->str);

		g_string_erase(keep, (gssize)at, 1);
		g_string_insert(keep, (gssize)at, "\xc2\xa0");
		g_string_erase(keep, (gssize)at + 6, 1);
		g_string_insert(keep, (gssize)at + 6, "\xc2\xa0");
		q = keep->str + at + 1;
	}
	w = export_wrap(keep->str, width > indent + 10 ? width - indent : width);
	g_string_free(keep, TRUE);
	sb_adds(b, prefix);
	for (q = w; *q != '\0'; q++) {
		if (strncmp(q, "\xc2\xa0(ECQ\xc2\xa0", 8) == 0) {
			sb_adds(b, " (ECQ ");
			q += 7;
			continue;
		}
		sb_addc(b, *q);
		if (*q == '\n' && q[1] != '\0')
			sb_addf(b, "%*s", indent, "");
	}
	sb_addc(b, '\n');
	free(w);
}

static void
text_line(struct strbuf *b, const char *s, int width, int indent)
{
	if (indent == 2 && strncmp(s, "- ", 2) == 0)
		text_hang(b, "- ", s + 2, width);
	else
		text_hang(b, "", s, width);
}

/* "1,234" */
static char *
thousands(size_t n)
{
	return n >= 1000 ? xasprintf("%zu,%03zu", n / 1000, n % 1000) : xasprintf("%zu", n);
}

/* One "Label:  value" line of a position's builder fields, when value is
 * not empty. */
static void
field_line(struct strbuf *b, const char *label, const char *value, int width)
{
	char *s;

	if (*value == '\0')
		return;
	s = xasprintf("%-16s", label);
	text_hang(b, s, value, width);
	free(s);
}

/* A position as plain text for USAJOBS' builder: its form fields one a
 * line, then the block for its duties box, ready to paste, with its count. */
static void
text_position(struct strbuf *b, const struct project *p, const struct position *pos, size_t k,
    size_t n, int width)
{
	int limit = (int)p->fw->docs.resume_field_chars;
	size_t chars;
	char *blk, *cnt, *lim, *s, *line;
	const char *q, *e;

	sb_adds(b, "\n========================================================================\n");
	if (pos != NULL) {
		sb_addf(b, "POSITION %zu OF %zu\n", k, n);
		field_line(b, "Job title:", pos->field[POS_TITLE], width);
		field_line(b, "Organization:", pos->field[POS_ORGANIZATION], width);
		s = position_dates(pos);
		field_line(b, "Dates:", s, width);
		free(s);
		field_line(b, "Series/grade:", pos->field[POS_GRADE], width);
		field_line(b, "Hours per week:", pos->field[POS_HOURS], width);
		s = join3(pos->field[POS_SUPERVISOR], ", ", pos->field[POS_PHONE], "", "");
		field_line(b, "Supervisor:", s, width);
		free(s);
		field_line(b, "May contact:", pos->field[POS_MAY_CONTACT], width);
	} else {
		sb_adds(b, n > 0 ? "OTHER ACCOMPLISHMENTS (not yet under a position)\n" :
		    "ACCOMPLISHMENTS\n");
	}
	blk = resume_usajobs_block(p, pos);
	chars = u8_chars(blk);
	cnt = thousands(chars);
	lim = thousands(limit > 0 ? (size_t)limit : 0);
	if (pos != NULL && limit > 0 && chars > (size_t)limit) {
		s = thousands(chars - (size_t)limit);
		sb_addf(b, "\nDuties and accomplishments: %s characters, %s over the %s the "
		    "builder takes; cut before pasting:\n", cnt, s, lim);
		free(s);
	} else if (pos != NULL && limit > 0) {
		sb_addf(b, "\nDuties and accomplishments (%s of %s characters), to paste:\n",
		    cnt, lim);
	} else {
		sb_addf(b, "\n(%s characters)\n", cnt);
	}
	sb_adds(b, "------------------------------------------------------------------------\n");
	for (q = blk; *q != '\0'; q = *e ? e + 1 : e) {
		e = q + strcspn(q, "\n");
		line = xstrndup(q, (size_t)(e - q));
		if (*line == '\0')
			sb_addc(b, '\n');
		else
			text_line(b, line, width, strncmp(line, "- ", 2) == 0 ? 2 : 0);
		free(line);
	}
	free(blk);
	free(cnt);
	free(lim);
}

/* Appends s escaped for Markdown: the characters that could start
 * emphasis, a link, code or HTML, and a leading "#", "-", "+" or "1."
 * that would turn a line into a heading or a list. */
static void
md_escaped(struct strbuf *b, const char *s)
{
	const char *q;

	for (q = s; *q != '\0'; q++) {
		bool start = q == s;

		if (strchr("\\`*_[]<>|", *q) != NULL || (start && strchr("#-+>=", *q) != NULL))
			sb_addc(b, '\\');
		else if (start && isdigit((unsigned char)*q)) {
			const char *d = q;

			while (isdigit((unsigned char)*d))
				d++;
			if ((*d == '.' || *d == ')') && (d[1] == ' ' || d[1] == '\0')) {
				sb_addn(b, q, (size_t)(d - q));
				sb_addc(b, '\\');
				q = d;
			}
		}
		sb_addc(b, *q);
	}
}

/* The Markdown résumé: the name as the title, a section, a heading per
 * position with its facts on their own lines, duties, then a list. */
static char *
resume_markdown(const struct project *p)
{
	struct strbuf b;
	size_t i, k;
	char *s;

	sb_init(&b);
	if (*p->candidate != '\0') {
		sb_adds(&b, "# ");
		md_escaped(&b, p->candidate);
		sb_adds(&b, "\n\n");
	}
	if (*p->position != '\0') {
		sb_adds(&b, "Applying for: ");
		md_escaped(&b, p->position);
		sb_adds(&b, "\n\n");
	}
	sb_adds(&b, "## Work Experience\n");
	for (i = 0; i <= p->n_positions; i++) {
		const struct position *pos = i < p->n_positions ? &p->positions[i] : NULL;
		int64_t id = pos != NULL ? pos->id : 0;
		bool any = false, first = true;
		const char *facts[2];
		char *f[2];

		for (k = 0; k < p->n_examples; k++)
			any = any || (p->examples[k].position_id == id && has_line(&p->examples[k]));
		if (pos == NULL && !any)
			break;
		sb_adds(&b, "\n### ");
		if (pos != NULL) {
			s = join3(pos->field[POS_TITLE], ", ", pos->field[POS_ORGANIZATION], "", "");
			md_escaped(&b, *s ? s : "Position");
			free(s);
			sb_adds(&b, "\n\n");
			f[0] = position_facts(pos);
			f[1] = position_supervisor(pos);
			facts[0] = f[0];
			facts[1] = f[1];
			/* each fact on its own line: a backslash before the
			 * newline is a hard line break */
			for (k = 0; k < 2; k++) {
				if (*facts[k] == '\0')
					continue;
				if (!first)
					sb_adds(&b, "\\\n");
				md_escaped(&b, facts[k]);
				first = false;
			}
			if (!first)
				sb_adds(&b, "\n\n");
			free(f[0]);
			free(f[1]);
			for (s = pos->field[POS_DUTIES]; *s != '\0'; ) {
				size_t len = strcspn(s, "\n");
				char *d = xstrndup(s, len);

				g_strstrip(d);
				if (*d != '\0') {
					md_escaped(&b, d);
					sb_adds(&b, "\n\n");
				}
				free(d);
				s += len + (s[len] != '\0');
			}
		} else {
			sb_adds(&b, p->n_positions > 0 ? "Other accomplishments\n\n" :
			    "Accomplishments\n\n");
		}
		for (k = 0; k < p->n_examples; k++) {
			if (p->examples[k].position_id != id || !has_line(&p->examples[k]))
				continue;
			s = line_text(&p->examples[k], false);
			sb_adds(&b, "- ");
			md_escaped(&b, s);
			sb_addc(&b, '\n');
			free(s);
		}
	}
	return sb_finish(&b);
}

/* Plain text for USAJOBS' builder: the name, then one block per position. */
static char *
resume_text(const struct project *p, int width)
{
	struct strbuf b;
	size_t i, k, other = 0;

	sb_init(&b);
	if (*p->candidate != '\0')
		sb_addf(&b, "%s\n", p->candidate);
	if (*p->position != '\0') {
		char *s = xasprintf("Applying for: %s", p->position);

		text_line(&b, s, width, 0);
		free(s);
	}
	if (b.len > 0)
		sb_addc(&b, '\n');
	sb_adds(&b, "WORK EXPERIENCE: one block per position for USAJOBS' résumé builder\n");
	for (i = 0; i < p->n_positions; i++)
		text_position(&b, p, &p->positions[i], i + 1, p->n_positions, width);
	for (k = 0; k < p->n_examples; k++)
		other += p->examples[k].position_id == 0 && has_line(&p->examples[k]);
	if (other > 0)
		text_position(&b, p, NULL, 0, p->n_positions, width);
	return sb_finish(&b);
}

int
resume_render(struct layout_cache *c, const struct project *p,
    const struct resume_settings *s, enum export_format fmt,
    const struct export_options *o, struct export_output *out, struct error *err)
{
	struct layout_result r;
	char *title, *text;
	int rc;

	memset(out, 0, sizeof *out);
	if (fmt != EXPORT_PDF) {
		text = fmt == EXPORT_MARKDOWN ? resume_markdown(p) : resume_text(p, o->width);
		out->data = safetext_document(text, strlen(text), &out->len);
		free(text);
		return 0;
	}
	if (resume_layout(c, p, s, o->layout.font, &r, NULL, err) != 0)
		return -1;
	if (export_font_refused(&r, o->layout.font != NULL ? o->layout.font :
	    RESUME_DEFAULT_FONT, err) != 0) {
		layout_result_free(&r);
		return -1;
	}
	title = xasprintf("Resume%s%s", *p->candidate ? " - " : "", p->candidate);
	rc = export_pdf_draw(&r, title, p->candidate, *p->position ? p->position : "Resume",
	    o->creator, p->candidate, p->position, out, err);
	free(title);
	layout_result_free(&r);
	return rc;
}
