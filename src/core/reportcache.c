/* SPDX-License-Identifier: MIT */
/*
 * reportcache.c: the report's result cache (see reportcache.h): finding
 * and checking its folder, the key of a project, and reading and writing
 * one entry per project without following links. Prints nothing.
 */
#include "config.h"
#include "reportcache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "paths.h"
#include "report.h"
#include "strbuf.h"
#include "xalloc.h"

#define ENTRY_MAX (64 * 1024)   /* a row is a few hundred bytes */
#define RACY_SECONDS 2          /* changed this recently: not kept */

struct report_cache {
	int dfd;                /* the report/ folder */
	char *fingerprint;
};

static uint64_t
fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	while (n-- > 0) {
		h ^= *s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

#define FNV_START 0xcbf29ce484222325ULL

static uint64_t
hash_stat(uint64_t h, const char *path)
{
	struct stat sb;
	char buf[128];
	int n;

	if (stat(path, &sb) != 0)
		return fnv1a(h, "-", 1);
	n = snprintf(buf, sizeof buf, "%llu:%llu:%lld:%lld.%ld;", (unsigned long long)sb.st_dev,
	    (unsigned long long)sb.st_ino, (long long)sb.st_size, (long long)sb.st_mtim.tv_sec,
	    sb.st_mtim.tv_nsec);
	return fnv1a(h, buf, (size_t)n);
}

char *
report_cache_fingerprint(const char *flags)
{
	uint64_t h = FNV_START;
	const char *dict = paths_dict_dir();
	char *dir = xasprintf("%s/dictionaries", dict), *user = paths_user_dir(), *p;
	struct dirent **names = NULL;
	int n, i;

	h = fnv1a(h, PACKAGE_VERSION, strlen(PACKAGE_VERSION));
	/* A rebuilt program may check differently under the same version. */
	h = hash_stat(h, "/proc/self/exe");
	h = fnv1a(h, dir, strlen(dir));
	n = scandir(dir, &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		p = xasprintf("%s/%s", dir, names[i]->d_name);
		h = fnv1a(h, names[i]->d_name, strlen(names[i]->d_name));
		h = hash_stat(h, p);
		free(p);
		free(names[i]);
	}
	free(names);
	free(dir);
	/* The system dictionary (DICPATH's first folder, as spell.c reads). */
	p = getenv("DICPATH") != NULL ? xstrdup(getenv("DICPATH")) : xstrdup("/usr/share/hunspell");
	p[strcspn(p, ":")] = '\0';
	dir = xasprintf("%s/en_US.dic", p);
	h = fnv1a(h, dir, strlen(dir));
	h = hash_stat(h, dir);
	free(dir);
	dir = xasprintf("%s/en_US.aff", p);
	h = hash_stat(h, dir);
	free(dir);
	free(p);
	if (user != NULL) {
		p = xasprintf("%s/words.txt", user);
		h = hash_stat(h, p);
		free(p);
		free(user);
	}
	return xasprintf("%016llx-%s", (unsigned long long)h, flags);
}

/* Opens the folder name inside dfd, making it 0700 when missing; it must
 * be a folder (not a link) of the user's, writable by no one else. */
static int
open_own_dir(int dfd, const char *name, const char *shown, struct error *err)
{
	struct stat sb;
	int fd;

	if (mkdirat(dfd, name, 0700) != 0 && errno != EEXIST)
		return error_set(err, ERR_IO, "cannot make the report cache folder %s: %s", shown,
		    strerror(errno));
	fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ELOOP || errno == ENOTDIR)
			return error_set(err, ERR_USAGE, "the report cache folder %s is a symbolic link "
			    "or not a folder; not using it (remove it to let ecqcoach make it again)",
			    shown);
		return error_set(err, ERR_IO, "cannot open the report cache folder %s: %s", shown,
		    strerror(errno));
	}
	if (fstat(fd, &sb) != 0 || sb.st_uid != geteuid() || (sb.st_mode & 022) != 0) {
		close(fd);
		return error_set(err, ERR_USAGE, "the report cache folder %s belongs to someone else "
		    "or others may write to it; not using it", shown);
	}
	return fd;
}

int
report_cache_open(const char *fingerprint, struct report_cache **out, struct error *err)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char *base, *shown, *p;
	int bfd, efd, rfd;

	*out = NULL;
	if (xdg != NULL && xdg[0] == '/')
		base = xstrdup(xdg);
	else if (home != NULL && home[0] == '/')
		base = xasprintf("%s/.cache", home);
	else
		return error_set(err, ERR_NOTFOUND, "no cache folder: neither XDG_CACHE_HOME nor HOME "
		    "is set to an absolute path");
	/* The cache home itself is the user's choice and may be a link; make
	 * it (and its parents) when missing, as other programs do. */
	for (p = base + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;

			*p = '\0';
			if (mkdir(base, 0700) != 0 && errno != EEXIST) {
				*p = c;
				break;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	bfd = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (bfd < 0) {
		error_set(err, ERR_IO, "cannot open the cache folder %s: %s", base, strerror(errno));
		free(base);
		return -1;
	}
	shown = xasprintf("%s/ecqcoach", base);
	efd = open_own_dir(bfd, "ecqcoach", shown, err);
	close(bfd);
	free(shown);
	if (efd < 0) {
		free(base);
		return -1;
	}
	shown = xasprintf("%s/ecqcoach/report", base);
	rfd = open_own_dir(efd, "report", shown, err);
	close(efd);
	free(shown);
	free(base);
	if (rfd < 0)
		return -1;
	*out = xcalloc(1, sizeof **out);
	(*out)->dfd = rfd;
	(*out)->fingerprint = xstrdup(fingerprint);
	return 0;
}

void
report_cache_close(struct report_cache *rc)
{
	if (rc == NULL)
		return;
	close(rc->dfd);
	free(rc->fingerprint);
	free(rc);
}

/* Appends "TAG dev:ino:size:mtime:ctime " for path, or "TAG - ". */
static void
add_stat(struct strbuf *b, const char *tag, const char *path, time_t *newest)
{
	struct stat sb;
	char buf[160];
	int n;

	if (stat(path, &sb) != 0) {
		n = snprintf(buf, sizeof buf, "%s - ", tag);
	} else {
		n = snprintf(buf, sizeof buf, "%s %llu:%llu:%lld:%lld.%09ld:%lld.%09ld ", tag,
		    (unsigned long long)sb.st_dev, (unsigned long long)sb.st_ino,
		    (long long)sb.st_size, (long long)sb.st_mtim.tv_sec, sb.st_mtim.tv_nsec,
		    (long long)sb.st_ctim.tv_sec, sb.st_ctim.tv_nsec);
		if (sb.st_mtim.tv_sec > *newest)
			*newest = sb.st_mtim.tv_sec;
	}
	strbuf_add(b, buf, (size_t)n);
}

/* The key line for path (no newline in it), or NULL when path has no
 * real path; *newest gets its latest modification time. */
static char *
key_text(const struct report_cache *rc, const char *path, char **real_out, time_t *newest)
{
	struct strbuf b = { NULL, 0, 0 };
	char *real = realpath(path, NULL), *wal, *p;

	*newest = 0;
	*real_out = NULL;
	if (real == NULL)
		return NULL;
	strbuf_add(&b, "ecqcoach-report-row 1 ", 22);
	strbuf_add(&b, rc->fingerprint, strlen(rc->fingerprint));
	strbuf_add(&b, " ", 1);
	add_stat(&b, "file", real, newest);
	/* A writer's saves wait in the -wal journal before they reach the
	 * file itself. */
	wal = xasprintf("%s-wal", real);
	add_stat(&b, "wal", wal, newest);
	free(wal);
	strbuf_add(&b, "path ", 5);
	for (p = real; *p != '\0'; p++)
		strbuf_add(&b, *p == '\n' ? "?" : p, 1);
	*real_out = real;
	return b.s;
}

void
report_cache_key_make(const struct report_cache *rc, const char *path,
    struct report_cache_key *key)
{
	char *real;
	time_t newest;

	memset(key, 0, sizeof *key);
	key->text = key_text(rc, path, &real, &newest);
	if (key->text == NULL)
		return;
	key->entry = xasprintf("%016llx.row",
	    (unsigned long long)fnv1a(FNV_START, real, strlen(real)));
	key->ok = true;
	free(real);
}

void
report_cache_key_free(struct report_cache_key *key)
{
	if (key == NULL)
		return;
	free(key->text);
	free(key->entry);
	memset(key, 0, sizeof *key);
}

bool
report_cache_get(struct report_cache *rc, const struct report_cache_key *key,
    const char *path, struct report_row *row)
{
	struct stat sb;
	char *buf = NULL;
	size_t len = 0, kl;
	bool ok = false;
	int fd;

	if (rc == NULL || !key->ok)
		return false;
	fd = openat(rc->dfd, key->entry, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return false;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_uid != geteuid() ||
	    sb.st_size <= 0 || sb.st_size > ENTRY_MAX)
		goto out;
	buf = xmalloc((size_t)sb.st_size + 1);
	while (len < (size_t)sb.st_size) {
		ssize_t k = read(fd, buf + len, (size_t)sb.st_size - len);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			goto out;
		len += (size_t)k;
	}
	buf[len] = '\0';
	kl = strlen(key->text);
	if (len <= kl || memcmp(buf, key->text, kl) != 0 || buf[kl] != '\n')
		goto out;
	ok = report_row_decode(buf + kl + 1, path, row) == 0 && row->error == NULL;
	if (!ok && row->path != NULL)
		report_row_free(row);
out:
	free(buf);
	close(fd);
	return ok;
}

void
report_cache_put(struct report_cache *rc, const struct report_cache_key *key,
    const char *path, const struct report_row *row)
{
	char *now_key, *real, *text = NULL, *tmp = NULL;
	time_t newest;
	size_t n;
	bool ok;
	int fd;

	if (rc == NULL || !key->ok || row->error != NULL)
		return;
	now_key = key_text(rc, path, &real, &newest);
	free(real);
	if (now_key == NULL || strcmp(now_key, key->text) != 0 ||
	    time(NULL) - newest < RACY_SECONDS)
		goto out;
	text = report_row_encode(row);
	tmp = xasprintf(".new-%ld-%s", (long)getpid(), key->entry);
	/* O_EXCL|O_NOFOLLOW: never writes through a link planted there; the
	 * rename then replaces the entry's name, never what it points to. */
	fd = openat(rc->dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		goto out;
	n = strlen(now_key);
	now_key[n] = '\n';
	ok = write(fd, now_key, n + 1) == (ssize_t)(n + 1) &&
	    write(fd, text, strlen(text)) == (ssize_t)strlen(text);
	now_key[n] = '\0';
	if (close(fd) != 0 || !ok) {
		unlinkat(rc->dfd, tmp, 0);
		goto out;
	}
	if (renameat(rc->dfd, tmp, rc->dfd, key->entry) != 0)
		unlinkat(rc->dfd, tmp, 0);
out:
	free(now_key);
	free(text);
	free(tmp);
}
