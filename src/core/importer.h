/* SPDX-License-Identifier: MIT */
/*
 * importer.h: reads a plain-text or Markdown draft and files it into a
 * project through the store: ECQ headings ("ECQ 1: Leading Change",
 * "## Leading Change", "**ECQ 1**"), introductions, examples with titles
 * and dates, CCAR labels (plain, bold or headings). What it cannot place
 * goes to the project's unsorted note. It remembers where every piece of
 * text came from in the draft so findings can be reported there. Prints
 * nothing.
 */
#ifndef ECQ_IMPORTER_H
#define ECQ_IMPORTER_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "framework.h"
#include "store.h"

/* What one recognised line of the draft became. */
enum importer_kind {
	IMPORTER_ECQ,           /* an ECQ heading */
	IMPORTER_INTRO,         /* the first line of an ECQ's introduction */
	IMPORTER_EXAMPLE,       /* an example (heading or implied by a CCAR label) */
	IMPORTER_FIELD,         /* the start of a field: title, dates or a CCAR part */
	IMPORTER_COMPETENCIES,  /* a "Competencies:" line of an example */
	IMPORTER_META,          /* "Name:" or "Position:" */
	IMPORTER_UNSORTED       /* a line that could not be placed */
};

struct importer_item {
	enum importer_kind kind;
	size_t line;            /* 1-based line in the draft */
	int ecq;                /* ECQ index or -1 */
	int64_t example;        /* example id or -1 */
	int field;              /* enum example_field, or -1 */
	char *text;             /* what was recognised: a title, a label, the line */
	bool inferred;          /* IMPORTER_EXAMPLE, IMPORTER_FIELD: found in unlabelled
	                         * prose (a story, a part), not from a heading or label;
	                         * IMPORTER_ECQ: the heading's number names another ECQ
	                         * than its title (field holds the number written) */
};

/* A run of bytes of a stored text copied from the draft. */
struct importer_span {
	size_t off;             /* offset in the stored text */
	size_t src;             /* offset in the draft */
	size_t len;
};

/* field of an importer_source that is a heading: the ECQ's heading (example
 * -1) or the example's heading (example >= 0). */
#define IMPORTER_HEADING (-2)

/* Where one stored text (an intro, an example field) came from. The
 * unsorted note has ecq -1, example -1, field -1. */
struct importer_source {
	int ecq;                /* ECQ index, -1 for the unsorted note */
	int64_t example;        /* -1 for an introduction or an ECQ heading */
	int field;              /* enum example_field; -1 for an introduction;
	                         * IMPORTER_HEADING for a heading line */
	size_t line;            /* 1-based line where it starts (its label or heading) */
	struct importer_span *spans;    /* in order of off */
	size_t n_spans;
};

struct importer_report {
	struct importer_item *items;    /* in draft order */
	size_t n_items;
	struct importer_source *sources;
	size_t n_sources;
	size_t n_ecqs;          /* ECQ headings recognised */
	size_t n_examples;
	size_t n_fields;        /* non-empty fields filled (titles, dates, CCAR) */
	size_t n_unsorted;      /* lines put in the unsorted note */
	size_t n_inferred;      /* CCAR parts found in unlabelled prose */
	size_t invalid_offset;  /* first invalid UTF-8 or NUL byte, or (size_t)-1;
	                         * such bytes are imported as spaces */
};

/* Reads a whole draft file ("-" is standard input) into a new NUL-terminated
 * buffer the caller frees; *len excludes the NUL. ERR_IO names the file and
 * the reason; a draft over BOUNDED_DRAFT_MAX is ERR_FORMAT, refused without
 * reading the rest of it. A Word (.docx, .docm) or OpenDocument (.odt) file,
 * known by its content, comes back as its text (see docx.h); one that is
 * password-protected, damaged or has no body is ERR_FORMAT with a message
 * saying so. */
int importer_read_file(const char *path, char **text, size_t *len, struct error *err);

/* Picks the framework whose ECQ titles the draft's headings match best;
 * a heading's number that agrees with its title counts too, so "ECQ 2:
 * Leading People" is ses-2010, where 2025 has it as ECQ 4 (ties and no
 * match: framework_set_default). *score_out (may be NULL) gets the score,
 * 0 when no heading names an ECQ by its title. Returns NULL only for an
 * empty set. */
const struct framework *importer_guess_framework(const struct framework_set *set,
    const char *text, size_t len, int *score_out);

/* The same, and when another framework's titles match some headings too,
 * *note (the caller frees it) gets a sentence naming the choice, the other
 * framework and --framework; else *note is NULL. */
const struct framework *importer_guess_framework_note(const struct framework_set *set,
    const char *text, size_t len, int *score_out, char **note);

/* Files draft text[0..len) into the (new, empty) project open in st, using
 * the project's framework, as one transaction (store_batch_begin), or
 * inside the caller's batch when one is open. Fills *rep (the caller frees
 * it with importer_report_free, also after a failure). Returns 0, or -1
 * with err set when the store fails (then nothing of the draft is saved;
 * inside the caller's batch, the caller rolls it back) or when the words
 * drafts are read by (dictionaries/import-labels.txt, import-cues.txt,
 * import-title-words.txt; read once a process) cannot be read. */
int importer_import(struct store *st, const char *text, size_t len,
    struct importer_report *rep, struct error *err);

/* Like importer_import, but builds the project in memory, with no file
 * and no revision history: examples get ids 1, 2, ... in draft order, and
 * the project's framework is a copy parsed from fw->text. For checking a
 * draft of any size quickly. On success *out is a project the caller frees
 * with project_free. Returns -1 with err set only when fw->text does not
 * parse or the import word lists cannot be read (as for importer_import). */
int importer_build(const struct framework *fw, const char *text, size_t len,
    struct project **out, struct importer_report *rep, struct error *err);

void importer_report_free(struct importer_report *rep);

/* Maps byte offset off of a stored text back to a byte offset in the
 * draft. The text is named as in struct importer_source: an introduction
 * (ecq, -1, -1), an example field (ecq, id, field), a heading (field
 * IMPORTER_HEADING, off 0) or the unsorted note (-1, -1, -1). An offset past
 * the copied spans lands at the end of the last one. Returns 0, or -1 when
 * that text did not come from the draft; then *src gets the best known
 * place (the example's or ECQ's heading), else 0. */
int importer_locate(const struct importer_report *rep, int ecq, int64_t example,
    int field, size_t off, size_t *src);

/* Human name of an item kind ("ECQ", "example", ...). */
const char *importer_kind_name(enum importer_kind k);

#endif
