/* SPDX-License-Identifier: MIT */
/*
 * store.h: the project file, a SQLite database (see ecqcoach-project(5)).
 *
 * Every change is one transaction. Every change to a piece of text also
 * appends the text it replaces to the revision table, so nothing a user typed
 * is lost, even by their own mistake. The store keeps the struct project it
 * loaded in step with the file: after a successful call, store_project()
 * shows the change. A failed call changes neither.
 *
 * Revision targets name a piece of text: "meta.candidate", "meta.position",
 * "intro.<ecq>", "note.<ecq>.<question>", "example.<id>.<field>" where field
 * is title, start, end, challenge, context, action or result, and "unsorted".
 * Since schema 4 also "example.<id>.resume" (the résumé line),
 * "example.<id>.card" (the spoken card) and "position.<id>.<field>" where
 * field is a project_position_field_key() (title, organization, grade,
 * start, end, hours, supervisor, phone, contact, duties).
 */
#ifndef ECQ_STORE_H
#define ECQ_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "error.h"
#include "framework.h"
#include "project.h"

#define STORE_APPLICATION_ID 0x45435143 /* "ECQC" */
#define STORE_SCHEMA_VERSION 4
/* The most one text field may hold, in bytes (about 150,000 words, fifteen
 * times a whole narrative): a save of more is refused with ERR_USAGE, so no
 * field can grow past what the layout and the checks handle quickly. */
#define STORE_MAX_TEXT (1024 * 1024)

struct store;

enum store_flags {
	STORE_READONLY = 1 << 0,    /* open without writing (show, check, export) */
	STORE_COMMENTS = 1 << 1     /* a reviewer's open: writes comments only
	                             * (store_*comment*), every other change is
	                             * refused with ERR_USAGE; takes no write lock,
	                             * so it works while a writer has the file */
};

/* Writers and concurrency. A writable open (and store_create) takes the
 * project's write lock (lockfile.h): while another ecqcoach has the file
 * open for writing, store_open fails with ERR_LOCKED naming the holder, and
 * the caller may open it with STORE_READONLY instead. A writable open also
 * refuses a file holding triggers, views, tables or indexes that ecqcoach
 * did not create (ERR_TAMPERED), since they could run on every save; such a
 * file still opens read-only. Every save first checks that the path still
 * names the file that was opened (ERR_GONE when it was moved, deleted or
 * replaced: see store_save_again). */

/* Creates a new project at path (which must not exist) with a snapshot of
 * fw (its ->text) and opens it, readable by its owner only (0600; see
 * store_share). candidate may be "". */
int store_create(const char *path, const struct framework *fw,
    const char *candidate, struct store **out, struct error *err);

/* Opens and loads an existing project. Refuses files that are not ecqcoach
 * projects (ERR_FORMAT) or come from a newer version (ERR_VERSION). An older
 * schema is migrated in a transaction after copying the file to
 * PATH.bak-vN (not in read-only mode: then ERR_VERSION asks to open it
 * writable once). */
int store_open(const char *path, int flags, struct store **out, struct error *err);

/* Lets the owner's group read the project (0640), for a coordinator or
 * mentor on the same server (`new --shared`). */
int store_share(struct store *st, struct error *err);

/* Closes and frees; accepts NULL. */
void store_close(struct store *st);
/* Closes a project this program just created and removes its file and
 * journals (a `new` or `import` that failed half-way); accepts NULL. */
void store_discard(struct store *st);

/* The loaded project, owned by the store, valid until the next change. */
const struct project *store_project(const struct store *st);

/* A batch makes many changes one transaction (an import, a demo project).
 * Between store_batch_begin and store_batch_commit every setter writes
 * into that one transaction and neither commits nor reloads: the project
 * from store_project() stays as it was at store_batch_begin, and
 * store_move_example only knows examples that existed then. A setter that
 * fails inside a batch undoes only its own change and returns -1; the
 * caller then commits what is left or calls store_batch_rollback.
 * store_batch_commit commits and reloads once (on failure nothing of the
 * batch is saved); store_batch_rollback drops every change of the batch
 * (does nothing outside one). A batch cannot be nested (ERR_USAGE). */
int store_batch_begin(struct store *st, struct error *err);
int store_batch_commit(struct store *st, struct error *err);
void store_batch_rollback(struct store *st);
/* True between store_batch_begin and its commit or rollback. */
bool store_in_batch(const struct store *st);

/* Text setters. Each is one transaction that records the previous text. */
int store_set_candidate(struct store *st, const char *name, struct error *err);
int store_set_position(struct store *st, const char *position, struct error *err);
int store_set_intro(struct store *st, int ecq, const char *text, struct error *err);
int store_set_note(struct store *st, int ecq, int question, const char *text,
    struct error *err);
int store_set_unsorted(struct store *st, const char *text, struct error *err);
int store_set_example_field(struct store *st, int64_t id, enum example_field f,
    const char *text, struct error *err);

/* Saves the text named by a revision target (see the top of this file)
 * without ever overwriting text the caller has not seen: seen is the text
 * the caller last read or saved there. When the file holds something else
 * (another writer changed it), that text is kept as a revision, the caller's
 * text is saved, and *conflict (when not NULL) is set. seen NULL: no check. */
int store_set_text(struct store *st, const char *target, const char *seen,
    const char *text, bool *conflict, struct error *err);

/* Whether the path still names the file that was opened: 0, or -1 with
 * ERR_GONE (moved, deleted or replaced) or ERR_IO. */
int store_check_file(const struct store *st, struct error *err);
/* After ERR_GONE: writes the open project (with everything saved so far)
 * to its path again, or, when another file took that name, to a new name
 * beside it, and goes on saving there. *where (caller frees) gets the path
 * written. */
int store_save_again(struct store *st, char **where, struct error *err);

/* How long a change waits for another program's transaction on the file
 * before it fails (default 2000 ms). The coach, which saves between keys
 * and retries a failed save by itself, waits less so keys stay answered. */
void store_set_busy_timeout(struct store *st, int ms);

/* Starts a new burst for every text: the next save of each keeps the text
 * it replaces. Call before a deliberate replacement (restoring a rescue
 * file or an old revision), which must always be undoable. */
void store_new_burst(struct store *st);

/* The clock (seconds, monotonic) that decides which saves keep a revision;
 * tests and benchmarks pass their own to replay hours of typing. */
void store_set_clock(struct store *st, time_t (*clock)(void));

/* Adds an empty example at the end of ECQ ecq; its id goes to *id_out. */
int store_add_example(struct store *st, int ecq, const char *title,
    int64_t *id_out, struct error *err);
/* Moves an example to a new 0-based position within its ECQ. */
int store_move_example(struct store *st, int64_t id, int position, struct error *err);
/* Deletes an example; its texts stay in the revision table and
 * store_undelete_example() brings it back where it was. */
int store_delete_example(struct store *st, int64_t id, struct error *err);
int store_undelete_example(struct store *st, int64_t id, struct error *err);

struct deleted_example {
	int64_t id;
	int ecq;                /* framework index; -1 when the ECQ is unknown */
	char *title;
	char *deleted;          /* ISO 8601 UTC of its deletion (its last change) */
	bool has_text;          /* any of the four CCAR parts holds text */
};
/* The deleted examples, most recently deleted first; the caller frees them
 * with store_deleted_examples_free. */
int store_deleted_examples(const struct store *st, struct deleted_example **out,
    size_t *n_out, struct error *err);
void store_deleted_examples_free(struct deleted_example *d, size_t n);
/* Replaces the competencies an example shows. */
int store_set_example_competencies(struct store *st, int64_t id,
    const struct strlist *names, struct error *err);

/* Project dictionary. */
int store_add_word(struct store *st, const char *word, struct error *err);
int store_remove_word(struct store *st, const char *word, struct error *err);

/* Findings the user chose to ignore, keyed by rule, target and text. */
int store_dismiss(struct store *st, const char *rule, const char *target,
    const char *text, struct error *err);
/* Takes a dismissal back: the finding shows again. ERR_NOTFOUND when no
 * such dismissal exists. */
int store_undismiss(struct store *st, const char *rule, const char *target,
    const char *text, struct error *err);
bool store_is_dismissed(const struct store *st, const char *rule,
    const char *target, const char *text);

/* Reviewer comments (store_comments.c; see comments.h for where they are).
 * They change no text, need no write lock (STORE_COMMENTS) and leave the
 * project's "modified" time alone. Each is one transaction; SQLite's busy
 * timeout lets a reviewer and the writer save at the same time. */

/* Adds a comment by author on the span quote of the text named by target
 * (a revision target). quote must be in the target's current text: at
 * offset when given, else (offset SIZE_MAX) its first occurrence; "" is a
 * comment on the whole text. Fails with ERR_NOTFOUND when the target or the
 * quote is not there, ERR_USAGE for an empty author or body. */
int store_add_comment(struct store *st, const char *target, const char *quote,
    size_t offset, const char *author, const char *body, int64_t *id_out,
    struct error *err);
/* Adds a reply by author to comment id (ERR_NOTFOUND when there is none). */
int store_reply_comment(struct store *st, int64_t id, const char *author,
    const char *body, struct error *err);
/* Marks comment id resolved (or open again). */
int store_resolve_comment(struct store *st, int64_t id, bool resolved, struct error *err);
/* Brings the comments and replies of from (a reviewed copy of this
 * project) into st, each anchored again in st's current text; comments and
 * replies st already has (by their unique id) are not added again, but a
 * comment resolved in from is resolved here. Never changes text. *added
 * (may be NULL) gets the number of comments and replies added. */
int store_merge_comments(struct store *st, const struct project *from, size_t *added,
    struct error *err);
/* Reads the comments again when another program (a reviewer) changed the
 * file since the last load; *changed (may be NULL) says whether they did.
 * Pointers into store_project(st)->comments are then invalid. */
int store_refresh_comments(struct store *st, bool *changed, struct error *err);

/* Review checklist lines ticked by hand (by their text). */
int store_set_confirmed(struct store *st, const char *item, bool on, struct error *err);

/* Free-form settings (last screen, guided-mode step, export options). */
int store_set_setting(struct store *st, const char *key, const char *value,
    struct error *err);
/* Returns a copy the caller frees, or NULL when unset. */
char *store_get_setting(const struct store *st, const char *key);

/* ---- résumé and interview (store_resume.c; schema 4) ---------------------- */

/* An example's résumé line and spoken card; each one transaction that
 * keeps the replaced text as a revision, like the other texts. */
int store_set_example_resume(struct store *st, int64_t id, const char *text,
    struct error *err);
int store_set_example_card(struct store *st, int64_t id, const char *text,
    struct error *err);

/* Adds a position at the end of the résumé's list; its id to *id_out
 * (may be NULL). */
int store_add_position(struct store *st, const char *title, int64_t *id_out,
    struct error *err);
int store_set_position_field(struct store *st, int64_t id, enum position_field f,
    const char *text, struct error *err);
/* Moves a position to a new 0-based place in the list. */
int store_move_position(struct store *st, int64_t id, int seq, struct error *err);
/* Deletes a position (its texts stay in the file; store_undelete_position
 * brings it back). Examples listed under it are listed under none. */
int store_delete_position(struct store *st, int64_t id, struct error *err);
int store_undelete_position(struct store *st, int64_t id, struct error *err);
/* Lists example under position (0: under none). */
int store_link_example(struct store *st, int64_t example, int64_t position,
    struct error *err);

/* The revision target of a position field, e.g. "position.3.duties";
 * caller frees. */
char *store_position_target(int64_t id, enum position_field f);

/* One rehearsal of an example's card: which question was asked, how long
 * the answer took and how the writer marked it. */
struct rehearsal {
	int64_t id;
	int64_t example;
	char *question;
	int seconds;
	int mark;               /* the writer's own mark, e.g. 1 to 3; 0: none */
	char *created;          /* ISO 8601 UTC */
};

/* Logs a rehearsal (changes no text). */
int store_add_rehearsal(struct store *st, int64_t example, const char *question,
    int seconds, int mark, struct error *err);
/* Rehearsals of one example (all when example is 0), oldest first; the
 * caller frees with store_rehearsals_free. */
int store_rehearsals(const struct store *st, int64_t example, struct rehearsal **out,
    size_t *n_out, struct error *err);
void store_rehearsals_free(struct rehearsal *r, size_t n);

struct revision {
	int64_t id;
	char *target;
	char *text;             /* the text as it was before the change */
	char *changed;          /* ISO 8601 UTC */
};

/* Revisions of one target (all when target is NULL), newest first, at most
 * limit (0: all). The caller frees with store_revisions_free. */
int store_revisions(const struct store *st, const char *target, size_t limit,
    struct revision **out, size_t *n_out, struct error *err);
void store_revisions_free(struct revision *revs, size_t n);
/* One revision by id into *out (free with store_revision_free);
 * ERR_NOTFOUND when the file keeps none with that id. */
int store_revision_get(const struct store *st, int64_t id, struct revision *out,
    struct error *err);
void store_revision_free(struct revision *r);

struct revision_field {
	char *target;           /* revision target */
	size_t count;           /* revisions kept */
	char *changed;          /* ISO 8601 UTC of the newest */
};
/* Every target the file keeps revisions for, most recently changed first;
 * the caller frees with store_revision_fields_free. */
int store_revision_fields(const struct store *st, struct revision_field **out,
    size_t *n_out, struct error *err);
void store_revision_fields_free(struct revision_field *r, size_t n);

/* The revision target for an example field, e.g. "example.7.action";
 * caller frees. */
char *store_example_target(int64_t id, enum example_field f);

/* The path the project was opened from. */
const char *store_path(const struct store *st);

#endif
