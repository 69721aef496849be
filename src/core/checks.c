/* SPDX-License-Identifier: MIT */
/*
 * checks.c: the findings list every rule appends to and every view reads:
 * copying, freeing, sorting, and the names of severities.
 */
#include "config.h"
#include "checks.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void
findings_init(struct findings *fs)
{
	memset(fs, 0, sizeof *fs);
}

static void
findings_free_one(struct finding *f)
{
	size_t i;

	free(f->message);
	free(f->suggestion);
	free(f->fix);
	if (f->suggestions != NULL) {
		for (i = 0; f->suggestions[i] != NULL; i++)
			free(f->suggestions[i]);
		free(f->suggestions);
	}
}

void
findings_free(struct findings *fs)
{
	size_t i;

	if (fs == NULL)
		return;
	for (i = 0; i < fs->n; i++)
		findings_free_one(&fs->items[i]);
	for (i = 0; i < fs->n_owned; i++)
		free(fs->owned[i]);
	free(fs->items);
	free(fs->owned);
	findings_init(fs);
}

/* The list's own copy of a target string; consecutive findings in one field
 * share it. */
static const char *
findings_own_target(struct findings *fs, const char *target)
{
	size_t i;

	if (target == NULL)
		return NULL;
	/* A finding copied from another list may already point at our copy. */
	for (i = fs->n_owned; i > 0 && i + 8 > fs->n_owned; i--) {
		if (fs->owned[i - 1] == target || strcmp(fs->owned[i - 1], target) == 0)
			return fs->owned[i - 1];
	}
	fs->owned = xreallocarray(fs->owned, fs->n_owned + 1, sizeof *fs->owned);
	fs->owned[fs->n_owned] = xstrdup(target);
	return fs->owned[fs->n_owned++];
}

void
findings_add(struct findings *fs, const struct finding *f)
{
	struct finding *d;
	size_t n = 0, i;

	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 16;
		fs->items = xreallocarray(fs->items, fs->cap, sizeof *fs->items);
	}
	d = &fs->items[fs->n];
	*d = *f;
	d->target = findings_own_target(fs, f->target);
	d->message = xstrdup(f->message != NULL ? f->message : "");
	d->suggestion = f->suggestion != NULL ? xstrdup(f->suggestion) : NULL;
	d->fix = f->fix != NULL ? xstrdup(f->fix) : NULL;
	d->suggestions = NULL;
	if (f->suggestions != NULL) {
		while (f->suggestions[n] != NULL)
			n++;
		d->suggestions = xcalloc(n + 1, sizeof *d->suggestions);
		for (i = 0; i < n; i++)
			d->suggestions[i] = xstrdup(f->suggestions[i]);
	}
	fs->n++;
}

void
findings_filter(struct findings *fs, size_t from,
    bool (*keep)(const struct finding *f, void *arg), void *arg)
{
	size_t i, kept;

	for (i = kept = from; i < fs->n; i++) {
		if (keep(&fs->items[i], arg))
			fs->items[kept++] = fs->items[i];
		else
			findings_free_one(&fs->items[i]);
	}
	if (from < fs->n)
		fs->n = kept;
}

static int
findings_cmp(const void *pa, const void *pb)
{
	const struct finding *a = pa, *b = pb;

	if (a->ecq != b->ecq)
		return a->ecq < b->ecq ? -1 : 1;
	if (a->example != b->example)
		return a->example < b->example ? -1 : 1;
	if (a->field != b->field)
		return a->field < b->field ? -1 : 1;
	if (a->offset != b->offset)
		return a->offset < b->offset ? -1 : 1;
	if (a->length != b->length)
		return a->length > b->length ? -1 : 1;
	if (a->rule != b->rule)
		return strcmp(a->rule != NULL ? a->rule : "", b->rule != NULL ? b->rule : "");
	return 0;
}

void
findings_sort(struct findings *fs)
{
	if (fs != NULL && fs->n > 1)
		qsort(fs->items, fs->n, sizeof *fs->items, findings_cmp);
}

const char *
severity_name(enum severity s)
{
	switch (s) {
	case SEV_INFO:
		return "info";
	case SEV_WARNING:
		return "warning";
	case SEV_ERROR:
		return "error";
	}
	return "warning";
}

int
severity_parse(const char *s)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "info") == 0)
		return SEV_INFO;
	if (strcmp(s, "warning") == 0)
		return SEV_WARNING;
	if (strcmp(s, "error") == 0)
		return SEV_ERROR;
	return -1;
}
