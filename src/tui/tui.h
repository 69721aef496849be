/* SPDX-License-Identifier: MIT */
/*
 * tui.h: the full-screen coach. tui_run() is the entry point main.c calls;
 * the rest of this header is shared by the loop (tui.c) and the screens
 * (one file each): the session state, the screens' ops table and the text
 * fields, which are kept for the whole session so undo covers it. Screens
 * change state only through store.h and these helpers and return redraw
 * flags; only the loop draws. Nothing here holds a rule of its own: every
 * finding comes from the checker.
 */
#ifndef ECQ_TUI_H
#define ECQ_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <wchar.h>

#include <curses.h>

#include "checker.h"
#include "checks.h"
#include "error.h"
#include "layout.h"
#include "plan.h"
#include "store.h"
#include "tui/editor.h"
#include "tui/findings_owner.h"
#include "tui/keys.h"

struct tui_options {
	const char *plan;       /* run this plan (a shipped name or a path), or
	                         * NULL: the one the project remembers, when on */
	const char *plan_start; /* "HH:MM": the room's shared start, or NULL */
	const char *review_as;  /* --review --as NAME: text read-only, comments
	                         * written as NAME; NULL for the writer */
};

/* Opens the project at path (creating it after the first-run questions
 * when it does not exist) and runs the coach until the user quits or a
 * signal asks it to stop; everything typed is saved on the way out.
 * Returns an exit status: 0, or 3 (EXIT_DATA) after printing why to
 * stderr: no usable terminal, the file cannot be opened, or text could not
 * be saved on the way out (then it went to a rescue file, named there). */
int tui_run(const char *path, const struct tui_options *opt);

/* ---- shared by the loop and the screens ---------------------------------- */

enum tui_screen_id {
	SCR_DASHBOARD, SCR_ECQ, SCR_EXAMPLE, SCR_REVIEW, SCR_EXPORT, SCR_HELP,
	SCR_GUIDE, SCR_COMMENTS, SCR_DELETED, SCR_DISMISSED, SCR_HISTORY, SCR_CARDS,
	SCR_REHEARSE, SCR_RESUME, SCR_COUNT
};

/* What a handler changed (the loop's reaction flags). */
enum tui_react {
	RD_NONE = 0,
	RD_DRAW = 1 << 0,       /* redraw */
	RD_EDIT = 1 << 1,       /* text changed: re-check when idle, autosave */
	RD_IGNORED = 1 << 2     /* the screen did not use the key */
};

struct tui;

/* A screen's ops. layout() places widgets for the current size (it may
 * change the editors' geometry); draw() only reads. */
struct tui_screen {
	const char *name;
	void (*enter)(struct tui *t);
	void (*leave)(struct tui *t);
	void (*layout)(struct tui *t);
	void (*draw)(struct tui *t, WINDOW *win);
	int (*key)(struct tui *t, enum action a, wint_t ch, bool keycode);
	int (*paste)(struct tui *t, const char *text, size_t len);     /* may be NULL */
	int (*mouse)(struct tui *t, const MEVENT *ev);                 /* may be NULL */
	const enum action *(*help)(const struct tui *t);    /* help-line actions */
};

extern const struct tui_screen screen_dashboard, screen_ecq, screen_example,
    screen_review, screen_export, screen_help, screen_guide, screen_comments,
    screen_deleted, screen_dismissed, screen_history, screen_cards, screen_rehearse,
    screen_resume;

/* TF_CARD: an example's interview card ("example.<id>.card"); TF_RESUME:
 * its résumé line ("example.<id>.resume"); TF_POSITION: a field of a
 * position ("position.<id>.<field>": example holds the position's id,
 * field its enum position_field). */
enum tui_field_kind { TF_EXAMPLE, TF_NOTE, TF_INTRO, TF_CARD, TF_RESUME, TF_POSITION };

/* A text field: its editor, kept for the session, and its last check. */
struct tui_field {
	enum tui_field_kind kind;
	int ecq;
	int question;           /* TF_NOTE */
	int64_t example;        /* TF_EXAMPLE, TF_CARD, TF_RESUME; TF_POSITION:
	                         * the position's id */
	int field;              /* TF_EXAMPLE: enum example_field; TF_POSITION:
	                         * enum position_field */
	char *target;           /* revision target */
	char *seen;             /* the text last loaded or saved: a save that
	                         * finds other text in the file keeps that too */
	struct editor *ed;
	struct findings fs;     /* findings of the last check */
	unsigned long checked;  /* buffer version checked + 1; 0: never */
	unsigned long checked_dict;     /* dictionary generation checked under */
	struct editor_span *spans;
	size_t *span_finding;   /* spans[i] shows fs.items[span_finding[i]] */
	size_t n_spans;
	/* word count of the text (tui_field_words), kept with a copy of the
	 * text counted, so an edit recounts only the lines it changed */
	unsigned long words_ver;        /* buffer version counted + 1; 0: never */
	size_t words;
	char *words_text;
	size_t words_len;
};

struct tui {
	struct store *st;
	struct checker *ck;             /* NULL when the checker failed to start */
	struct layout_cache *lc;
	struct layout_cache *resume_lc; /* the résumé's own (resumescr.c), so
	                                 * its layout does not push out the
	                                 * narrative's */
	struct tui_field **fields;
	size_t n_fields;
	struct tui_field *focus;        /* the text field being edited, or NULL */
	struct editor *aux;             /* a screen's own editor with the cursor
	                                 * (export path, first-run name), or NULL */

	const struct tui_screen *scr;
	enum tui_screen_id scr_id, back_id;
	int ecq;                        /* ECQ of the ECQ/example screens */
	int64_t example;                /* example of the example screen */
	int ex_focus;                   /* example screen: focused row */
	int ecq_item;                   /* ECQ screen: selected item */
	int review_item;                /* review screen: selected row */
	int64_t deleted;                /* last deleted example (u undoes), or -1 */

	int top;                        /* first body row (below title/progress) */
	int bottom;                     /* last body row */
	bool small;                     /* terminal below 80x24 */

	unsigned long gen;              /* grows with every saved change */
	long long last_input;           /* ms */
	long long check_due;            /* ms; 0: none */
	long long save_due;             /* ms; 0: none */

	/* page meter (layout_pages on the saved project, off the key path) */
	unsigned long pages_gen;        /* gen it was computed for + 1 */
	double pages_used;
	int pages;
	double *ecq_pages;              /* [n_ecqs] */
	size_t n_ecq_pages;
	char *layout_warning;
	/* what the checker could not load (no word lists, no hunspell
	 * dictionary, a refused word list), shown on the dashboard for the
	 * whole session; "" when all is there */
	char check_warning[1100];

	/* the one owner of findings every screen reads (findings_owner.h) */
	struct findings_owner *fo;
	size_t dict_words, dict_dismissed;      /* the project's lists last seen */
	const struct project *words_of;         /* the project whose word list the
	                                         * checker holds (tui_after_store) */

	char status[1100];
	bool status_error;
	long long status_at;            /* ms when status was set */
	char saved_at[32];              /* "Saved 09:31:02" */

	/* saving (saving.c) */
	long long last_save;            /* ms of the last save attempt */
	bool save_failed;               /* some typed text is not in the file */
	long long retry_due;            /* ms of the next retry when it failed */
	char save_error[1100];          /* "Not saved: " and why */
	char *rescued;                  /* the rescue file written, or NULL */
	char rescue_error[1024];        /* why writing one failed */

	/* the plan (guided.c); guided mode is the self-paced plan */
	struct plan *plan;              /* its steps, expanded; NULL: none loaded */
	char *plan_ref;                 /* its name or path, as the project keeps it */
	bool guided;                    /* the plan is on: its line shows */
	int guide_step;                 /* 0-based step */
	long long step_since;           /* ms when the step was entered */
	time_t plan_start;              /* the room's shared start; 0: none */
	long long plan_drawn;           /* wall-clock second of the last plan line */

	char *readonly_why;             /* why the project is open read-only (a
	                                 * banner says it), or NULL when writable */

	bool quit;
	/* review comments (commentscr.c) */
	char *reviewer;                 /* review mode: the reviewer's name */
	int comment_item;               /* comments screen: selected comment */
	long long comments_polled;      /* ms of the last look for new ones */
	/* popup (spelling suggestions, competency checkboxes, confirmations) */
	int popup;                      /* a screen's own popup id; 0: none */
	int popup_sel;
	/* word counts of saved texts no field holds (tui_ecq_words), so a
	 * redraw never recounts the whole narrative */
	struct tui_saved_words *saved_words;
	size_t n_saved_words;
};

/* The loaded project (valid until the next change through the store). */
const struct project *tui_project(const struct tui *t);
const struct framework *tui_fw(const struct tui *t);

/* Switches screens: leaves the current one, enters the new one. */
void tui_goto(struct tui *t, enum tui_screen_id id);

/* Frees every text field, its editor and the kept word counts (the
 * session's end). */
void tui_fields_free(struct tui *t);
/* The text fields (created on first use from the saved text). */
struct tui_field *tui_field_example(struct tui *t, int64_t id, int field);
struct tui_field *tui_field_note(struct tui *t, int ecq, int question);
struct tui_field *tui_field_intro(struct tui *t, int ecq);
/* An example's interview card; NULL when there is no such example. */
struct tui_field *tui_field_card(struct tui *t, int64_t id);
/* An example's résumé line; NULL when there is no such example. */
struct tui_field *tui_field_resume(struct tui *t, int64_t id);
/* Puts a draft (freed here) in place of f's text, the text it replaces
 * kept in the history, the cursor at its start; what names f in the
 * message when it cannot ("card"). False, with a status line, when the
 * draft is empty or cannot be put. */
bool tui_field_put_draft(struct tui *t, struct tui_field *f, char *draft, const char *what);
/* A field of a position; NULL when the project has no such position. */
struct tui_field *tui_field_position(struct tui *t, int64_t id, int field);
/* Sets the field being edited (NULL: none): saves the one being left. */
void tui_focus(struct tui *t, struct tui_field *f);
/* Checks a field again when its text changed since the last check, and
 * gives the editor the findings as highlight spans. */
void tui_field_check(struct tui *t, struct tui_field *f);
/* The finding under the field's cursor, or NULL (from the last check). */
const struct finding *tui_field_finding_at_cursor(struct tui *t, struct tui_field *f);
/* Words in a field's current text: counted again only in the lines changed
 * since the last call (the count is kept with the field). */
size_t tui_field_words(struct tui_field *f);

/* ---- saving (saving.c) ---- */
/* Saves every changed field through the store; returns -1 when some field
 * could not be saved: the coach then shows NOT SAVED and the reason until a
 * retry (tui_save_tick) succeeds. */
int tui_save(struct tui *t);
/* True when some field has text not yet in the project file. */
bool tui_dirty(const struct tui *t);
/* Saves when due: after a pause, every second while typing, and every few
 * seconds while saving fails. The loop calls it when idle and after a key
 * has been drawn, never in between. Sets *draw when it did something. */
void tui_save_tick(struct tui *t, long long now, bool *draw);
/* The status line's right side ("Saved 09:31", "Saving soon", "NOT
 * SAVED..."); *bad when saving failed. */
const char *tui_save_state(const struct tui *t, bool *bad);
/* Why saving failed, for the status line's left side when no newer message
 * is there; NULL when saving works. */
const char *tui_save_reason(const struct tui *t, long long now);
/* Ctrl-Q: saves, and quits when nothing is left unsaved; otherwise asks in
 * a box: retry, write a rescue file and quit, or go back. */
void tui_quit_request(struct tui *t);
/* On the way out: saves, and when text is still not saved writes a rescue
 * file. Returns the exit status (0, or 3 when text is not in the project)
 * and in *message (caller frees; NULL when all went well) what to print. */
int tui_save_on_exit(struct tui *t, char **message);
/* On opening: offers the newest rescue file left for the project (restore
 * now or later). Call before any text field exists. */
void tui_rescue_offer(struct tui *t);
/* Milliseconds on a monotonic clock. */
long long tui_now(void);
/* Marks the project changed by a direct store call (add, move, delete...);
 * a change to the project's words or dismissals is seen here too. */
void tui_changed(struct tui *t);
/* The dictionary changed (a word added to the user's list, which the
 * project does not hold): every finding is checked again. */
void tui_dictionary_changed(struct tui *t);

/* The project's findings (from the one owner) and page meter, recomputed
 * when stale. tui_findings_last() is what was last computed, for draws
 * that must not wait; tui_findings_ready() is false before the first. */
const struct findings *tui_project_findings(struct tui *t);
const struct findings *tui_findings_last(const struct tui *t);
bool tui_findings_ready(const struct tui *t);
void tui_update_pages(struct tui *t);
/* Words in an ECQ (current, unsaved text included). Words are counted as
 * `check` counts them: an example's title and its four CCAR parts, and the
 * ECQ's introduction (the dates are not words). Counts are kept per text,
 * so the cost does not grow with the narrative. */
size_t tui_ecq_words(struct tui *t, int ecq);
/* Words in an example's title and four CCAR parts (current text). */
size_t tui_example_words(struct tui *t, const struct example *ex);
/* An ECQ's word goal: its equal share of the framework's page limit at
 * the framework's words per page; it does not move while typing. */
size_t tui_ecq_budget(struct tui *t);

/* Status line messages. */
void tui_status(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tui_status_error(struct tui *t, const struct error *err);

/* Draws the title bar on row 0. */
void tui_draw_title(const struct tui *t, WINDOW *win, const char *left, const char *right);

/* Jumps to a finding's place: the example editor with the cursor on it, or
 * the ECQ screen for notes and introductions. */
void tui_jump(struct tui *t, const struct finding *f);

/* guided.c: the plan engine, its line at the top, and the first-run
 * questions. */
/* Loads the plan given (opt->plan, --guided being "self-paced") or the one
 * the project remembers when it is on (always for a project just created),
 * resumes its step and opens it. Returns -1 with err set when the plan
 * given or the start time cannot be used; a remembered plan that fails
 * only leaves a status message. */
int guided_init(struct tui *t, const struct tui_options *opt, bool created, struct error *err);
/* Turns the plan on (F6; loading the remembered plan or self-paced) and
 * opens its step; turns it off (the step is kept). */
void guided_start(struct tui *t);
void guided_stop(struct tui *t);
/* Next and previous step (passing over optional steps whose example does
 * not exist), and back to the current step's place (Ctrl-G). */
void guided_next(struct tui *t);
void guided_back(struct tui *t);
void guided_show(struct tui *t);
/* True when the screen shown is the current step's place. */
bool guided_at_step(const struct tui *t);
/* Rows the plan line takes at this width (0 when off). */
int guided_rows(const struct tui *t, int cols);
/* Draws the plan line from row y: step, countdown, the instruction. */
void guided_draw_line(struct tui *t, WINDOW *win, int y);
/* True when the countdown shown is a second old (redraw). */
bool guided_tick(struct tui *t);
/* Frees the plan. */
void guided_free(struct tui *t);
/* rehearse.c: true when the rehearsal's running timer shows a second
 * more than last drawn (redraw). */
bool rehearse_tick(struct tui *t);
/* resumescr.c: lays the résumé out again (its page meter) when the saved
 * project changed, the screen shows it and the writer paused; true when
 * it did (redraw). One layout a call; a key stops it. */
bool resumescr_idle(struct tui *t, long long now);
/* The lines example id's résumé line takes on the résumé as last laid
 * out, when the line laid out was text; -1 when not known. */
int resumescr_lines(const struct tui *t, int64_t id, const char *text);
/* Frees what the résumé screen keeps (the session's end). */
void resumescr_free(void);
/* The row the résumé screen selects when it opens next: example's line
 * (example > 0), else position's field (field >= 0) or heading. */
void resumescr_select(int64_t example, int64_t position, int field);
/* ecq.c: opens an ECQ's screen on its first focus question, or on "Add an
 * example" when at_add. */
void ecq_show(struct tui *t, int ecq, bool at_add);
/* Asks the candidate's name and the framework for a new project; returns
 * the created store, or NULL when the user quit or creation failed (err). */
struct store *guided_first_run(const char *path, struct error *err, bool *quit);

/* commentscr.c: comments on the text. */
/* Review mode: asks for a comment on the focused field's selection and
 * saves it as the reviewer. */
void commentscr_new(struct tui *t);
/* Open comments on the text a revision target names (the margin mark). */
size_t commentscr_count(const struct tui *t, const char *target);
/* Reads the comments again every few seconds (a reviewer may have added
 * some); sets *draw when they changed. */
void commentscr_poll(struct tui *t, long long now, bool *draw);
/* ---- history (history.c) ---- */
/* Opens the history screen: the earlier versions of the focused field, or
 * (no field focused) every text that has some. */
void tui_history_open(struct tui *t);

/* ---- questions (ask.c) ---- */
/* Shows a centred box (draw_box) and waits for a key; returns the key (a
 * character, or a KEY_* code with *keycode set), or ERR after a stop
 * signal. Resizes redraw the box. */
int tui_box_key(const char *title, const char *const *lines, const char *note,
    bool *keycode);
/* Asks a question in a centred box until it gets an answer: one of the
 * characters in answers (either case; returned in lower case) or Esc
 * (returns 27). Any other key asks again with a note saying which keys
 * answer, so no key cancels silently. ERR after a stop signal. */
int tui_ask(const char *title, const char *const *lines, const char *answers);

/* Reads one input event for modal loops; returns ERR on timeout. Handles
 * resizes and stop signals (sets t->quit or *stop). */
int tui_read(wint_t *ch, bool *keycode, int timeout_ms, bool *stop);

#endif
