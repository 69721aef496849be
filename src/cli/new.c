/* SPDX-License-Identifier: MIT */
/* new.c: `ecqcoach new`, creating a project file (empty or the demo). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "demo.h"
#include "framework.h"
#include "paths.h"
#include "store.h"
#include "xalloc.h"

static void
usage(void)
{
	printf("Usage: ecqcoach new FILE.ecq [options]\n"
	    "Create a project file for one candidate's ECQ narrative.\n\n"
	    "  -f, --framework ID   ECQ framework (default: the current one; see 'ecqcoach frameworks')\n"
	    "  -n, --name NAME      the candidate's full name\n"
	    "  -p, --position TEXT  position title or vacancy announcement\n"
	    "      --demo           fill the project with a complete example narrative\n"
	    "      --shared         let your group read it (0640); by default only you can (0600)\n"
	    "  -h, --help           show this help\n");
}

int
cli_new(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "framework", required_argument, NULL, 'f' },
		{ "name", required_argument, NULL, 'n' },
		{ "position", required_argument, NULL, 'p' },
		{ "demo", no_argument, NULL, 'd' },
		{ "shared", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *fw_id = NULL, *name = NULL, *position = NULL, *path;
	const struct framework *fw;
	struct framework_set set;
	struct store *st = NULL;
	struct error err;
	char *demo_rel, *demo_path;
	int c, demo = 0, shared = 0, status = EXIT_OK;

	while ((c = getopt_long(argc, argv, "f:n:p:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f': fw_id = optarg; break;
		case 'n': name = optarg; break;
		case 'p': position = optarg; break;
		case 'd': demo = 1; break;
		case 's': shared = 1; break;
		case 'h': usage(); return EXIT_OK;
		default: return cli_usage_error("new", "unknown option");
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("new", optind >= argc ? "missing FILE.ecq" :
		    "give exactly one FILE.ecq");
	path = argv[optind];
	if (framework_set_load_all(&set, &err) != 0) {
		return cli_fail(&err);
	}
	fw = fw_id ? framework_set_find(&set, fw_id) : framework_set_default(&set);
	if (fw == NULL) {
		cli_error(NULL, "no framework '%s'; 'ecqcoach frameworks' lists them",
		    fw_id ? fw_id : "(none found)");
		framework_set_free(&set);
		return EXIT_DATA;
	}
	if (demo) {
		demo_rel = xasprintf("prompts/demo/%s.ini", fw->id);
		demo_path = paths_data_file(demo_rel);
		free(demo_rel);
		if (demo_create(demo_path, fw, path, &st, &err) != 0)
			status = cli_fail(&err);
		free(demo_path);
	} else if (store_create(path, fw, "", &st, &err) != 0) {
		status = cli_fail(&err);
	}
	/* Options given with --demo override the demo's own name and position. */
	if (status == EXIT_OK && shared && store_share(st, &err) != 0)
		status = cli_fail(&err);
	if (status == EXIT_OK && ((name != NULL && store_set_candidate(st, name, &err) != 0) ||
	    (position != NULL && store_set_position(st, position, &err) != 0)))
		status = cli_fail(&err);
	/* A new project opens in guided mode until the writer turns it off. */
	if (status == EXIT_OK && !demo && store_set_setting(st, "plan.on", "1", &err) != 0)
		status = cli_fail(&err);
	if (status == EXIT_OK) {
		const struct project *p = store_project(st);

		cli_printf(stdout, "created %s: framework %s, %zu examples\n", path, fw->id, p->n_examples);
	}
	/* A project that could not be made whole is not left half made. */
	if (status != EXIT_OK)
		store_discard(st);
	else
		store_close(st);
	framework_set_free(&set);
	return status;
}
