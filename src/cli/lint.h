/* SPDX-License-Identifier: MIT */
/*
 * lint.h: what `check` shares with `lint` (lint.c). The options both take
 * (--format, --rules, --no-spelling, --fail-on, --list-rules), parsed and
 * documented in one place so both accept and describe them the same way: a
 * command puts RULEOPTS_SHORT and RULEOPTS_LONG first in its getopt_long
 * tables, hands every option to ruleopts_handle and handles what it
 * declines. And the parts of a finding both print the same way: its
 * suggestions as text, the message-to-fix keys of its JSON object, the
 * count per rule, and the tally by severity that decides the exit status.
 * Where a finding is (file, line, ECQ) stays with each command.
 */
#ifndef ECQ_LINT_H
#define ECQ_LINT_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "checker.h"
#include "checks.h"
#include "json.h"

/* What the shared options set. */
struct ruleopts {
	struct checker_options copt;    /* --rules (borrowed from argv), --no-spelling */
	bool json;                      /* --format json */
	int fail_on;                    /* --fail-on: an enum severity (default SEV_WARNING) */
};

/* getopt_long values of the shared options that have no short form; a
 * command numbers its own from RULEOPTS_NEXT. */
enum {
	RULEOPTS_NO_SPELLING = 256,
	RULEOPTS_FAIL_ON,
	RULEOPTS_LIST_RULES,
	RULEOPTS_NEXT
};

/* ruleopts_handle's answers that are not an exit status. */
enum {
	RULEOPTS_TAKEN = -1,            /* a shared option: ro is set, go on */
	RULEOPTS_NOT_MINE = -2          /* not a shared option: the command's own */
};

#define RULEOPTS_SHORT "f:r:"
#define RULEOPTS_LONG \
	{ "format", required_argument, NULL, 'f' }, \
	{ "rules", required_argument, NULL, 'r' }, \
	{ "no-spelling", no_argument, NULL, RULEOPTS_NO_SPELLING }, \
	{ "fail-on", required_argument, NULL, RULEOPTS_FAIL_ON }, \
	{ "list-rules", no_argument, NULL, RULEOPTS_LIST_RULES }

/* The defaults: text, every rule, spelling on, fail on a warning. */
void ruleopts_init(struct ruleopts *ro);

/* Handles option c (getopt_long's answer) of command cmd with its argument
 * arg (optarg, borrowed: it must outlive ro). Returns RULEOPTS_TAKEN,
 * RULEOPTS_NOT_MINE, or an exit status for the command to return at once:
 * EXIT_OK after --list-rules printed the rules, EXIT_USAGE after a bad
 * format or severity was reported. */
int ruleopts_handle(struct ruleopts *ro, const char *cmd, int c, const char *arg);

/* Prints the usage lines of the shared options to stdout, in the layout of
 * the commands' --help. */
void ruleopts_usage(void);

/* Writes the indented "suggestions: a, b" or "suggestion: ..." line of f
 * to out, or nothing when f has none. */
void lint_finding_suggestions(FILE *out, const struct finding *f);

/* Writes the keys message, suggestion, suggestions and fix of f into the
 * JSON object j has open. */
void lint_finding_json_tail(struct json *j, const struct finding *f);

/* Writes the key "rules": an object with the number of findings of each
 * rule found, in the order of checker_rules(). */
void lint_finding_json_rule_counts(struct json *j, const struct findings *fs);

/* Counts the findings of fs by severity into by_sev (zeroed first) and
 * returns EXIT_FINDINGS when one is at least fail_on, else EXIT_OK. */
int lint_finding_tally(const struct findings *fs, int fail_on, size_t by_sev[3]);

#endif
