/* SPDX-License-Identifier: MIT */
/*
 * layout_fixture.h: builds test projects for the layout and export tests
 * and for bench/export through the store API: a ses-2010 project whose
 * ECQs each hold an introduction and two CCAR examples of a chosen length.
 * Deterministic, so page counts and golden output do not drift.
 */
#ifndef ECQ_LAYOUT_FIXTURE_H
#define ECQ_LAYOUT_FIXTURE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "framework.h"
#include "store.h"

static const char *const fixture_sentences[] = {
	"I directed a team of @ analysts to rebuild the agency's grant review "
	"process, and I set weekly targets that every branch chief could track.",
	"I briefed the Deputy Secretary on @ options and recommended the one "
	"that kept field offices open while cutting travel costs.",
	"I negotiated with @ state partners who had resisted the change, "
	"listening first and then showing them the data on delays.",
	"As a result, review time fell by @ percent within a year and the "
	"backlog of applications disappeared.",
	"I wrote the implementation plan myself and assigned each of the @ "
	"milestones to a named owner with a due date.",
};

/* A paragraph of n sentences starting at sentence seed. Caller frees. */
static inline char *
fixture_paragraph(int n, int seed)
{
	size_t cap = 256, len = 0;
	char *s = malloc(cap);
	int i;

	s[0] = '\0';
	for (i = 0; i < n; i++) {
		char buf[512];
		const char *tpl = fixture_sentences[(seed + i) % 5];
		const char *at = strchr(tpl, '@');
		int w = snprintf(buf, sizeof buf, "%.*s%d%s", (int)(at - tpl), tpl,
		    3 + (seed * 7 + i * 13) % 90, at + 1);

		while (len + (size_t)w + 2 > cap)
			s = realloc(s, cap *= 2);
		if (len > 0)
			s[len++] = ' ';
		memcpy(s + len, buf, (size_t)w + 1);
		len += (size_t)w;
	}
	return s;
}

/* n_paras paragraphs of n_sent sentences each, one per line. Caller frees. */
static inline char *
fixture_text(int n_paras, int n_sent, int seed)
{
	size_t len = 0;
	char *s = calloc(1, 1);
	int i;

	for (i = 0; i < n_paras; i++) {
		char *p = fixture_paragraph(n_sent, seed + i);
		size_t pl = strlen(p);

		s = realloc(s, len + pl + 2);
		if (len > 0)
			s[len++] = '\n';
		memcpy(s + len, p, pl + 1);
		len += pl;
		free(p);
	}
	return s;
}

/* Creates path from prompts/ses-2010.ini under srcdir with every ECQ
 * holding an intro of 1 paragraph and two examples whose CCAR parts each
 * hold `paras` paragraphs of `sent` sentences. Returns the open store or
 * NULL (err set). */
static inline struct store *
fixture_project(const char *srcdir, const char *path, int paras, int sent,
    struct error *err)
{
	char ini[4096];
	struct framework *fw;
	struct store *st;
	size_t e;
	int x, f;

	snprintf(ini, sizeof ini, "%s/prompts/ses-2010.ini", srcdir);
	if (framework_load_file(ini, &fw, err) != 0)
		return NULL;
	if (store_create(path, fw, "Jane Q. Public", &st, err) != 0) {
		framework_free(fw);
		return NULL;
	}
	framework_free(fw);
	if (store_set_position(st, "Director, Office of Grants (Announcement 24-117)", err) != 0)
		goto fail;
	for (e = 0; e < store_project(st)->fw->n_ecqs; e++) {
		char *intro = fixture_text(1, 3, (int)e);

		if (store_set_intro(st, (int)e, intro, err) != 0) {
			free(intro);
			goto fail;
		}
		free(intro);
		for (x = 0; x < 2; x++) {
			int64_t id;
			char title[128];

			snprintf(title, sizeof title, "Rebuilding program %zu.%d", e + 1, x + 1);
			if (store_add_example(st, (int)e, title, &id, err) != 0 ||
			    store_set_example_field(st, id, EX_START, "2019-03", err) != 0 ||
			    store_set_example_field(st, id, EX_END, "2021-06", err) != 0)
				goto fail;
			for (f = EX_CHALLENGE; f <= EX_RESULT; f++) {
				char *t = fixture_text(paras, sent, (int)(e * 11 + (size_t)x * 5) + f);
				int rc = store_set_example_field(st, id, (enum example_field)f, t, err);

				free(t);
				if (rc != 0)
					goto fail;
			}
		}
	}
	return st;
fail:
	store_close(st);
	return NULL;
}

#endif
