/* SPDX-License-Identifier: MIT */
/*
 * reportwatch.h: `ecqcoach report --watch`, the coordinator's full-screen
 * view of the roll-up (core/report.h) that follows the files as
 * participants write.
 */
#ifndef ECQ_REPORTWATCH_H
#define ECQ_REPORTWATCH_H

#include <stddef.h>

#include "error.h"
#include "report.h"

struct checker;

/* Shows the report of args[0..n) (folders or files) full-screen until q.
 * The folders are watched with inotify and every file is looked at again
 * every 2 seconds; only a file that changed (its size or time, or its
 * journal's) is read again. ck is borrowed (may be NULL when o->findings
 * is off). Returns 0, or -1 with err set (no terminal, a folder that
 * cannot be listed). */
int reportwatch_run(char *const *args, size_t n, struct checker *ck,
    const struct report_options *o, enum report_sort sort, struct error *err);

#endif
