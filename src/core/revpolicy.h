/* SPDX-License-Identifier: MIT */
/*
 * revpolicy.h: which saves keep the text they replace. The coach saves
 * every second or so while the writer types; keeping every one of those
 * texts would grow the file without bound and bury the versions anyone
 * wants back. A save keeps the replaced text when it is the first save of
 * that text in this session, the first after a pause in the typing (so the
 * text as it was before each burst is kept), or the first in a while during
 * a long burst (a checkpoint). Pure bookkeeping: no I/O, no clock of its own.
 */
#ifndef ECQ_REVPOLICY_H
#define ECQ_REVPOLICY_H

#include <stdbool.h>
#include <time.h>

/* A pause this long (seconds) between two saves of a text ends a burst. */
#define REVPOLICY_BURST_GAP 60
/* During a burst, one checkpoint this often (seconds). */
#define REVPOLICY_CHECKPOINT 300

/* A save that removes more than this many bytes keeps the text it
 * replaces even in a burst: a cut that large is rarely meant to be final. */
#define REVPOLICY_BIG_CUT 200

struct revpolicy;

struct revpolicy *revpolicy_new(void);
void revpolicy_free(struct revpolicy *rp);      /* accepts NULL */

/* Records a save of target at time now and says whether the text it
 * replaces should be kept as a revision. */
bool revpolicy_keep(struct revpolicy *rp, const char *target, time_t now);

/* Forgets target's history, so its next save keeps a revision (used after
 * a save that found someone else's text in the file). */
void revpolicy_reset(struct revpolicy *rp, const char *target);

#endif
