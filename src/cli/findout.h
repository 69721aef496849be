/* SPDX-License-Identifier: MIT */
/*
 * findout.h: the parts of a finding `check` and `lint` print the same way:
 * its suggestions as text, the message-to-fix keys of its JSON object, the
 * count per rule, and the tally by severity that decides the exit status.
 * Where a finding is (file, line, ECQ) stays with each command.
 */
#ifndef ECQ_FINDOUT_H
#define ECQ_FINDOUT_H

#include <stddef.h>
#include <stdio.h>

#include "checks.h"
#include "json.h"

/* Writes the indented "suggestions: a, b" or "suggestion: ..." line of f
 * to out, or nothing when f has none. */
void findout_suggestions(FILE *out, const struct finding *f);

/* Writes the keys message, suggestion, suggestions and fix of f into the
 * JSON object j has open. */
void findout_json_tail(struct json *j, const struct finding *f);

/* Writes the key "rules": an object with the number of findings of each
 * rule found, in the order of checker_rules(). */
void findout_json_rule_counts(struct json *j, const struct findings *fs);

/* Counts the findings of fs by severity into by_sev (zeroed first) and
 * returns EXIT_FINDINGS when one is at least fail_on, else EXIT_OK. */
int findout_tally(const struct findings *fs, int fail_on, size_t by_sev[3]);

#endif
