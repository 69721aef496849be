/* SPDX-License-Identifier: MIT */
/*
 * project_rules.h: the rules that need a whole narrative rather than one
 * piece of text (unquantified_result, too_many_examples, duplicate_example,
 * example_too_old, intro_too_long, definition_included, missing_part,
 * competency_coverage, word_budget). Limits come from the project's own
 * framework ([rules]). Like every rule: prints nothing, keeps no state.
 */
#ifndef ECQ_PROJECT_RULES_H
#define ECQ_PROJECT_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "checker.h"
#include "checks.h"
#include "project.h"
#include "wordlist.h"

/* Runs every project rule on p (limits from p->fw) and appends findings
 * (unsorted; the caller sorts and drops dismissed ones). Each finding
 * carries ecq, example, field and target; offset/length point into the
 * field's text when the rule names a span, else length is 0. lists gives
 * the dictionaries/ lists "stopwords" (ignored by duplicate_example) and
 * "quantity-words" (words that quantify: "twelve", "half"); may be NULL.
 * now is "today" for example_too_old; 0 means $ECQCOACH_TODAY (YYYY-MM-DD)
 * when set, else the clock. All borrowed. */
void project_rules_run(const struct project *p, const struct wordlists *lists,
    time_t now, struct findings *out);

/* The project rules with severity and one-line summary, terminated by an
 * entry whose id is NULL (for checker_rules()). Static storage. */
const struct rule_info *project_rules_info(void);

/* Similarity of two example texts, 0..1: the share of the shorter one's
 * content words (stems of the words not in "stopwords") that the other
 * shares, each word weighted by its rarity across the examples compared
 * (here the two) and three times more when it holds a digit.
 * duplicate_example measures it across all examples of a project and
 * compares it with duplicate_similarity. */
double project_rules_similarity(const char *a, const char *b,
    const struct wordlists *lists);

/* True when text holds a quantity: a number, percentage, amount of money,
 * time span or a number written as a word ("twelve", "half", "doubled",
 * from the "quantity-words" list of lists, which may be NULL). Digits that
 * name rather than measure are none: years ("in 2023"), identifiers
 * ("GS-15", "FY24"), numbered names and dates ("Section 508", "March 15"). */
bool project_rules_has_quantity(const char *text, const struct wordlists *lists);

/* Reads a date as users write it: "2021-03", "2021-03-15", "03/2021",
 * "3/15/2021", "March 2021", "Mar. 2021", "2021". Returns 1 and sets *year and
 * *month (1..12; 0 when only a year is given); returns 0 for "present",
 * "current", "now", "ongoing", "today"; returns -1 when it cannot be read. */
int project_rules_parse_date(const char *s, int *year, int *month);

#endif
