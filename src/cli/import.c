/* SPDX-License-Identifier: MIT */
/*
 * import.c: `ecqcoach import`, turning a text or Markdown draft into a new
 * project file and saying what was recognised where. Never overwrites a
 * file; on failure removes only the file it created itself.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bounded.h"
#include "cli.h"
#include "framework.h"
#include "importer.h"
#include "paths.h"
#include "store.h"
#include "xalloc.h"

static void
usage(void)
{
	printf("Usage: ecqcoach import DRAFT.txt|.md|.docx|.odt -o FILE.ecq [options]\n"
	    "Create a project from a draft: ECQ headings (\"ECQ 1: Leading Change\", a title\n"
	    "alone, Markdown or bold), introductions, examples with dates, and\n"
	    "Challenge/Context/Action/Result labels (also STAR, PAR, Accomplishment).\n"
	    "Unlabelled prose is split into stories and parts, marked as inferred. Text\n"
	    "outside every ECQ goes to the project's unsorted note. Word (.docx) and\n"
	    "OpenDocument (.odt) files are read directly: heading styles, bold labels and\n"
	    "list paragraphs. DRAFT may be - for standard input.\n\n"
	    "  -o, --output FILE    the new project file (must not exist)\n"
	    "  -f, --framework ID   ECQ framework (default: the one whose ECQ titles the\n"
	    "                       draft uses, else the current one)\n"
	    "  -n, --name NAME      the candidate's full name\n"
	    "  -p, --position TEXT  the position applied for\n"
	    "  -q, --quiet          print only the summary line\n"
	    "  -h, --help           show this help\n");
}

static void
print_item(const char *draft, const struct framework *fw, const struct importer_item *it)
{
	/* One line per item, whatever the draft's text holds. */
	cli_put_line(stdout, draft);
	cli_printf(stdout, ":%zu: ", it->line);
	switch (it->kind) {
	case IMPORTER_ECQ:
		cli_printf(stdout, "ECQ %d ", it->ecq + 1);
		cli_put_line(stdout, fw->ecqs[it->ecq].title);
		if (it->inferred)
			cli_printf(stdout, " (the heading says ECQ %d; filed by its title)", it->field);
		break;
	case IMPORTER_INTRO:
		cli_printf(stdout, "  introduction");
		break;
	case IMPORTER_EXAMPLE:
		cli_printf(stdout, "  example");
		if (it->text[0] != '\0') {
			cli_printf(stdout, " \"");
			cli_put_line(stdout, it->text);
			cli_printf(stdout, "\"");
		} else if (it->inferred) {
			cli_printf(stdout, " (no heading; a story found in the prose)");
		} else {
			cli_printf(stdout, " (no heading; started by a label)");
		}
		break;
	case IMPORTER_FIELD:
		if (it->field == EX_TITLE) {
			cli_printf(stdout, "    Title: ");
			cli_put_line(stdout, it->text);
		} else if (it->field == EX_START || it->field == EX_END) {
			cli_printf(stdout, "    %s: ", project_field_name((enum example_field)it->field));
			cli_put_line(stdout, it->text);
		} else {
			cli_printf(stdout, "    %s%s", project_field_name((enum example_field)it->field),
			    it->inferred ? " (inferred from unlabelled prose: check it)" : "");
		}
		break;
	case IMPORTER_COMPETENCIES:
		cli_printf(stdout, "    Competencies: ");
		cli_put_line(stdout, it->text);
		break;
	case IMPORTER_META:
		cli_printf(stdout, "%s: ", it->field == 0 ? "candidate" : "position");
		cli_put_line(stdout, it->text);
		break;
	case IMPORTER_UNSORTED:
		{
			char *t = xstrndup(it->text, strlen(it->text) > 60 ? 60 : strlen(it->text));

			cli_printf(stdout, "unsorted: ");
			cli_put_line(stdout, t);
			if (strlen(it->text) > 60)
				cli_printf(stdout, "...");
			free(t);
		}
		break;
	}
	cli_printf(stdout, "\n");
}

int
cli_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "framework", required_argument, NULL, 'f' },
		{ "name", required_argument, NULL, 'n' },
		{ "position", required_argument, NULL, 'p' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL, *fw_id = NULL, *name = NULL, *position = NULL, *draft;
	const struct framework *fw;
	struct framework_set set;
	struct importer_report rep;
	struct store *st = NULL;
	struct error err;
	struct stat sb;
	char *text = NULL, *note = NULL;
	size_t len, i;
	int c, quiet = 0, status = EXIT_OK, score = 0;

	memset(&rep, 0, sizeof rep);
	while ((c = getopt_long(argc, argv, "o:f:n:p:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o': out = optarg; break;
		case 'f': fw_id = optarg; break;
		case 'n': name = optarg; break;
		case 'p': position = optarg; break;
		case 'q': quiet = 1; break;
		case 'h': usage(); return EXIT_OK;
		default: return cli_usage_error("import", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage_error("import", "missing DRAFT (a .txt, .md, .docx or .odt file, or -)");
	if (optind + 1 != argc)
		return cli_usage_error("import", "give exactly one DRAFT");
	if (out == NULL)
		return cli_usage_error("import", "missing -o FILE.ecq (the project to create)");
	draft = argv[optind];
	if (lstat(out, &sb) == 0) {
		cli_error("import", "%s already exists; import never overwrites a "
		    "file: choose another name or move the old one away", out);
		return EXIT_DATA;
	}
	if (importer_read_file(draft, &text, &len, &err) != 0) {
		/* A damaged or protected Word file says so itself. */
		if (err.code != ERR_FORMAT || strstr(err.msg, "is larger than the limit") == NULL)
			return cli_fail(&err);
		cli_error("import", "%s is over %zu MB (the rest was not read); a "
		    "narrative draft is far smaller (10 pages are about 40 KB): split it into "
		    "one draft per project", draft, BOUNDED_DRAFT_MAX >> 20);
		return EXIT_DATA;
	}
	if (framework_set_load_all(&set, &err) != 0) {
		free(text);
		return cli_fail(&err);
	}
	if (fw_id != NULL)
		fw = framework_set_find(&set, fw_id);
	else
		fw = importer_guess_framework_note(&set, text, len, &score, &note);
	if (fw == NULL) {
		cli_error("import", "no framework '%s'; 'ecqcoach frameworks' lists them",
		    fw_id != NULL ? fw_id : "(none found)");
		status = EXIT_DATA;
		goto done;
	}
	if (store_create(out, fw, name != NULL ? name : "", &st, &err) != 0) {
		status = cli_fail(&err);
		goto done;
	}
	/* The draft, the name and the position: one transaction. */
	if (store_batch_begin(st, &err) != 0 || importer_import(st, text, len, &rep, &err) != 0 ||
	    (name != NULL && store_set_candidate(st, name, &err) != 0) ||
	    (position != NULL && store_set_position(st, position, &err) != 0) ||
	    store_batch_commit(st, &err) != 0) {
		status = cli_fail(&err);
		store_batch_rollback(st);
		store_discard(st);
		st = NULL;
		goto done;
	}
	if (!quiet) {
		for (i = 0; i < rep.n_items; i++)
			print_item(draft, fw, &rep.items[i]);
		if (rep.invalid_offset != (size_t)-1)
			cli_printf(stdout, "%s: invalid UTF-8 or NUL byte at offset %zu (and maybe later) "
			    "imported as spaces\n", draft, rep.invalid_offset);
	}
	cli_printf(stdout, "imported %s into %s (framework %s%s): %zu ECQs, %zu examples, "
	    "%zu fields; %zu line%s unsorted%s\n", draft, out, fw->id,
	    fw_id != NULL ? "" : score > 0 ? ", matched by its ECQ titles" : ", the default",
	    rep.n_ecqs, rep.n_examples, rep.n_fields, rep.n_unsorted, rep.n_unsorted == 1 ? "" : "s",
	    rep.n_unsorted > 0 ? " (see the project's unsorted note)" : "");
	if (rep.n_inferred > 0 && !quiet)
		cli_error("import", "note: %zu part%s had no label and %s inferred from "
		    "the prose (marked above); open the project to check %s", rep.n_inferred,
		    rep.n_inferred == 1 ? "" : "s", rep.n_inferred == 1 ? "was" : "were",
		    rep.n_inferred == 1 ? "it" : "them");
	if (note != NULL)
		cli_error("import", "note: %s", note);
	if (rep.n_unsorted > 0 && !quiet)
		cli_error("import", "note: %zu line%s could not be placed and went to the "
		    "unsorted note; open the project (ecqcoach %s) to move them where they belong",
		    rep.n_unsorted, rep.n_unsorted == 1 ? "" : "s", out);
	if (rep.n_ecqs == 0)
		cli_error("import", "warning: no ECQ heading found in %s; write "
		    "headings such as \"ECQ 1: %s\"", draft, fw->ecqs[0].title);
done:
	free(note);
	store_close(st);
	importer_report_free(&rep);
	framework_set_free(&set);
	free(text);
	return status;
}
