/* SPDX-License-Identifier: MIT */
/*
 * store.c: the project file. Opens and checks it (refusing what is not a
 * project), keeps an in-memory struct project in step with it, and makes
 * every change one transaction that also records the replaced text.
 * The journal is WAL while the file is open for writing and DELETE once it
 * is closed, so a closed project is one self-contained file to copy.
 */
#include "config.h"
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>

#include "lockfile.h"
#include "revpolicy.h"
#include "store_internal.h"
#include "store_schema.h"
#include "xalloc.h"

struct store {
	sqlite3 *db;
	char *path;
	bool readonly;
	bool comments_only;             /* STORE_COMMENTS: no lock, comments only */
	bool comment_tx;                /* the transaction begun is a comment's */
	struct project *p;
	struct lockfile *lock;          /* the write lock; NULL when read-only */
	struct revpolicy *revs;         /* which saves keep a revision */
	time_t (*clock)(void);          /* seconds, for revpolicy only */
	dev_t dev;                      /* the file it opened, to notice a */
	ino_t ino;                      /* move, deletion or replacement */
	ino_t wal_ino, shm_ino;         /* its -wal and -shm, 0 when unknown */
	int busy_ms;                    /* sqlite3_busy_timeout */
	bool batch;                     /* inside store_batch_begin: changes are
	                                 * savepoints, st->p is not reloaded */
};

static const char *const field_columns[EX_FIELD_COUNT] = {
	"title", "start_date", "end_date", "challenge", "context", "action", "result"
};
static const char *const field_targets[EX_FIELD_COUNT] = {
	"title", "start", "end", "challenge", "context", "action", "result"
};

static void
now_iso(char buf[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Seconds that never jump back when the wall clock is set. */
static time_t
monotonic_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

static int
db_fail(struct store *st, struct error *err, const char *what)
{
	int code = sqlite3_errcode(st->db);

	if (code == SQLITE_FULL)
		return error_set(err, ERR_IO, "%s: cannot %s: the disk is full; free some space "
		    "and try again", st->path, what);
	if (code == SQLITE_IOERR || code == SQLITE_READONLY || code == SQLITE_CANTOPEN)
		return error_set(err, ERR_IO, "%s: cannot %s: %s (SQLite error %d)",
		    st->path, what, sqlite3_errmsg(st->db), sqlite3_extended_errcode(st->db));
	return error_set(err, ERR_INTERNAL, "%s: cannot %s: %s (SQLite error %d)",
	    st->path, what, sqlite3_errmsg(st->db), sqlite3_extended_errcode(st->db));
}

/* Prepares sql; on failure fills err. */
static sqlite3_stmt *
prepare(struct store *st, const char *sql, struct error *err)
{
	sqlite3_stmt *stmt = NULL;

	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		db_fail(st, err, "prepare a query");
		return NULL;
	}
	return stmt;
}

/* Binds text parameters and steps a statement that returns no rows. */
static int
run(struct store *st, struct error *err, const char *sql, int n, const char *const *args)
{
	sqlite3_stmt *stmt = prepare(st, sql, err);
	int i, rc;

	if (stmt == NULL)
		return -1;
	for (i = 0; i < n; i++)
		sqlite3_bind_text(stmt, i + 1, args[i], -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(st, err, "save the change");
	return 0;
}

/* Records which file the path names now, so a later save can notice that
 * it was moved, deleted or replaced (SQLite would go on writing into the
 * old inode, and the text would vanish with it). */
static int
remember_file(struct store *st, struct error *err)
{
	struct stat sb;

	if (stat(st->path, &sb) != 0)
		return error_set(err, ERR_IO, "cannot open %s: %s", st->path, strerror(errno));
	st->dev = sb.st_dev;
	st->ino = sb.st_ino;
	return 0;
}

static ino_t
inode_of(const char *path, const char *suffix)
{
	char *p = xasprintf("%s%s", path, suffix);
	struct stat sb;
	ino_t ino = stat(p, &sb) == 0 ? sb.st_ino : 0;

	free(p);
	return ino;
}

/* A writer's journal files, once they exist (after the first read). */
static void
remember_journals(struct store *st)
{
	st->wal_ino = inode_of(st->path, "-wal");
	st->shm_ino = inode_of(st->path, "-shm");
}

/* After the connection to a file that was deleted or replaced is closed:
 * SQLite leaves its -wal and -shm under the old name, where they would be
 * read as the journal of whatever file has that name now. Removes them if
 * they are still the ones this store used. */
static void
drop_stale_journals(const char *path, ino_t wal_ino, ino_t shm_ino)
{
	char *p;

	if (wal_ino != 0 && inode_of(path, "-wal") == wal_ino) {
		p = xasprintf("%s-wal", path);
		unlink(p);
		free(p);
	}
	if (shm_ino != 0 && inode_of(path, "-shm") == shm_ino) {
		p = xasprintf("%s-shm", path);
		unlink(p);
		free(p);
	}
}

int
store_check_file(const struct store *st, struct error *err)
{
	struct stat sb;

	if (stat(st->path, &sb) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return error_set(err, ERR_GONE, "%s was moved or deleted while it was open; "
			    "nothing more can be saved there until it is saved again", st->path);
		return error_set(err, ERR_IO, "cannot reach %s: %s", st->path, strerror(errno));
	}
	if (sb.st_dev != st->dev || sb.st_ino != st->ino)
		return error_set(err, ERR_GONE, "%s was replaced by another file while it was open; "
		    "your text is not saved in it", st->path);
	return 0;
}

/* Starts one change: a transaction, or inside a batch a savepoint, so a
 * change that fails undoes only itself. */
static int
begin(struct store *st, struct error *err)
{
	if (st->readonly)
		return error_set(err, ERR_USAGE, "%s is open read-only", st->path);
	if (st->comments_only && !st->comment_tx)
		return error_set(err, ERR_USAGE, "%s is open for comments only; its text cannot "
		    "change here", st->path);
	if (st->batch)
		return sqlite3_exec(st->db, "SAVEPOINT one_change", NULL, NULL, NULL) == SQLITE_OK ? 0 :
		    db_fail(st, err, "start a change");
	if (store_check_file(st, err) != 0)
		return -1;
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(st, err, "start a transaction (is another ecqcoach using it?)");
	return 0;
}

static void
rollback(struct store *st)
{
	if (st->batch)
		sqlite3_exec(st->db, "ROLLBACK TO one_change; RELEASE one_change", NULL, NULL, NULL);
	else
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

static int load(struct store *st, struct error *err);

/* Ends one change. Inside a batch it only releases the savepoint (the
 * batch commits and reloads once); else it commits and, when reload, reads
 * the project back into st->p. */
static int
end_change(struct store *st, bool reload, struct error *err)
{
	if (st->batch) {
		if (sqlite3_exec(st->db, "RELEASE one_change", NULL, NULL, NULL) == SQLITE_OK)
			return 0;
		db_fail(st, err, "save the change");
		rollback(st);
		return -1;
	}
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(st, err, "commit the change");
		rollback(st);
		return -1;
	}
	return reload ? load(st, err) : 0;
}

/* Stamps the project modified, commits and reloads the in-memory copy. */
static int
commit(struct store *st, struct error *err)
{
	char now[32];
	const char *args[1];

	now_iso(now);
	args[0] = now;
	/* "modified" is when the text last changed: a comment is not that. */
	if (!st->comment_tx && run(st, err, "INSERT INTO meta(key, value) VALUES ('modified', ?1) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", 1, args) != 0) {
		rollback(st);
		return -1;
	}
	return end_change(st, true, err);
}

int
store_batch_begin(struct store *st, struct error *err)
{
	if (st->batch)
		return error_set(err, ERR_USAGE, "%s: a batch of changes is already open", st->path);
	if (begin(st, err) != 0)
		return -1;
	st->batch = true;
	return 0;
}

int
store_batch_commit(struct store *st, struct error *err)
{
	if (!st->batch)
		return error_set(err, ERR_USAGE, "%s: no batch of changes is open", st->path);
	st->batch = false;
	return commit(st, err);
}

bool
store_in_batch(const struct store *st)
{
	return st->batch;
}

void
store_batch_rollback(struct store *st)
{
	if (!st->batch)
		return;
	st->batch = false;
	rollback(st);
}

/* Keeps old as a revision of target: always when force (someone else's
 * text), else when the revision policy says this save starts a burst or is
 * a checkpoint (see revpolicy.h). */
static int
keep_revision(struct store *st, const char *target, const char *old, bool force,
    struct error *err)
{
	char now[32];
	const char *args[3];
	bool keep = revpolicy_keep(st->revs, target, st->clock());

	if (old == NULL || *old == '\0')
		return 0;       /* nothing was there to lose */
	if (!keep && !force)
		return 0;       /* the text before this burst is kept already */
	now_iso(now);
	args[0] = target;
	args[1] = old;
	args[2] = now;
	return run(st, err, "INSERT INTO revision(target, text, changed) VALUES (?1, ?2, ?3)", 3, args);
}

/* A text column, "" for NULL: a damaged or hand-made file may hold NULL
 * where ecqcoach never writes one. */
static const char *
col_str(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return s != NULL ? (const char *)s : "";
}

static char *
column_text(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return xstrdup(s ? (const char *)s : "");
}

/* Reads one meta value or "". */
static char *
meta_get(struct store *st, const char *key)
{
	sqlite3_stmt *stmt = prepare(st, "SELECT value FROM meta WHERE key = ?1", NULL);
	char *v;

	if (stmt == NULL)
		return xstrdup("");
	sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
	v = sqlite3_step(stmt) == SQLITE_ROW ? column_text(stmt, 0) : xstrdup("");
	sqlite3_finalize(stmt);
	return v;
}

static int
ecq_index(const struct framework *fw, const char *key)
{
	size_t i;

	for (i = 0; i < fw->n_ecqs; i++)
		if (strcmp(fw->ecqs[i].key, key) == 0)
			return (int)i;
	return -1;
}

static int
load_framework(struct store *st, struct framework **out, struct error *err)
{
	sqlite3_stmt *stmt = prepare(st, "SELECT id, text FROM framework", err);
	char name[512];
	int rc;

	if (stmt == NULL)
		return -1;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return error_set(err, ERR_FORMAT, "%s: the project has no framework snapshot; the file is damaged", st->path);
	}
	snprintf(name, sizeof name, "%s (framework snapshot '%s')", st->path,
	    col_str(stmt, 0));
	rc = framework_parse(col_str(stmt, 1),
	    (size_t)sqlite3_column_bytes(stmt, 1), name, out, err);
	sqlite3_finalize(stmt);
	return rc;
}

static int
load_examples(struct store *st, struct project *p, struct error *err)
{
	sqlite3_stmt *stmt, *cs;
	struct example *e;
	int f, ecq;
	const char *key;

	stmt = prepare(st, "SELECT id, ecq, position, title, start_date, end_date, challenge, "
	    "context, action, result FROM example WHERE deleted = 0 ORDER BY position, id", err);
	if (stmt == NULL)
		return -1;
	cs = prepare(st, "SELECT competency FROM example_competency WHERE example_id = ?1 ORDER BY competency", err);
	if (cs == NULL) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		key = (const char *)sqlite3_column_text(stmt, 1);
		ecq = ecq_index(p->fw, key ? key : "");
		if (ecq < 0)
			continue;       /* an ECQ the snapshot lacks: keep in the file, hide here */
		p->examples = xreallocarray(p->examples, p->n_examples + 1, sizeof *p->examples);
		e = &p->examples[p->n_examples++];
		memset(e, 0, sizeof *e);
		e->id = sqlite3_column_int64(stmt, 0);
		e->ecq = ecq;
		e->position = sqlite3_column_int(stmt, 2);
		for (f = 0; f < EX_FIELD_COUNT; f++)
			e->field[f] = column_text(stmt, 3 + f);
		sqlite3_bind_int64(cs, 1, e->id);
		while (sqlite3_step(cs) == SQLITE_ROW)
			strlist_push(&e->competencies, col_str(cs, 0));
		sqlite3_reset(cs);
	}
	sqlite3_finalize(stmt);
	sqlite3_finalize(cs);
	return 0;
}

static int
compare_examples(const void *a, const void *b)
{
	const struct example *x = a, *y = b;

	if (x->ecq != y->ecq)
		return x->ecq < y->ecq ? -1 : 1;
	if (x->position != y->position)
		return x->position < y->position ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Fills intro and notes; rows for ECQs or questions the snapshot lacks are
 * kept in the file but not shown. */
static int
load_texts(struct store *st, struct project *p, struct error *err)
{
	const struct framework *fw = p->fw;
	sqlite3_stmt *stmt;
	size_t i, j;
	int e, q;

	/* NULL-terminated, so project_free needs no framework to free them. */
	p->intro = xcalloc(fw->n_ecqs + 1, sizeof *p->intro);
	p->notes = xcalloc(fw->n_ecqs + 1, sizeof *p->notes);
	for (i = 0; i < fw->n_ecqs; i++) {
		p->notes[i] = xcalloc(fw->ecqs[i].questions.n + 1, sizeof **p->notes);
		for (j = 0; j < fw->ecqs[i].questions.n; j++)
			p->notes[i][j] = xstrdup("");
	}
	stmt = prepare(st, "SELECT ecq, text FROM intro", err);
	if (stmt == NULL)
		return -1;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		e = ecq_index(fw, col_str(stmt, 0));
		if (e >= 0 && p->intro[e] == NULL)
			p->intro[e] = column_text(stmt, 1);
	}
	sqlite3_finalize(stmt);
	for (i = 0; i < fw->n_ecqs; i++)
		if (p->intro[i] == NULL)
			p->intro[i] = xstrdup("");
	stmt = prepare(st, "SELECT ecq, question, text FROM note", err);
	if (stmt == NULL)
		return -1;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		e = ecq_index(fw, col_str(stmt, 0));
		q = sqlite3_column_int(stmt, 1);
		if (e >= 0 && q >= 0 && (size_t)q < fw->ecqs[e].questions.n) {
			free(p->notes[e][q]);
			p->notes[e][q] = column_text(stmt, 2);
		}
	}
	sqlite3_finalize(stmt);
	return 0;
}

static int
load_lists(struct store *st, struct project *p, struct error *err)
{
	sqlite3_stmt *stmt;
	struct dismissal *d;

	if ((stmt = prepare(st, "SELECT word FROM word ORDER BY word", err)) == NULL)
		return -1;
	while (sqlite3_step(stmt) == SQLITE_ROW)
		strlist_push(&p->words, col_str(stmt, 0));
	sqlite3_finalize(stmt);
	if ((stmt = prepare(st, "SELECT item FROM confirmed ORDER BY item", err)) == NULL)
		return -1;
	while (sqlite3_step(stmt) == SQLITE_ROW)
		strlist_push(&p->confirmed, col_str(stmt, 0));
	sqlite3_finalize(stmt);
	if ((stmt = prepare(st, "SELECT rule, target, text FROM dismissed", err)) == NULL)
		return -1;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		p->dismissed = xreallocarray(p->dismissed, p->n_dismissed + 1, sizeof *p->dismissed);
		d = &p->dismissed[p->n_dismissed++];
		d->rule = column_text(stmt, 0);
		d->target = column_text(stmt, 1);
		d->text = column_text(stmt, 2);
	}
	sqlite3_finalize(stmt);
	return 0;
}

/* Builds a fresh struct project from the file. The framework is parsed only
 * the first time; later reloads reuse it (the snapshot never changes). */
static int
load(struct store *st, struct error *err)
{
	struct project *p = xcalloc(1, sizeof *p);
	size_t i;
	int pos = 0, last = -1;

	if (st->p != NULL) {
		p->fw = st->p->fw;
		st->p->fw = NULL;
	} else if (load_framework(st, &p->fw, err) != 0) {
		free(p);
		return -1;
	}
	p->path = xstrdup(st->path);
	p->candidate = meta_get(st, "candidate");
	p->position = meta_get(st, "position");
	p->created = meta_get(st, "created");
	p->uid = meta_get(st, "uid");
	p->modified = meta_get(st, "modified");
	p->unsorted = meta_get(st, "unsorted");
	if (load_texts(st, p, err) != 0 || load_examples(st, p, err) != 0 ||
	    load_lists(st, p, err) != 0 || store_resume_load(st, p, err) != 0 ||
	    store_comments_load(st, p, err) != 0) {
		project_free(p);
		return -1;
	}
	/* Positions in the file may have gaps after deletions; show 0..n-1. */
	if (p->n_examples > 1)
		qsort(p->examples, p->n_examples, sizeof *p->examples, compare_examples);
	for (i = 0; i < p->n_examples; i++) {
		if (p->examples[i].ecq != last)
			pos = 0;
		last = p->examples[i].ecq;
		p->examples[i].position = pos++;
	}
	project_free(st->p);
	st->p = p;
	return 0;
}

/* ---- opening ------------------------------------------------------------ */

static const char sqlite_magic[16] = "SQLite format 3";

/* Refuses files that are not SQLite databases before SQLite sees them. */
static int
check_magic(const char *path, struct error *err)
{
	char head[16];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return error_set(err, ERR_IO, "cannot open %s: %s", path, strerror(errno));
	n = read(fd, head, sizeof head);
	close(fd);
	if (n != (ssize_t)sizeof head || memcmp(head, sqlite_magic, sizeof head) != 0)
		return error_set(err, ERR_FORMAT, "%s is not an ecqcoach project (not a SQLite database)", path);
	return 0;
}

/* Hardens a connection: no extensions, defensive mode, untrusted schema. */
static int
harden(struct store *st, struct error *err)
{
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_busy_timeout(st->db, st->busy_ms);
	if (store_exec(st->db, "PRAGMA trusted_schema = OFF; PRAGMA foreign_keys = ON;", err) != 0)
		return -1;
	return 0;
}

static int
pragma_int(struct store *st, const char *sql, int *out, struct error *err)
{
	sqlite3_stmt *stmt = NULL;

	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK ||
	    sqlite3_step(stmt) != SQLITE_ROW) {
		error_set(err, ERR_FORMAT, "%s is not an ecqcoach project or is damaged (%s)",
		    st->path, sqlite3_errmsg(st->db));
		sqlite3_finalize(stmt);
		return -1;
	}
	*out = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return 0;
}

static int
integrity(struct store *st, struct error *err)
{
	sqlite3_stmt *stmt = NULL;
	const char *res;
	int ok;

	if (sqlite3_prepare_v2(st->db, "PRAGMA quick_check(1)", -1, &stmt, NULL) != SQLITE_OK ||
	    sqlite3_step(stmt) != SQLITE_ROW) {
		error_set(err, ERR_FORMAT, "%s is damaged: %s; restore it from a backup copy",
		    st->path, sqlite3_errmsg(st->db));
		sqlite3_finalize(stmt);
		return -1;
	}
	res = (const char *)sqlite3_column_text(stmt, 0);
	ok = res != NULL && strcmp(res, "ok") == 0;
	if (!ok)
		error_set(err, ERR_FORMAT, "%s is damaged (%s); restore it from a backup copy",
		    st->path, res ? res : "?");
	sqlite3_finalize(stmt);
	return ok ? 0 : -1;
}

/* Copies path to path.bak-vN with SQLite's backup API (consistent even
 * with a WAL), refusing to overwrite an earlier backup. */
static int
backup_copy(struct store *st, int version, struct error *err)
{
	char *dst = xasprintf("%s.bak-v%d", st->path, version);
	sqlite3 *to = NULL;
	sqlite3_backup *b;
	int rc;

	if (access(dst, F_OK) == 0) {
		free(dst);
		return 0;       /* an earlier attempt already saved the old file */
	}
	rc = sqlite3_open_v2(dst, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK) {
		b = sqlite3_backup_init(to, "main", st->db, "main");
		if (b != NULL) {
			sqlite3_backup_step(b, -1);
			sqlite3_backup_finish(b);
		}
		rc = sqlite3_errcode(to);
	}
	sqlite3_close(to);
	if (rc != SQLITE_OK) {
		unlink(dst);
		error_set(err, ERR_IO, "cannot write the backup %s before upgrading the project; "
		    "is the folder writable?", dst);
		free(dst);
		return -1;
	}
	free(dst);
	return 0;
}

/* A reader of an older project (check, export, report): the file is not
 * touched; a copy in memory is converted and read instead, so an older
 * project reads like a new one without being opened for writing first. */
static int
migrate_in_memory(struct store *st, int version, struct error *err)
{
	sqlite3 *mem = NULL;
	sqlite3_backup *b;
	int rc;

	if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(mem);
		return error_set(err, ERR_INTERNAL, "%s: cannot make room to read it", st->path);
	}
	b = sqlite3_backup_init(mem, "main", st->db, "main");
	if (b != NULL) {
		sqlite3_backup_step(b, -1);
		sqlite3_backup_finish(b);
	}
	rc = sqlite3_errcode(mem);
	if (b == NULL || rc != SQLITE_OK) {
		error_set(err, ERR_IO, "%s: cannot read it: %s", st->path, sqlite3_errmsg(b == NULL ? mem : mem));
		sqlite3_close(mem);
		return -1;
	}
	sqlite3_close(st->db);
	st->db = mem;
	if (harden(st, err) != 0 || store_exec(st->db, "BEGIN", err) != 0)
		return -1;
	if (store_schema_migrate(st->db, version, err) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return store_exec(st->db, "COMMIT", err);
}

static int
check_and_migrate(struct store *st, struct error *err)
{
	int app, version;

	if (pragma_int(st, "PRAGMA application_id", &app, err) != 0)
		return -1;
	if (app != STORE_APPLICATION_ID)
		return error_set(err, ERR_FORMAT, "%s is a SQLite database but not an ecqcoach project", st->path);
	if (integrity(st, err) != 0)
		return -1;
	if (pragma_int(st, "PRAGMA user_version", &version, err) != 0)
		return -1;
	if (version > STORE_SCHEMA_VERSION)
		return error_set(err, ERR_VERSION, "%s was written by a newer ecqcoach (project format %d, "
		    "this one reads up to %d); upgrade ecqcoach to open it", st->path, version, STORE_SCHEMA_VERSION);
	if (version == STORE_SCHEMA_VERSION)
		return 0;
	if (st->readonly)
		return migrate_in_memory(st, version, err);
	/* A reviewer converts the file only while no writer has it. */
	if (st->comments_only && st->lock == NULL &&
	    lockfile_acquire(st->path, &st->lock, NULL, err) != 0)
		return -1;
	if (backup_copy(st, version, err) != 0)
		return -1;
	if (store_exec(st->db, "BEGIN IMMEDIATE", err) != 0)
		return -1;
	if (store_schema_migrate(st->db, version, err) != 0) {
		rollback(st);
		return -1;
	}
	return store_exec(st->db, "COMMIT", err);
}

/* A writer's journal: WAL, every commit on disk before it returns, and a
 * WAL file cut back after each checkpoint so a long session stays small. */
#define WRITER_PRAGMAS "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; " \
	"PRAGMA journal_size_limit = 1048576;"

/* Says plainly when the user may not write the file or its folder (the
 * folder holds the lock and SQLite's journal files while it is open). */
static int
check_writable(const char *path, struct error *err)
{
	char *dir, *slash, *real;
	int ok;

	if (access(path, W_OK) != 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
		return error_set(err, ERR_IO, "you may not write to %s (%s), so changes cannot be saved",
		    path, errno == EROFS ? "a read-only file system" : "its permissions");
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash == NULL) {
		free(dir);
		dir = xstrdup(".");
	} else {
		slash[slash == dir ? 1 : 0] = '\0';
	}
	ok = access(dir, W_OK) == 0 || (errno != EACCES && errno != EROFS && errno != EPERM);
	if (!ok) {
		real = realpath(dir, NULL);
		error_set(err, ERR_IO, "you may not write in the folder %s, which holds the project's "
		    "journal while it is open, so changes cannot be saved", real != NULL ? real : dir);
		free(real);
	}
	free(dir);
	return ok ? 0 : -1;
}

static struct store *
store_alloc(const char *path, bool readonly)
{
	struct store *st = xcalloc(1, sizeof *st);

	st->path = xstrdup(path);
	st->readonly = readonly;
	st->revs = revpolicy_new();
	st->clock = monotonic_seconds;
	st->busy_ms = 2000;
	return st;
}

int
store_open(const char *path, int flags, struct store **out, struct error *err)
{
	struct store *st;
	struct error verr;
	bool ro = (flags & STORE_READONLY) != 0;
	bool comments = !ro && (flags & STORE_COMMENTS) != 0;
	int rc;

	*out = NULL;
	if (check_magic(path, err) != 0)
		return -1;
	st = store_alloc(path, ro);
	st->comments_only = comments;
	/* The lock comes first: no migration or save while another coach has
	 * the file, and a second coach can say who has it. A reviewer writes
	 * comments beside the writer, so takes no lock. */
	if (!ro && (check_writable(path, err) != 0 ||
	    (!comments && lockfile_acquire(path, &st->lock, NULL, err) != 0)))
		goto fail;
	rc = sqlite3_open_v2(path, &st->db, ro ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		if (!ro && (rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN || rc == SQLITE_PERM))
			error_set(err, ERR_IO, "cannot open %s for writing: %s; check its permissions",
			    path, sqlite3_errstr(rc));
		else
			error_set(err, ERR_IO, "cannot open %s: %s", path, sqlite3_errstr(rc));
		goto fail;
	}
	if (harden(st, err) != 0 || check_and_migrate(st, err) != 0)
		goto fail;
	/* Read-only, nothing in the schema can run: a reader may go on. */
	if (store_schema_verify(st->db, path, &verr) != 0 && (!ro || verr.code != ERR_TAMPERED)) {
		if (err != NULL)
			*err = verr;
		goto fail;
	}
	if (comments) {
		lockfile_release(st->lock);     /* taken only to migrate */
		st->lock = NULL;
	}
	/* The journal mode is the writer's to choose. */
	if (!ro && store_exec(st->db, comments ? "PRAGMA synchronous = FULL;" : WRITER_PRAGMAS,
	    err) != 0)
		goto fail;
	if (remember_file(st, err) != 0 || load(st, err) != 0)
		goto fail;
	if (!ro && !comments)
		remember_journals(st);
	*out = st;
	return 0;
fail:
	store_close(st);
	return -1;
}

/* Removes a project that was never handed out, and the journal files
 * SQLite may have left beside it (a full disk can stop it from removing
 * its own -wal and -shm). */
static void
remove_with_journals(const char *path)
{
	static const char *const suffix[] = { "-wal", "-shm", "-journal" };
	char *p;
	size_t i;

	unlink(path);
	for (i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		p = xasprintf("%s%s", path, suffix[i]);
		unlink(p);
		free(p);
	}
}

void
store_discard(struct store *st)
{
	char *path;

	if (st == NULL)
		return;
	path = xstrdup(st->path);
	store_close(st);
	remove_with_journals(path);
	free(path);
}

int
store_create(const char *path, const struct framework *fw, const char *candidate,
    struct store **out, struct error *err)
{
	struct store *st;
	char now[32];
	const char *args[2];
	int fd, rc;

	*out = NULL;
	/* O_EXCL: never replace someone's file, even in a race. */
	/* Only its owner may read a draft (`new --shared` opens it to the
	 * group); SQLite gives the -wal and -shm the same permissions. */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return error_set(err, ERR_IO, "%s already exists; choose another name", path);
		return error_set(err, ERR_IO, "cannot create %s: %s", path, strerror(errno));
	}
	close(fd);
	st = store_alloc(path, false);
	if (lockfile_acquire(path, &st->lock, NULL, err) != 0)
		goto fail;
	rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		error_set(err, ERR_IO, "cannot create %s: %s", path, sqlite3_errstr(rc));
		goto fail;
	}
	if (harden(st, err) != 0 || remember_file(st, err) != 0 ||
	    store_exec(st->db, WRITER_PRAGMAS, err) != 0 ||
	    store_exec(st->db, "BEGIN IMMEDIATE", err) != 0)
		goto fail;
	now_iso(now);
	if (store_schema_create(st->db, err) != 0)
		goto fail_tx;
	args[0] = fw->id;
	args[1] = fw->text;
	if (run(st, err, "INSERT INTO framework(id, text) VALUES (?1, ?2)", 2, args) != 0)
		goto fail_tx;
	args[0] = now;
	args[1] = candidate ? candidate : "";
	if (run(st, err, "INSERT INTO meta(key, value) VALUES ('created', ?1), ('modified', ?1), "
	    "('candidate', ?2), ('position', ''), ('unsorted', ''), ('creator', '" PACKAGE_STRING "'), "
	    "('uid', lower(hex(randomblob(16))))",
	    2, args) != 0)
		goto fail_tx;
	if (store_exec(st->db, "COMMIT", err) != 0)
		goto fail_tx;
	if (load(st, err) != 0)
		goto fail;
	remember_journals(st);
	*out = st;
	return 0;
fail_tx:
	rollback(st);
fail:
	store_close(st);
	remove_with_journals(path);
	return -1;
}

void
store_close(struct store *st)
{
	struct error ignore;
	bool gone;

	if (st == NULL)
		return;
	if (st->db != NULL) {
		store_batch_rollback(st);
		gone = !st->readonly && store_check_file(st, &ignore) != 0 && ignore.code == ERR_GONE;
		/* Back to a rollback journal so the closed file stands alone (the
		 * writer's to do: a reviewer may close while the writer works). */
		if (!st->readonly && !st->comments_only && !gone)
			sqlite3_exec(st->db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
		sqlite3_close(st->db);
		if (gone)
			drop_stale_journals(st->path, st->wal_ino, st->shm_ino);
	}
	lockfile_release(st->lock);
	revpolicy_free(st->revs);
	project_free(st->p);
	free(st->path);
	free(st);
}

int
store_share(struct store *st, struct error *err)
{
	if (chmod(st->path, 0640) != 0)
		return error_set(err, ERR_IO, "cannot let the group read %s: %s", st->path,
		    strerror(errno));
	return 0;
}

const struct project *
store_project(const struct store *st)
{
	return st->p;
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

void
store_set_busy_timeout(struct store *st, int ms)
{
	st->busy_ms = ms;
	if (st->db != NULL)
		sqlite3_busy_timeout(st->db, ms);
}

void
store_new_burst(struct store *st)
{
	revpolicy_free(st->revs);
	st->revs = revpolicy_new();
}

void
store_set_clock(struct store *st, time_t (*clock)(void))
{
	st->clock = clock != NULL ? clock : monotonic_seconds;
}

/* path when nothing has that name, else "NAME-recovered.ecq" beside it
 * (then -recovered-2 ...), never someone else's file. */
static char *
free_name(const char *path)
{
	size_t n = strlen(path);
	size_t stem = n > 4 && strcmp(path + n - 4, ".ecq") == 0 ? n - 4 : n;
	char *name = xstrdup(path);
	int i;

	for (i = 1; access(name, F_OK) == 0 || errno != ENOENT; i++) {
		free(name);
		if (i == 1)
			name = xasprintf("%.*s-recovered.ecq", (int)stem, path);
		else
			name = xasprintf("%.*s-recovered-%d.ecq", (int)stem, path, i);
		if (i > 100)
			return name;    /* let the write below report the clash */
	}
	return name;
}

int
store_save_again(struct store *st, char **where, struct error *err)
{
	sqlite3_stmt *stmt;
	char *dst, *tmp;
	int rc;

	*where = NULL;
	if (st->readonly || st->comments_only || st->db == NULL)
		return error_set(err, ERR_USAGE, "%s is open read-only", st->path);
	dst = free_name(st->path);
	tmp = xasprintf("%s.saving-%ld", dst, (long)getpid());
	unlink(tmp);
	/* A consistent copy of everything saved so far, from the connection
	 * that still reads the old file. */
	if ((stmt = prepare(st, "VACUUM INTO ?1", err)) == NULL)
		goto fail;
	sqlite3_bind_text(stmt, 1, tmp, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		error_set(err, ERR_IO, "cannot write %s: %s", dst, sqlite3_errmsg(st->db));
		goto fail;
	}
	/* link(2) never replaces: a file that took the name meanwhile stays. */
	if (link(tmp, dst) != 0) {
		error_set(err, ERR_IO, "cannot write %s: %s", dst, strerror(errno));
		goto fail;
	}
	unlink(tmp);
	/* Close the old connection before opening the new file: its -wal
	 * must never be read as the new file's journal. */
	sqlite3_close(st->db);
	st->db = NULL;
	drop_stale_journals(st->path, st->wal_ino, st->shm_ino);
	st->wal_ino = st->shm_ino = 0;
	lockfile_release(st->lock);
	st->lock = NULL;
	free(st->path);
	st->path = dst;
	dst = NULL;
	if (lockfile_acquire(st->path, &st->lock, NULL, err) != 0)
		st->readonly = true;    /* someone opened it this instant: theirs */
	if (sqlite3_open_v2(st->path, &st->db, st->readonly ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		error_set(err, ERR_IO, "cannot open %s again: %s", st->path, sqlite3_errmsg(st->db));
		sqlite3_close(st->db);
		st->db = NULL;
		st->readonly = true;
		goto fail;
	}
	if (harden(st, err) != 0 || (!st->readonly && store_exec(st->db, WRITER_PRAGMAS, err) != 0) ||
	    remember_file(st, err) != 0)
		goto fail;
	free(st->p->path);
	st->p->path = xstrdup(st->path);
	if (!st->readonly && load(st, err) == 0)
		remember_journals(st);
	*where = xstrdup(st->path);
	free(tmp);
	return st->readonly ? -1 : 0;
fail:
	if (tmp != NULL)
		unlink(tmp);
	free(tmp);
	free(dst);
	return -1;
}

/* ---- changes ------------------------------------------------------------- */

/* Refuses text that would poison every later reader of the file. */
static int
check_utf8(struct store *st, const char *text, struct error *err)
{
	size_t len;

	if (text == NULL)
		return error_set(err, ERR_USAGE, "no text given");
	len = strlen(text);
	if (len > STORE_MAX_TEXT)
		return error_set(err, ERR_USAGE, "%s: a field holds at most %d KB; this text has %zu KB. "
		    "Split it or cut it", st->path, STORE_MAX_TEXT / 1024, len / 1024);
	if (u8_check((const uint8_t *)text, len) != NULL)
		return error_set(err, ERR_USAGE, "%s: refusing to save text that is not valid UTF-8", st->path);
	return 0;
}

static int
valid_ecq(struct store *st, int ecq, struct error *err)
{
	if (ecq < 0 || (size_t)ecq >= st->p->fw->n_ecqs)
		return error_set(err, ERR_NOTFOUND, "no ECQ %d in framework %s", ecq + 1, st->p->fw->id);
	return 0;
}

/* Binds the keys (and, for a write, the text and the time) to stmt. */
static void
bind_slot(sqlite3_stmt *stmt, const struct slot *s, const char *text, const char *now)
{
	int i, n = sqlite3_bind_parameter_count(stmt);

	for (i = 0; i < s->n_keys; i++)
		sqlite3_bind_text(stmt, i + 1, s->keys[i], -1, SQLITE_STATIC);
	if (text != NULL && n > s->n_keys)
		sqlite3_bind_text(stmt, s->n_keys + 1, text, -1, SQLITE_STATIC);
	if (now != NULL && n > s->n_keys + 1)
		sqlite3_bind_text(stmt, s->n_keys + 2, now, -1, SQLITE_STATIC);
}

/* The text the file holds now (not the loaded copy: another writer may
 * have changed it), or NULL with *missing when there is no row. */
static char *
slot_read(struct store *st, const struct slot *s, bool *missing, struct error *err)
{
	sqlite3_stmt *stmt = prepare(st, s->get_sql, err);
	char *text = NULL;
	int rc;

	*missing = false;
	if (stmt == NULL)
		return NULL;
	bind_slot(stmt, s, NULL, NULL);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		text = column_text(stmt, 0);
	else if (rc == SQLITE_DONE)
		*missing = true;
	else
		db_fail(st, err, "read the saved text");
	sqlite3_finalize(stmt);
	return text;
}

/* Saves text into a slot in one transaction. seen is the text the caller
 * last read from this slot (NULL: the loaded copy's, passed by the caller as
 * loaded). When the file holds something else, someone else wrote it: that
 * text is kept as a revision whatever the policy, and *conflict is set.
 * missing_ok: a slot with no row yet reads as "" (intro, note, meta). */
static int
slot_save(struct store *st, const struct slot *s, const char *seen, const char *text,
    bool missing_ok, bool *conflict, struct error *err)
{
	sqlite3_stmt *stmt;
	char *cur, now[32];
	bool missing, other;
	int rc;

	if (conflict != NULL)
		*conflict = false;
	if (check_utf8(st, text, err) != 0 || begin(st, err) != 0)
		return -1;
	error_clear(err);
	cur = slot_read(st, s, &missing, err);
	if (cur == NULL && missing && missing_ok)
		cur = xstrdup("");
	if (cur == NULL) {
		rollback(st);
		if (missing)
			return error_set(err, ERR_NOTFOUND, "%s: %s is no longer in the file", st->path, s->target);
		return -1;
	}
	if (strcmp(cur, text) == 0) {
		free(cur);
		rollback(st);   /* nothing to write */
		return 0;
	}
	other = seen != NULL && strcmp(cur, seen) != 0;
	if (other)
		revpolicy_reset(st->revs, s->target);
	now_iso(now);
	rc = keep_revision(st, s->target, cur,
	    other || strlen(cur) > strlen(text) + REVPOLICY_BIG_CUT, err);
	free(cur);
	if (rc == 0 && (stmt = prepare(st, s->put_sql, err)) != NULL) {
		bind_slot(stmt, s, text, now);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			rc = db_fail(st, err, "save the change");
		sqlite3_finalize(stmt);
	} else {
		rc = -1;
	}
	if (rc != 0) {
		rollback(st);
		return -1;
	}
	if (commit(st, err) != 0)
		return -1;
	if (conflict != NULL)
		*conflict = other;
	return 0;
}

static void
slot_meta(struct slot *s, const char *key)
{
	memset(s, 0, sizeof *s);
	if (strcmp(key, "unsorted") == 0)
		snprintf(s->target, sizeof s->target, "unsorted");
	else
		snprintf(s->target, sizeof s->target, "meta.%s", key);
	snprintf(s->get_sql, sizeof s->get_sql, "SELECT value FROM meta WHERE key = ?1");
	snprintf(s->put_sql, sizeof s->put_sql, "INSERT INTO meta(key, value) VALUES (?1, ?2) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
	s->keys[0] = key;
	s->n_keys = 1;
}

static int
slot_intro(struct store *st, struct slot *s, int ecq, struct error *err)
{
	if (valid_ecq(st, ecq, err) != 0)
		return -1;
	memset(s, 0, sizeof *s);
	snprintf(s->target, sizeof s->target, "intro.%d", ecq + 1);
	snprintf(s->get_sql, sizeof s->get_sql, "SELECT text FROM intro WHERE ecq = ?1");
	snprintf(s->put_sql, sizeof s->put_sql, "INSERT INTO intro(ecq, text) VALUES (?1, ?2) "
	    "ON CONFLICT(ecq) DO UPDATE SET text = excluded.text");
	s->keys[0] = st->p->fw->ecqs[ecq].key;
	s->n_keys = 1;
	return 0;
}

/* qbuf holds the question number for s->keys[1]; it must outlive s. */
static int
slot_note(struct store *st, struct slot *s, int ecq, int question, char qbuf[16],
    struct error *err)
{
	if (valid_ecq(st, ecq, err) != 0)
		return -1;
	if (question < 0 || (size_t)question >= st->p->fw->ecqs[ecq].questions.n)
		return error_set(err, ERR_NOTFOUND, "ECQ %d has no question %d", ecq + 1, question + 1);
	memset(s, 0, sizeof *s);
	snprintf(s->target, sizeof s->target, "note.%d.%d", ecq + 1, question + 1);
	snprintf(s->get_sql, sizeof s->get_sql, "SELECT text FROM note WHERE ecq = ?1 AND question = ?2");
	snprintf(s->put_sql, sizeof s->put_sql, "INSERT INTO note(ecq, question, text) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT(ecq, question) DO UPDATE SET text = excluded.text");
	snprintf(qbuf, 16, "%d", question);
	s->keys[0] = st->p->fw->ecqs[ecq].key;
	s->keys[1] = qbuf;
	s->n_keys = 2;
	return 0;
}

/* A deleted example's row is still in the file (undo brings it back), so
 * a save into it is kept rather than lost. */
static int
slot_example(struct slot *s, int64_t id, enum example_field f, char idbuf[24], struct error *err)
{
	if ((unsigned)f >= EX_FIELD_COUNT)
		return error_set(err, ERR_USAGE, "no such example field %d", (int)f);
	memset(s, 0, sizeof *s);
	snprintf(s->target, sizeof s->target, "example.%lld.%s", (long long)id, field_targets[f]);
	/* The column name comes from our own table, never from input. */
	snprintf(s->get_sql, sizeof s->get_sql, "SELECT %s FROM example WHERE id = ?1", field_columns[f]);
	snprintf(s->put_sql, sizeof s->put_sql, "UPDATE example SET %s = ?2, modified = ?3 WHERE id = ?1",
	    field_columns[f]);
	snprintf(idbuf, 24, "%lld", (long long)id);
	s->keys[0] = idbuf;
	s->n_keys = 1;
	return 0;
}

int
store_set_candidate(struct store *st, const char *name, struct error *err)
{
	struct slot s;

	slot_meta(&s, "candidate");
	return slot_save(st, &s, NULL, name, true, NULL, err);
}

int
store_set_position(struct store *st, const char *position, struct error *err)
{
	struct slot s;

	slot_meta(&s, "position");
	return slot_save(st, &s, NULL, position, true, NULL, err);
}

int
store_set_unsorted(struct store *st, const char *text, struct error *err)
{
	struct slot s;

	slot_meta(&s, "unsorted");
	return slot_save(st, &s, NULL, text, true, NULL, err);
}

int
store_set_intro(struct store *st, int ecq, const char *text, struct error *err)
{
	struct slot s;

	if (slot_intro(st, &s, ecq, err) != 0)
		return -1;
	return slot_save(st, &s, NULL, text, true, NULL, err);
}

int
store_set_note(struct store *st, int ecq, int question, const char *text, struct error *err)
{
	struct slot s;
	char qbuf[16];

	if (slot_note(st, &s, ecq, question, qbuf, err) != 0)
		return -1;
	return slot_save(st, &s, NULL, text, true, NULL, err);
}

char *
store_example_target(int64_t id, enum example_field f)
{
	return xasprintf("example.%lld.%s", (long long)id,
	    (unsigned)f < EX_FIELD_COUNT ? field_targets[f] : "?");
}

static struct example *
find_example(struct store *st, int64_t id, struct error *err)
{
	struct example *e = project_example_by_id(st->p, id);

	if (e == NULL)
		error_set(err, ERR_NOTFOUND, "no example with id %lld in %s", (long long)id, st->path);
	return e;
}

int
store_set_example_field(struct store *st, int64_t id, enum example_field f,
    const char *text, struct error *err)
{
	struct slot s;
	char idbuf[24];

	if (slot_example(&s, id, f, idbuf, err) != 0)
		return -1;
	return slot_save(st, &s, NULL, text, false, NULL, err);
}

/* Parses a revision target into its slot; the buffers hold key texts. */
static int
slot_from_target(struct store *st, const char *target, struct slot *s, char kbuf[24],
    struct error *err)
{
	long long id;
	int a, b, n = 0, f;
	char name[16];

	if (strcmp(target, "meta.candidate") == 0 || strcmp(target, "meta.position") == 0) {
		slot_meta(s, target + 5);
		return 0;
	}
	if (strcmp(target, "unsorted") == 0) {
		slot_meta(s, "unsorted");
		return 0;
	}
	if (sscanf(target, "intro.%d%n", &a, &n) == 1 && target[n] == '\0')
		return slot_intro(st, s, a - 1, err);
	if (sscanf(target, "note.%d.%d%n", &a, &b, &n) == 2 && target[n] == '\0')
		return slot_note(st, s, a - 1, b - 1, kbuf, err);
	if (sscanf(target, "example.%lld.%15[a-z]%n", &id, name, &n) == 2 && target[n] == '\0')
		for (f = 0; f < EX_FIELD_COUNT; f++)
			if (strcmp(name, field_targets[f]) == 0)
				return slot_example(s, (int64_t)id, (enum example_field)f, kbuf, err);
	/* résumé lines, cards and positions (store_resume.c) */
	if ((f = store_resume_slot(target, s, kbuf, err)) <= 0)
		return f;
	return error_set(err, ERR_USAGE, "no text is called '%s'", target);
}

int
store_set_text(struct store *st, const char *target, const char *seen, const char *text,
    bool *conflict, struct error *err)
{
	struct slot s;
	char kbuf[24];

	if (conflict != NULL)
		*conflict = false;
	if (slot_from_target(st, target, &s, kbuf, err) != 0)
		return -1;
	return slot_save(st, &s, seen, text, strncmp(target, "example.", 8) != 0 &&
	    strncmp(target, "position.", 9) != 0, conflict, err);
}

/* Renumbers the live examples of an ECQ 0..n-1 in the given order. */
static int
renumber(struct store *st, const char *ecq_key, int64_t moved, int moved_pos, struct error *err)
{
	sqlite3_stmt *sel, *upd;
	int pos = 0, rc = 0;
	int64_t id;

	sel = prepare(st, "SELECT id FROM example WHERE ecq = ?1 AND deleted = 0 AND id != ?2 "
	    "ORDER BY position, id", err);
	if (sel == NULL)
		return -1;
	upd = prepare(st, "UPDATE example SET position = ?1 WHERE id = ?2", err);
	if (upd == NULL) {
		sqlite3_finalize(sel);
		return -1;
	}
	sqlite3_bind_text(sel, 1, ecq_key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(sel, 2, moved);
	while (rc == 0 && sqlite3_step(sel) == SQLITE_ROW) {
		id = sqlite3_column_int64(sel, 0);
		if (pos == moved_pos)
			pos++;  /* leave the moved example's place free */
		sqlite3_bind_int(upd, 1, pos++);
		sqlite3_bind_int64(upd, 2, id);
		if (sqlite3_step(upd) != SQLITE_DONE)
			rc = db_fail(st, err, "reorder examples");
		sqlite3_reset(upd);
	}
	if (rc == 0 && moved >= 0) {
		if (moved_pos > pos)
			moved_pos = pos;
		sqlite3_bind_int(upd, 1, moved_pos);
		sqlite3_bind_int64(upd, 2, moved);
		if (sqlite3_step(upd) != SQLITE_DONE)
			rc = db_fail(st, err, "reorder examples");
	}
	sqlite3_finalize(sel);
	sqlite3_finalize(upd);
	return rc;
}

int
store_add_example(struct store *st, int ecq, const char *title, int64_t *id_out,
    struct error *err)
{
	sqlite3_stmt *stmt;
	char now[32];
	int64_t id;

	if (valid_ecq(st, ecq, err) != 0 || begin(st, err) != 0)
		return -1;
	now_iso(now);
	stmt = prepare(st, "INSERT INTO example(ecq, position, title, created, modified) "
	    "VALUES (?1, (SELECT COALESCE(MAX(position) + 1, 0) FROM example WHERE ecq = ?1 AND deleted = 0), "
	    "?2, ?3, ?3)", err);
	if (stmt == NULL) {
		rollback(st);
		return -1;
	}
	sqlite3_bind_text(stmt, 1, st->p->fw->ecqs[ecq].key, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, title ? title : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, now, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		db_fail(st, err, "add an example");
		sqlite3_finalize(stmt);
		rollback(st);
		return -1;
	}
	sqlite3_finalize(stmt);
	id = sqlite3_last_insert_rowid(st->db);
	if (commit(st, err) != 0)
		return -1;
	if (id_out != NULL)
		*id_out = id;
	return 0;
}

int
store_move_example(struct store *st, int64_t id, int position, struct error *err)
{
	struct example *e = find_example(st, id, err);

	if (e == NULL || begin(st, err) != 0)
		return -1;
	if (renumber(st, st->p->fw->ecqs[e->ecq].key, id, position < 0 ? 0 : position, err) != 0) {
		rollback(st);
		return -1;
	}
	return commit(st, err);
}

static int
set_deleted(struct store *st, int64_t id, int deleted, struct error *err)
{
	sqlite3_stmt *stmt;
	const unsigned char *key;
	char *ecq_key = NULL, now[32];
	int changed, old_pos = 0;

	if (begin(st, err) != 0)
		return -1;
	/* modified records when it was deleted, for the list of deleted examples */
	stmt = prepare(st, "UPDATE example SET deleted = ?1, modified = ?3 WHERE id = ?2 "
	    "AND deleted != ?1 RETURNING ecq, position", err);
	if (stmt == NULL) {
		rollback(st);
		return -1;
	}
	now_iso(now);
	sqlite3_bind_int(stmt, 1, deleted);
	sqlite3_bind_int64(stmt, 2, id);
	sqlite3_bind_text(stmt, 3, now, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		key = sqlite3_column_text(stmt, 0);
		ecq_key = xstrdup(key ? (const char *)key : "");
		old_pos = sqlite3_column_int(stmt, 1);
	}
	sqlite3_finalize(stmt);
	changed = ecq_key != NULL;
	if (!changed) {
		rollback(st);
		return error_set(err, ERR_NOTFOUND, "no %s example with id %lld in %s",
		    deleted ? "live" : "deleted", (long long)id, st->path);
	}
	/* An undeleted example goes back to where it was, others close up. */
	if (renumber(st, ecq_key, deleted ? -1 : id, deleted ? -1 : old_pos, err) != 0) {
		free(ecq_key);
		rollback(st);
		return -1;
	}
	free(ecq_key);
	return commit(st, err);
}

int
store_delete_example(struct store *st, int64_t id, struct error *err)
{
	return set_deleted(st, id, 1, err);
}

int
store_undelete_example(struct store *st, int64_t id, struct error *err)
{
	return set_deleted(st, id, 0, err);
}

/* True when a live example with this id is in the file. */
static bool
example_exists(struct store *st, const char *idbuf, struct error *err)
{
	sqlite3_stmt *stmt = prepare(st, "SELECT 1 FROM example WHERE id = ?1 AND deleted = 0", err);
	bool found;

	if (stmt == NULL)
		return false;
	sqlite3_bind_text(stmt, 1, idbuf, -1, SQLITE_STATIC);
	found = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	if (!found)
		error_set(err, ERR_NOTFOUND, "no example with id %s in %s", idbuf, st->path);
	return found;
}

int
store_deleted_examples(const struct store *st, struct deleted_example **out, size_t *n_out,
    struct error *err)
{
	sqlite3_stmt *stmt = NULL;
	struct deleted_example *d = NULL;
	size_t n = 0;

	*out = NULL;
	*n_out = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT id, ecq, title, modified, challenge || context || "
	    "action || result FROM example WHERE deleted != 0 ORDER BY modified DESC, id DESC",
	    -1, &stmt, NULL) != SQLITE_OK)
		return error_set(err, ERR_INTERNAL, "%s: cannot read the deleted examples: %s",
		    st->path, sqlite3_errmsg(st->db));
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const unsigned char *key = sqlite3_column_text(stmt, 1);

		d = xreallocarray(d, n + 1, sizeof *d);
		d[n].id = sqlite3_column_int64(stmt, 0);
		d[n].ecq = ecq_index(st->p->fw, key ? (const char *)key : "");
		d[n].title = column_text(stmt, 2);
		d[n].deleted = column_text(stmt, 3);
		d[n].has_text = sqlite3_column_bytes(stmt, 4) > 0;
		n++;
	}
	sqlite3_finalize(stmt);
	*out = d;
	*n_out = n;
	return 0;
}

void
store_deleted_examples_free(struct deleted_example *d, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(d[i].title);
		free(d[i].deleted);
	}
	free(d);
}

int
store_set_example_competencies(struct store *st, int64_t id, const struct strlist *names,
    struct error *err)
{
	char idbuf[24];
	const char *args[2];
	size_t i;

	/* Inside a batch st->p may not hold the example yet: ask the file. */
	if (!st->batch && find_example(st, id, err) == NULL)
		return -1;
	if (begin(st, err) != 0)
		return -1;
	snprintf(idbuf, sizeof idbuf, "%lld", (long long)id);
	args[0] = idbuf;
	if (st->batch && !example_exists(st, idbuf, err))
		goto fail;
	if (run(st, err, "DELETE FROM example_competency WHERE example_id = ?1", 1, args) != 0)
		goto fail;
	for (i = 0; i < names->n; i++) {
		args[1] = names->items[i];
		if (run(st, err, "INSERT OR IGNORE INTO example_competency(example_id, competency) "
		    "VALUES (?1, ?2)", 2, args) != 0)
			goto fail;
	}
	return commit(st, err);
fail:
	rollback(st);
	return -1;
}

/* One statement in its own transaction. */
static int
simple_change(struct store *st, const char *sql, int n, const char *const *args, struct error *err)
{
	if (begin(st, err) != 0)
		return -1;
	if (run(st, err, sql, n, args) != 0) {
		rollback(st);
		return -1;
	}
	return commit(st, err);
}

int
store_add_word(struct store *st, const char *word, struct error *err)
{
	const char *args[1] = { word };

	if (word == NULL || *word == '\0')
		return error_set(err, ERR_USAGE, "no word given");
	return simple_change(st, "INSERT OR IGNORE INTO word(word) VALUES (?1)", 1, args, err);
}

int
store_remove_word(struct store *st, const char *word, struct error *err)
{
	const char *args[1] = { word };

	return simple_change(st, "DELETE FROM word WHERE word = ?1", 1, args, err);
}

int
store_dismiss(struct store *st, const char *rule, const char *target, const char *text,
    struct error *err)
{
	char now[32];
	const char *args[4];

	now_iso(now);
	args[0] = rule;
	args[1] = target ? target : "";
	args[2] = text ? text : "";
	args[3] = now;
	return simple_change(st, "INSERT OR IGNORE INTO dismissed(rule, target, text, created) "
	    "VALUES (?1, ?2, ?3, ?4)", 4, args, err);
}

int
store_undismiss(struct store *st, const char *rule, const char *target, const char *text,
    struct error *err)
{
	const char *args[3];

	args[0] = rule;
	args[1] = target ? target : "";
	args[2] = text ? text : "";
	if (begin(st, err) != 0)
		return -1;
	if (run(st, err, "DELETE FROM dismissed WHERE rule = ?1 AND target = ?2 AND text = ?3",
	    3, args) != 0) {
		rollback(st);
		return -1;
	}
	if (sqlite3_changes(st->db) == 0) {
		rollback(st);
		return error_set(err, ERR_NOTFOUND, "that finding is not dismissed in %s", st->path);
	}
	return commit(st, err);
}

bool
store_is_dismissed(const struct store *st, const char *rule, const char *target, const char *text)
{
	const struct project *p = st->p;
	size_t i;

	for (i = 0; i < p->n_dismissed; i++)
		if (strcmp(p->dismissed[i].rule, rule) == 0 &&
		    strcmp(p->dismissed[i].target, target ? target : "") == 0 &&
		    strcmp(p->dismissed[i].text, text ? text : "") == 0)
			return true;
	return false;
}

int
store_set_confirmed(struct store *st, const char *item, bool on, struct error *err)
{
	const char *args[1] = { item };

	return simple_change(st, on ? "INSERT OR IGNORE INTO confirmed(item) VALUES (?1)" :
	    "DELETE FROM confirmed WHERE item = ?1", 1, args, err);
}

int
store_set_setting(struct store *st, const char *key, const char *value, struct error *err)
{
	const char *args[2] = { key, value };

	if (begin(st, err) != 0)
		return -1;
	if (run(st, err, "INSERT INTO setting(key, value) VALUES (?1, ?2) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", 2, args) != 0) {
		rollback(st);
		return -1;
	}
	/* Settings are not part of the narrative: no reload needed. */
	return end_change(st, false, err);
}

char *
store_get_setting(const struct store *st, const char *key)
{
	sqlite3_stmt *stmt = NULL;
	char *v = NULL;

	if (sqlite3_prepare_v2(st->db, "SELECT value FROM setting WHERE key = ?1", -1, &stmt, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = column_text(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

int
store_revisions(const struct store *st, const char *target, size_t limit,
    struct revision **out, size_t *n_out, struct error *err)
{
	sqlite3_stmt *stmt = NULL;
	struct revision *revs = NULL;
	size_t n = 0;

	*out = NULL;
	*n_out = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT id, target, text, changed FROM revision "
	    "WHERE ?1 IS NULL OR target = ?1 ORDER BY id DESC LIMIT ?2", -1, &stmt, NULL) != SQLITE_OK)
		return error_set(err, ERR_INTERNAL, "%s: cannot read revisions: %s", st->path, sqlite3_errmsg(st->db));
	if (target != NULL)
		sqlite3_bind_text(stmt, 1, target, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, limit == 0 ? -1 : (sqlite3_int64)limit);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		revs = xreallocarray(revs, n + 1, sizeof *revs);
		revs[n].id = sqlite3_column_int64(stmt, 0);
		revs[n].target = column_text(stmt, 1);
		revs[n].text = column_text(stmt, 2);
		revs[n].changed = column_text(stmt, 3);
		n++;
	}
	sqlite3_finalize(stmt);
	*out = revs;
	*n_out = n;
	return 0;
}

int
store_revision_get(const struct store *st, int64_t id, struct revision *out, struct error *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(st->db, "SELECT id, target, text, changed FROM revision WHERE id = ?1",
	    -1, &stmt, NULL) != SQLITE_OK)
		return error_set(err, ERR_INTERNAL, "%s: cannot read revisions: %s", st->path,
		    sqlite3_errmsg(st->db));
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		out->id = sqlite3_column_int64(stmt, 0);
		out->target = column_text(stmt, 1);
		out->text = column_text(stmt, 2);
		out->changed = column_text(stmt, 3);
	} else {
		rc = error_set(err, ERR_NOTFOUND, "%s keeps no revision %lld", st->path, (long long)id);
	}
	sqlite3_finalize(stmt);
	return rc;
}

void
store_revision_free(struct revision *r)
{
	free(r->target);
	free(r->text);
	free(r->changed);
	memset(r, 0, sizeof *r);
}

int
store_revision_fields(const struct store *st, struct revision_field **out, size_t *n_out,
    struct error *err)
{
	sqlite3_stmt *stmt = NULL;
	struct revision_field *r = NULL;
	size_t n = 0;

	*out = NULL;
	*n_out = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT target, COUNT(*), MAX(changed) FROM revision "
	    "GROUP BY target ORDER BY MAX(id) DESC", -1, &stmt, NULL) != SQLITE_OK)
		return error_set(err, ERR_INTERNAL, "%s: cannot read revisions: %s", st->path,
		    sqlite3_errmsg(st->db));
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		r = xreallocarray(r, n + 1, sizeof *r);
		r[n].target = column_text(stmt, 0);
		r[n].count = (size_t)sqlite3_column_int64(stmt, 1);
		r[n].changed = column_text(stmt, 2);
		n++;
	}
	sqlite3_finalize(stmt);
	*out = r;
	*n_out = n;
	return 0;
}

void
store_revision_fields_free(struct revision_field *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(r[i].target);
		free(r[i].changed);
	}
	free(r);
}

void
store_revisions_free(struct revision *revs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(revs[i].target);
		free(revs[i].text);
		free(revs[i].changed);
	}
	free(revs);
}

/* ---- for store_comments.c (store_internal.h) ----------------------------- */

sqlite3 *
store_sqlite(const struct store *st)
{
	return st->db;
}

bool
store_comments_only(const struct store *st)
{
	return st->comments_only;
}

int
store_comment_begin(struct store *st, struct error *err)
{
	int rc;

	st->comment_tx = true;
	rc = begin(st, err);
	if (rc != 0)
		st->comment_tx = false;
	return rc;
}

int
store_comment_commit(struct store *st, struct error *err)
{
	int rc = commit(st, err);

	st->comment_tx = false;
	return rc;
}

void
store_comment_rollback(struct store *st)
{
	rollback(st);
	st->comment_tx = false;
}

int
store_comment_fail(struct store *st, struct error *err, const char *what)
{
	return db_fail(st, err, what);
}

struct project *
store_project_mut(struct store *st)
{
	return st->p;
}

/* ---- for store_resume.c (store_internal.h) -------------------------------- */

int
store_change_begin(struct store *st, struct error *err)
{
	return begin(st, err);
}

int
store_change_commit(struct store *st, struct error *err)
{
	return commit(st, err);
}

void
store_change_rollback(struct store *st)
{
	rollback(st);
}

int
store_slot_save(struct store *st, const struct slot *s, const char *text, struct error *err)
{
	return slot_save(st, s, NULL, text, false, NULL, err);
}
