/* SPDX-License-Identifier: MIT */
/* show.c: `ecqcoach show`, a project as readable text on stdout. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "framework.h"
#include "store.h"

static void
usage(void)
{
	printf("Usage: ecqcoach show FILE.ecq [--ecq N]\n"
	    "Print a project as readable text: ECQs, focus-question notes, introductions\n"
	    "and examples. The file is opened read-only.\n\n"
	    "  -e, --ecq N    show only ECQ N (its number, key or title)\n"
	    "  -h, --help     show this help\n");
}

static void
field(const char *label, const char *text)
{
	if (*text == '\0')
		return;
	cli_printf(stdout, "%s:\n", label);
	cli_put_text(stdout, text);
	cli_printf(stdout, "\n\n");
}

static void
show_ecq(const struct project *p, int i)
{
	const struct fw_ecq *q = &p->fw->ecqs[i];
	const struct example *e;
	size_t j, k, n = project_count_examples(p, i);
	int f;

	cli_printf(stdout, "== ECQ %d: %s ==\n\n", i + 1, q->title);
	for (j = 0; j < q->questions.n; j++) {
		if (p->notes[i][j][0] == '\0')
			continue;
		cli_printf(stdout, "Q%zu. %s\n", j + 1, q->questions.items[j]);
		cli_put_text(stdout, p->notes[i][j]);
		cli_printf(stdout, "\n\n");
	}
	field("Introduction", p->intro[i]);
	for (j = 0; j < n; j++) {
		e = project_example_at(p, i, j);
		cli_printf(stdout, "-- Example %zu: ", j + 1);
		cli_put_text(stdout, e->field[EX_TITLE][0] ? e->field[EX_TITLE] : "(untitled)");
		cli_printf(stdout, " --\n");
		if (e->field[EX_START][0] || e->field[EX_END][0]) {
			cli_printf(stdout, "Dates: ");
			cli_put_text(stdout, e->field[EX_START][0] ? e->field[EX_START] : "?");
			cli_printf(stdout, " to ");
			cli_put_text(stdout, e->field[EX_END][0] ? e->field[EX_END] : "?");
			cli_printf(stdout, "\n");
		}
		if (e->competencies.n > 0) {
			cli_printf(stdout, "Competencies: ");
			for (k = 0; k < e->competencies.n; k++) {
				cli_put_text(stdout, e->competencies.items[k]);
				cli_printf(stdout, "%s", k + 1 < e->competencies.n ? ", " : "\n");
			}
		}
		cli_printf(stdout, "\n");
		for (f = EX_CHALLENGE; f <= EX_RESULT; f++)
			field(project_field_name(f), e->field[f]);
	}
	if (n == 0)
		cli_printf(stdout, "(no examples yet)\n\n");
}

int
cli_show(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "ecq", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *only = NULL;
	const struct project *p;
	struct store *st;
	struct error err;
	int c, ecq = -1;
	size_t i;

	while ((c = getopt_long(argc, argv, "e:h", opts, NULL)) != -1) {
		switch (c) {
		case 'e': only = optarg; break;
		case 'h': usage(); return EXIT_OK;
		default: return cli_usage_error("show", "unknown option");
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("show", optind >= argc ? "missing FILE.ecq" : "give exactly one FILE.ecq");
	if (store_open(argv[optind], STORE_READONLY, &st, &err) != 0)
		return cli_fail(&err);
	p = store_project(st);
	if (only != NULL && (ecq = framework_find_ecq(p->fw, only)) < 0) {
		cli_error(NULL, "framework %s has no ECQ '%s' (1 to %zu)", p->fw->id, only,
		    p->fw->n_ecqs);
		store_close(st);
		return EXIT_USAGE;
	}
	cli_printf(stdout, "Candidate: ");
	cli_put_text(stdout, p->candidate[0] ? p->candidate : "(not set)");
	cli_printf(stdout, "\n");
	if (p->position[0]) {
		cli_printf(stdout, "Position: ");
		cli_put_text(stdout, p->position);
		cli_printf(stdout, "\n");
	}
	cli_printf(stdout, "Framework: %s, %s\nExamples: %zu\nLast changed: %s\n\n", p->fw->id,
	    p->fw->title, p->n_examples, p->modified);
	for (i = 0; i < p->fw->n_ecqs; i++)
		if (ecq < 0 || (int)i == ecq)
			show_ecq(p, (int)i);
	if (ecq < 0 && p->unsorted[0]) {
		cli_printf(stdout, "== Unsorted (text import could not place) ==\n\n");
		cli_put_text(stdout, p->unsorted);
		cli_printf(stdout, "\n");
	}
	store_close(st);
	return EXIT_OK;
}
