/* SPDX-License-Identifier: MIT */
/* cli.c: the subcommand table and the shared ways commands fail. */
#include "config.h"
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct cli_command commands[] = {
	{ "new", cli_new, "new FILE.ecq [--framework ID] [--name NAME] [--position TEXT] [--demo]",
	  "create a project file" },
	{ "frameworks", cli_frameworks, "frameworks [--verbose]",
	  "list the ECQ frameworks found" },
	{ "show", cli_show, "show FILE.ecq [--ecq N]",
	  "print a project as readable text" },
	{ "export", cli_export, "export FILE.ecq -o OUT.pdf|OUT.txt|OUT.md [--ecq N] [--paper letter|a4] ...",
	  "write the narrative as PDF, text or Markdown" },
	{ "lint", cli_lint, "lint [--format text|json] [--rules LIST] [--no-spelling] [--fail-on SEVERITY] [FILE|-]",
	  "check plain text with the text rules (spelling, voice, plain language...)" },
	{ "check", cli_check, "check FILE.ecq|DRAFT [--format text|json] [--fail-on SEVERITY] [--rules LIST] [--no-spelling]",
	  "run every rule on a project or a draft: a QRB-readiness report" },
	{ "recover", cli_recover, "recover FILE.ecq [--list | --apply] [RESCUE]",
	  "put back text the coach saved to a rescue file when it could not save" },
	{ "import", cli_import, "import DRAFT.txt|DRAFT.md -o FILE.ecq [--framework ID] [--name NAME]",
	  "create a project from a text or Markdown draft" },
	{ "history", cli_history, "history FILE.ecq [--field TARGET | --show ID | --restore ID]",
	  "list, show and restore the earlier versions of each text" },
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

int
cli_fail(const struct error *err)
{
	fprintf(stderr, "ecqcoach: %s\n", err->msg[0] ? err->msg : "unknown error");
	return err->code == ERR_USAGE ? EXIT_USAGE : EXIT_DATA;
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "ecqcoach %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'ecqcoach %s --help'.\n", cmd);
	return EXIT_USAGE;
}

void
cli_put_text(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		/* C1 controls are U+0080..U+009F, encoded 0xC2 0x80..0x9F. */
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			fputc('?', f);
			p++;
		} else if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7F)
			fputc('?', f);
		else
			fputc(*p, f);
	}
}
