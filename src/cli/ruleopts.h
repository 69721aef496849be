/* SPDX-License-Identifier: MIT */
/*
 * ruleopts.h: the options `check` and `lint` share (--format, --rules,
 * --no-spelling, --fail-on, --list-rules), parsed and documented in one
 * place so both commands accept and describe them the same way. A command
 * puts RULEOPTS_SHORT and RULEOPTS_LONG first in its getopt_long tables,
 * hands every option to ruleopts_handle and handles what it declines.
 */
#ifndef ECQ_RULEOPTS_H
#define ECQ_RULEOPTS_H

#include <getopt.h>
#include <stdbool.h>

#include "checker.h"

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

#endif
