/* SPDX-License-Identifier: MIT */
/*
 * recover.c: `ecqcoach recover`, putting back text the coach could not save
 * and wrote to a rescue file instead: lists the rescue files found for a
 * project, shows one, or applies one through the store (so the text it
 * replaces becomes a revision) and renames it NAME.used.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rescue.h"
#include "store.h"
#include "xalloc.h"

static void
usage(void)
{
	printf("Usage: ecqcoach recover FILE.ecq [--list]\n"
	    "       ecqcoach recover FILE.ecq RESCUE\n"
	    "       ecqcoach recover FILE.ecq --apply [RESCUE]\n"
	    "Put back text the coach could not save into FILE.ecq (a full disk, an I/O\n"
	    "error) and wrote to a rescue file instead: FILE.ecq.rescue beside it, or\n"
	    "in $XDG_STATE_HOME/ecqcoach (~/.local/state/ecqcoach).\n\n"
	    "  -l, --list    list the rescue files found for FILE.ecq and what each\n"
	    "                holds (the default without RESCUE)\n"
	    "  -a, --apply   put the text of RESCUE (or of the only rescue file found)\n"
	    "                back into FILE.ecq; the text it replaces is kept as a\n"
	    "                revision, and RESCUE is renamed RESCUE.used\n"
	    "  -h, --help    show this help\n"
	    "With RESCUE and no --apply, print the text it holds.\n");
}

/* One line per entry: its label, place and size. */
static void
list_entries(const struct rescue *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		fputs("  ", stdout);
		cli_put_text(stdout, r->entries[i].label);
		printf(" (%s, %zu bytes)\n", r->entries[i].target, r->entries[i].len);
	}
}

static int
do_list(const char *project)
{
	char **paths = NULL;
	size_t n = 0, i;
	struct rescue r;
	struct error err;

	if (rescue_list(project, &paths, &n, &err) != 0)
		return cli_fail(&err);
	if (n == 0) {
		fputs("No rescue files for ", stdout);
		cli_put_text(stdout, project);
		fputs(".\n", stdout);
	}
	for (i = 0; i < n; i++) {
		cli_put_text(stdout, paths[i]);
		if (rescue_read(paths[i], &r, &err) != 0) {
			fputs(": cannot be read: ", stdout);
			cli_put_text(stdout, err.msg);
			fputs("\n", stdout);
			continue;
		}
		fputs("\n  written ", stdout);
		cli_put_text(stdout, r.time);
		printf(", %zu %s\n", r.n, r.n == 1 ? "field" : "fields");
		list_entries(&r);
		rescue_free(&r);
	}
	rescue_paths_free(paths);
	return EXIT_OK;
}

static int
do_show(const char *path)
{
	struct rescue r;
	struct error err;
	size_t i;

	if (rescue_read(path, &r, &err) != 0)
		return cli_fail(&err);
	fputs("Rescued ", stdout);
	cli_put_text(stdout, r.time);
	fputs(" from ", stdout);
	cli_put_text(stdout, r.project);
	fputs("\n", stdout);
	for (i = 0; i < r.n; i++) {
		fputs("\n== ", stdout);
		cli_put_text(stdout, r.entries[i].label);
		printf(" (%s)\n", r.entries[i].target);
		cli_put_text(stdout, r.entries[i].text);
		if (r.entries[i].len == 0 || r.entries[i].text[r.entries[i].len - 1] != '\n')
			fputs("\n", stdout);
	}
	rescue_free(&r);
	return EXIT_OK;
}

static int
do_apply(const char *project, const char *rescue_path)
{
	struct store *st = NULL;
	struct rescue r;
	struct error err;
	char **paths = NULL, *used = NULL;
	size_t n = 0, placed = 0, unsorted = 0;
	int status = EXIT_OK;

	memset(&r, 0, sizeof r);
	if (rescue_path == NULL) {
		if (rescue_list(project, &paths, &n, &err) != 0)
			return cli_fail(&err);
		if (n != 1) {
			fprintf(stderr, "ecqcoach recover: ");
			if (n == 0) {
				fputs("no rescue files for ", stderr);
				cli_put_text(stderr, project);
				fputs("; nothing to apply.\n", stderr);
				status = EXIT_DATA;
			} else {
				fprintf(stderr, "%zu rescue files for ", n);
				cli_put_text(stderr, project);
				fputs("; name the one to apply ('ecqcoach recover FILE.ecq' lists them).\n",
				    stderr);
				status = EXIT_USAGE;
			}
			goto out;
		}
		rescue_path = paths[0];
	}
	if (rescue_read(rescue_path, &r, &err) != 0
	    || store_open(project, 0, &st, &err) != 0) {
		status = cli_fail(&err);
		goto out;
	}
	if (rescue_apply(st, &r, &placed, &unsorted, &err) != 0) {
		fprintf(stderr, "ecqcoach: %zu of %zu fields put back, then: ", placed + unsorted, r.n);
		cli_put_text(stderr, err.msg);
		fputs("\nNothing was lost: run the same command again once that is fixed.\n", stderr);
		status = EXIT_DATA;
		goto out;
	}
	printf("Put back %zu %s from ", placed + unsorted, placed + unsorted == 1 ? "field" : "fields");
	cli_put_text(stdout, rescue_path);
	fputs(" into ", stdout);
	cli_put_text(stdout, project);
	fputs("; the text replaced is kept as revisions.\n", stdout);
	if (unsorted > 0)
		printf("%zu whose place no longer exists went to the project's unsorted text.\n",
		    unsorted);
	if (rescue_mark_used(rescue_path, &used, &err) != 0) {
		status = cli_fail(&err);
		goto out;
	}
	fputs("The rescue file is now ", stdout);
	cli_put_text(stdout, used);
	fputs(".\n", stdout);
out:
	free(used);
	rescue_free(&r);
	store_close(st);
	rescue_paths_free(paths);
	return status;
}

int
cli_recover(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "list", no_argument, NULL, 'l' },
		{ "apply", no_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, list = 0, apply = 0;
	const char *project, *rescue_path;

	while ((c = getopt_long(argc, argv, "lah", opts, NULL)) != -1) {
		switch (c) {
		case 'l': list = 1; break;
		case 'a': apply = 1; break;
		case 'h': usage(); return EXIT_OK;
		default: return cli_usage_error("recover", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage_error("recover", "missing FILE.ecq");
	if (argc - optind > 2)
		return cli_usage_error("recover", "give FILE.ecq and at most one RESCUE file");
	if (list && apply)
		return cli_usage_error("recover", "--list and --apply do not go together");
	project = argv[optind];
	rescue_path = argc - optind == 2 ? argv[optind + 1] : NULL;
	if (list && rescue_path != NULL)
		return cli_usage_error("recover", "--list takes no RESCUE file");
	if (apply)
		return do_apply(project, rescue_path);
	if (rescue_path != NULL)
		return do_show(rescue_path);
	return do_list(project);
}
