/* SPDX-License-Identifier: MIT */
/*
 * fuzz_checker.c: libFuzzer harness for checker_check_text, what the editor
 * runs on every keystroke and `lint` on a file: every text rule, spelling
 * included, on any bytes. The checker is set up once, as the CLI does, from
 * the data dir ($ECQCOACH_DATADIR or the source tree) and the current
 * framework. Findings must lie inside the text.
 */
#include "config.h"

#include "fuzz.h"

#include <stdio.h>

#include "checker.h"
#include "framework.h"
#include "paths.h"

static struct framework_set set;
static struct checker *ck;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* Suggestions come from hunspell on demand in the editor; without them
	 * a fuzzed word does not spend a second in hunspell's search. */
	struct checker_options opt = { .user_words = "", .no_suggestions = true };
	struct error err;
	char *dir = paths_data_file("prompts");

	if (framework_set_load(dir, &set, &err) != 0 || set.n == 0 ||
	    checker_new(&opt, &ck, &err) != 0) {
		fprintf(stderr, "fuzz_checker: %s (set ECQCOACH_DATADIR)\n", err.msg);
		exit(1);
	}
	free(dir);
	checker_set_framework(ck, framework_set_default(&set));
	checker_set_candidate(ck, "Jordan A. Rivera");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct findings fs;
	size_t i;

	findings_init(&fs);
	checker_check_text(ck, (const char *)data, size, NULL, &fs);
	for (i = 0; i < fs.n; i++)
		if (fs.items[i].offset > size || fs.items[i].length > size - fs.items[i].offset)
			abort();
	findings_free(&fs);
	return 0;
}
