/* SPDX-License-Identifier: MIT */
/*
 * importer_parse.h: the draft as the importer parses it, before it is
 * written, shared by importer.c (lines, labels, headings, writing) and
 * importer_prose.c (prose with no labels). Not for use outside them.
 */
#ifndef ECQ_IMPORTER_PARSE_H
#define ECQ_IMPORTER_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "draftline.h"
#include "framework.h"
#include "importer.h"
#include "project.h"
#include "strbuf.h"

/* ---- the draft as parsed, before it is written -------------------------- */

/* A text being assembled, with the spans it came from. */
struct piece {
	struct strbuf text;
	struct importer_span *spans;
	size_t n_spans;
	size_t line;            /* where it starts (label or first line) */
	bool para_break;        /* a blank line since the last text */
};

struct pexample {
	int ecq;
	struct piece field[EX_FIELD_COUNT];
	struct piece heading;   /* span of the heading line */
	struct strlist competencies;
	int64_t id;
	int last_label;         /* last CCAR field labelled, or -1 */
};

struct parse {
	const struct framework *fw;
	const struct draftline_words *words;    /* dictionaries/import-*.txt */
	const char *text;
	struct piece *intro;    /* [n_ecqs] */
	struct piece *ecq_heading;  /* [n_ecqs] */
	struct pexample *ex;
	size_t n_ex;
	struct piece unsorted;
	size_t last_unsorted;   /* line of the last unsorted line */
	char *clean;            /* the sanitized draft that text points to */
	char *candidate, *position;
	struct importer_report *rep;
	/* Prose with no label yet, kept until it is known what it is: an ECQ's
	 * opening and stories, or the parts of an example with a heading. */
	struct pline *pend;
	size_t n_pend;
	int pend_ecq;
	long pend_ex;           /* the example it belongs to, or -1 (an ECQ's prose) */
	bool pend_break;        /* a blank line since the last pending line */
};

/* One line of pending prose. */
struct pline {
	size_t line, off, len;
	bool para;              /* starts a paragraph (after a blank, or a list item) */
	bool list;              /* a list item */
};

/* ---- importer.c ---- */
/* Appends text (from the draft at src, len bytes) to p, as a new paragraph
 * when new_para. */
void importer_piece_add(struct piece *p, size_t line, const char *text, size_t src, size_t len,
    bool new_para);
/* Adds an item to the import report. */
void importer_item(struct parse *ps, enum importer_kind kind, size_t line, int ecq, int64_t ex,
    int field, const char *text, size_t len);
/* Starts an example in ECQ ecq; returns its index in ps->ex. */
size_t importer_new_example(struct parse *ps, int ecq, size_t line, size_t heading_src);
/* The report's id for the example at idx until it is written. */
int64_t importer_pending_id(size_t idx);

/* ---- importer_prose.c: prose with no labels ---- */
/* Keeps a line of unlabelled prose until it is known what it is. */
void importer_prose_line(struct parse *ps, int ecq, long ex, size_t lineno, size_t off,
    size_t len, bool list);
/* Moves pending lines [a, b) into p. */
void importer_prose_into(struct parse *ps, size_t a, size_t b, struct piece *p);
/* Places the pending prose: an ECQ's opening and its stories (when
 * stories_ok), or the parts of the example it belongs to. */
void importer_prose_flush(struct parse *ps, bool stories_ok);

#endif
