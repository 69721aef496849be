/* SPDX-License-Identifier: MIT */
/* main.c: global options and dispatch to a subcommand or the coach. */
#include "config.h"

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "tui/tui.h"

static void
usage(void)
{
	const struct cli_command *c;

	printf("Usage: ecqcoach [--guided] FILE.ecq\n"
	    "       ecqcoach COMMAND [OPTIONS] [ARGS]\n"
	    "A writing coach for Senior Executive Service Executive Core Qualification\n"
	    "(ECQ) narratives. With FILE.ecq (created when missing) it opens the\n"
	    "full-screen coach (it needs a terminal; TERM=dumb or a pipe gets exit 3).\n"
	    "  --guided       walk through every ECQ step by step (the default for a\n"
	    "                 new project); NO_COLOR=1 turns colours off\n\n"
	    "Commands:\n");
	for (c = cli_commands(); c->name != NULL; c++)
		printf("  %-11s %s\n", c->name, c->summary);
	printf("\n"
	    "  -h, --help     show this help; 'ecqcoach COMMAND --help' for a command\n"
	    "  -V, --version  show the version\n\n"
	    "Exit status: 0 success, 1 findings (check, lint), 2 usage error,\n"
	    "3 file or data error.\n"
	    "See ecqcoach(1). Report bugs to: %s\n", PACKAGE_BUGREPORT);
}

static void
version(void)
{
	printf("ecqcoach %s\n"
	    "Copyright (C) 2026 the ecqcoach developers. License MIT.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n", PACKAGE_VERSION);
}

/* The full-screen coach on one file. */
static int
open_project(const char *path, bool guided)
{
	struct tui_options opt = { guided };

	return tui_run(path, &opt);
}

int
main(int argc, char **argv)
{
	const struct cli_command *c;

	setlocale(LC_ALL, "");
	if (argc < 2) {
		usage();
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage();
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		version();
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--guided") == 0) {
		if (argc != 3 || argv[2][0] == '-') {
			cli_error(NULL, "--guided needs one FILE.ecq");
			fputs("Try 'ecqcoach --help'.\n", stderr);
			return EXIT_USAGE;
		}
		return open_project(argv[2], true);
	}
	c = cli_find(argv[1]);
	if (c != NULL)
		return c->run(argc - 1, argv + 1);
	if (argv[1][0] == '-') {
		cli_error(NULL, "unknown option '%s'", argv[1]);
		fputs("Try 'ecqcoach --help'.\n", stderr);
		return EXIT_USAGE;
	}
	if (argc > 2) {
		cli_error(NULL, "unknown command '%s'", argv[1]);
		fputs("Try 'ecqcoach --help'.\n", stderr);
		return EXIT_USAGE;
	}
	return open_project(argv[1], false);
}
