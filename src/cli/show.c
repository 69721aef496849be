/* SPDX-License-Identifier: MIT */
/* show.c: `ecqcoach show`, a project as readable text on stdout, with the
 * shapes of each story (narrative, résumé line, card; shapes.h). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "card.h"
#include "framework.h"
#include "resume.h"
#include "shapes.h"
#include "store.h"

static void
usage(void)
{
	printf("Usage: ecqcoach show FILE.ecq [--ecq N]\n"
	    "Print a project as readable text: ECQs, focus-question notes, introductions\n"
	    "and examples, each example's résumé line and interview card when it has them,\n"
	    "and the state of the shapes its framework asks for (narrative, résumé line,\n"
	    "card) with their totals. The file is opened read-only.\n\n"
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
show_ecq(const struct project *p, const struct shapes *sh, int i)
{
	const struct fw_ecq *q = &p->fw->ecqs[i];
	const struct example *e;
	size_t j, k, n = project_count_examples(p, i);
	char *line;
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
		line = shapes_example_line(sh, (size_t)(e - p->examples), false);
		cli_printf(stdout, "Shapes: ");
		cli_put_text(stdout, line);
		cli_printf(stdout, "\n\n");
		free(line);
		for (f = EX_CHALLENGE; f <= EX_RESULT; f++)
			field(project_field_name(f), e->field[f]);
		field("Résumé line", project_example_resume(e));
		field("Card", project_example_card(e));
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
	int c, ecq = -1, *lines = NULL;
	size_t i;
	struct shapes sh;
	struct shapes_input in;
	struct resume_settings rs;
	struct layout_result lr;
	char *asks, *totals;

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
	/* the résumé's lines as `export --resume` lays them out; without a
	 * font the count is left out */
	if (shapes_used(p->fw, DOC_RESUME) && p->n_examples > 0) {
		resume_settings_load(st, &rs);
		memset(&lr, 0, sizeof lr);
		if (resume_layout(NULL, p, &rs, NULL, &lr, &lines, &err) != 0)
			lines = NULL;
		layout_result_free(&lr);
	}
	memset(&in, 0, sizeof in);
	in.resume_lines = lines;
	in.wpm = card_wpm_load(st);
	shapes_compute(p, &in, &sh);
	asks = shapes_asks_line(p->fw, true);
	totals = shapes_totals_line(&sh);
	cli_printf(stdout, "Framework: %s, %s\nAsks for: %s\nExamples: %zu\n%s\n"
	    "Last changed: %s\n\n", p->fw->id, p->fw->title, asks, p->n_examples, totals,
	    p->modified);
	free(asks);
	free(totals);
	for (i = 0; i < p->fw->n_ecqs; i++)
		if (ecq < 0 || (int)i == ecq)
			show_ecq(p, &sh, (int)i);
	shapes_free(&sh);
	free(lines);
	if (ecq < 0 && p->unsorted[0]) {
		cli_printf(stdout, "== Unsorted (text import could not place) ==\n\n");
		cli_put_text(stdout, p->unsorted);
		cli_printf(stdout, "\n");
	}
	store_close(st);
	return EXIT_OK;
}
