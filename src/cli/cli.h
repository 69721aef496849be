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

/* Prints "ecqcoach: MESSAGE" to stderr and returns the exit status for err. */
int cli_fail(const struct error *err);
/* Prints "ecqcoach CMD: MESSAGE\nTry 'ecqcoach CMD --help'." and returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Writes text to f with control characters (other than newline and tab)
 * shown as '?', so data from a project never drives the terminal. */
void cli_put_text(FILE *f, const char *s);

/* Subcommand entry points. */
int cli_new(int argc, char **argv);
int cli_frameworks(int argc, char **argv);
int cli_show(int argc, char **argv);
int cli_export(int argc, char **argv);
int cli_lint(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_import(int argc, char **argv);
int cli_recover(int argc, char **argv);
int cli_history(int argc, char **argv);

#endif
