/* SPDX-License-Identifier: MIT */
/*
 * resume_rules.h: the résumé-mode rules (first_person, action_verb,
 * unquantified_result, resume_length) on one résumé line. The engine's
 * text rules that apply to a résumé line too (we_voice, passive,
 * bureaucratic...) run through checker.h; resume.h joins both.
 */
#ifndef ECQ_RESUME_RULES_H
#define ECQ_RESUME_RULES_H

#include <stdint.h>

#include "checker.h"
#include "checks.h"
#include "wordlist.h"

/* Where a résumé line is, for its findings. */
struct resume_rule_ctx {
	int ecq;                /* its example's ECQ */
	int64_t example;        /* its example's id */
	const char *target;     /* "example.<id>.resume"; borrowed */
	int max_lines;          /* the framework's resume_line_lines */
	/* Whether a word is English (the speller), to read "Manage" as the
	 * present tense of "managed"; NULL: no speller, only the lists. */
	bool (*known)(void *arg, const char *word);
	void *known_arg;
};

/* Appends the résumé-mode findings for text (one résumé line, laid out in
 * lines lines; -1 when not laid out) to out. lists (may be NULL) holds the
 * resume-verbs, resume-weak-starts and quantity-words lists. */
void resume_rules_check(const char *text, int lines, const struct resume_rule_ctx *c,
    const struct wordlists *lists, struct findings *out);

/* The résumé-mode rule ids with their summaries, NULL-terminated. */
const struct rule_info *resume_rules_info(void);

#endif
