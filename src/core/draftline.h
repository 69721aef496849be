/* SPDX-License-Identifier: MIT */
/*
 * draftline.h: the classification of one line of a plain-text or Markdown
 * ECQ draft, for the importer (importer.c is its only user). Offsets are
 * bytes into the line. Prints nothing.
 */
#ifndef ECQ_DRAFTLINE_H
#define ECQ_DRAFTLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "framework.h"

/* What a word of dictionaries/import-labels.txt or import-cues.txt names. */
enum draftline_role {
	DRAFTLINE_W_CHALLENGE,  /* labels: the CCAR parts, in EX_ order */
	DRAFTLINE_W_CONTEXT,
	DRAFTLINE_W_ACTION,
	DRAFTLINE_W_RESULT,
	DRAFTLINE_W_INTRO,      /* labels: an introduction heading */
	DRAFTLINE_W_EXAMPLE,    /* labels: the word opening an example heading */
	DRAFTLINE_W_COMPETENCIES,       /* labels: "Word:" lines */
	DRAFTLINE_W_NAME,
	DRAFTLINE_W_POSITION,
	DRAFTLINE_W_TITLE,
	DRAFTLINE_W_DATES,
	DRAFTLINE_W_RESULT_CUE, /* cues: opens a paragraph that reports outcomes */
	DRAFTLINE_W_TIME_CUE,   /* cues: opens a paragraph that says when */
	DRAFTLINE_W_ACTION_CUE, /* cues: the writer acting, among the first words */
	DRAFTLINE_W_TITLE_WORD, /* import-title-words.txt */
	DRAFTLINE_W_COUNT
};

/* The words drafts are read by, from dictionaries/import-labels.txt,
 * import-cues.txt and import-title-words.txt. */
struct draftline_words;

/* Loads the three lists from dict_dir (the folder that holds them).
 * Returns 0, or -1 with err set: ERR_IO when a file cannot be read,
 * ERR_FORMAT naming the file and the entry when an entry names no known
 * part or cue. The caller frees *out with draftline_words_free. */
int draftline_words_load(const char *dict_dir, struct draftline_words **out,
    struct error *err);
void draftline_words_free(struct draftline_words *w);

/* The words of a role, lower case, multi-word entries joined by one space;
 * a NULL-terminated array borrowed from w. */
const char *const *draftline_words_of(const struct draftline_words *w,
    enum draftline_role role);

enum draftline_kind {
	DRAFTLINE_BLANK,
	DRAFTLINE_RULE,         /* ---, ===, *** (and setext underlines) */
	DRAFTLINE_ECQ,
	DRAFTLINE_EXAMPLE,      /* "Example 1: ..." or a heading inside an ECQ */
	DRAFTLINE_LABEL,        /* Challenge/Context/Action/Result */
	DRAFTLINE_INTRO,        /* an "Introduction" heading */
	DRAFTLINE_TITLE,        /* "Title: ..." */
	DRAFTLINE_DATES,        /* "Dates: ..." or a line that is only a date range */
	DRAFTLINE_COMPETENCIES,
	DRAFTLINE_META,         /* "Name:", "Position:" */
	DRAFTLINE_TEXT
};

struct draftline {
	enum draftline_kind kind;
	int ecq;                /* DRAFTLINE_ECQ: the index, or -1 when not found */
	bool by_title;          /* DRAFTLINE_ECQ: the title matched (not only the number) */
	int number;             /* DRAFTLINE_ECQ: the number written ("ECQ 3"), or 0 */
	int field;              /* DRAFTLINE_LABEL: EX_CHALLENGE..EX_RESULT; DRAFTLINE_META: 0 name, 1 position */
	bool heading;           /* a heading or a line in bold */
	size_t rest;            /* offset in the line of the text after the label */
	size_t title_off, title_len;    /* DRAFTLINE_EXAMPLE/DRAFTLINE_TITLE: the title in the line */
	size_t dates_off;       /* offset of the dates in the line, if any */
	bool has_dates;
	char start[16], end[16];
};

/* Classifies line[0..len) (no line end). in_ecq: an ECQ heading came
 * before, so headings may be examples; next_is_underline: the next line is
 * "===" or "---", which makes this one a heading. w: the label words
 * (borrowed). */
void draftline_classify(const struct framework *fw, const struct draftline_words *w,
    const char *line, size_t len, bool in_ecq, bool next_is_underline, struct draftline *c);

/* True for a line of three or more '=', '-', '*' or '_' (a rule or a
 * Setext underline). */
bool draftline_underline(const char *s, size_t len);

/* Lower-cased letters and digits of s with single spaces between words and
 * "&" read as "and", so "Results-Driven" and "results driven" meet. The
 * caller frees the result. */
char *draftline_normalize(const char *s);

/* True when the line is a heading that names an ECQ of fw by its title
 * (not only by number); *ecq gets its index and *number the number written
 * with it ("ECQ 2: Leading People"), or 0. For guessing the framework. */
bool draftline_names_ecq(const struct framework *fw, const char *line, size_t len, int *ecq,
    int *number);

/* True when s (past its indent) opens a list item: a bullet ("-", "*",
 * "+", "•", "–", "—", "◦", "▪") or a number or letter ("1.", "12)", "a)",
 * "(b)") followed by a space or tab. A list item is a paragraph of its own. */
bool draftline_list_item(const char *s);

/* Blank within a line: space, tab, CR, FF, VT (a draft's line ends are
 * already split off). */
bool draftline_is_space(char c);
/* s past its leading blanks. */
const char *draftline_skip_spaces(const char *s);
/* Case-insensitive ASCII prefix test; the length matched, or 0. */
size_t draftline_prefix(const char *s, const char *pre);

#endif
