/* SPDX-License-Identifier: MIT */
/*
 * store.c: the project file. Opens and checks it (refusing what is not a
 * project), creates, closes and saves it again under a new name, notices
 * when the file was moved or replaced, and holds the SQL helpers every
 * store*.c uses. Reading it into struct project is store_load.c; the
 * transaction rules are store_tx.c.
 * The journal is WAL while the file is open for writing and DELETE once it
 * is closed, so a closed project is one self-contained file to copy.
 */
#include "config.h"
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lockfile.h"
#include "revpolicy.h"
#include "store_internal.h"
#include "store_schema.h"
#include "xalloc.h"


/* The example table's text columns and their revision target names. */
const char *const store_field_columns[EX_FIELD_COUNT] = {
	"title", "start_date", "end_date", "challenge", "context", "action", "result"
};
const char *const store_field_targets[EX_FIELD_COUNT] = {
	"title", "start", "end", "challenge", "context", "action", "result"
};

void
store_now_iso(char buf[32])
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

int
store_db_fail(struct store *st, struct error *err, const char *what)
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
sqlite3_stmt *
store_prepare(struct store *st, const char *sql, struct error *err)
{
	sqlite3_stmt *stmt = NULL;

	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		store_db_fail(st, err, "prepare a query");
		return NULL;
	}
	return stmt;
}

/* Binds text parameters and steps a statement that returns no rows. */
int
store_run(struct store *st, struct error *err, const char *sql, int n, const char *const *args)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	int i, rc;

	if (stmt == NULL)
		return -1;
	for (i = 0; i < n; i++)
		sqlite3_bind_text(stmt, i + 1, args[i], -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_db_fail(st, err, "save the change");
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
		store_rollback(st);
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
	if (remember_file(st, err) != 0 || store_load(st, err) != 0)
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
	store_now_iso(now);
	if (store_schema_create(st->db, err) != 0)
		goto fail_tx;
	args[0] = fw->id;
	args[1] = fw->text;
	if (store_run(st, err, "INSERT INTO framework(id, text) VALUES (?1, ?2)", 2, args) != 0)
		goto fail_tx;
	args[0] = now;
	args[1] = candidate ? candidate : "";
	if (store_run(st, err, "INSERT INTO meta(key, value) VALUES ('created', ?1), ('modified', ?1), "
	    "('candidate', ?2), ('position', ''), ('unsorted', ''), ('creator', '" PACKAGE_STRING "'), "
	    "('uid', lower(hex(randomblob(16))))",
	    2, args) != 0)
		goto fail_tx;
	if (store_exec(st->db, "COMMIT", err) != 0)
		goto fail_tx;
	if (store_load(st, err) != 0)
		goto fail;
	remember_journals(st);
	*out = st;
	return 0;
fail_tx:
	store_rollback(st);
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
	if ((stmt = store_prepare(st, "VACUUM INTO ?1", err)) == NULL)
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
	if (!st->readonly && store_load(st, err) == 0)
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

struct project *
store_project_mut(struct store *st)
{
	return st->p;
}
