/* SPDX-License-Identifier: MIT */
/*
 * cli.h: the subcommands. Each lives in its own file and is listed in the
 * table in cli.c. They print to stdout/stderr and return an exit status.
 */
#ifndef ECQ_CLI_H
#define ECQ_CLI_H

#include <stdio.h>

#include "error.h"

/* Exit statuses (ecqcoach(1)). */
enum {
	EXIT_OK = 0,
	EXIT_FINDINGS = 1,      /* check/lint found something at the chosen severity */
	EXIT_USAGE = 2,
	EXIT_DATA = 3           /* a file or data error */
};

struct cli_command {
	const char *name;
	int (*run)(int argc, char **argv);      /* argv[0] is the command name */
	const char *synopsis;                   /* for --help */
	const char *summary;
};

/* The command with this name, or NULL. */
const struct cli_command *cli_find(const char *name);
/* All commands, terminated by an entry with name NULL. */
const struct cli_command *cli_commands(void);

/*
 * Output. Every string that comes from a file (project, framework, draft,
 * word list) or from the command line goes to stdout/stderr through these,
 * which pass it through the one terminal filter (core/safetext.h): control
 * characters, C1 controls, bidi overrides and invalid UTF-8 are shown as
 * '?', never raw. In a locale that is not UTF-8, on a terminal, any
 * non-ASCII character is shown as '?' as well.
 */

/* Writes s (NULL: nothing) to f through the filter; newline and tab kept. */
void cli_put_text(FILE *f, const char *s);
/* The same for s[0..n) (NUL bytes are shown as '?'). */
void cli_put_text_n(FILE *f, const char *s, size_t n);
/* Writes s (NULL: nothing) to f as part of one line: newline and tab are
 * shown as '?' too (a finding, a file name). */
void cli_put_line(FILE *f, const char *s);
/* Writes the "    fix: ..." line of a finding that has a machine fix:
 * replace bytes [off, off + n) of text[0..len) by fix ("replace 'OMB'
 * with 'Office of Management and Budget (OMB)'", "insert ...", "delete
 * ..."), through the filter. Nothing when fix is NULL. */
void cli_put_fix(FILE *f, const char *text, size_t len, const char *fix, size_t off, size_t n);
/* printf to f, the whole formatted text through the filter (newline and
 * tab kept). Returns the length formatted, or -1 after a write error. */
int cli_printf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints "ecqcoach CMD: MESSAGE\n" (CMD NULL: "ecqcoach: MESSAGE") to
 * stderr as one line: the message goes through the filter with newlines
 * and tabs shown as '?' too. */
void cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints "ecqcoach: MESSAGE" (one filtered line) to stderr and returns the
 * exit status for err. */
int cli_fail(const struct error *err);
/* Prints "ecqcoach CMD: MESSAGE\nTry 'ecqcoach CMD --help'." (the message
 * filtered as by cli_error) and returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Subcommand entry points. */
int cli_new(int argc, char **argv);
int cli_frameworks(int argc, char **argv);
int cli_show(int argc, char **argv);
int cli_export(int argc, char **argv);
int cli_lint(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_import(int argc, char **argv);
int cli_recover(int argc, char **argv);
int cli_cohort(int argc, char **argv);
int cli_report(int argc, char **argv);
int cli_comments(int argc, char **argv);
int cli_history(int argc, char **argv);
int cli_handout(int argc, char **argv);

#endif
