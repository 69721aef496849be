/* SPDX-License-Identifier: MIT */
/*
 * shapes.c: the state of each example's shapes (see shapes.h): words and
 * parts of the narrative, the résumé line through resume_check_line and
 * the card through the card rules, so every view counts the same. Never
 * prints and never lays out.
 */
#include "config.h"
#include "shapes.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "card.h"
#include "checks/card_rules.h"
#include "resume.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

static void
addf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
addf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	char small[256], *big;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		strbuf_add(b, small, (size_t)n);
		return;
	}
	big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	strbuf_add(b, big, (size_t)n);
	free(big);
}

static bool
blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

bool
shapes_used(const struct framework *fw, enum doc_shape shape)
{
	return (unsigned)shape < DOC_SHAPES && fw->docs.use[shape] != DOC_NO;
}

const char *
shapes_fit_name(enum shape_fit fit)
{
	return fit == SHAPE_FIT_LONG ? "long" : fit == SHAPE_FIT_SHORT ? "short" : "ok";
}

void
shapes_card_state(const struct framework *fw, const struct example *ex, const char *text,
    int wpm, struct shape_state *st)
{
	struct findings fs;
	size_t i;

	st->has_card = !blank(text);
	st->card_seconds = 0;
	st->card_fit = SHAPE_FIT_OK;
	st->card_no_result = false;
	st->card_findings = 0;
	if (!st->has_card)
		return;
	if (wpm < CARD_WPM_MIN || wpm > CARD_WPM_MAX)
		wpm = CARD_WPM_DEFAULT;
	st->card_seconds = card_seconds(text, wpm);
	findings_init(&fs);
	card_rules_check(fw, ex, text, wpm, &fs);
	/* The rules decide; the time only says which side of the range. */
	for (i = 0; i < fs.n; i++) {
		if (strcmp(fs.items[i].rule, "card_no_result") == 0)
			st->card_no_result = true;
		else if (strcmp(fs.items[i].rule, "card_time") == 0)
			st->card_fit = st->card_seconds > fw->docs.interview_max_seconds ?
			    SHAPE_FIT_LONG : SHAPE_FIT_SHORT;
	}
	st->card_findings = fs.n;
	findings_free(&fs);
}

/* A target's current text through in->text_of, else saved. */
static const char *
current(const struct shapes_input *in, const char *target, const char *saved)
{
	const char *s;
	size_t len;

	if (in->text_of == NULL)
		return saved;
	s = in->text_of(in->arg, target, &len);
	return s != NULL ? s : saved;
}

/* Errors and warnings on ex's narrative fields (not its résumé line or
 * card, which are counted with their shapes). */
static size_t
narrative_findings(const struct findings *fs, const struct example *ex)
{
	size_t i, n = 0;
	const char *t;

	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->items[i];

		if (f->example != ex->id || f->severity < SEV_WARNING)
			continue;
		t = f->target != NULL ? strrchr(f->target, '.') : NULL;
		if (t != NULL && (strcmp(t, ".resume") == 0 || strcmp(t, ".card") == 0))
			continue;
		n++;
	}
	return n;
}

static void
example_state(const struct project *p, size_t i, const struct shapes_input *in, int wpm,
    struct shape_state *st)
{
	const struct example *ex = &p->examples[i];
	const struct framework *fw = p->fw;
	struct findings fs;
	char target[64];
	const char *text;
	int f;

	memset(st, 0, sizeof *st);
	st->example = ex->id;
	st->ecq = ex->ecq;
	st->resume_lines = -1;
	for (f = EX_CHALLENGE; f <= EX_RESULT; f++)
		st->parts += !blank(ex->field[f]);
	if (in->words_of != NULL) {
		st->words = in->words_of(in->arg, ex);
	} else {
		for (f = EX_TITLE; f <= EX_RESULT; f++)
			if (f != EX_START && f != EX_END)
				st->words += text_count_words(ex->field[f], strlen(ex->field[f]));
	}
	if (in->counted && in->narrative != NULL)
		st->narrative_findings = narrative_findings(in->narrative, ex);

	snprintf(target, sizeof target, "example.%lld.resume", (long long)ex->id);
	text = current(in, target, project_example_resume(ex));
	st->has_resume = !blank(text);
	if (st->has_resume) {
		if (in->resume_lines != NULL)
			st->resume_lines = in->resume_lines[i];
		st->resume_over = st->resume_lines > (int)fw->docs.resume_line_lines;
		if (in->counted) {
			findings_init(&fs);
			resume_check_line(in->ck, p, ex, text, st->resume_lines, &fs);
			st->resume_findings = fs.n;
			findings_free(&fs);
		}
	}

	snprintf(target, sizeof target, "example.%lld.card", (long long)ex->id);
	text = current(in, target, project_example_card(ex));
	shapes_card_state(fw, ex, text, wpm, st);
}

void
shapes_compute(const struct project *p, const struct shapes_input *in, struct shapes *out)
{
	static const struct shapes_input none;
	const struct framework *fw = p->fw;
	enum doc_use pass[2] = { DOC_FIRST, DOC_OPTIONAL };
	size_t i, k;
	int sh, wpm;

	if (in == NULL)
		in = &none;
	memset(out, 0, sizeof *out);
	for (k = 0; k < 2; k++)
		for (sh = 0; sh < DOC_SHAPES; sh++)
			if (fw->docs.use[sh] == pass[k])
				out->order[out->n_order++] = (enum doc_shape)sh;
	for (sh = 0; sh < DOC_SHAPES; sh++)
		out->use[sh] = fw->docs.use[sh];
	out->max_resume_lines = (int)fw->docs.resume_line_lines;
	out->counted = in->counted;
	wpm = in->wpm >= CARD_WPM_MIN && in->wpm <= CARD_WPM_MAX ? in->wpm : CARD_WPM_DEFAULT;
	out->n = p->n_examples;
	out->ex = xcalloc(p->n_examples + 1, sizeof *out->ex);
	for (i = 0; i < p->n_examples; i++) {
		example_state(p, i, in, wpm, &out->ex[i]);
		out->have[DOC_NARRATIVE] += out->ex[i].parts > 0;
		out->have[DOC_RESUME] += out->ex[i].has_resume;
		out->have[DOC_INTERVIEW] += out->ex[i].has_card;
	}
}

void
shapes_count(const struct project *p, size_t have[DOC_SHAPES])
{
	size_t i;
	int f;

	memset(have, 0, DOC_SHAPES * sizeof *have);
	for (i = 0; i < p->n_examples; i++) {
		const struct example *ex = &p->examples[i];
		bool parts = false;

		/* as example_state: a CCAR part written, a résumé line or a
		 * card that is not blank */
		for (f = EX_CHALLENGE; f <= EX_RESULT; f++)
			parts = parts || !blank(ex->field[f]);
		have[DOC_NARRATIVE] += parts;
		have[DOC_RESUME] += !blank(project_example_resume(ex));
		have[DOC_INTERVIEW] += !blank(project_example_card(ex));
	}
}

void
shapes_free(struct shapes *s)
{
	free(s->ex);
	memset(s, 0, sizeof *s);
}

/* ---- as text ------------------------------------------------------------- */

static const char *
shape_word(enum doc_shape sh)
{
	static const char *const names[] = { "narrative", "résumé", "interview" };

	return (unsigned)sh < DOC_SHAPES ? names[sh] : "?";
}

static void
shape_budget(const struct framework *fw, enum doc_shape sh, struct strbuf *b)
{
	char a[16], z[16];

	switch (sh) {
	case DOC_NARRATIVE:
		if (fw->docs.narrative_pages_per_ecq > 0)
			addf(b, " (%g page%s an ECQ)", fw->docs.narrative_pages_per_ecq,
			    fw->docs.narrative_pages_per_ecq == 1 ? "" : "s");
		else
			addf(b, " (%g pages)", framework_narrative_pages(fw));
		break;
	case DOC_RESUME:
		addf(b, " (%g page%s)", fw->docs.resume_pages, fw->docs.resume_pages == 1 ? "" : "s");
		break;
	case DOC_INTERVIEW:
		card_clock(fw->docs.interview_min_seconds, a, sizeof a);
		card_clock(fw->docs.interview_max_seconds, z, sizeof z);
		addf(b, " (%s-%s a story)", a, z);
		break;
	default:
		break;
	}
}

char *
shapes_asks_line(const struct framework *fw, bool budgets)
{
	static const enum doc_use uses[] = { DOC_FIRST, DOC_OPTIONAL };
	static const char *const said[] = { "first", "optional" };
	struct strbuf b = { NULL, 0, 0 };
	size_t u, n, k, n_opt = 0;
	int sh, groups = 0;

	strbuf_add(&b, "", 0);
	for (sh = 0; sh < DOC_SHAPES; sh++)
		n_opt += fw->docs.use[sh] == DOC_OPTIONAL;
	for (u = 0; u < 2; u++) {
		for (n = 0, sh = 0; sh < DOC_SHAPES; sh++)
			n += fw->docs.use[sh] == uses[u];
		if (n == 0)
			continue;
		if (groups++ > 0)
			strbuf_add(&b, "; ", 2);
		for (k = 0, sh = 0; sh < DOC_SHAPES; sh++) {
			if (fw->docs.use[sh] != uses[u])
				continue;
			if (k > 0)
				addf(&b, "%s", k + 1 == n ? " and " : ", ");
			addf(&b, "%s", shape_word((enum doc_shape)sh));
			if (budgets)
				shape_budget(fw, (enum doc_shape)sh, &b);
			k++;
		}
		/* "first" only against something optional */
		if (u == 1 || n_opt > 0)
			addf(&b, " %s", said[u]);
	}
	if (groups == 0)
		strbuf_add(&b, "nothing", 7);
	return b.s;
}

static void
sep(struct strbuf *b, bool *first)
{
	if (!*first)
		strbuf_add(b, " · ", strlen(" · "));
	*first = false;
}

static void
findings_said(struct strbuf *b, size_t n, bool brief)
{
	if (n == 0)
		return;
	if (brief)
		addf(b, " !%zu", n);
	else
		addf(b, ", %zu finding%s", n, n == 1 ? "" : "s");
}

char *
shapes_example_line(const struct shapes *s, size_t i, bool brief)
{
	const struct shape_state *st = &s->ex[i];
	struct strbuf b = { NULL, 0, 0 };
	bool first = true;
	char clock[16];
	size_t k;

	strbuf_add(&b, "", 0);
	for (k = 0; k < s->n_order; k++) {
		sep(&b, &first);
		switch (s->order[k]) {
		case DOC_NARRATIVE:
			if (st->parts == 0) {
				addf(&b, brief ? "no narr." : "no narrative");
				break;
			}
			addf(&b, brief ? "Narr. %zu w" : "Narrative %zu words", st->words);
			if (st->parts < 4)
				addf(&b, brief ? " %d/4" : ", %d of 4 parts", st->parts);
			findings_said(&b, st->narrative_findings, brief);
			break;
		case DOC_RESUME:
			if (!st->has_resume) {
				addf(&b, brief ? "no résumé" : "no résumé line");
				break;
			}
			if (st->resume_lines < 0)
				addf(&b, "Résumé line");
			else
				addf(&b, brief ? "Résumé %d ln" : "Résumé %d line%s", st->resume_lines,
				    brief || st->resume_lines == 1 ? "" : "s");
			if (st->resume_over)
				addf(&b, brief ? " over" : " (over %d)", s->max_resume_lines);
			findings_said(&b, st->resume_findings, brief);
			break;
		case DOC_INTERVIEW:
			if (!st->has_card) {
				addf(&b, "no card");
				break;
			}
			card_clock(st->card_seconds, clock, sizeof clock);
			addf(&b, "Card %s", clock);
			if (st->card_fit != SHAPE_FIT_OK)
				addf(&b, " %s", shapes_fit_name(st->card_fit));
			if (st->card_no_result)
				addf(&b, brief ? " no result" : ", no result");
			break;
		default:
			break;
		}
	}
	return b.s;
}

bool
shapes_example_trouble(const struct shapes *s, size_t i)
{
	const struct shape_state *st = &s->ex[i];
	size_t k;

	for (k = 0; k < s->n_order; k++) {
		switch (s->order[k]) {
		case DOC_NARRATIVE:
			if ((st->parts > 0 && st->parts < 4) || st->narrative_findings > 0)
				return true;
			break;
		case DOC_RESUME:
			if (st->resume_over || st->resume_findings > 0)
				return true;
			break;
		case DOC_INTERVIEW:
			if (st->card_fit != SHAPE_FIT_OK || st->card_no_result)
				return true;
			break;
		default:
			break;
		}
	}
	return false;
}

char *
shapes_totals_line(const struct shapes *s)
{
	static const char *const names[] = { "narratives", "résumé lines", "cards" };
	struct strbuf b = { NULL, 0, 0 };
	size_t k;

	strbuf_add(&b, "", 0);
	for (k = 0; k < s->n_order; k++) {
		const char *name = names[s->order[k]];

		if (k == 0)
			addf(&b, "%c%s: %zu of %zu example%s", name[0] == 'r' ? 'R' :
			    name[0] == 'c' ? 'C' : 'N', name + 1, s->have[s->order[k]], s->n,
			    s->n == 1 ? "" : "s");
		else
			addf(&b, "; %s: %zu of %zu", name, s->have[s->order[k]], s->n);
	}
	return b.s;
}
