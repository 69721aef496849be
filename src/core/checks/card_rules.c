/* SPDX-License-Identifier: MIT */
/*
 * card_rules.c: the rules on an interview card. card_time: said at the
 * writer's pace (card.h), the card runs over the framework's [documents]
 * interview_max_seconds or under interview_min_seconds. card_no_result:
 * the card names none of the figures of the example's Result, or (when
 * the Result has none, or is empty) has no figure and no word "result" at
 * all, so the listener never hears how it ended. card_check adds the
 * engine's text rules that make sense when a card is said aloud. Never
 * prints.
 */
#include "config.h"
#include "card_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "card.h"
#include "checks/ruleutil.h"
#include "text.h"
#include "xalloc.h"

static const struct rule_info card_rule_table[] = {
	{ "card_time", SEV_WARNING,
	  "an interview card runs longer or shorter than the framework's interview time", false },
	{ "card_no_result", SEV_WARNING,
	  "an interview card leaves out the example's result", false },
	{ NULL, SEV_INFO, NULL, false }
};

const struct rule_info *
card_rules_info(void)
{
	return card_rule_table;
}

static void
add(struct findings *out, const struct example *ex, const char *target, const char *rule,
    const char *message, const char *suggestion)
{
	struct finding f;

	memset(&f, 0, sizeof f);
	f.rule = rule;
	f.severity = SEV_WARNING;
	f.ecq = ex->ecq;
	f.example = ex->id;
	f.field = -1;
	f.target = target;
	f.message = (char *)message;
	f.suggestion = (char *)suggestion;
	findings_add(out, &f);
}

static bool
is_figure(const struct text_doc *d, size_t t)
{
	return d->toks[t].kind == TOK_NUMBER || (d->toks[t].flags & TOKF_DIGIT) != 0;
}

/* Whether the card tells a result: one of the Result's figures, or, when
 * the Result has none, any figure, the word "result(s)" or three words
 * running of the Result. */
/* Whether the card says three words running of the result in its words
 * (case aside): a Result told in words ("fell from three days to seven
 * hours") is told when its phrases are. */
static bool
shares_phrase(const struct text_doc *c, const struct text_doc *r)
{
	size_t i, j, k, rw[3] = { 0, 0, 0 }, cw[3] = { 0, 0, 0 };
	int nr, nc;
	bool same;

	for (j = 0, nr = 0; j < r->n_toks; j++) {
		if (r->toks[j].kind != TOK_WORD)
			continue;
		rw[0] = rw[1];
		rw[1] = rw[2];
		rw[2] = j;
		if (++nr < 3)
			continue;
		for (i = 0, nc = 0; i < c->n_toks; i++) {
			if (c->toks[i].kind != TOK_WORD)
				continue;
			cw[0] = cw[1];
			cw[1] = cw[2];
			cw[2] = i;
			if (++nc < 3)
				continue;
			same = true;
			for (k = 0; k < 3 && same; k++)
				same = c->toks[cw[k]].len == r->toks[rw[k]].len &&
				    strncasecmp(c->text + c->toks[cw[k]].off, r->text + r->toks[rw[k]].off,
				    r->toks[rw[k]].len) == 0;
			if (same)
				return true;
		}
	}
	return false;
}

static bool
tells_result(const char *card, const char *result)
{
	struct text_doc c, r;
	size_t i, j;
	bool figures = false, found = false;

	text_analyze(card, strlen(card), &c);
	text_analyze(result, strlen(result), &r);
	for (j = 0; j < r.n_toks && !found; j++) {
		if (!is_figure(&r, j))
			continue;
		figures = true;
		for (i = 0; i < c.n_toks && !found; i++)
			found = is_figure(&c, i) && c.toks[i].len == r.toks[j].len &&
			    memcmp(c.text + c.toks[i].off, r.text + r.toks[j].off, r.toks[j].len) == 0;
	}
	for (i = 0; !figures && i < c.n_toks && !found; i++)
		found = is_figure(&c, i) || text_tok_eq(&c, i, "result") ||
		    text_tok_eq(&c, i, "results");
	if (!figures && !found)
		found = shares_phrase(&c, &r);
	text_doc_free(&c);
	text_doc_free(&r);
	return found;
}

void
card_rules_check(const struct framework *fw, const struct example *ex, const char *card,
    int wpm, struct findings *out)
{
	double secs, lo = fw->docs.interview_min_seconds, hi = fw->docs.interview_max_seconds;
	char *target, *msg, *sugg, have[32], a[32], b[32];

	if (card[strspn(card, " \t\r\n")] == '\0')
		return;
	target = xasprintf("example.%lld.card", (long long)ex->id);
	secs = card_seconds(card, wpm);
	card_clock(secs, have, sizeof have);
	card_clock(lo, a, sizeof a);
	card_clock(hi, b, sizeof b);
	if (hi > 0 && secs > hi + 0.5) {
		msg = xasprintf("this card takes about %s to say at %d words a minute, over "
		    "the %s-%s an interview answer has", have, wpm, a, b);
		sugg = xasprintf("cut about %.0f words: keep the actions that matter most",
		    (secs - hi) * wpm / 60.0 + 0.5);
		add(out, ex, target, "card_time", msg, sugg);
		free(msg);
		free(sugg);
	} else if (lo > 0 && secs < lo - 0.5) {
		msg = xasprintf("this card takes about %s to say at %d words a minute, under "
		    "the %s-%s an interview answer has", have, wpm, a, b);
		add(out, ex, target, "card_time", msg,
		    "say more of what you did and why: the panel scores the actions");
		free(msg);
	}
	if (!tells_result(card, ex->field[EX_RESULT]))
		add(out, ex, target, "card_no_result", *ex->field[EX_RESULT] != '\0' ?
		    "this card leaves out the result: none of its figures is told" :
		    "this card tells no result", "end with the result and its numbers");
	free(target);
}

/* The text rules a spoken card keeps. Left out: question (a question asked
 * aloud and answered is how people tell a story), long_sentence (a speaker
 * breathes where the text has no period; card_time judges the length) and
 * the acronym rules (a card is the speaker's notes: the name is said). */
static bool
spoken(const struct finding *f, void *arg)
{
	static const char *const ids[] = { "spelling", "encoding", "we_voice", "third_person",
		"passive", "bureaucratic", "vague", "belief", "political", "disparaging",
		"cross_reference", "grammar", NULL };

	(void)arg;
	return ruleutil_in(f->rule, ids);
}

/* A we_voice finding in the opening line, which the text rules read as
 * a Challenge (card_check). */
static bool
opening_we(const struct finding *f, void *arg)
{
	return strcmp(f->rule, "we_voice") == 0 && f->offset < *(const size_t *)arg;
}

static bool
not_opening_we(const struct finding *f, void *arg)
{
	return spoken(f, NULL) && !opening_we(f, arg);
}

static bool
is_we(const struct finding *f, void *arg)
{
	(void)arg;
	return strcmp(f->rule, "we_voice") == 0;
}

void
card_check(struct checker *ck, const struct framework *fw, const struct example *ex,
    const char *card, int wpm, struct findings *out)
{
	struct check_ctx ctx;
	char *target;
	size_t from = out->n, len = strlen(card), open = strcspn(card, "\n"), i;

	if (card[strspn(card, " \t\r\n")] == '\0')
		return;
	if (ck != NULL) {
		target = xasprintf("example.%lld.card", (long long)ex->id);
		ctx.ecq = ex->ecq;
		ctx.example = ex->id;
		ctx.field = -1;
		ctx.target = target;
		checker_check_text(ck, card, len, &ctx, out);
		/* The opening line names the challenge: others acting there set
		 * the scene, as in a Challenge, so "we" is judged there as the
		 * narrative judges a Challenge. */
		findings_filter(out, from, not_opening_we, &open);
		if (open < len) {
			from = out->n;
			ctx.field = EX_CHALLENGE;
			checker_check_text(ck, card, open, &ctx, out);
			findings_filter(out, from, is_we, NULL);
			for (i = from; i < out->n; i++)
				out->items[i].field = -1;
		}
		free(target);
	}
	card_rules_check(fw, ex, card, wpm, out);
}
