/* SPDX-License-Identifier: MIT */
/*
 * checks.h: the one findings model. Every rule, text or project, produces
 * findings of this shape; the editor highlights them, lint/check print them,
 * the review groups them. Rule ids are public (ecqcoach(1), JSON, ignore
 * lists). This header is the contract; the rules live in src/core/checks/.
 */
#ifndef ECQ_CHECKS_H
#define ECQ_CHECKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "project.h"

enum severity { SEV_INFO, SEV_WARNING, SEV_ERROR };

struct finding {
	const char *rule;       /* static rule id, e.g. "passive" */
	enum severity severity;
	int ecq;                /* ECQ index, -1 when not in a project */
	int64_t example;        /* example id, -1 when not in an example */
	int field;              /* enum example_field, or -1 (intro, note, whole) */
	const char *target;     /* revision target ("example.7.action"), or NULL; owned by the list */
	size_t offset;          /* byte offset in the field's text */
	size_t length;          /* byte length of the span (0: whole field) */
	char *message;          /* plain, short, specific */
	char *suggestion;       /* what to write instead; may be NULL */
	char **suggestions;     /* spelling alternatives; NULL-terminated or NULL */
	/* A machine-applicable fix, offered only where it is mechanical and
	 * safe: replace bytes [fix_offset, fix_offset + fix_length) of the same
	 * text by fix (NULL: no fix). The span may differ from the finding's. */
	char *fix;
	size_t fix_offset;
	size_t fix_length;
};

struct findings {
	struct finding *items;
	size_t n;
	size_t cap;
	char **owned;           /* strings owned by the list (targets) */
	size_t n_owned;
};

void findings_init(struct findings *fs);
/* Frees every finding and their strings; the struct itself is the caller's. */
void findings_free(struct findings *fs);
/* Appends a copy of f (message, suggestion, suggestions, fix are copied). */
void findings_add(struct findings *fs, const struct finding *f);
/* Keeps the findings from index `from` on for which keep(f, arg) is true,
 * in order, and frees the others. */
void findings_filter(struct findings *fs, size_t from,
    bool (*keep)(const struct finding *f, void *arg), void *arg);
/* Sorts by ecq, example, field, offset. */
void findings_sort(struct findings *fs);

const char *severity_name(enum severity s);     /* "info", "warning", "error" */
/* Parses "info|warning|error"; returns -1 when unknown. */
int severity_parse(const char *s);

#endif
