/* SPDX-License-Identifier: MIT */
/*
 * fuzz_importer.c: libFuzzer harness for the draft importer, the path of
 * `ecqcoach check DRAFT`: guess the framework from the headings, build the
 * project in memory, map every stored text back to the draft, and run every
 * rule on the result (spelling off: hunspell is not ours to fuzz here).
 */
#include "config.h"

#include "fuzz.h"

#include <stdio.h>

#include "checker.h"
#include "framework.h"
#include "importer.h"
#include "paths.h"
#include "project.h"

static struct framework_set set;
static struct checker *ck;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct checker_options opt = { .user_words = "", .no_spelling = true };
	struct error err;
	char *dir = paths_data_file("prompts");

	if (framework_set_load(dir, &set, &err) != 0 || set.n == 0 ||
	    checker_new(&opt, &ck, &err) != 0) {
		fprintf(stderr, "fuzz_importer: %s (set ECQCOACH_DATADIR)\n", err.msg);
		exit(1);
	}
	free(dir);
	return 0;
}

/* Reads every byte of every text the project holds. */
static size_t
walk(const struct project *p)
{
	size_t sum = strlen(p->candidate) + strlen(p->position) + strlen(p->unsorted), i, f;

	for (i = 0; i < p->fw->n_ecqs; i++)
		sum += strlen(p->intro[i]);
	for (i = 0; i < p->n_examples; i++)
		for (f = 0; f < EX_FIELD_COUNT; f++)
			sum += strlen(p->examples[i].field[f]);
	return sum;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const struct framework *fw;
	struct importer_report rep;
	struct project *p = NULL;
	struct findings fs;
	struct error err;
	size_t i, j, src;
	int score;

	memset(&rep, 0, sizeof rep);
	fw = importer_guess_framework(&set, text, size, &score);
	if (fw == NULL || score < 0)
		abort();
	if (importer_build(fw, text, size, &p, &rep, &err) != 0) {
		/* Only an unparsable framework text may fail, and ours parse. */
		fprintf(stderr, "importer_build: %s\n", err.msg);
		abort();
	}
	walk(p);
	for (i = 0; i < rep.n_items; i++)
		if (rep.items[i].line < 1 || rep.items[i].text == NULL)
			abort();
	for (i = 0; i < rep.n_sources; i++) {
		const struct importer_source *s = &rep.sources[i];

		for (j = 0; j < s->n_spans; j++)
			if (s->spans[j].src + s->spans[j].len > size)
				abort();
		/* Every offset maps into the draft, one past the end included. */
		for (j = 0; j < 3; j++)
			if (importer_locate(&rep, s->ecq, s->example, s->field, j * 7, &src) == 0 &&
			    src > size)
				abort();
	}
	findings_init(&fs);
	checker_set_framework(ck, p->fw);
	checker_check_project(ck, p, &fs);
	findings_free(&fs);
	project_free(p);
	importer_report_free(&rep);
	return 0;
}
