/* SPDX-License-Identifier: MIT */
/*
 * project_run.h: one run of the project rules, shared by project_rules.c
 * (the rule table, the run, emitting findings, the words of a text) and the
 * files that hold the rules themselves: similarity.c (duplicate_example),
 * example_dates.c (example_too_old and missing dates), definition.c
 * (definition_included), parts.c (missing_part, unquantified_result,
 * competency_coverage) and proportions.c (too_many_examples,
 * intro_too_long, word_budget). Not for use outside them; the public API
 * is project_rules.h.
 */
#ifndef ECQ_PROJECT_RUN_H
#define ECQ_PROJECT_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "checks.h"
#include "framework.h"
#include "project.h"
#include "wordlist.h"

/* What one run reads and where its findings go; all borrowed. */
struct run {
	const struct project *p;
	const struct framework *fw;     /* p->fw */
	const struct wordlists *lists;  /* may be NULL */
	time_t now;                     /* "today" for example_too_old */
	struct findings *out;
};

/* field value for an ECQ introduction in struct where (reported as -1). */
enum { FIELD_INTRO = -2 };

/* Where a finding points. */
struct where {
	int ecq;
	int64_t example;
	int field;              /* enum example_field, FIELD_INTRO or -1 */
	size_t offset, length;
};

/* The lower-cased word and number tokens of a text, with their offsets. */
struct words {
	char **w;
	size_t *off, *len;
	size_t n;
};

/* ---- project_rules.c ---- */

/* Appends a finding of rule (static storage) at w to out; the message is
 * formatted from fmt, suggestion is borrowed for the call (findings_add
 * copies both). The target is derived from w. */
void project_rules_emit(struct findings *out, const char *rule, enum severity sev,
    const struct where *w, const char *suggestion, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Fills ws with the words of text (at most STORE_MAX_TEXT bytes); free
 * with project_rules_words_free. */
void project_rules_words(const char *text, struct words *ws);
void project_rules_words_free(struct words *ws);

/* hash_bytes() of a NUL-terminated string. */
uint64_t project_rules_hash(const char *s);

/* True when s holds nothing but white space. */
bool project_rules_blank(const char *s);

/* The title of ECQ ecq of the run's framework, or "?". */
const char *project_rules_ecq_title(const struct run *r, int ecq);

/* ---- the rules, in the order project_rules_run calls them ---- */

/* parts.c: unquantified_result. */
void parts_check_unquantified(const struct run *r);
/* proportions.c: too_many_examples. */
void proportions_check_too_many(const struct run *r);
/* similarity.c: duplicate_example. */
void similarity_check_duplicates(const struct run *r);
/* example_dates.c: example_too_old, and missing_part for missing dates. */
void example_dates_check(const struct run *r);
/* proportions.c: intro_too_long. */
void proportions_check_intro(const struct run *r);
/* definition.c: definition_included. */
void definition_check(const struct run *r);
/* parts.c: missing_part (no example, title or CCAR part). */
void parts_check_missing(const struct run *r);
/* parts.c: competency_coverage. */
void parts_check_coverage(const struct run *r);
/* proportions.c: word_budget. */
void proportions_check_budget(const struct run *r);

#endif
