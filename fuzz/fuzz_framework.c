/* SPDX-License-Identifier: MIT */
/*
 * fuzz_framework.c: libFuzzer harness for framework_parse, which reads
 * the prompts/ INI files and every project's framework snapshot. A parse either
 * fails with a "NAME:LINE: ..." message or yields a framework whose every
 * string can be read and whose lookups work; a parsed framework's own text
 * must parse again.
 */
#include "config.h"

#include "fuzz.h"

#include <stdio.h>

#include "framework.h"

static void
read_list(const struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->items[i] == NULL || strlen(l->items[i]) == (size_t)-1)
			abort();
}

/* Reads every part of fw; aborts on a broken one. */
static void
walk(const struct framework *fw)
{
	size_t i;
	char num[24];

	if (fw->id == NULL || fw->title == NULL || fw->text == NULL)
		abort();
	for (i = 0; i < fw->n_ecqs; i++) {
		const struct fw_ecq *e = &fw->ecqs[i];

		if (e->key == NULL || e->title == NULL || e->definition == NULL)
			abort();
		read_list(&e->competencies);
		read_list(&e->questions);
		read_list(&e->characteristics);
		if (framework_find_ecq(fw, e->key) < 0)
			abort();
		snprintf(num, sizeof num, "%zu", i + 1);
		framework_find_ecq(fw, num);
		framework_find_ecq(fw, e->title);
	}
	read_list(&fw->fundamentals);
	read_list(&fw->tips);
	for (i = 0; i < CCAR_COUNT; i++)
		if (fw->ccar[i] != NULL)
			(void)strlen(fw->ccar[i]);
	for (i = 0; i < fw->n_checklist; i++) {
		if (fw->checklist[i].text == NULL)
			abort();
		read_list(&fw->checklist[i].rules);
	}
	for (i = 0; i < fw->n_rules; i++)
		framework_rule(fw, fw->rules[i].key, 0);
	framework_rule(fw, "max_pages", 10);
	framework_find_ecq(fw, "0");
	framework_find_ecq(fw, "");
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct framework *fw = NULL, *again = NULL;
	struct error err;

	if (framework_parse((const char *)data, size, "fuzz.ini", &fw, &err) != 0) {
		if (err.code == ERR_NONE || err.msg[0] == '\0')
			abort();
		return 0;
	}
	walk(fw);
	/* The snapshot a project keeps must open the same way. */
	if (framework_parse(fw->text, strlen(fw->text), "snapshot", &again, &err) != 0 ||
	    again->n_ecqs != fw->n_ecqs)
		abort();
	framework_free(again);
	framework_free(fw);
	return 0;
}
