/* SPDX-License-Identifier: MIT */
/*
 * cli.c: the subcommand table, the shared ways commands fail, and the one
 * way commands print text that came from a file (through core/safetext).
 */
#include "config.h"
#include "cli.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "safetext.h"
#include "xalloc.h"

static const struct cli_command commands[] = {
	{ "new", cli_new, "new FILE.ecq [--framework ID] [--name NAME] [--position TEXT] [--demo] [--shared]",
	  "create a project file" },
	{ "frameworks", cli_frameworks, "frameworks [--verbose | --check DIR]",
	  "list the ECQ frameworks found, or check a folder of them" },
	{ "show", cli_show, "show FILE.ecq [--ecq N]",
	  "print a project as readable text" },
	{ "export", cli_export, "export FILE.ecq -o OUT.pdf|OUT.txt|OUT.md [--ecq N] [--paper letter|a4] ...",
	  "write the narrative (or --resume, --cards) as PDF, text or Markdown" },
	{ "lint", cli_lint, "lint [--format text|json] [--rules LIST] [--no-spelling] [--fail-on SEVERITY] [FILE|-]",
	  "check plain text with the text rules (spelling, voice, plain language...)" },
	{ "check", cli_check, "check FILE.ecq|DRAFT [--format text|json] [--fail-on SEVERITY] [--rules LIST] [--no-spelling]",
	  "run every rule on a project or a draft: a QRB-readiness report" },
	{ "recover", cli_recover, "recover FILE.ecq [--list | --apply] [RESCUE]",
	  "put back text the coach saved to a rescue file when it could not save" },
	{ "import", cli_import, "import DRAFT.txt|DRAFT.md -o FILE.ecq [--framework ID] [--name NAME]",
	  "create a project from a text or Markdown draft" },
	{ "cohort", cli_cohort, "cohort init DIR --roster ROSTER.csv [--framework ID] [--plan PLAN]",
	  "create one project per participant of a workshop roster" },
	{ "report", cli_report, "report DIR|FILE.ecq... [--format text|csv|json] [--sort KEY] [--pages] [--watch]",
	  "one row per participant: where everyone stands (coordinators)" },
	{ "comments", cli_comments, "comments FILE.ecq [--open] [--format text|json] | add FILE.ecq --as NAME ... BODY | merge FROM.ecq INTO.ecq",
	  "list, add or merge review comments" },
	{ "history", cli_history, "history FILE.ecq [--field TARGET | --show ID | --restore ID]",
	  "list, show and restore the earlier versions of each text" },
	{ "handout", cli_handout, "handout FRAMEWORK [-o FILE.pdf] [--paper letter|a4]",
	  "print a framework's definitions and focus questions for a workshop" },
	{ NULL, NULL, NULL, NULL }
};

const struct cli_command *
cli_commands(void)
{
	return commands;
}

const struct cli_command *
cli_find(const char *name)
{
	const struct cli_command *c;

	for (c = commands; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* Filter flags for f: non-ASCII is shown as '?' only on a terminal whose
 * locale is not UTF-8 (a pipe or file gets the UTF-8 as it is). */
static unsigned
cli_flags(FILE *f)
{
	static int utf8 = -1;

	if (utf8 < 0) {
		const char *cs = nl_langinfo(CODESET);

		utf8 = cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
	}
	return !utf8 && isatty(fileno(f)) ? SAFETEXT_ASCII : 0;
}

static void
cli_put(FILE *f, const char *s, size_t n, unsigned flags)
{
	size_t len;
	char *safe = safetext_terminal(s, n, flags | cli_flags(f), &len);

	fwrite(safe, 1, len, f);
	free(safe);
}

/* A newly allocated vprintf result. */
static char * __attribute__((format(printf, 1, 0)))
cli_vformat(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *s;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return xstrdup("");
	s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

void
cli_put_text_n(FILE *f, const char *s, size_t n)
{
	if (s != NULL)
		cli_put(f, s, n, 0);
}

void
cli_put_text(FILE *f, const char *s)
{
	if (s != NULL)
		cli_put(f, s, strlen(s), 0);
}

void
cli_put_line(FILE *f, const char *s)
{
	if (s != NULL)
		cli_put(f, s, strlen(s), SAFETEXT_ONE_LINE);
}

void
cli_put_fix(FILE *f, const char *text, size_t len, const char *fix, size_t off, size_t n)
{
	if (fix == NULL)
		return;
	if (text == NULL || off > len)
		off = len = n = 0;
	if (n > len - off)
		n = len - off;
	fputs("    fix: ", f);
	if (n == 0) {
		fputs("insert '", f);
		cli_put_line(f, fix);
	} else if (*fix == '\0') {
		fputs("delete '", f);
		cli_put(f, text + off, n, SAFETEXT_ONE_LINE);
	} else {
		fputs("replace '", f);
		cli_put(f, text + off, n, SAFETEXT_ONE_LINE);
		fputs("' with '", f);
		cli_put_line(f, fix);
	}
	fputs("'\n", f);
}

int
cli_printf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	char *s;
	size_t n;

	va_start(ap, fmt);
	s = cli_vformat(fmt, ap);
	va_end(ap);
	n = strlen(s);
	cli_put(f, s, n, 0);
	free(s);
	return ferror(f) ? -1 : (int)n;
}

static void __attribute__((format(printf, 2, 0)))
cli_verror(const char *cmd, const char *fmt, va_list ap)
{
	char *msg = cli_vformat(fmt, ap);

	fputs(cmd != NULL ? "ecqcoach " : "ecqcoach", stderr);
	if (cmd != NULL)
		cli_put(stderr, cmd, strlen(cmd), SAFETEXT_ONE_LINE);
	fputs(": ", stderr);
	cli_put(stderr, msg, strlen(msg), SAFETEXT_ONE_LINE);
	fputc('\n', stderr);
	free(msg);
}

void
cli_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_verror(cmd, fmt, ap);
	va_end(ap);
}

int
cli_fail(const struct error *err)
{
	cli_error(NULL, "%s", err->msg[0] ? err->msg : "unknown error");
	return err->code == ERR_USAGE ? EXIT_USAGE : EXIT_DATA;
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_verror(cmd, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try 'ecqcoach %s --help'.\n", cmd);
	return EXIT_USAGE;
}
