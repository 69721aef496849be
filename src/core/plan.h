/* SPDX-License-Identifier: MIT */
/*
 * plan.h: workshop plans (prompts/plans/NAME.ini): a title, the framework a
 * plan is for, and numbered steps, each naming what to open, what the
 * facilitator says and how many minutes it takes. Parsing (file, line and
 * reason on every error), expansion of steps that apply to every ECQ into
 * one step per ECQ, and the clock arithmetic a room shares. No curses, no
 * printing; the coach (src/tui/guided.c) runs the steps.
 */
#ifndef ECQ_PLAN_H
#define ECQ_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "error.h"

/* What a step opens. Keep in step with plan.c's names. */
enum plan_open {
	PLAN_NAME,              /* the candidate's name and position */
	PLAN_DEFINITION,        /* an ECQ's definition and competencies */
	PLAN_QUESTIONS,         /* an ECQ's focus questions and their notes */
	PLAN_EXAMPLES,          /* an ECQ's list of examples (add a second) */
	PLAN_TITLE,             /* an example's title */
	PLAN_DATES,             /* an example's start and end dates */
	PLAN_COMPETENCIES,      /* the competencies an example shows */
	PLAN_CHALLENGE,         /* the four CCAR parts of an example */
	PLAN_CONTEXT,
	PLAN_ACTION,
	PLAN_RESULT,
	PLAN_ECQ_REVIEW,        /* one ECQ's review */
	PLAN_REVIEW,            /* the whole review */
	PLAN_EXPORT,            /* the export screen */
	PLAN_BREAK,             /* nothing: a pause */
	PLAN_CARD,              /* an example's interview card (the cards screen) */
	PLAN_REHEARSE,          /* rehearsing an example's card aloud */
	PLAN_RESUME,            /* the résumé screen */
	PLAN_OPEN_COUNT
};

#define PLAN_MAX_STEPS 1000     /* after expansion */
#define PLAN_MAX_MINUTES 600    /* one step */

struct plan_step {
	enum plan_open open;
	int ecq;                /* 0-based ECQ; -1 when the step has none. In a
	                         * parsed (not expanded) plan: the first ECQ of
	                         * the range */
	int ecq_last;           /* parsed plan: last ECQ of the range; -2 for
	                         * "each" (every ECQ of the framework) */
	int example;            /* 0-based example; -1 when none */
	bool optional;          /* passed over when the example does not exist */
	int minutes;            /* 0: untimed */
	bool session;           /* a new session starts here: a shared clock
	                         * (--plan-start) counts from this step */
	int shape;              /* enum doc_shape the step belongs to (shape =
	                         * narrative, resume or interview): kept only
	                         * when the framework asks for that shape; -1:
	                         * every framework */
	char *say;              /* the facilitator's instruction */
	int number;             /* N of [step N] in the file */
	int line;               /* line of [step N] */
};

struct plan {
	char *title;
	char *framework;        /* framework id, or NULL for any */
	char *about;            /* one line, or "" */
	struct plan_step *steps;
	size_t n_steps;
};

/* Parses plan text; name is used in messages ("NAME:LINE: reason"). Fills
 * *out (caller frees with plan_free) and returns 0, or returns -1 with err
 * set and *out emptied. */
int plan_parse(const char *text, size_t len, const char *name, struct plan *out,
    struct error *err);

/* Reads and parses a plan file; as plan_parse. */
int plan_load_file(const char *path, struct plan *out, struct error *err);

/* The file of a plan: ref is a path when it contains '/' or ends in
 * ".ini", otherwise a shipped name looked up in data_dir/prompts/plans.
 * Returns a new string; the file may not exist. */
char *plan_path(const char *ref, const char *data_dir);

/* Makes *out, the steps as the writer walks them for a framework of n_ecqs
 * ECQs with id fw_id: a run of consecutive steps with the same ECQ range
 * is repeated once for every ECQ in it, so every step of *out has one ECQ
 * or none. Fails (err, naming the plan) when the plan is for another
 * framework, names an ECQ the framework does not have, or grows past
 * PLAN_MAX_STEPS. name is the plan's name for messages. */
int plan_expand(const struct plan *in, const char *name, const char *fw_id, size_t n_ecqs,
    struct plan *out, struct error *err);
/* As plan_expand, keeping only the steps whose shape is in shapes (bit
 * 1 << DOC_NARRATIVE etc.: the shapes the framework asks for, see
 * framework.h [documents]) and the steps of no shape. */
int plan_expand_shapes(const struct plan *in, const char *name, const char *fw_id,
    size_t n_ecqs, unsigned shapes, struct plan *out, struct error *err);

/* Frees what a plan holds (not p itself); p may be NULL. */
void plan_free(struct plan *p);

/* The keyword of an open target ("challenge"); "" when out of range. */
const char *plan_open_name(enum plan_open o);
/* A label for a step of an expanded plan: "ECQ 1, example 1: Challenge",
 * "Name and position", "Break". Written to buf (size n). */
void plan_step_label(const struct plan_step *s, char *buf, size_t n);
/* True when a step opens part of an example (the example screen). */
bool plan_open_is_example(enum plan_open o);
/* True when a step belongs to one example: part of it, its card or its
 * rehearsal. */
bool plan_open_has_example(enum plan_open o);

/* The first step of the session step k is in (0 when the plan has one
 * session). */
size_t plan_session_first(const struct plan *p, size_t k);
/* Minutes from the start of step k's session to the start of step k (the
 * durations of the steps before it in that session). */
long plan_offset_minutes(const struct plan *p, size_t k);
/* True when some step has a duration. */
bool plan_is_timed(const struct plan *p);
/* The step a room is on `elapsed` seconds after the start of step k's
 * session: the step of that session whose time it is; the session's first
 * step before its start; the step after the session's last when it is over
 * (n_steps at the end of the plan). */
size_t plan_room_step(const struct plan *p, size_t k, long long elapsed);

/* Parses "HH:MM" (24-hour) as that time today in local time, relative to
 * now; returns 0 and sets *out, or -1 with err set. */
int plan_parse_start(const char *hhmm, time_t now, time_t *out, struct error *err);

#endif
