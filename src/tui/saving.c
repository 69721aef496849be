/* SPDX-License-Identifier: MIT */
/*
 * saving.c: how the coach keeps typed text from being lost. Saves every
 * changed field through the store (after a pause, and at least every
 * second while the writer keeps typing); when a save fails, keeps a
 * "NOT SAVED" state in the status line and retries every few seconds until
 * it works; asks before quitting with text not saved (retry, rescue file,
 * or back); on a stop signal with text not saved writes a rescue file
 * (rescue.h) and makes the coach exit non-zero; and on opening a project
 * offers the rescue files left for it. The loop (tui.c) calls in here; the
 * rules for the rescue file itself live in core.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rescue.h"
#include "tui/draw.h"
#include "tui/term.h"
#include "tui/tui.h"
#include "xalloc.h"

#define SAVE_TYPING_MS 1000     /* save at least this often while typing */
#define SAVE_RETRY_MS 3000      /* retry a failed save this often */
#define SAVE_REASON_MS 4000     /* other messages hide the reason this long */
#define SAVE_EXIT_STATUS 3      /* text not saved into the project: EXIT_DATA */
#define SAVE_PREFIX "Not saved: "       /* t->save_error starts with it */

/* ---- saving -------------------------------------------------------------- */

/* Saves one field. The store compares the file with f->seen, so text
 * another program wrote meanwhile is kept as a revision, never lost; an
 * example deleted meanwhile still takes the text (undo brings it back). */
static int
tui_field_save(struct tui *t, struct tui_field *f, struct error *err)
{
	const char *text = editbuf_text(editor_cbuf(f->ed));
	char *target;
	bool conflict = false;
	int rc;

	/* The editor's own targets count notes and intros from 0 (dismissals
	 * are stored with them); the store's revision targets count from 1. */
	if (f->kind == TF_NOTE)
		target = xasprintf("note.%d.%d", f->ecq + 1, f->question + 1);
	else if (f->kind == TF_INTRO)
		target = xasprintf("intro.%d", f->ecq + 1);
	else
		target = xstrdup(f->target);
	rc = store_set_text(t->st, target, f->seen, text, &conflict, err);
	free(target);
	if (rc != 0)
		return -1;
	free(f->seen);
	f->seen = xstrdup(text);
	if (conflict)
		tui_status(t, "Another program changed this text in the file while you worked; "
		    "your text is saved and the other is kept in the history.");
	return 0;
}

bool
tui_dirty(const struct tui *t)
{
	size_t i;

	for (i = 0; i < t->n_fields; i++)
		if (editbuf_dirty(editor_cbuf(t->fields[i]->ed)))
			return true;
	return false;
}

int
tui_save(struct tui *t)
{
	struct error err, first;
	size_t i;
	bool any = false, failed = false;
	time_t now;
	struct tm tm;

	t->save_due = 0;
	t->last_save = tui_now();
	error_clear(&first);
	/* Every field gets its chance: one that fails does not hold back the rest. */
	for (i = 0; i < t->n_fields; i++) {
		struct tui_field *f = t->fields[i];
		struct editbuf *eb = editor_buf(f->ed);

		if (!editbuf_dirty(eb))
			continue;
		error_clear(&err);
		if (tui_field_save(t, f, &err) != 0) {
			if (!failed)
				first = err;
			failed = true;
			continue;
		}
		editbuf_mark_clean(eb);
		any = true;
	}
	if (any) {
		tui_changed(t);
		now = time(NULL);
		localtime_r(&now, &tm);
		strftime(t->saved_at, sizeof t->saved_at, "Saved %H:%M:%S", &tm);
	}
	if (failed) {
		/* the file is named elsewhere; keep the line for why */
		const char *why = first.msg, *path = store_path(t->st);
		size_t n = strlen(path);

		if (strncmp(why, path, n) == 0 && why[n] == ':' && why[n + 1] == ' ')
			why += n + 2;
		snprintf(t->save_error, sizeof t->save_error, SAVE_PREFIX "%s%s", why,
		    first.code == ERR_GONE ? " (Ctrl-S saves it again)" : "");
		t->save_failed = true;
		t->retry_due = t->last_save + SAVE_RETRY_MS;
		return -1;
	}
	if (t->save_failed) {
		t->save_failed = false;
		t->retry_due = 0;
		tui_status(t, "Saved: everything typed is in the project file again.");
	}
	return 0;
}

void
tui_save_tick(struct tui *t, long long now, bool *draw)
{
	if (!tui_dirty(t)) {
		t->save_due = 0;
		if (t->save_failed) {   /* nothing left to save (e.g. undone) */
			t->save_failed = false;
			t->retry_due = 0;
			*draw = true;
		}
		return;
	}
	if (t->save_failed) {
		if (now >= t->retry_due) {
			(void)tui_save(t);
			*draw = true;
		}
		return;
	}
	if ((t->save_due != 0 && now >= t->save_due) || now - t->last_save >= SAVE_TYPING_MS) {
		(void)tui_save(t);
		*draw = true;
	}
}

const char *
tui_save_state(const struct tui *t, bool *bad)
{
	*bad = t->save_failed;
	if (t->save_failed)
		return "NOT SAVED (retrying)";
	if (tui_dirty(t))
		return "Saving soon";
	return t->saved_at;
}

const char *
tui_save_reason(const struct tui *t, long long now)
{
	if (!t->save_failed)
		return NULL;
	if (t->status[0] != '\0' && now - t->status_at < SAVE_REASON_MS)
		return NULL;
	return t->save_error;
}

/* ---- rescue files -------------------------------------------------------- */

/* Writes every changed field to a rescue file; on success keeps its path
 * in t->rescued and returns 0. */
static int
tui_write_rescue(struct tui *t, struct error *err)
{
	const struct project *p = tui_project(t);
	struct rescue r;
	size_t i;
	int rc;

	rescue_init(&r, store_path(t->st));
	for (i = 0; i < t->n_fields; i++) {
		const struct editbuf *eb = editor_cbuf(t->fields[i]->ed);
		char *label;

		if (!editbuf_dirty(eb))
			continue;
		label = rescue_label(p, t->fields[i]->target);
		rescue_add(&r, t->fields[i]->target, label, editbuf_text(eb), editbuf_len(eb));
		free(label);
	}
	free(t->rescued);
	t->rescued = NULL;
	rc = rescue_write(&r, &t->rescued, err);
	rescue_free(&r);
	return rc;
}

void
tui_quit_request(struct tui *t)
{
	struct error err;
	char reason[1200];
	const char *note = NULL;
	bool keycode;
	int ch;

	if (t->focus != NULL)
		editbuf_break_undo(editor_buf(t->focus->ed));
	if (tui_save(t) == 0 && !tui_dirty(t)) {
		t->quit = true;
		return;
	}
	for (;;) {
		const char *lines[] = {
			reason,
			"",
			"r    retry the save now",
			"w    write the text to a rescue file and quit",
			"Esc  go back to writing (the coach keeps retrying)",
			NULL
		};

		snprintf(reason, sizeof reason, "%s", t->save_error);
		ch = tui_box_key("Your latest text is NOT SAVED in the project file", lines, note,
		    &keycode);
		if (ch == ERR)
			return;         /* a stop signal: the loop ends and rescues */
		if (!keycode && (ch == 'r' || ch == 'R')) {
			if (tui_save(t) == 0 && !tui_dirty(t)) {
				t->quit = true;
				return;
			}
			note = "Still not saved.";
		} else if (!keycode && (ch == 'w' || ch == 'W')) {
			error_clear(&err);
			if (tui_write_rescue(t, &err) == 0) {
				t->quit = true;
				return;
			}
			snprintf(t->rescue_error, sizeof t->rescue_error, "%s", err.msg);
			note = t->rescue_error;
		} else if (!keycode && ch == 27) {
			tui_status(t, "Not saved yet; the coach retries every %d seconds.",
			    SAVE_RETRY_MS / 1000);
			return;
		} else {
			note = "Press r, w or Esc.";
		}
	}
}

int
tui_save_on_exit(struct tui *t, char **message)
{
	struct error err;
	const char *path = store_path(t->st), *why = t->save_error + strlen(SAVE_PREFIX);

	*message = NULL;
	if (tui_save(t) == 0 && !tui_dirty(t)) {
		if (t->rescued != NULL)         /* space came back after Ctrl-Q, w */
			*message = xasprintf("everything was saved into %s after all; %s "
			    "holds a copy you do not need.", path, t->rescued);
		return 0;
	}
	if (t->rescued == NULL) {
		error_clear(&err);
		if (tui_write_rescue(t, &err) != 0) {
			*message = xasprintf("%s was not saved (%s), nor could a rescue file be "
			    "written: %s. The text typed since the last save is lost.", path,
			    why, err.msg);
			return SAVE_EXIT_STATUS;
		}
	}
	*message = xasprintf("%s was not saved (%s). The unsaved text is in %s; "
	    "put it back with: ecqcoach recover '%s' --apply '%s'", path, why,
	    t->rescued, path, t->rescued);
	return SAVE_EXIT_STATUS;
}

void
tui_rescue_offer(struct tui *t)
{
	struct rescue r;
	struct error err;
	char **paths = NULL, what[1200], more[200];
	const char *note = NULL;
	size_t n = 0, placed, unsorted;
	char *used = NULL;
	bool keycode;
	int ch;

	if (rescue_list(store_path(t->st), &paths, &n, &err) != 0 || n == 0)
		goto out;
	if (rescue_read(paths[0], &r, &err) != 0) {
		tui_status_error(t, &err);
		goto out;
	}
	snprintf(what, sizeof what, "Unsaved text from %s was rescued to %s (%zu %s%s).",
	    r.time, paths[0], r.n, r.n == 1 ? "field: " : "fields, the first: ",
	    r.n > 0 ? r.entries[0].label : "none");
	snprintf(more, sizeof more, "%zu more rescue files: 'ecqcoach recover' lists them.",
	    n - 1);
	for (;;) {
		const char *lines[] = {
			what,
			"",
			"r  restore it now (the text it replaces stays in the history)",
			"l  later (ecqcoach recover puts it back any time)",
			n > 1 ? more : NULL,
			NULL
		};

		ch = tui_box_key("Rescued text found", lines, note, &keycode);
		if (ch == ERR || (!keycode && (ch == 'l' || ch == 'L' || ch == 27)))
			break;
		if (keycode || (ch != 'r' && ch != 'R')) {
			note = "Press r or l.";
			continue;
		}
		error_clear(&err);
		if (rescue_apply(t->st, &r, &placed, &unsorted, &err) != 0) {
			tui_changed(t);
			tui_status_error(t, &err);
			break;
		}
		tui_changed(t);
		if (rescue_mark_used(paths[0], &used, &err) != 0) {
			tui_status(t, "Restored %zu fields; %s", placed + unsorted, err.msg);
			break;
		}
		if (unsorted > 0)
			tui_status(t, "Restored %zu fields (%zu whose place is gone went to the "
			    "unsorted text); the rescue file is now %s.", placed + unsorted, unsorted,
			    used);
		else
			tui_status(t, "Restored %zu fields; the rescue file is now %s.", placed, used);
		break;
	}
	rescue_free(&r);
	werase(stdscr);
out:
	free(used);
	rescue_paths_free(paths);
}
