/* SPDX-License-Identifier: MIT */
/* frameworks.c: `ecqcoach frameworks`, the frameworks found and the default. */
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
	    "List the ECQ frameworks found in the prompts folder; '*' marks the default.\n\n"
	    "  -v, --verbose  also list each framework's ECQs and where it was found\n"
	    "  -h, --help     show this help\n");
}

int
cli_frameworks(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct framework_set set;
	const struct framework *def;
	struct error err;
	char *dir;
	int c, verbose = 0, status;
	size_t i, j;

	while ((c = getopt_long(argc, argv, "vh", opts, NULL)) != -1) {
		switch (c) {
		case 'v':
			verbose = 1;
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
	dir = paths_data_file("prompts");
	if (framework_set_load(dir, &set, &err) != 0) {
		free(dir);
		return cli_fail(&err);
	}
	def = framework_set_default(&set);
	for (i = 0; i < set.n; i++) {
		const struct framework *fw = set.fws[i];

		cli_printf(stdout, "%c %-10s %s (%s)\n", fw == def ? '*' : ' ', fw->id, fw->title,
		    fw->in_force);
		if (!verbose)
			continue;
		for (j = 0; j < fw->n_ecqs; j++)
			cli_printf(stdout, "      ECQ %zu  %s\n", j + 1, fw->ecqs[j].title);
	}
	if (verbose)
		cli_printf(stdout, "\nfound in %s\n", dir);
	status = EXIT_OK;
	if (set.n == 0) {
		cli_error(NULL, "no frameworks in %s; set ECQCOACH_DATADIR to the folder "
		    "that holds prompts/", dir);
		status = EXIT_DATA;
	}
	free(dir);
	framework_set_free(&set);
	return status;
}
