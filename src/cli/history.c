/* SPDX-License-Identifier: MIT */
/*
 * history.c: `ecqcoach history`, the earlier versions of each text that a
 * project keeps: lists the texts that have them, the versions of one text,
 * prints one version, or puts one back through the store (so the text it
 * replaces becomes a version too). Reading opens the file read-only, so it
 * works while the coach has it open; restoring needs the write lock.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "history.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

#define HIST_PREVIEW 60         /* characters of a version shown in a list */

static void
usage(void)
{
	printf("Usage: ecqcoach history FILE.ecq [--field TARGET]\n"
	    "       ecqcoach history FILE.ecq --show ID\n"
	    "       ecqcoach history FILE.ecq --restore ID\n"
	    "The earlier versions of each text that FILE.ecq keeps. Without an option,\n"
	    "list the texts that have earlier versions and how many.\n\n"
	    "  -f, --field TARGET  list the versions of one text, newest first, with\n"
	    "                      their ids; TARGET as the first list shows it, e.g.\n"
	    "                      example.3.action, note.1.2 (ECQ 1, question 2),\n"
	    "                      intro.1, meta.candidate, meta.position, unsorted\n"
	    "  -s, --show ID       print the text of version ID\n"
	    "  -r, --restore ID    make version ID the current text again; the text it\n"
	    "                      replaces is kept as a version (fails while the coach\n"
	    "                      has the file open)\n"
	    "  -h, --help          show this help\n");
}

/* The first line of s, at most HIST_PREVIEW bytes, cut at a UTF-8
 * boundary, with "..." when cut. */
static void
put_preview(const char *s)
{
	size_t n = strcspn(s, "\n");
	char *line;

	if (n > HIST_PREVIEW) {
		n = HIST_PREVIEW;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	line = xstrndup(s, n);
	cli_put_text(stdout, line);
	if (s[n] != '\0')
		fputs("...", stdout);
	free(line);
}

static int
do_fields(struct store *st)
{
	struct revision_field *f = NULL;
	struct error err;
	size_t n = 0, i;

	if (store_revision_fields(st, &f, &n, &err) != 0)
		return cli_fail(&err);
	if (n == 0)
		printf("No earlier versions are kept yet.\n");
	for (i = 0; i < n; i++) {
		char *label = history_label(store_project(st), f[i].target);

		cli_put_text(stdout, f[i].target);
		fputs("  ", stdout);
		cli_put_text(stdout, label);
		printf("  (%zu %s, newest ", f[i].count, f[i].count == 1 ? "version" : "versions");
		cli_put_text(stdout, f[i].changed);
		fputs(")\n", stdout);
		free(label);
	}
	store_revision_fields_free(f, n);
	return EXIT_OK;
}

static int
do_field(struct store *st, const char *target)
{
	struct revision *r = NULL;
	struct error err;
	size_t n = 0, i;
	char *label, *cur;

	if (store_revisions(st, target, 0, &r, &n, &err) != 0)
		return cli_fail(&err);
	label = history_label(store_project(st), target);
	cur = history_current(store_project(st), target);
	cli_put_text(stdout, label);
	fputs("\n", stdout);
	if (cur != NULL) {
		printf("  now      %6zu words  ", text_count_words(cur, strlen(cur)));
		put_preview(cur);
		fputs("\n", stdout);
	}
	if (n == 0)
		printf("  No earlier versions are kept.\n");
	for (i = 0; i < n; i++) {
		printf("  %-8" PRId64 " ", r[i].id);
		cli_put_text(stdout, r[i].changed);
		printf("  %6zu words  ", text_count_words(r[i].text, strlen(r[i].text)));
		put_preview(r[i].text);
		fputs("\n", stdout);
	}
	free(label);
	free(cur);
	store_revisions_free(r, n);
	return EXIT_OK;
}

static int
do_show(struct store *st, int64_t id)
{
	struct revision r;
	struct error err;
	char *label;

	if (store_revision_get(st, id, &r, &err) != 0)
		return cli_fail(&err);
	label = history_label(store_project(st), r.target);
	printf("== Version %" PRId64 " of ", r.id);
	cli_put_text(stdout, label);
	fputs(" (", stdout);
	cli_put_text(stdout, r.target);
	fputs("), replaced ", stdout);
	cli_put_text(stdout, r.changed);
	fputs("\n", stdout);
	cli_put_text(stdout, r.text);
	if (r.text[0] == '\0' || r.text[strlen(r.text) - 1] != '\n')
		fputs("\n", stdout);
	free(label);
	store_revision_free(&r);
	return EXIT_OK;
}

static int
do_restore(struct store *st, int64_t id)
{
	struct error err;
	char *target = NULL, *label;

	if (history_restore(st, id, &target, &err) != 0)
		return cli_fail(&err);
	label = history_label(store_project(st), target);
	printf("Restored version %" PRId64 " of ", id);
	cli_put_text(stdout, label);
	fputs("; the text it replaced is kept as a version ('ecqcoach history FILE --field ",
	    stdout);
	cli_put_text(stdout, target);
	fputs("' lists it).\n", stdout);
	free(label);
	free(target);
	return EXIT_OK;
}

/* A version id: a positive decimal number. */
static int
parse_id(const char *s, int64_t *id)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v <= 0)
		return -1;
	*id = (int64_t)v;
	return 0;
}

int
cli_history(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "field", required_argument, NULL, 'f' },
		{ "show", required_argument, NULL, 's' },
		{ "restore", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *field = NULL, *show = NULL, *restore = NULL;
	struct store *st = NULL;
	struct error err;
	int64_t id = 0;
	int c, status, modes;

	while ((c = getopt_long(argc, argv, "f:s:r:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f': field = optarg; break;
		case 's': show = optarg; break;
		case 'r': restore = optarg; break;
		case 'h': usage(); return EXIT_OK;
		default: return cli_usage_error("history", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage_error("history", "missing FILE.ecq");
	if (argc - optind > 1)
		return cli_usage_error("history", "give one FILE.ecq");
	modes = (field != NULL) + (show != NULL) + (restore != NULL);
	if (modes > 1)
		return cli_usage_error("history", "--field, --show and --restore do not go together");
	if ((show != NULL && parse_id(show, &id) != 0)
	    || (restore != NULL && parse_id(restore, &id) != 0))
		return cli_usage_error("history", "a version ID is a number from the list "
		    "(ecqcoach history FILE --field TARGET)");
	if (store_open(argv[optind], restore != NULL ? 0 : STORE_READONLY, &st, &err) != 0)
		return cli_fail(&err);
	if (restore != NULL)
		status = do_restore(st, id);
	else if (show != NULL)
		status = do_show(st, id);
	else if (field != NULL)
		status = do_field(st, field);
	else
		status = do_fields(st);
	store_close(st);
	return status;
}
