/* SPDX-License-Identifier: MIT */
/*
 * lockfile.c: the project's write lock (see lockfile.h). The flock is the
 * truth; the file's text only names the holder for messages. Where the file
 * system has no flock (some network mounts), the text decides: a holder on
 * this host whose process is gone is taken over, any other is respected.
 */
#include "config.h"
#include "lockfile.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "xalloc.h"

struct lockfile {
	char *path;             /* PROJECT.lock */
	int fd;
};

/* Copies src into dst keeping printable ASCII only: the holder's names are
 * read from a file anyone could have written. */
static void
copy_printable(char *dst, size_t size, const char *src)
{
	size_t n = 0;

	for (; *src != '\0' && n + 1 < size; src++)
		dst[n++] = (*src >= 0x20 && *src < 0x7f) ? *src : '?';
	dst[n] = '\0';
}

static void
parse_holder(const char *text, struct lock_holder *h)
{
	const char *line = text, *eol;
	char val[256];
	size_t n;

	memset(h, 0, sizeof *h);
	while (*line != '\0') {
		eol = strchr(line, '\n');
		n = eol != NULL ? (size_t)(eol - line) : strlen(line);
		if (n < sizeof val) {
			memcpy(val, line, n);
			val[n] = '\0';
			if (strncmp(val, "user=", 5) == 0)
				copy_printable(h->user, sizeof h->user, val + 5);
			else if (strncmp(val, "host=", 5) == 0)
				copy_printable(h->host, sizeof h->host, val + 5);
			else if (strncmp(val, "pid=", 4) == 0)
				h->pid = strtol(val + 4, NULL, 10);
			else if (strncmp(val, "since=", 6) == 0)
				copy_printable(h->since, sizeof h->since, val + 6);
		}
		if (eol == NULL)
			break;
		line = eol + 1;
	}
}

static void
read_holder(int fd, struct lock_holder *h)
{
	char buf[1024];
	ssize_t n = pread(fd, buf, sizeof buf - 1, 0);

	buf[n > 0 ? n : 0] = '\0';
	parse_holder(buf, h);
}

static void
self_holder(struct lock_holder *h)
{
	struct passwd *pw = getpwuid(geteuid());
	time_t t = time(NULL);
	struct tm tm;
	char host[128];

	memset(h, 0, sizeof *h);
	if (pw != NULL)
		copy_printable(h->user, sizeof h->user, pw->pw_name);
	else
		snprintf(h->user, sizeof h->user, "uid %ld", (long)geteuid());
	if (gethostname(host, sizeof host) != 0)
		strcpy(host, "?");
	host[sizeof host - 1] = '\0';
	copy_printable(h->host, sizeof h->host, host);
	h->pid = (long)getpid();
	gmtime_r(&t, &tm);
	strftime(h->since, sizeof h->since, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int
write_holder(int fd, const struct lock_holder *h)
{
	char buf[512];
	int n = snprintf(buf, sizeof buf, "ecqcoach write lock\nuser=%s\nhost=%s\npid=%ld\nsince=%s\n",
	    h->user, h->host, h->pid, h->since);

	if (ftruncate(fd, 0) != 0 || pwrite(fd, buf, (size_t)n, 0) != n)
		return -1;
	return 0;
}

/* Without flock: is the holder named in the file still there? */
static int
holder_alive(const struct lock_holder *h)
{
	struct lock_holder me;

	if (h->pid <= 0)
		return 0;               /* an empty or foreign file: nobody */
	self_holder(&me);
	if (strcmp(h->host, me.host) != 0)
		return 1;               /* another machine: cannot tell, respect it */
	if (h->pid == me.pid)
		return 0;
	return kill((pid_t)h->pid, 0) == 0 || errno == EPERM;
}

void
lockfile_describe(const struct lock_holder *h, char *buf, size_t size)
{
	char since[32];

	/* "2026-12-01T09:31:02Z" -> "2026-12-01 09:31 UTC" */
	if (strlen(h->since) >= 16)
		snprintf(since, sizeof since, "%.10s %.5s UTC", h->since, h->since + 11);
	else
		snprintf(since, sizeof since, "%s", h->since[0] ? h->since : "an unknown time");
	snprintf(buf, size, "%s on %s (process %ld) since %s",
	    h->user[0] ? h->user : "someone", h->host[0] ? h->host : "an unknown host", h->pid, since);
}

static int
locked_error(const char *path, const char *lock_path, const struct lock_holder *h,
    struct lock_holder *out, struct error *err)
{
	char who[300];

	if (out != NULL)
		*out = *h;
	lockfile_describe(h, who, sizeof who);
	return error_set(err, ERR_LOCKED, "%s is open in another ecqcoach (%s); close it there "
	    "to edit it here (if that one is no longer running, delete %s)", path, who, lock_path);
}

int
lockfile_acquire(const char *path, struct lockfile **out, struct lock_holder *holder,
    struct error *err)
{
	char *lock_path = xasprintf("%s.lock", path);
	struct lock_holder h;
	struct stat fs, ps;
	int fd = -1, tries;

	*out = NULL;
	/* A holder may remove the file between our open and our flock; then
	 * we hold a lock on a name nobody sees, so look again. */
	for (tries = 0; tries < 20; tries++) {
		fd = open(lock_path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0) {
			error_set(err, ERR_IO, "cannot make the lock file %s: %s", lock_path, strerror(errno));
			goto fail;
		}
		if (fstat(fd, &fs) != 0 || !S_ISREG(fs.st_mode)) {
			error_set(err, ERR_IO, "%s is not a regular file; remove it", lock_path);
			goto fail;
		}
		if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
			if (errno == EWOULDBLOCK || errno == EINTR) {
				read_holder(fd, &h);
				locked_error(path, lock_path, &h, holder, err);
				goto fail;
			}
			/* No flock here: trust the text. */
			read_holder(fd, &h);
			if (holder_alive(&h)) {
				locked_error(path, lock_path, &h, holder, err);
				goto fail;
			}
			break;
		}
		if (stat(lock_path, &ps) == 0 && ps.st_dev == fs.st_dev && ps.st_ino == fs.st_ino)
			break;
		close(fd);
		fd = -1;
	}
	if (fd < 0) {
		error_set(err, ERR_IO, "cannot take the lock %s: it keeps changing", lock_path);
		goto fail;
	}
	self_holder(&h);
	if (write_holder(fd, &h) != 0) {
		error_set(err, ERR_IO, "cannot write the lock file %s: %s", lock_path, strerror(errno));
		unlink(lock_path);
		goto fail;
	}
	*out = xcalloc(1, sizeof **out);
	(*out)->path = lock_path;
	(*out)->fd = fd;
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	free(lock_path);
	return -1;
}

void
lockfile_release(struct lockfile *lk)
{
	struct stat fs, ps;

	if (lk == NULL)
		return;
	/* Unlink while still holding it: a waiter that opened the old file
	 * sees the name is gone and tries again. Only our own file, though:
	 * if the folder was moved, the name may be someone else's lock now. */
	if (fstat(lk->fd, &fs) == 0 && stat(lk->path, &ps) == 0 &&
	    fs.st_dev == ps.st_dev && fs.st_ino == ps.st_ino)
		unlink(lk->path);
	close(lk->fd);
	free(lk->path);
	free(lk);
}
