/* SPDX-License-Identifier: MIT */
/*
 * layout.h: the one pagination of a narrative (Pango/Cairo). The page meter,
 * the page_limit rule, `check`'s summary.pages and the PDF export all call
 * layout_pages(), so they can never disagree. Pages are US Letter (or A4)
 * with the framework's margins (margin_in, default 1 inch) and font size
 * (font_size_pt, default 12), single spaced as word processors count it
 * (the font's ascent, descent and line gap: 46 lines a Letter page at
 * 12 pt), a blank line between paragraphs, widow and orphan control, and
 * headings and example titles kept with what follows. The header
 * (candidate left, position right, or below when both do not fit) lies in
 * the top margin band 0.5 to 1 inch from the top edge and the footer
 * ("Page N of M", centred) in the bottom band 0.5 to 1 inch from the bottom
 * edge; body text stays inside the margins. Nothing here prints.
 */
#ifndef ECQ_LAYOUT_H
#define ECQ_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "checks.h"
#include "error.h"
#include "project.h"

#define LAYOUT_DEFAULT_FONT "Liberation Serif"

enum layout_paper { LAYOUT_LETTER, LAYOUT_A4 };

struct layout_options {
	enum layout_paper paper;    /* LAYOUT_LETTER unless asked */
	const char *font;           /* family name; NULL: LAYOUT_DEFAULT_FONT */
	int ecq;                    /* only this ECQ index; -1: all */
	bool no_labels;             /* omit "Challenge:" ... labels */
	bool page_per_ecq;          /* start each ECQ on a new page */
	/* Another document through the same pagination (the résumé):
	 * its blocks instead of the narrative's (each block's ecq 0), its
	 * font size and margins instead of the framework's, and a smaller
	 * space between paragraphs. 0 / NULL: the narrative's. */
	const struct layout_blocks *blocks;
	double font_pt;
	double margin_in;
	double gap_lines;           /* space between blocks, in lines (0: 1) */
};

/* Sets the defaults: Letter, Liberation Serif, all ECQs, bold labels,
 * continuous. */
void layout_options_init(struct layout_options *o);

/* Parses "letter" or "a4" (case-insensitive); -1 when unknown. */
int layout_paper_parse(const char *s);

/* ---- the narrative as blocks: the order and content every export shares -- */

enum layout_block_kind {
	LAYOUT_BLOCK_ECQ_HEADING,   /* "ECQ 1: Leading Change" */
	LAYOUT_BLOCK_INTRO,         /* one paragraph of the ECQ's introduction */
	LAYOUT_BLOCK_EXAMPLE_TITLE, /* "Example 1: Title (2019-03 to 2021-06)" */
	LAYOUT_BLOCK_PARAGRAPH      /* one paragraph of a CCAR part */
};

struct layout_block {
	enum layout_block_kind kind;
	int ecq;                    /* ECQ index */
	const char *label;          /* "Challenge" .. on a part's first paragraph
	                             * (static), NULL otherwise or with no_labels */
	char *text;                 /* owned; valid UTF-8, no control characters,
	                             * without the label */
	/* How another document (the résumé, the cards) sets a block; all
	 * zero for the narrative, whose blocks are set as described above. */
	double size_pt;             /* its font size; 0: the document's */
	size_t bold_len;            /* its first bold_len bytes in bold (a whole
	                             * block: strlen(text)); 0: none */
	bool keep;                  /* kept with the next block, as a heading is */
	bool own_space;             /* space_before above it instead of the gap */
	double space_before;        /* points, when own_space */
	double hang_pt;             /* > 0: a hanging indent: the text after its
	                             * first tab and every line after the first
	                             * start hang_pt from the left (a bullet) */
	bool half_start;            /* starts at the top or the middle of a page,
	                             * whichever comes next; a dashed cut line
	                             * marks the middle (two cards a page) */
	bool rule_below;            /* a thin line across the body under it */
};

struct layout_blocks {
	struct layout_block *items;
	size_t n;
};

/* Builds the narrative's blocks from p under o (which ECQs, labels). A
 * field holds one paragraph per line; empty paragraphs are dropped; invalid
 * UTF-8 and control characters are replaced. Never fails (allocation
 * aborts); free with layout_blocks_free. */
void layout_blocks_build(const struct project *p, const struct layout_options *o,
    struct layout_blocks *out);
void layout_blocks_free(struct layout_blocks *b);
/* s as a block's text: valid UTF-8, control characters as spaces, a break
 * opportunity in very long runs, trimmed. Returns a new string. */
char *layout_clean_text(const char *s);

/* ---- pagination ---------------------------------------------------------- */

/* Keeps the Pango context and each ECQ's laid-out paragraphs, keyed by a
 * hash of the ECQ's blocks and the options, so a new layout after an edit
 * only breaks the changed ECQ into lines again. One cache per thread. */
struct layout_cache;

struct layout_cache *layout_cache_new(void);
/* Frees the cache; accepts NULL. Results already returned stay valid. */
void layout_cache_free(struct layout_cache *c);
/* Makes layout_pages through c call cancel(arg) between pieces of work of
 * a few milliseconds each (paragraphs, and pieces of a long one); when it
 * returns true, layout_pages stops and returns -2. The coach uses this to
 * answer a key while a hostile project is laid out. cancel NULL: never. */
void layout_cache_set_cancel(struct layout_cache *c, bool (*cancel)(void *), void *arg);

/* How many ECQs were laid out anew and how many came from the cache since
 * the cache was made (for tests and bench/). */
void layout_cache_stats(const struct layout_cache *c, size_t *laid_out, size_t *reused);
/* How many paragraphs were laid out anew and how many were taken over
 * unchanged from an earlier layout of their ECQ (a changed ECQ lays out
 * only its changed paragraphs; a cancelled layout keeps what it did). */
void layout_cache_para_stats(const struct layout_cache *c, size_t *built, size_t *kept);

struct layout_ecq_pages {
	int first_page;             /* 1-based page its heading is on; 0 if not laid out */
	int last_page;              /* page its last line is on */
	double pages;               /* its share of body height, in pages */
};

struct layout_result {
	int pages;                  /* total pages (at least 1) */
	double used;                /* pages - 1 + share of the last page used */
	double page_width, page_height; /* points */
	double margin;              /* points */
	double font_size;           /* points */
	double line_height;         /* points, the blank line between paragraphs */
	int lines_per_page;         /* whole body lines a page holds */
	int ecq;                    /* the one ECQ laid out (options' ecq), or -1 */
	size_t n_ecqs;              /* = fw->n_ecqs */
	struct layout_ecq_pages *ecqs;  /* [n_ecqs] */
	char *font_used;            /* family fontconfig picked */
	bool font_missing;          /* the requested font is not installed */
	char *warning;              /* e.g. the font substitution; NULL if none */
	int *block_lines;           /* [n_blocks] lines each block was broken
	                             * into, with options' blocks only; else NULL */
	size_t n_blocks;
	/* For a document drawn from several results (the interview cards):
	 * the pages before this one's and the pages of all, for the footer
	 * ("Page N of M"). 0: this result alone. layout_pages sets 0. */
	int page_offset, page_total;
	/* The first page the header band is drawn on (the résumé's first
	 * page has the name in its body). 0 or 1: every page. */
	int header_from_page;
	struct layout_plan *plan;   /* private: placed lines, for layout_draw_page */
};

/* Lays out p under o (NULL: defaults) and fills *r, which the caller frees
 * with layout_result_free. c may be NULL (a temporary cache is used). A
 * missing font is not an error here: another is substituted and r->warning
 * says so. Returns 0, or -1 with err set (ERR_INTERNAL when Pango cannot
 * find any font), or -2 when c's cancel function stopped it. Any field is
 * laid out from its first STORE_MAX_TEXT bytes, so the work is bounded. */
int layout_pages(struct layout_cache *c, const struct project *p,
    const struct layout_options *o, struct layout_result *r, struct error *err);

/* Frees what layout_pages put in r; accepts a zeroed struct. */
void layout_result_free(struct layout_result *r);

/* Draws page (1-based) of r, header and footer included, on cr (a cairo_t *
 * whose unit is the point, origin at the page's top left). header_left and
 * header_right are the header texts (candidate, position); NULL: none.
 * Returns 0, or -1 for a page out of range. */
int layout_draw_page(const struct layout_result *r, int page, void *cr,
    const char *header_left, const char *header_right);

/* ---- the page_limit rule -------------------------------------------------- */

/* Appends page_limit findings (errors) to out when r runs past the
 * framework's max_pages (default 10): one on each ECQ that takes more than
 * its equal share (max_pages / ECQs), or, when none does, one on the ECQ
 * where the limit is crossed; the message gives the pages and the lines to
 * cut. Nothing when within the limit or when r lays out a single ECQ
 * (o->ecq >= 0). */
void layout_page_limit_findings(const struct layout_result *r,
    const struct project *p, struct findings *out);

/* Convenience for the checks engine: lays out p with the default options
 * through c (may be NULL) and appends the page_limit finding if any.
 * *pages_out (may be NULL) gets the page count. Returns 0 or -1 with err. */
int layout_page_limit_check(struct layout_cache *c, const struct project *p,
    struct findings *out, int *pages_out, struct error *err);

#endif
