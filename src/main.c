/* SPDX-License-Identifier: MIT */
/* main.c: global options and dispatch to a subcommand or the coach. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "paths.h"
#include "tui/tui.h"

static void
usage(void)
{
	const struct cli_command *c;

	printf("Usage: ecqcoach [--prompts DIR] [--guided] FILE.ecq\n"
	    "       ecqcoach [--prompts DIR] COMMAND [OPTIONS] [ARGS]\n"
	    "A writing coach for Senior Executive Service Executive Core Qualification\n"
	    "(ECQ) narratives. With FILE.ecq (created when missing) it opens the\n"
	    "full-screen coach (it needs a terminal; TERM=dumb or a pipe gets exit 3).\n"
	    "  --guided       walk through every ECQ step by step (the default for a\n"
	    "                 new project); NO_COLOR=1 turns colours off\n"
	    "  --prompts DIR  read frameworks from DIR too (before the command); one\n"
	    "                 with the id of a shipped framework replaces it\n\n"
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

/* Edit distance between a and b (short words only), for "did you mean". */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, prev, cur, up;
	size_t row[32];

	if (la >= 32 || lb >= 32)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			up = row[j];
			cur = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < cur)
				cur = row[j] + 1;
			if (row[j - 1] + 1 < cur)
				cur = row[j - 1] + 1;
			row[j] = cur;
			prev = up;
		}
	}
	return row[lb];
}

/* A word that is not a command: the nearest command, or NULL. */
static const char *
nearest_command(const char *word)
{
	const struct cli_command *c;
	const char *best = NULL;
	size_t d, best_d = 3;

	for (c = cli_commands(); c->name != NULL; c++) {
		d = distance(word, c->name);
		if (d < best_d || (strlen(word) >= 3 && strncmp(c->name, word, strlen(word)) == 0 &&
		    best == NULL)) {
			best = c->name;
			best_d = d;
		}
	}
	return best;
}

/* True when word names a project rather than a command: an existing file, a
 * name ending in .ecq, or a path. */
static bool
is_project_word(const char *word)
{
	size_t n = strlen(word);

	return access(word, F_OK) == 0 || strchr(word, '/') != NULL ||
	    (n > 4 && strcmp(word + n - 4, ".ecq") == 0);
}

static int
unknown_command(const char *word)
{
	const char *near = nearest_command(word);

	if (near != NULL)
		cli_error(NULL, "unknown command '%s'; did you mean '%s'?", word, near);
	else
		cli_error(NULL, "unknown command '%s'", word);
	fprintf(stderr, "To open or create a project, name it FILE.ecq. Try 'ecqcoach --help'.\n");
	return EXIT_USAGE;
}

int
main(int argc, char **argv)
{
	const struct cli_command *c;
	struct stat st;
	bool guided = false;
	int i = 1;

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
	/* Global options, before the command or the file. */
	while (i < argc && argv[i][0] == '-') {
		const char *dir = NULL;

		if (strcmp(argv[i], "--guided") == 0) {
			guided = true;
			i++;
			continue;
		}
		if (strncmp(argv[i], "--prompts=", 10) == 0)
			dir = argv[i] + 10;
		else if (strcmp(argv[i], "--prompts") == 0) {
			if (i + 1 >= argc || argv[i + 1][0] == '\0') {
				cli_error(NULL, "--prompts needs a folder of frameworks");
				fputs("Try 'ecqcoach --help'.\n", stderr);
				return EXIT_USAGE;
			}
			dir = argv[++i];
		} else
			break;
		if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			cli_error(NULL, "--prompts: cannot use the folder %s: %s", dir,
			    stat(dir, &st) != 0 ? strerror(errno) : "not a folder");
			return EXIT_DATA;
		}
		paths_set_prompts(dir);
		i++;
	}
	if (guided) {
		if (argc - i != 1 || argv[i][0] == '-') {
			cli_error(NULL, "--guided needs one FILE.ecq");
			fputs("Try 'ecqcoach --help'.\n", stderr);
			return EXIT_USAGE;
		}
		return open_project(argv[i], true);
	}
	if (i >= argc) {
		cli_error(NULL, "missing a command or FILE.ecq");
		fputs("Try 'ecqcoach --help'.\n", stderr);
		return EXIT_USAGE;
	}
	c = cli_find(argv[i]);
	if (c != NULL)
		return c->run(argc - i, argv + i);
	if (argv[i][0] == '-') {
		cli_error(NULL, "unknown option '%s'", argv[i]);
		fputs("Try 'ecqcoach --help'.\n", stderr);
		return EXIT_USAGE;
	}
	if (argc - i > 1 || !is_project_word(argv[i]))
		return unknown_command(argv[i]);
	return open_project(argv[i], false);
}
