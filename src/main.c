/* SPDX-License-Identifier: MIT */
/* main.c: global options and dispatch to a subcommand or the coach. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "paths.h"
#include "plan.h"
#include "tui/tui.h"

static void
usage(void)
{
	const struct cli_command *c;

	printf("Usage: ecqcoach [--prompts DIR] [--guided | --plan PLAN] [--plan-start HH:MM] FILE.ecq\n"
	    "       ecqcoach [--prompts DIR] FILE.ecq --review --as NAME\n"
	    "       ecqcoach [--prompts DIR] COMMAND [OPTIONS] [ARGS]\n"
	    "A writing coach for Senior Executive Service Executive Core Qualification\n"
	    "(ECQ) narratives. With FILE.ecq (created when missing) it opens the\n"
	    "full-screen coach (it needs a terminal; TERM=dumb or a pipe gets exit 3).\n"
	    "NO_COLOR=1 turns colours off.\n"
	    "  --prompts DIR  read frameworks from DIR too (before the command or file);\n"
	    "                 one with the id of a shipped framework replaces it\n"
	    "  --guided       walk through every part of the narrative step by step: the\n"
	    "                 same as --plan self-paced (on for a new project until F6)\n"
	    "  --plan PLAN    run a workshop plan: a shipped name (self-paced,\n"
	    "                 one-day-2025, two-session-2010, example-clinic,\n"
	    "                 interview-clinic-2025) or a path to a plan file; the\n"
	    "                 project remembers it and its step\n"
	    "  --plan-start HH:MM\n"
	    "                 the session started at HH:MM today: every coach's countdown\n"
	    "                 follows this wall clock, so a room stays together\n"
	    "  --review --as NAME  open for review: the text is read-only, comments are\n"
	    "                 written as NAME, even while the writer has it open\n\n"
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

/* The coach's own options, before or after FILE.ecq: --guided, --plan PLAN,
 * --plan-start HH:MM; and exactly one file. */
static int
open_with_options(int argc, char **argv)
{
	struct tui_options opt = { .plan = NULL };
	const char *file = NULL;
	struct error err;
	time_t start;
	int i;

	/* the options before or after the file, as a user types them */
	for (i = 1; i < argc; i++) {
		if (argv[i][0] != '-') {
			if (file != NULL) {
				fprintf(stderr, "ecqcoach: the coach opens one FILE.ecq\n"
				    "Try 'ecqcoach --help'.\n");
				return EXIT_USAGE;
			}
			file = argv[i];
		} else if (strcmp(argv[i], "--guided") == 0) {
			if (opt.plan != NULL && strcmp(opt.plan, "self-paced") != 0)
				goto both;
			opt.plan = "self-paced";
		} else if (strcmp(argv[i], "--plan") == 0 || strcmp(argv[i], "--plan-start") == 0) {
			if (i + 1 >= argc || argv[i + 1][0] == '\0') {
				cli_error(NULL, "%s needs a value", argv[i]);
				fputs("Try 'ecqcoach --help'.\n", stderr);
				return EXIT_USAGE;
			}
			if (strcmp(argv[i], "--plan") == 0) {
				if (opt.plan != NULL)
					goto both;
				opt.plan = argv[++i];
			} else {
				if (plan_parse_start(argv[i + 1], time(NULL), &start, &err) != 0) {
					cli_error(NULL, "%s", err.msg);
					return EXIT_USAGE;
				}
				opt.plan_start = argv[++i];
			}
		} else {
			cli_error(NULL, "unknown option '%s'", argv[i]);
			fputs("Try 'ecqcoach --help'.\n", stderr);
			return EXIT_USAGE;
		}
	}
	if (file == NULL) {
		fprintf(stderr, "ecqcoach: the coach opens one FILE.ecq\nTry 'ecqcoach --help'.\n");
		return EXIT_USAGE;
	}
	return tui_run(file, &opt);
both:
	fprintf(stderr, "ecqcoach: --guided and --plan choose a plan each; give one\n");
	return EXIT_USAGE;
}

/* ecqcoach FILE.ecq --review --as NAME (the options in any order). */
static int
open_review(int argc, char **argv)
{
	struct tui_options opt = { .review_as = NULL };
	const char *path = NULL;
	bool review = false;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--review") == 0)
			review = true;
		else if (strcmp(argv[i], "--as") == 0 && i + 1 < argc)
			opt.review_as = argv[++i];
		else if (argv[i][0] != '-' && path == NULL)
			path = argv[i];
		else
			break;
	}
	if (i < argc || !review || path == NULL || opt.review_as == NULL || *opt.review_as == '\0') {
		fprintf(stderr, "ecqcoach: --review needs one FILE.ecq and --as NAME\n"
		    "Try 'ecqcoach --help'.\n");
		return EXIT_USAGE;
	}
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
	const char *dir;
	int i;

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
	/* --prompts DIR, before the command or the file: taken out here so
	 * the rest reads the arguments as if it had not been given. */
	for (i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--prompts=", 10) == 0) {
			dir = argv[i] + 10;
		} else if (strcmp(argv[i], "--prompts") == 0) {
			if (i + 1 >= argc || argv[i + 1][0] == '\0') {
				cli_error(NULL, "--prompts needs a folder of frameworks");
				fputs("Try 'ecqcoach --help'.\n", stderr);
				return EXIT_USAGE;
			}
			dir = argv[++i];
		} else {
			break;
		}
		if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			cli_error(NULL, "--prompts: cannot use the folder %s: %s", dir,
			    stat(dir, &st) != 0 ? strerror(errno) : "not a folder");
			return EXIT_DATA;
		}
		paths_set_prompts(dir);
	}
	argv[i - 1] = argv[0];
	argc -= i - 1;
	argv += i - 1;
	if (argc < 2) {
		cli_error(NULL, "missing a command or FILE.ecq");
		fputs("Try 'ecqcoach --help'.\n", stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--guided") == 0 || strcmp(argv[1], "--plan") == 0
	    || strcmp(argv[1], "--plan-start") == 0)
		return open_with_options(argc, argv);
	c = cli_find(argv[1]);
	if (c != NULL)
		return c->run(argc - 1, argv + 1);
	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--review") == 0 || strcmp(argv[i], "--as") == 0)
			return open_review(argc, argv);
	if (argv[1][0] == '-') {
		cli_error(NULL, "unknown option '%s'", argv[1]);
		fputs("Try 'ecqcoach --help'.\n", stderr);
		return EXIT_USAGE;
	}
	if (!is_project_word(argv[1]))
		return unknown_command(argv[1]);
	return open_with_options(argc, argv);
}
