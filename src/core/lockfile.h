/* SPDX-License-Identifier: MIT */
/*
 * lockfile.h: one writer per project. The writer holds an exclusive
 * flock(2) on PROJECT.lock beside the project and writes into it who it is
 * (user, host, pid, since when), so a second ecqcoach can say who holds the
 * project. The kernel drops the flock when the holder dies, however it dies,
 * so a stale lock file is simply taken over. Core: prints nothing.
 */
#ifndef ECQ_LOCKFILE_H
#define ECQ_LOCKFILE_H

#include <stddef.h>

#include "error.h"

struct lockfile;

/* Who holds a lock, as its lock file says (printable ASCII only). */
struct lock_holder {
	char user[64];
	char host[128];
	long pid;
	char since[32];         /* ISO 8601 UTC */
};

/* Takes the write lock of the project at path. On success *out owns it.
 * Fails with ERR_LOCKED (and *holder filled, when holder is not NULL) while
 * another live process holds it, or ERR_IO when the lock file cannot be
 * made (a read-only folder). */
int lockfile_acquire(const char *path, struct lockfile **out,
    struct lock_holder *holder, struct error *err);

/* Removes the lock file and drops the lock; accepts NULL. */
void lockfile_release(struct lockfile *lk);

/* "pat on host1 (process 123) since 2026-12-01 09:31 UTC" into buf. */
void lockfile_describe(const struct lock_holder *h, char *buf, size_t size);

#endif
