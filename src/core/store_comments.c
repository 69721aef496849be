/* SPDX-License-Identifier: MIT */
/*
 * store_comments.c: review comments in the project file: adding, replying,
 * resolving, merging a reviewed copy's, and reading them again when a
 * reviewer wrote some while the writer has the file. Comments never touch
 * the text; they are the only change a STORE_COMMENTS open may make.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "anchor.h"
#include "comments.h"
#include "store_internal.h"
#include "xalloc.h"

static void
now_iso(char buf[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static char *
col_text(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return xstrdup(s ? (const char *)s : "");
}

static sqlite3_stmt *
prepare(struct store *st, const char *sql, struct error *err)
{
	sqlite3_stmt *stmt = NULL;

	if (sqlite3_prepare_v2(store_sqlite(st), sql, -1, &stmt, NULL) != SQLITE_OK) {
		store_comment_fail(st, err, "read the comments");
		return NULL;
	}
	return stmt;
}

/* Reads the replies into the comments (sorted by id, as loaded). */
static int
load_replies(struct store *st, struct comment *c, size_t n, struct error *err)
{
	sqlite3_stmt *stmt = prepare(st, "SELECT comment_id, id, uid, author, body, created "
	    "FROM comment_reply ORDER BY comment_id, id", err);
	struct comment_reply *r;
	size_t i = 0;
	int64_t cid;

	if (stmt == NULL)
		return -1;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		cid = sqlite3_column_int64(stmt, 0);
		while (i < n && c[i].id < cid)
			i++;
		if (i == n)
			break;
		if (c[i].id != cid)
			continue;
		c[i].replies = xreallocarray(c[i].replies, c[i].n_replies + 1, sizeof *c[i].replies);
		r = &c[i].replies[c[i].n_replies++];
		r->id = sqlite3_column_int64(stmt, 1);
		r->uid = col_text(stmt, 2);
		r->author = col_text(stmt, 3);
		r->body = col_text(stmt, 4);
		r->created = col_text(stmt, 5);
	}
	sqlite3_finalize(stmt);
	return 0;
}

static int
read_comments(struct store *st, const struct project *p, struct comment **out, size_t *n_out,
    struct error *err)
{
	sqlite3_stmt *stmt = prepare(st, "SELECT id, uid, target, quote, ctx_before, ctx_after, "
	    "quote_offset, author, body, created, resolved FROM comment ORDER BY id", err);
	struct comment *c = NULL, *x;
	size_t n = 0;
	sqlite3_int64 off;

	*out = NULL;
	*n_out = 0;
	if (stmt == NULL)
		return -1;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		c = xreallocarray(c, n + 1, sizeof *c);
		x = &c[n++];
		memset(x, 0, sizeof *x);
		x->id = sqlite3_column_int64(stmt, 0);
		x->uid = col_text(stmt, 1);
		x->target = col_text(stmt, 2);
		x->quote = col_text(stmt, 3);
		x->before = col_text(stmt, 4);
		x->after = col_text(stmt, 5);
		off = sqlite3_column_int64(stmt, 6);
		x->quote_offset = off > 0 ? (size_t)off : 0;
		x->author = col_text(stmt, 7);
		x->body = col_text(stmt, 8);
		x->created = col_text(stmt, 9);
		x->resolved = sqlite3_column_int(stmt, 10) != 0;
	}
	sqlite3_finalize(stmt);
	if (load_replies(st, c, n, err) != 0) {
		project_free_comments(c, n);
		return -1;
	}
	comments_anchor(p, c, n);
	*out = c;
	*n_out = n;
	return 0;
}

int
store_comments_load(struct store *st, struct project *p, struct error *err)
{
	return read_comments(st, p, &p->comments, &p->n_comments, err);
}

/* Steps a statement with bound parameters; finalizes it. */
static int
step_done(struct store *st, sqlite3_stmt *stmt, struct error *err)
{
	int rc = sqlite3_step(stmt);

	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_comment_fail(st, err, "save the comment");
	return 0;
}

/* Inserts one comment row in the open transaction. uid NULL: a new one. */
static int
insert_comment(struct store *st, const char *uid, const char *target, const char *quote,
    size_t offset, const char *before, const char *after, const char *author,
    const char *body, const char *created, int resolved, int64_t *id_out, struct error *err)
{
	sqlite3_stmt *stmt = prepare(st, "INSERT INTO comment(uid, target, quote, quote_offset, "
	    "ctx_before, ctx_after, author, body, created, resolved) VALUES "
	    "(IFNULL(?1, lower(hex(randomblob(16)))), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", err);

	if (stmt == NULL)
		return -1;
	if (uid != NULL)
		sqlite3_bind_text(stmt, 1, uid, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, target, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, quote, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, (sqlite3_int64)offset);
	sqlite3_bind_text(stmt, 5, before, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, after, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, author, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 8, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 9, created, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 10, resolved);
	if (step_done(st, stmt, err) != 0)
		return -1;
	if (id_out != NULL)
		*id_out = sqlite3_last_insert_rowid(store_sqlite(st));
	return 0;
}

static int
insert_reply(struct store *st, int64_t cid, const char *uid, const char *author,
    const char *body, const char *created, struct error *err)
{
	sqlite3_stmt *stmt = prepare(st, "INSERT INTO comment_reply(comment_id, uid, author, body, "
	    "created) VALUES (?1, IFNULL(?2, lower(hex(randomblob(16)))), ?3, ?4, ?5)", err);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, cid);
	if (uid != NULL)
		sqlite3_bind_text(stmt, 2, uid, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, author, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, created, -1, SQLITE_STATIC);
	return step_done(st, stmt, err);
}

static int
check_words(const char *author, const char *body, struct error *err)
{
	if (author == NULL || *author == '\0')
		return error_set(err, ERR_USAGE, "a comment needs the reviewer's name");
	if (body == NULL || *body == '\0')
		return error_set(err, ERR_USAGE, "a comment needs some text");
	if (strlen(body) > STORE_MAX_TEXT || strlen(author) > 1000)
		return error_set(err, ERR_USAGE, "the comment is too long");
	return 0;
}

int
store_add_comment(struct store *st, const char *target, const char *quote, size_t offset,
    const char *author, const char *body, int64_t *id_out, struct error *err)
{
	const char *text = comments_target_text(store_project(st), target);
	const char *at;
	char *before = NULL, *after = NULL, now[32];
	size_t qn = quote != NULL ? strlen(quote) : 0;
	int rc = -1;

	if (check_words(author, body, err) != 0)
		return -1;
	if (text == NULL)
		return error_set(err, ERR_NOTFOUND, "%s: there is no text %s to comment on",
		    store_path(st), target);
	if (quote == NULL)
		quote = "";
	if (offset == SIZE_MAX || offset > strlen(text) || strncmp(text + offset, quote, qn) != 0) {
		if (offset != SIZE_MAX && qn == 0)
			offset = 0;
		else if ((at = strstr(text, quote)) == NULL)
			return error_set(err, ERR_NOTFOUND, "the text does not contain \"%.80s\"; "
			    "quote it exactly", quote);
		else
			offset = (size_t)(at - text);
	}
	if (qn == 0)
		offset = 0;
	anchor_context(text, offset, qn, &before, &after);
	now_iso(now);
	if (store_comment_begin(st, err) != 0)
		goto done;
	if (insert_comment(st, NULL, target, quote, offset, before, after, author, body, now, 0,
	    id_out, err) != 0) {
		store_comment_rollback(st);
		goto done;
	}
	rc = store_comment_commit(st, err);
done:
	free(before);
	free(after);
	return rc;
}

static const struct comment *
find_comment(const struct project *p, int64_t id)
{
	size_t i;

	for (i = 0; i < p->n_comments; i++)
		if (p->comments[i].id == id)
			return &p->comments[i];
	return NULL;
}

int
store_reply_comment(struct store *st, int64_t id, const char *author, const char *body,
    struct error *err)
{
	char now[32];

	if (check_words(author, body, err) != 0)
		return -1;
	if (find_comment(store_project(st), id) == NULL)
		return error_set(err, ERR_NOTFOUND, "%s has no comment %lld", store_path(st),
		    (long long)id);
	now_iso(now);
	if (store_comment_begin(st, err) != 0)
		return -1;
	if (insert_reply(st, id, NULL, author, body, now, err) != 0) {
		store_comment_rollback(st);
		return -1;
	}
	return store_comment_commit(st, err);
}

int
store_resolve_comment(struct store *st, int64_t id, bool resolved, struct error *err)
{
	sqlite3_stmt *stmt;

	if (find_comment(store_project(st), id) == NULL)
		return error_set(err, ERR_NOTFOUND, "%s has no comment %lld", store_path(st),
		    (long long)id);
	if (store_comment_begin(st, err) != 0)
		return -1;
	if ((stmt = prepare(st, "UPDATE comment SET resolved = ?2 WHERE id = ?1", err)) == NULL) {
		store_comment_rollback(st);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, resolved ? 1 : 0);
	if (step_done(st, stmt, err) != 0) {
		store_comment_rollback(st);
		return -1;
	}
	return store_comment_commit(st, err);
}

static const struct comment *
find_uid(const struct project *p, const char *uid)
{
	size_t i;

	for (i = 0; i < p->n_comments; i++)
		if (strcmp(p->comments[i].uid, uid) == 0)
			return &p->comments[i];
	return NULL;
}

static bool
has_reply(const struct comment *c, const char *uid)
{
	size_t i;

	for (i = 0; i < c->n_replies; i++)
		if (strcmp(c->replies[i].uid, uid) == 0)
			return true;
	return false;
}

/* Adds one comment of a reviewed copy, anchored again in st's text. */
static int
merge_new(struct store *st, const struct comment *c, size_t *added, struct error *err)
{
	const char *text = comments_target_text(store_project(st), c->target);
	struct anchor a = { c->quote, c->before, c->after, c->quote_offset };
	char *before = NULL, *after = NULL;
	size_t off = c->quote_offset, len = 0, i;
	int64_t id;
	int rc;

	if (text != NULL && anchor_find(text, &a, &off, &len)) {
		anchor_context(text, off, len, &before, &after);
	} else {
		off = c->quote_offset;
		before = xstrdup(c->before);
		after = xstrdup(c->after);
	}
	rc = insert_comment(st, c->uid, c->target, c->quote, off, before, after, c->author,
	    c->body, c->created, c->resolved, &id, err);
	free(before);
	free(after);
	if (rc != 0)
		return -1;
	(*added)++;
	for (i = 0; i < c->n_replies; i++) {
		if (insert_reply(st, id, c->replies[i].uid, c->replies[i].author,
		    c->replies[i].body, c->replies[i].created, err) != 0)
			return -1;
		(*added)++;
	}
	return 0;
}

/* Brings new replies (and a resolution) to a comment st already has. */
static int
merge_known(struct store *st, const struct comment *mine, const struct comment *c,
    size_t *added, struct error *err)
{
	sqlite3_stmt *stmt;
	size_t i;

	for (i = 0; i < c->n_replies; i++) {
		if (has_reply(mine, c->replies[i].uid))
			continue;
		if (insert_reply(st, mine->id, c->replies[i].uid, c->replies[i].author,
		    c->replies[i].body, c->replies[i].created, err) != 0)
			return -1;
		(*added)++;
	}
	if (!c->resolved || mine->resolved)
		return 0;
	if ((stmt = prepare(st, "UPDATE comment SET resolved = 1 WHERE id = ?1", err)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, mine->id);
	return step_done(st, stmt, err);
}

int
store_merge_comments(struct store *st, const struct project *from, size_t *added,
    struct error *err)
{
	const struct project *p = store_project(st);
	const struct comment *mine;
	size_t n = 0, i;
	int rc = 0;

	if (added != NULL)
		*added = 0;
	if (store_comment_begin(st, err) != 0)
		return -1;
	for (i = 0; i < from->n_comments && rc == 0; i++) {
		mine = find_uid(p, from->comments[i].uid);
		rc = mine != NULL ? merge_known(st, mine, &from->comments[i], &n, err) :
		    merge_new(st, &from->comments[i], &n, err);
	}
	if (rc != 0) {
		store_comment_rollback(st);
		return -1;
	}
	if (added != NULL)
		*added = n;
	return store_comment_commit(st, err);
}

/* The same fingerprint as store_refresh_comments' query, of what is loaded. */
static char *
fingerprint(const struct project *p)
{
	int64_t max_c = 0, max_r = 0;
	size_t nres = 0, nrep = 0, i, j;

	for (i = 0; i < p->n_comments; i++) {
		if (p->comments[i].id > max_c)
			max_c = p->comments[i].id;
		nres += p->comments[i].resolved != 0;
		nrep += p->comments[i].n_replies;
		for (j = 0; j < p->comments[i].n_replies; j++)
			if (p->comments[i].replies[j].id > max_r)
				max_r = p->comments[i].replies[j].id;
	}
	return xasprintf("%zu.%lld.%zu.%zu.%lld", p->n_comments, (long long)max_c, nres, nrep,
	    (long long)max_r);
}

int
store_refresh_comments(struct store *st, bool *changed, struct error *err)
{
	static const char sql[] = "SELECT (SELECT count(*) || '.' || IFNULL(max(id), 0) || '.' || "
	    "IFNULL(sum(resolved), 0) FROM comment) || '.' || (SELECT count(*) || '.' || "
	    "IFNULL(max(id), 0) FROM comment_reply)";
	struct project *p = store_project_mut(st);
	struct comment *c;
	sqlite3_stmt *stmt;
	char *now = NULL, *was;
	size_t n;
	int rc = 0;

	if (changed != NULL)
		*changed = false;
	/* A fingerprint of the comment tables: cheap enough to ask every few
	 * seconds, and it moves with every add, reply and resolution. */
	if ((stmt = prepare(st, sql, err)) == NULL)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		now = col_text(stmt, 0);
	sqlite3_finalize(stmt);
	if (now == NULL)
		return store_comment_fail(st, err, "read the comments");
	was = fingerprint(p);
	if (strcmp(now, was) != 0) {
		rc = read_comments(st, p, &c, &n, err);
		if (rc == 0) {
			project_free_comments(p->comments, p->n_comments);
			p->comments = c;
			p->n_comments = n;
			if (changed != NULL)
				*changed = true;
		}
	}
	free(now);
	free(was);
	return rc;
}
