/* SPDX-License-Identifier: MIT */
/*
 * resume_draft.c: a first draft of an example's résumé line (resume_draft
 * in resume.h), built from whole clauses of its Action, Challenge and
 * Result so that it passes the résumé rules. Never prints.
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
			strbuf_addc(b, ' ');
		space = false;
		strbuf_add(b, s, len);
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

	strbuf_add(b, d->text + d->toks[v].off, d->toks[v].len);
	upper_start(b, mark);
	strbuf_addc(b, ' ');
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
	strbuf_adds(b, "Led the work");
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
		strbuf_adds(b, " when ");
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

	strbuf_init(&b);
	text_analyze(ex->field[EX_CHALLENGE], strlen(ex->field[EX_CHALLENGE]), &ch);
	text_analyze(ex->field[EX_ACTION], strlen(ex->field[EX_ACTION]), &ac);
	text_analyze(ex->field[EX_RESULT], strlen(ex->field[EX_RESULT]), &re);
	if (ch.n_words + ac.n_words + re.n_words == 0)
		goto done;
	l.verbs = draft_list("resume-verbs");
	l.weak = draft_list("resume-weak-starts");
	l.quantity = draft_list("quantity-words");
	strbuf_init(&lead);
	strbuf_init(&when);
	strbuf_init(&vp);
	strbuf_init(&res);
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
		strbuf_adds(&b, vp.s);
		strbuf_adds(&b, "; ");
		if (lead.s[0] != '\0' && lead.s[1] != '\0' && !isupper((unsigned char)lead.s[1]))
			lead.s[0] = (char)tolower((unsigned char)lead.s[0]);
	}
	strbuf_adds(&b, lead.s);
	strbuf_adds(&b, when.s);
	strbuf_addc(&b, '.');
	if (res.len > 0) {
		strbuf_addc(&b, ' ');
		strbuf_adds(&b, res.s);
		if (res.s[res.len - 1] != '.')
			strbuf_addc(&b, '.');
	}
	/* no figure for the result: the line says what is missing */
	if (!text_has_number(res.s, &l)) {
		strbuf_addc(&b, ' ');
		strbuf_adds(&b, DRAFT_NO_FIGURE);
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
	return b.s;
}

