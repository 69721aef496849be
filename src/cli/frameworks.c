/* SPDX-License-Identifier: MIT */
/*
 * frameworks.c: `ecqcoach frameworks`, the frameworks found (and from which
 * file) with the default marked, and `frameworks --check DIR`, a
 * coordinator's check of a folder of frameworks before a workshop.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "framework.h"
#include "paths.h"
#include "xalloc.h"

static void
usage(void)
{
	printf("Usage: ecqcoach frameworks [--verbose]\n"
	    "       ecqcoach frameworks --check DIR\n"
	    "List the ECQ frameworks found ('*' marks the default): the data folder's\n"
	    "prompts/, your own in $XDG_DATA_HOME/ecqcoach/prompts/, and the folder of\n"
	    "the global option --prompts DIR; a framework with the same id as an\n"
	    "earlier one replaces it.\n\n"
	    "  -v, --verbose    also list each framework's ECQs and the file it came from\n"
	    "  -c, --check DIR  check the frameworks in DIR: files that do not parse, two\n"
	    "                   current frameworks, a file name that differs from the id,\n"
	    "                   a value cut at \" ;\", a question given twice; exit 1 if any\n"
	    "  -h, --help       show this help\n");
}

/* frameworks --check DIR: every problem as FILE:LINE: what. */
static int
check_dir(const char *dir)
{
	struct strlist problems = { 0 };
	struct error err;
	size_t i, found;
	int n;

	error_clear(&err);
	n = framework_check_dir(dir, &problems, &err);
	if (n < 0)
		return cli_fail(&err);
	for (i = 0; i < problems.n; i++) {
		cli_put_line(stdout, problems.items[i]);
		fputc('\n', stdout);
	}
	if (n == 0)
		cli_printf(stdout, "%s: no framework files (*.ini)\n", dir);
	else if (problems.n == 0)
		cli_printf(stdout, "%s: %d framework%s, no problems\n", dir, n, n == 1 ? "" : "s");
	else
		cli_printf(stdout, "%s: %d framework%s, %zu problem%s\n", dir, n, n == 1 ? "" : "s",
		    problems.n, problems.n == 1 ? "" : "s");
	found = problems.n;
	strlist_free(&problems);
	return n == 0 ? EXIT_DATA : found > 0 ? EXIT_FINDINGS : EXIT_OK;
}

int
cli_frameworks(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "verbose", no_argument, NULL, 'v' },
		{ "check", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct framework_set set;
	const struct framework *def;
	const char *check = NULL;
	struct error err;
	int c, verbose = 0, status;
	size_t i, j;

	while ((c = getopt_long(argc, argv, "vc:h", opts, NULL)) != -1) {
		switch (c) {
		case 'v':
			verbose = 1;
			break;
		case 'c':
			check = optarg;
			break;
		case 'h':
			usage();
			return EXIT_OK;
		default:
			return cli_usage_error("frameworks", "unknown option");
		}
	}
	if (optind < argc)
		return cli_usage_error("frameworks", "unexpected argument '%s'", argv[optind]);
	if (check != NULL)
		return check_dir(check);
	error_clear(&err);
	if (framework_set_load_all(&set, &err) != 0)
		return cli_fail(&err);
	def = framework_set_default(&set);
	for (i = 0; i < set.n; i++) {
		const struct framework *fw = set.fws[i];

		cli_printf(stdout, "%c %-10s %s (%s)\n", fw == def ? '*' : ' ', fw->id, fw->title,
		    fw->in_force);
		if (!verbose)
			continue;
		cli_printf(stdout, "      from %s\n", fw->path != NULL ? fw->path : "?");
		if (fw->shadowed != NULL)
			cli_printf(stdout, "      (in place of %s)\n", fw->shadowed);
		for (j = 0; j < fw->n_ecqs; j++)
			cli_printf(stdout, "      ECQ %zu  %s\n", j + 1, fw->ecqs[j].title);
	}
	if (verbose) {
		struct strlist dirs = { 0 };

		if (paths_prompt_dirs(&dirs, &err) == 0)
			for (i = 0; i < dirs.n; i++)
				cli_printf(stdout, "%sfound in %s\n", i == 0 ? "\n" : "", dirs.items[i]);
		strlist_free(&dirs);
	}
	status = EXIT_OK;
	if (set.n == 0) {
		cli_error(NULL, "no frameworks in %s/prompts; set ECQCOACH_DATADIR to the folder "
		    "that holds prompts/", paths_data_dir());
		status = EXIT_DATA;
	}
	framework_set_free(&set);
	return status;
}
