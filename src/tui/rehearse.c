/* SPDX-License-Identifier: MIT */
/*
 * rehearse.c: the rehearsal screen: one of the ECQ's interview questions,
 * the card hidden or shown (v), a timer the writer starts and stops (t),
 * and a mark for how it went (1 to 3), which keeps the time in the project
 * (store_add_rehearsal); the earlier rehearsals of the card are listed
 * with their times, so the writer sees progress.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "card.h"
#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"
#include "xalloc.h"

static size_t rh_question;
static bool rh_show, rh_running;
static long long rh_start, rh_elapsed;  /* ms; elapsed: of the stopped runs */
static long rh_drawn_sec = -1;
static struct rehearsal *rh_list;
static size_t rh_n;

static void
rh_free_list(void)
{
	store_rehearsals_free(rh_list, rh_n);
	rh_list = NULL;
	rh_n = 0;
}

static void
rh_load(struct tui *t)
{
	struct error err;

	rh_free_list();
	if (store_rehearsals(t->st, t->example, &rh_list, &rh_n, &err) != 0)
		tui_status_error(t, &err);
}

static long long
rh_ms(void)
{
	return rh_elapsed + (rh_running ? tui_now() - rh_start : 0);
}

static void
rh_enter(struct tui *t)
{
	rh_show = false;
	rh_running = false;
	rh_elapsed = 0;
	rh_drawn_sec = -1;
	rh_load(t);
	/* a question not yet asked of this card, going round */
	rh_question = rh_n;
}

static void
rh_leave(struct tui *t)
{
	(void)t;
	rh_running = false;
	rh_free_list();
}

bool
rehearse_tick(struct tui *t)
{
	long s = (long)(rh_ms() / 1000);

	(void)t;
	if (!rh_running || s == rh_drawn_sec)
		return false;
	return true;
}

static void
rh_layout(struct tui *t)
{
	(void)t;
}

static const char *
rh_question_text(const struct tui *t, const struct example *ex)
{
	const char *q = card_question(tui_fw(t), ex->ecq, rh_question);

	return q != NULL ? q : "Tell me about a time you showed this qualification.";
}

static void
rh_draw(struct tui *t, WINDOW *win)
{
	const struct framework *fw = tui_fw(t);
	const struct example *ex = project_example_by_id(tui_project(t), t->example);
	int cols = getmaxx(win), y = t->top, rows_left, wpm = card_wpm_load(t->st);
	long long ms = rh_ms();
	char line[700], clock[16], a[16], b[16], est[16];
	const char *card;
	size_t i, first;

	if (ex == NULL) {
		tui_draw_title(t, win, "Rehearsal", "");
		draw_text(win, y, 1, cols - 2, "This example no longer exists. Esc goes back.",
		    A_DIM);
		return;
	}
	snprintf(line, sizeof line, "ECQ %d: %.200s", ex->ecq + 1, *ex->field[EX_TITLE] ?
	    ex->field[EX_TITLE] : fw->ecqs[ex->ecq].title);
	tui_draw_title(t, win, "Rehearsal", line);
	y += draw_wrap(win, y, 1, cols - 2, 3, 0, rh_question_text(t, ex), A_BOLD);
	y++;
	card = project_example_card(ex);
	card_clock((double)ms / 1000.0, clock, sizeof clock);
	card_clock(fw->docs.interview_min_seconds, a, sizeof a);
	card_clock(fw->docs.interview_max_seconds, b, sizeof b);
	card_clock(card_seconds(card, wpm), est, sizeof est);
	rh_drawn_sec = (long)(ms / 1000);
	snprintf(line, sizeof line, "Time %s  %s", clock, rh_running ? "running: t stops" :
	    ms > 0 ? "stopped: 1, 2 or 3 keeps it with your mark" : "t starts the timer");
	draw_text(win, y, 1, cols - 2, line, rh_running ? term_attr(TP_GOOD, A_BOLD) |
	    A_BOLD : A_BOLD);
	/* the target on a line of its own: at 80 columns it was cut off */
	snprintf(line, sizeof line, "Aim for %s to %s; the card reads in about %s.", a, b, est);
	draw_text(win, y + 1, 1, cols - 2, line, A_NORMAL);
	y += 3;
	/* the earlier rehearsals: the newest that fit, oldest first */
	rows_left = t->bottom - y + 1;
	if (rh_show) {
		int h = rows_left - (rh_n > 0 ? 4 : 0);

		if (*card == '\0')
			draw_text(win, y, 1, cols - 2, "This card is empty: write it on the cards "
			    "screen.", A_DIM);
		else
			y += draw_wrap(win, y, 1, cols - 2, h > 1 ? h : 1, 0, card, A_NORMAL);
		y++;
	} else {
		draw_text(win, y, 1, cols - 2, "The card is hidden: v shows it.", A_DIM);
		y += 2;
	}
	if (y > t->bottom)
		return;
	snprintf(line, sizeof line, rh_n == 0 ? "No rehearsals of this card yet." :
	    "Rehearsals of this card (%zu):", rh_n);
	draw_text(win, y++, 1, cols - 2, line, A_BOLD);
	rows_left = t->bottom - y + 1;
	first = rows_left > 0 && rh_n > (size_t)rows_left ? rh_n - (size_t)rows_left : 0;
	for (i = first; i < rh_n && y <= t->bottom; i++, y++) {
		char when[17];

		/* "2026-12-01 09:30" (UTC) from ISO 8601 */
		snprintf(when, sizeof when, "%s", rh_list[i].created);
		if (strlen(when) > 10 && when[10] == 'T')
			when[10] = ' ';
		card_clock(rh_list[i].seconds, clock, sizeof clock);
		snprintf(line, sizeof line, "%s  %5s  mark %d  %.400s", when, clock,
		    rh_list[i].mark, rh_list[i].question);
		draw_text(win, y, 2, cols - 3, line, A_NORMAL);
	}
}

static int
rh_keep(struct tui *t, int mark)
{
	const struct example *ex = project_example_by_id(tui_project(t), t->example);
	struct error err;
	long long ms = rh_ms();
	char clock[16];

	if (ex == NULL)
		return RD_DRAW;
	if (t->readonly_why != NULL) {
		tui_status(t, "This project is open read-only: no rehearsal can be kept.");
		return RD_DRAW;
	}
	if (rh_running || ms <= 0) {
		tui_status(t, rh_running ? "Stop the timer first (t), then mark how it went." :
		    "Start the timer (t), answer, stop it, then mark how it went.");
		return RD_DRAW;
	}
	if (store_add_rehearsal(t->st, ex->id, rh_question_text(t, ex),
	    (int)((ms + 500) / 1000), mark, &err) != 0) {
		tui_status_error(t, &err);
		return RD_DRAW;
	}
	/* the store reloaded the project: the checker's words are the new ones */
	tui_changed(t);
	card_clock((double)ms / 1000.0, clock, sizeof clock);
	tui_status(t, "Kept: %s, marked %d. n asks another question.", clock, mark);
	rh_elapsed = 0;
	rh_load(t);
	return RD_DRAW;
}

static int
rh_key(struct tui *t, enum action a, wint_t ch, bool keycode)
{
	(void)ch;
	(void)keycode;
	switch (a) {
	case ACT_TIMER:
		if (rh_running) {
			rh_elapsed += tui_now() - rh_start;
			rh_running = false;
		} else {
			rh_start = tui_now();
			rh_running = true;
		}
		return RD_DRAW;
	case ACT_SHOW_CARD:
		rh_show = !rh_show;
		return RD_DRAW;
	case ACT_NEXT_QUESTION:
		rh_question++;
		rh_running = false;
		rh_elapsed = 0;
		return RD_DRAW;
	case ACT_MARK_1:
		return rh_keep(t, 1);
	case ACT_MARK_2:
		return rh_keep(t, 2);
	case ACT_MARK_3:
		return rh_keep(t, 3);
	case ACT_BACK:
	case ACT_LEFT:
		tui_goto(t, SCR_CARDS);
		return RD_DRAW;
	default:
		return RD_IGNORED;
	}
}

static const enum action *
rh_help(const struct tui *t)
{
	static const enum action stopped[] = { ACT_TIMER, ACT_MARK_1, ACT_MARK_2, ACT_MARK_3,
		ACT_SHOW_CARD, ACT_NEXT_QUESTION, ACT_BACK, ACT_HELP, ACT_QUIT, ACT_NONE };
	static const enum action idle[] = { ACT_TIMER, ACT_SHOW_CARD, ACT_NEXT_QUESTION,
		ACT_BACK, ACT_HELP, ACT_QUIT, ACT_NONE };

	(void)t;
	return !rh_running && rh_elapsed > 0 ? stopped : idle;
}

const struct tui_screen screen_rehearse = {
	"rehearse", rh_enter, rh_leave, rh_layout, rh_draw, rh_key, NULL, NULL, rh_help
};
