/* SPDX-License-Identifier: MIT */
/*
 * shapes.h: one story, three shapes. For each example of a project, the
 * state of each shape its framework's [documents] asks for: the narrative
 * (its words, CCAR parts written, findings), the résumé line (its lines
 * against the framework's resume_line_lines, its findings) and the
 * interview card (its speaking time against the interview seconds, whether
 * it tells the result); and how many examples have each. The dashboard,
 * the cards screen, `show` and `report` read these, so they cannot
 * disagree. Nothing here prints or lays out: résumé line counts come from
 * the caller (resume_layout).
 */
#ifndef ECQ_SHAPES_H
#define ECQ_SHAPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "checker.h"
#include "checks.h"
#include "framework.h"
#include "project.h"

/* How a card's time sits against the framework's interview seconds (the
 * card_time rule decides). */
enum shape_fit { SHAPE_FIT_OK, SHAPE_FIT_SHORT, SHAPE_FIT_LONG };

/* The state of one example's shapes. */
struct shape_state {
	int64_t example;        /* its id */
	int ecq;
	/* narrative */
	size_t words;           /* title and four CCAR parts, as `check` counts */
	int parts;              /* CCAR parts with text, of 4 */
	size_t narrative_findings;      /* errors and warnings on its narrative
	                                 * fields; 0 when not counted */
	/* résumé line */
	bool has_resume;
	int resume_lines;       /* as laid out; -1 when not known */
	bool resume_over;       /* more lines than the framework allows */
	size_t resume_findings; /* resume_check_line's findings */
	/* interview card */
	bool has_card;
	double card_seconds;    /* to say it at the pace given */
	enum shape_fit card_fit;
	bool card_no_result;    /* the card_no_result rule fired */
	size_t card_findings;   /* card_rules_check's findings */
};

/* What the states are computed from besides the project. Zeroed: the
 * project's saved texts, no findings counted, résumé lines not known,
 * the default pace. */
struct shapes_input {
	struct checker *ck;             /* for the résumé line checks; NULL: the
	                                 * résumé-mode rules only */
	const struct findings *narrative;       /* the project's findings (as
	                                 * `check` or the findings owner has
	                                 * them); NULL: not counted */
	bool counted;                   /* count the narrative's and the résumé
	                                 * line's findings (the checks ran); the
	                                 * card rules need no checker and always
	                                 * run */
	const int *resume_lines;        /* per p->examples[i] from resume_layout;
	                                 * NULL: not known */
	int wpm;                        /* speaking pace; 0: CARD_WPM_DEFAULT */
	/* The current text of a target ("example.<id>.resume" or ".card"),
	 * NULL for the saved one; text_of may be NULL. */
	checker_text_fn text_of;
	void *arg;
	/* The current words of an example's narrative; NULL: counted from p. */
	size_t (*words_of)(void *arg, const struct example *ex);
};

struct shapes {
	enum doc_shape order[DOC_SHAPES];       /* the shapes the framework
	                                         * asks for, first ones first */
	size_t n_order;
	enum doc_use use[DOC_SHAPES];
	struct shape_state *ex;         /* per p->examples[i] */
	size_t n;
	size_t have[DOC_SHAPES];        /* examples that have each shape (a
	                                 * narrative: some CCAR part written) */
	int max_resume_lines;           /* the framework's resume_line_lines */
	bool counted;                   /* findings were counted */
};

/* Fills *out for p (in may be NULL: all defaults). Free with shapes_free. */
void shapes_compute(const struct project *p, const struct shapes_input *in, struct shapes *out);
/* Only shapes_compute's have[] for p's saved texts, without the words,
 * the rules or the card times (the report's counts). */
void shapes_count(const struct project *p, size_t have[DOC_SHAPES]);
/* Frees what shapes_compute put in s; accepts a zeroed struct. */
void shapes_free(struct shapes *s);

/* The card part of *st for text (ex's card) at wpm words a minute against
 * fw's interview seconds, through the card rules: has_card, card_seconds,
 * card_fit, card_no_result, card_findings. The cards screen uses it too. */
void shapes_card_state(const struct framework *fw, const struct example *ex, const char *text,
    int wpm, struct shape_state *st);
/* "ok", "short" or "long". */
const char *shapes_fit_name(enum shape_fit fit);

/* True when fw asks for shape (first or optional). */
bool shapes_used(const struct framework *fw, enum doc_shape shape);

/* What fw asks for, e.g. "résumé and interview first; narrative
 * optional", with budgets ("résumé (2 pages) and interview (2:00-4:00)
 * first; narrative (10 pages) optional") when budgets. Caller frees. */
char *shapes_asks_line(const struct framework *fw, bool budgets);

/* The shapes of example i as one line, in s->order: "Résumé 2 lines ·
 * Card 3:10 · Narrative 612 words", problems said ("over 3", "long", "no
 * result", "3 of 4 parts", "2 findings"); brief: "Résumé 2 ln · Card 3:10
 * · Narr. 612 w", findings as "!2". Caller frees. */
char *shapes_example_line(const struct shapes *s, size_t i, bool brief);
/* True when example i has a problem in a shape asked for (over, long or
 * short, no result, findings, parts missing). */
bool shapes_example_trouble(const struct shapes *s, size_t i);

/* The totals in s->order, e.g. "Résumé lines: 5 of 8 examples; cards: 3
 * of 8; narratives: 8 of 8". Caller frees. */
char *shapes_totals_line(const struct shapes *s);

#endif
