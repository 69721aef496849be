/* SPDX-License-Identifier: MIT */
/*
 * project.h: the in-memory copy of a project that checks, layout, export and
 * the screens read. It is loaded whole by store_load() (a narrative is a few
 * hundred kilobytes at most); changes go through store.h, which keeps the
 * copy and the file in step.
 */
#ifndef ECQ_PROJECT_H
#define ECQ_PROJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "framework.h"

/* The text fields of an example, in the order the editor shows them. */
enum example_field {
	EX_TITLE,
	EX_START,       /* "YYYY-MM" (or "YYYY-MM-DD"); "" when not given */
	EX_END,         /* "YYYY-MM", "present", or "" */
	EX_CHALLENGE,
	EX_CONTEXT,
	EX_ACTION,
	EX_RESULT,
	EX_FIELD_COUNT
};

struct example {
	int64_t id;             /* stable across reorders; the database row id */
	int ecq;                /* index into fw->ecqs */
	int position;           /* 0-based order within its ECQ */
	char *field[EX_FIELD_COUNT];    /* never NULL; "" when empty */
	struct strlist competencies;    /* competency names it shows */
	/* The story's other shapes (schema 4). NULL in a project not read
	 * from a file (an import in memory): read them with
	 * project_example_resume() and project_example_card(). */
	char *resume;           /* its résumé line (accomplishment statement) */
	char *card;             /* its spoken version (interview card) */
	int64_t position_id;    /* the position it is listed under; 0: none */
};

/* The fields of a position the writer held (the résumé's work history, as
 * USAJOBS' résumé builder asks for it), in the order the coach shows them. */
enum position_field {
	POS_TITLE,
	POS_ORGANIZATION,
	POS_GRADE,              /* series and grade, e.g. "GS-0343-15" */
	POS_START,              /* "YYYY-MM" */
	POS_END,                /* "YYYY-MM", "present" or "" */
	POS_HOURS,              /* hours per week, e.g. "40" */
	POS_SUPERVISOR,         /* supervisor's name */
	POS_PHONE,              /* supervisor's phone */
	POS_MAY_CONTACT,        /* "yes", "no" or "" (not said) */
	POS_DUTIES,             /* duties in brief */
	POS_FIELD_COUNT
};

struct position {
	int64_t id;             /* the database row id */
	int seq;                /* 0-based order on the résumé (newest first) */
	char *field[POS_FIELD_COUNT];   /* never NULL; "" when empty */
};

/* A reply to a review comment. */
struct comment_reply {
	int64_t id;
	char *uid;              /* unique across copies of the file (merge) */
	char *author;
	char *body;
	char *created;          /* ISO 8601 UTC */
};

/* A review comment on a span of one text (see comments.h). */
struct comment {
	int64_t id;
	char *uid;              /* unique across copies of the file (merge) */
	char *target;           /* revision target, see store.h */
	char *quote;            /* the span of text it is anchored to, as quoted */
	char *before;           /* context before and after the quote when it */
	char *after;            /* was written, for finding it again */
	size_t quote_offset;    /* byte offset of the quote when it was written */
	char *author;
	char *body;
	char *created;          /* ISO 8601 UTC */
	int resolved;
	/* Where the quote is in the target's current text, found on load: */
	bool detached;          /* the text or the quote is gone */
	size_t offset;          /* byte offset and length; 0 when detached */
	size_t length;
	struct comment_reply *replies;  /* oldest first */
	size_t n_replies;
};

struct dismissal {
	char *rule;             /* rule id */
	char *target;           /* revision target the finding was in */
	char *text;             /* the text the finding covered */
};

struct project {
	char *path;             /* the file it was loaded from */
	char *candidate;        /* candidate's full name */
	char *position;         /* position title or announcement number; may be "" */
	char *created;          /* ISO 8601 UTC */
	char *uid;              /* unique per project, kept by copies; "" in
	                         * files made before ecqcoach 0.2 */
	char *modified;         /* ISO 8601 UTC of the last change */
	struct framework *fw;   /* parsed from the project's own snapshot */
	char **intro;           /* [fw->n_ecqs] introduction per ECQ, never NULL;
	                         * NULL-terminated */
	char ***notes;          /* [ecq][question] answer notes, never NULL;
	                         * both levels NULL-terminated */
	char *unsorted;         /* text `import` could not place; may be "" */
	struct example *examples;   /* sorted by ecq, then position */
	size_t n_examples;
	struct strlist words;       /* project dictionary */
	struct dismissal *dismissed;
	size_t n_dismissed;
	struct comment *comments;
	size_t n_comments;
	struct strlist confirmed;   /* checklist lines the user ticked by hand */
	struct position *positions; /* in résumé order */
	size_t n_positions;
};

/* Frees a project and everything in it; accepts NULL. */
void project_free(struct project *p);

/* Frees an array of n comments and their replies; accepts NULL. */
void project_free_comments(struct comment *c, size_t n);

/* Number of examples in ECQ ecq. */
size_t project_count_examples(const struct project *p, int ecq);

/* The i-th (0-based by position) example of ECQ ecq, or NULL. */
const struct example *project_example_at(const struct project *p, int ecq, size_t i);

/* The example with this id, or NULL. */
struct example *project_example_by_id(const struct project *p, int64_t id);

/* Display name of an example field ("Title", "Challenge", ...). */
const char *project_field_name(enum example_field f);

/* The CCAR part an example field holds, or -1 for title and dates. */
int project_field_ccar(enum example_field f);

/* An example's résumé line and card; "" when it has none. */
const char *project_example_resume(const struct example *ex);
const char *project_example_card(const struct example *ex);

/* Display name ("Title", "Series/grade", ...) and revision target name
 * ("title", "grade", ...) of a position field; "?" when out of range. */
const char *project_position_field_name(enum position_field f);
const char *project_position_field_key(enum position_field f);
/* The field a target name names, or -1. */
int project_position_field_parse(const char *key);

/* The position with this id, or NULL. */
const struct position *project_position_by_id(const struct project *p, int64_t id);

#endif
