/* SPDX-License-Identifier: MIT */
/*
 * resume.c: the résumé shape of the project's stories: page settings, the
 * blocks and pages (through layout.c, so the meter and the PDF agree), the
 * ECQ coverage and the checks of each line. Drafting a line is in
 * resume_draft.c, the export in resume_export.c. Never prints.
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
#include "resume_internal.h"
#include "safetext.h"
#include "strbuf.h"
#include "text.h"
#include "wordlist.h"
#include "xalloc.h"

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

char *
resume_join3(const char *a, const char *sep1, const char *b, const char *sep2, const char *c)
{
	struct strbuf s;

	strbuf_init(&s);
	strbuf_adds(&s, a);
	if (*b != '\0') {
		if (s.len > 0)
			strbuf_adds(&s, sep1);
		strbuf_adds(&s, b);
	}
	if (*c != '\0') {
		if (s.len > 0)
			strbuf_adds(&s, sep2);
		strbuf_adds(&s, c);
	}
	return s.s;
}

char *
resume_position_dates(const struct position *pos)
{
	const char *a = pos->field[POS_START], *z = pos->field[POS_END];

	if (*a != '\0' && *z != '\0')
		return xasprintf("%s to %s", a, z);
	if (*a != '\0')
		return xasprintf("from %s", a);
	return xstrdup(z);
}

char *
resume_position_facts(const struct position *pos)
{
	char *dates = resume_position_dates(pos), *hours, *res;

	hours = *pos->field[POS_HOURS] != '\0' ? xasprintf("%s hours per week", pos->field[POS_HOURS]) :
	    xstrdup("");
	res = resume_join3(dates, "; ", pos->field[POS_GRADE], "; ", hours);
	free(dates);
	free(hours);
	return res;
}

/* The supervisor line as USAJOBS asks: name, phone, and whether to contact. */
char *
resume_position_supervisor(const struct position *pos)
{
	const char *name = pos->field[POS_SUPERVISOR], *ok = pos->field[POS_MAY_CONTACT];
	char *people, *res, *contact;

	if (*name == '\0' && *pos->field[POS_PHONE] == '\0')
		return xstrdup("");
	people = resume_join3(name, ", ", pos->field[POS_PHONE], "", "");
	contact = *ok != '\0' ? xasprintf("may contact: %s", ok) : xstrdup("");
	res = xasprintf("Supervisor: %s%s%s", people, *contact ? "; " : "", contact);
	free(people);
	free(contact);
	return res;
}

/* A résumé line on one line, "(ECQ n)" after it; nbsp: the tag and the
 * line's last word joined by no-break spaces, so the tag never stands
 * alone on a line (the PDF). */
char *
resume_line_text(const struct example *ex, bool nbsp)
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

bool
resume_has_line(const struct example *ex)
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

		if (ex->position_id != pos_id || !resume_has_line(ex))
			continue;
		if (ex_block != NULL)
			ex_block[i] = out->n;
		push_look(out, cap, LAYOUT_BLOCK_PARAGRAPH, resume_line_text(ex, true), &lk, pt);
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
	    resume_join3(title, ", ", pos->field[POS_ORGANIZATION], "", ""), &lk, pt);
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
		push_look(out, &cap, LAYOUT_BLOCK_PARAGRAPH, resume_position_facts(pos),
		    out->n == at ? &fact_first : &fact, pt);
		push_look(out, &cap, LAYOUT_BLOCK_PARAGRAPH, resume_position_supervisor(pos), &fact, pt);
		for (d = pos->field[POS_DUTIES]; *d != '\0'; d = *e ? e + 1 : e) {
			e = d + strcspn(d, "\n");
			push_look(out, &cap, LAYOUT_BLOCK_PARAGRAPH, xstrndup(d, (size_t)(e - d)),
			    &duty, pt);
		}
		push_lines(p, out, &cap, pos->id, ex_block, pt);
	}
	for (i = 0; i < p->n_examples; i++)
		if (p->examples[i].position_id == 0 && resume_has_line(&p->examples[i]))
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
		if (resume_has_line(&p->examples[i]) && p->examples[i].ecq >= 0 &&
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

	strbuf_init(&b);
	if (n == p->fw->n_ecqs) {
		strbuf_addf(&b, "Shows all %zu ECQs", n);
	} else {
		strbuf_adds(&b, n > 0 ? "Shows ECQ " : "Shows no ECQ yet");
		for (i = 0; i < p->fw->n_ecqs; i++)
			if (shown[i])
				strbuf_addf(&b, "%s%zu", k++ ? ", " : "", i + 1);
		strbuf_adds(&b, "; lacks ");
		k = 0;
		for (i = 0; i < p->fw->n_ecqs; i++)
			if (!shown[i])
				strbuf_addf(&b, "%s%zu (%s)", k++ ? ", " : "", i + 1, p->fw->ecqs[i].title);
	}
	free(shown);
	return b.s;
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

size_t
resume_chars(const char *s)
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
		if (resume_has_line(&p->examples[i]))
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
		n = resume_chars(txt);
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
	for (i = 0; i < p->n_examples && !resume_has_line(&p->examples[i]); i++)
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
			if (!resume_has_line(&p->examples[i]))
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

