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
#include "safetext.h"
#include "strbuf.h"
#include "text.h"
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

static bool
tok_has_number(const struct text_doc *d, size_t t)
{
	return d->toks[t].kind == TOK_NUMBER || (d->toks[t].flags & TOKF_DIGIT) != 0;
}

/* The first sentence of d with a number, else the first; -1 when none. */
static long
pick_sentence(const struct text_doc *d)
{
	size_t s, t;

	for (s = 0; s < d->n_sents; s++)
		for (t = d->sents[s].first_tok; t < d->sents[s].first_tok + d->sents[s].n_tok; t++)
			if (tok_has_number(d, t))
				return (long)s;
	return d->n_sents > 0 ? 0 : -1;
}

/*
 * Appends tokens [from, end) of d to b, condensed: at most max_words words,
 * but on to the sentence's last number (up to hard_max words) so the
 * figures stay; stops before a clause's ',' ';' ':' once past the last
 * number and half the words; drops function words left dangling at the
 * end; "my" and "our" become "the".
 */
static void
append_condensed(struct strbuf *b, const struct text_doc *d, size_t from, size_t end,
    size_t max_words, size_t hard_max)
{
	size_t t, words = 0, last_num = from, stop = from, k;
	char low[64];

	for (t = from; t < end; t++)
		if (tok_has_number(d, t))
			last_num = t + 1;
	for (t = from; t < end; t++) {
		bool word = d->toks[t].kind == TOK_WORD || d->toks[t].kind == TOK_NUMBER;

		if (word && ++words > (t < last_num ? hard_max : max_words))
			break;
		if (d->toks[t].kind == TOK_PUNCT && t >= last_num && words * 2 >= max_words &&
		    (ruleutil_punct(d, t, ',') || ruleutil_punct(d, t, ';') ||
		    ruleutil_punct(d, t, ':')))
			break;
		stop = t + 1;
	}
	/* no dangling "and the", and no closing punctuation */
	while (stop > from) {
		k = stop - 1;
		if (d->toks[k].kind == TOK_PUNCT && !ruleutil_punct(d, k, ')') &&
		    !ruleutil_punct(d, k, '%')) {
			stop--;
			continue;
		}
		if (d->toks[k].kind == TOK_WORD && ruleutil_lower(d, k, low, sizeof low) > 0 &&
		    ruleutil_function_word(low) && k >= last_num) {
			stop--;
			continue;
		}
		break;
	}
	for (t = from; t < stop; t++) {
		const char *s = d->text + d->toks[t].off;
		size_t len = d->toks[t].len;
		bool lower_first = t == from && d->toks[t].kind == TOK_WORD &&
		    !(d->toks[t].flags & TOKF_ALLCAPS);

		if (t > from && d->toks[t].off > d->toks[t - 1].off + d->toks[t - 1].len)
			sb_addc(b, ' ');
		if (text_tok_eq(d, t, "my") || text_tok_eq(d, t, "our")) {
			sb_adds(b, "the");
			continue;
		}
		if (lower_first && (text_tok_eq(d, t, "the") || text_tok_eq(d, t, "a") ||
		    text_tok_eq(d, t, "an") || text_tok_eq(d, t, "in") || text_tok_eq(d, t, "this") ||
		    text_tok_eq(d, t, "three") || text_tok_eq(d, t, "two") || text_tok_eq(d, t, "when") ||
		    text_tok_eq(d, t, "after") || text_tok_eq(d, t, "by") || text_tok_eq(d, t, "over"))) {
			sb_addc(b, (char)tolower((unsigned char)s[0]));
			sb_addn(b, s + 1, len - 1);
			continue;
		}
		sb_addn(b, s, len);
	}
}

/* Drops a leading "As a result," from the result's sentence. */
static size_t
skip_lead_in(const struct text_doc *d, size_t t, size_t end)
{
	if (t + 3 < end && text_tok_eq(d, t, "as") && text_tok_eq(d, t + 1, "a") &&
	    text_tok_eq(d, t + 2, "result")) {
		t += 3;
		if (t < end && ruleutil_punct(d, t, ','))
			t++;
	}
	return t;
}

char *
resume_draft(const struct example *ex)
{
	struct text_doc ch, ac, re;
	struct strbuf b;
	size_t t, end, verb = SIZE_MAX;
	long s;

	sb_init(&b);
	text_analyze(ex->field[EX_CHALLENGE], strlen(ex->field[EX_CHALLENGE]), &ch);
	text_analyze(ex->field[EX_ACTION], strlen(ex->field[EX_ACTION]), &ac);
	text_analyze(ex->field[EX_RESULT], strlen(ex->field[EX_RESULT]), &re);
	/* the verb: the word after the action's first "I" */
	for (t = 0; t + 1 < ac.n_toks; t++)
		if (text_tok_eq(&ac, t, "i") && ac.toks[t + 1].kind == TOK_WORD) {
			verb = t + 1;
			break;
		}
	if (verb != SIZE_MAX) {
		const char *v = ac.text + ac.toks[verb].off;

		sb_addc(&b, (char)toupper((unsigned char)v[0]));
		sb_addn(&b, v + 1, ac.toks[verb].len - 1);
		end = ac.sents[ruleutil_sentence_of(&ac, verb)].first_tok +
		    ac.sents[ruleutil_sentence_of(&ac, verb)].n_tok;
		if (verb + 1 < end) {
			sb_addc(&b, ' ');
			append_condensed(&b, &ac, verb + 1, end, 10, 14);
		}
	} else if (ac.n_sents > 0 || ch.n_sents > 0 || re.n_sents > 0) {
		sb_adds(&b, "Led");
		if (ac.n_sents > 0) {
			sb_addc(&b, ' ');
			append_condensed(&b, &ac, ac.sents[0].first_tok,
			    ac.sents[0].first_tok + ac.sents[0].n_tok, 10, 14);
		}
	}
	if ((s = pick_sentence(&ch)) >= 0) {
		sb_adds(&b, b.len > 0 ? " when " : "");
		append_condensed(&b, &ch, ch.sents[s].first_tok,
		    ch.sents[s].first_tok + ch.sents[s].n_tok, 16, 26);
	}
	if ((s = pick_sentence(&re)) >= 0) {
		size_t first = re.sents[s].first_tok, stop = first + re.sents[s].n_tok;

		sb_adds(&b, b.len > 0 ? "; " : "");
		append_condensed(&b, &re, skip_lead_in(&re, first, stop), stop, 22, 32);
	}
	if (b.len > 0)
		sb_addc(&b, '.');
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
