/* SPDX-License-Identifier: MIT */
/*
 * resume.h: the résumé, a second shape of the project's stories: each
 * example's résumé line (an accomplishment statement) under the position
 * it comes from, the positions with their duties, the ECQs it shows, its
 * pages through the narrative's layout engine (layout.h) and its export
 * as PDF, plain text for USAJOBS' résumé builder, or Markdown. Nothing
 * here prints.
 */
#ifndef ECQ_RESUME_H
#define ECQ_RESUME_H

#include <stdbool.h>
#include <stddef.h>

#include "checker.h"
#include "checks.h"
#include "error.h"
#include "export.h"
#include "layout.h"
#include "project.h"
#include "store.h"

/* The page settings a project keeps (setting table: "resume.margin_in",
 * "resume.font_pt"), within what USAJOBS and résumé writers advise. */
#define RESUME_MARGIN_MIN 0.5
#define RESUME_MARGIN_MAX 1.0
#define RESUME_FONT_MIN 10.0
#define RESUME_FONT_MAX 12.0
/* The characters a work experience's text may have in USAJOBS' résumé
 * builder, when the framework gives none ([documents] resume_field_chars). */
#define RESUME_FIELD_CHARS 5000

/* The résumé's font unless --font names another: a sans-serif, as USAJOBS
 * advises (Liberation Sans has Arial's metrics; Debian fonts-liberation2),
 * with the name and section headings at USAJOBS' 14 pt for titles. */
#define RESUME_DEFAULT_FONT "Liberation Sans"
#define RESUME_HEADING_PT 14.0

struct resume_settings {
	double margin_in;       /* 0.5 to 1 */
	double font_pt;         /* 10 to 12: the body text */
	char contact[256];      /* the line under the name ("resume.contact",
	                         * else "candidate.email"); "" when none */
};

/* Defaults: USAJOBS' advice, 0.5-inch margins and 10 pt text, no contact. */
void resume_settings_default(struct resume_settings *s);
/* Parses margin ("0.75") and font ("11"); either may be NULL (keeps what
 * s has). ERR_USAGE naming the range when out of it. */
int resume_settings_parse(const char *margin, const char *font, struct resume_settings *s,
    struct error *err);
/* The project's settings (defaults for any unset or out of range) and its
 * contact line. */
void resume_settings_load(const struct store *st, struct resume_settings *s);
int resume_settings_save(struct store *st, const struct resume_settings *s, struct error *err);

/* A first draft of ex's résumé line from its Challenge, Action and Result,
 * in whole clauses (cut only at commas, semicolons and colons, never inside
 * a list), so every figure keeps its unit: the verb of the action's first
 * "I <verb>" that action_verb takes first, the challenge as a "when"
 * clause when it adds a figure the result lacks, then the result as a
 * sentence; no first-person word ("my" and "our" become "the"). A result
 * with no figure ends in a bracketed note to add one. About three lines
 * at most as laid out. Reads dictionaries/ (resume-verbs,
 * resume-weak-starts, quantity-words) when it can. Never NULL; "" when
 * the example has no text. Caller frees. */
char *resume_draft(const struct example *ex);

/* The résumé as blocks for layout.h (every block in group 0). ex_block
 * (may be NULL) gets, for each p->examples[i], the block index of its line
 * or SIZE_MAX when it is not on the résumé. Free with layout_blocks_free. */
void resume_blocks_build(const struct project *p, struct layout_blocks *out, size_t *ex_block);

/* Lays the résumé out under s in font (NULL: RESUME_DEFAULT_FONT): the
 * name and contact line, then each position with its résumé lines as
 * bullets. The header band (name, position) is drawn from page 2 on
 * (r->header_from_page). *lines (may be
 * NULL; caller frees) gets per p->examples[i] the lines of its résumé
 * line, 0 when it has none. Returns as layout_pages. */
int resume_layout(struct layout_cache *c, const struct project *p,
    const struct resume_settings *s, const char *font, struct layout_result *r,
    int **lines, struct error *err);

/* Which ECQs the résumé shows (an example of it has a résumé line):
 * shown[fw->n_ecqs]; returns how many. */
size_t resume_coverage(const struct project *p, bool *shown);
/* "Shows ECQ 1, 2, 4; lacks 3 (Merit and Competence), 5 (...)". Caller frees. */
char *resume_coverage_line(const struct project *p);

/* The page meter: "1.6 of 2 pages" and, when over, what to cut ("cut about
 * 9 lines: the longest lines are ..."). Caller frees. */
char *resume_meter(const struct project *p, const struct layout_result *r, const int *lines);

/* Checks one résumé line of ex (text, laid out in lines lines, -1 when not
 * known) with the engine's rules that apply to it (spelling, we_voice,
 * passive, bureaucratic, vague, political, grammar) and the résumé-mode
 * rules (resume_rules.h). ck may be NULL (the résumé-mode rules only). */
void resume_check_line(struct checker *ck, const struct project *p, const struct example *ex,
    const char *text, int lines, struct findings *out);
/* Every résumé line of p and the coverage (missing ECQs), and USAJOBS'
 * character limit per position: findings into out. lines as from
 * resume_layout (may be NULL). */
void resume_check(struct checker *ck, const struct project *p, const int *lines,
    struct findings *out);

/* The text of pos's duties box in USAJOBS' résumé builder, ready to
 * paste: its duties, a blank line, then "- " and each résumé line listed
 * under it with its "(ECQ n)" tag, one a line. pos NULL: the lines under
 * no position. Caller frees. */
char *resume_usajobs_block(const struct project *p, const struct position *pos);
/* The characters (not bytes) of resume_usajobs_block(p, pos), the count
 * checked against the framework's resume_field_chars. */
size_t resume_usajobs_chars(const struct project *p, const struct position *pos);
/* resume_length on every résumé line of p, laid out under s (NULL: the
 * defaults) through c (may be NULL), when the framework asks for a résumé:
 * what checker_check_project cannot give without the layout. Returns 0,
 * or as resume_layout (nothing added). */
int resume_length_check(struct layout_cache *c, const struct project *p,
    const struct resume_settings *s, struct findings *out, struct error *err);

/* Renders the résumé: PDF (the layout above), text for USAJOBS' builder
 * (the name, then per position its form fields and its duties box with
 * the character count and limit; o->width applies) or Markdown.
 * o->layout.font is the font (NULL: RESUME_DEFAULT_FONT). */
int resume_render(struct layout_cache *c, const struct project *p,
    const struct resume_settings *s, enum export_format fmt,
    const struct export_options *o, struct export_output *out, struct error *err);

#endif
