/* SPDX-License-Identifier: MIT */
/* revpolicy.c: burst bookkeeping per revision target (see revpolicy.h). */
#include "config.h"
#include "revpolicy.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct burst {
	char *target;
	time_t last_save;       /* the latest save of the target */
	time_t last_kept;       /* the latest save that kept a revision */
};

struct revpolicy {
	struct burst *b;        /* a project has a few hundred targets at most */
	size_t n;
};

struct revpolicy *
revpolicy_new(void)
{
	return xcalloc(1, sizeof(struct revpolicy));
}

void
revpolicy_free(struct revpolicy *rp)
{
	size_t i;

	if (rp == NULL)
		return;
	for (i = 0; i < rp->n; i++)
		free(rp->b[i].target);
	free(rp->b);
	free(rp);
}

static struct burst *
find(struct revpolicy *rp, const char *target)
{
	size_t i;

	for (i = 0; i < rp->n; i++)
		if (strcmp(rp->b[i].target, target) == 0)
			return &rp->b[i];
	return NULL;
}

bool
revpolicy_keep(struct revpolicy *rp, const char *target, time_t now)
{
	struct burst *b = find(rp, target);
	bool keep;

	if (b == NULL) {
		rp->b = xreallocarray(rp->b, rp->n + 1, sizeof *rp->b);
		b = &rp->b[rp->n++];
		b->target = xstrdup(target);
		b->last_save = b->last_kept = now;
		return true;    /* the first save this session */
	}
	keep = now < b->last_save || now - b->last_save >= REVPOLICY_BURST_GAP ||
	    now - b->last_kept >= REVPOLICY_CHECKPOINT;
	b->last_save = now;
	if (keep)
		b->last_kept = now;
	return keep;
}

void
revpolicy_reset(struct revpolicy *rp, const char *target)
{
	struct burst *b = find(rp, target);

	if (b == NULL)
		return;
	free(b->target);
	*b = rp->b[--rp->n];
}
