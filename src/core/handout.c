/* SPDX-License-Identifier: MIT */
/* handout.c: a framework as a project of introductions only; see handout.h. */
#include "config.h"
#include "handout.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Joins a list as "a; b; c." on one line (items flattened to one line). */
static char *
join_items(const struct strlist *l)
{
	char *s = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < l->n; i++) {
		next = xasprintf("%s%s%s", s, i > 0 ? "; " : "", l->items[i]);
		free(s);
		s = next;
	}
	for (next = s; *next; next++)
		if (*next == '\n')
			*next = ' ';
	return s;
}

/* Appends one paragraph (a line) to *dst; newlines in s become spaces. */
static void
add_paragraph(char **dst, const char *s)
{
	char *next = xasprintf("%s%s%s", *dst, **dst ? "\n" : "", s), *c;
	size_t start = strlen(*dst) + (**dst ? 1 : 0);

	for (c = next + start; *c; c++)
		if (*c == '\n')
			*c = ' ';
	free(*dst);
	*dst = next;
}

struct project *
handout_project(const struct framework *fw, struct error *err)
{
	struct project *p;
	struct framework *copy;
	char *s, *line;
	size_t e, q;

	if (framework_parse(fw->text, strlen(fw->text), fw->id, &copy, err) != 0)
		return NULL;
	p = xcalloc(1, sizeof *p);
	p->fw = copy;
	p->path = xstrdup("");
	p->candidate = xstrdup(copy->title);
	p->position = xstrdup("Workshop handout");
	p->created = xstrdup("");
	p->modified = xstrdup("");
	p->unsorted = xstrdup("");
	p->intro = xcalloc(copy->n_ecqs + 1, sizeof *p->intro);
	p->notes = xcalloc(copy->n_ecqs + 1, sizeof *p->notes);
	for (e = 0; e < copy->n_ecqs; e++) {
		const struct fw_ecq *ecq = &copy->ecqs[e];

		s = xstrdup("");
		add_paragraph(&s, ecq->definition);
		if (ecq->competencies.n > 0) {
			char *items = join_items(&ecq->competencies);

			line = xasprintf("Competencies: %s.", items);
			add_paragraph(&s, line);
			free(line);
			free(items);
		}
		if (ecq->characteristics.n > 0) {
			char *items = join_items(&ecq->characteristics);

			line = xasprintf("Key characteristics: %s.", items);
			add_paragraph(&s, line);
			free(line);
			free(items);
		}
		if (ecq->questions.n > 0)
			add_paragraph(&s, "What should the focus be?");
		for (q = 0; q < ecq->questions.n; q++) {
			line = xasprintf("- %s", ecq->questions.items[q]);
			add_paragraph(&s, line);
			free(line);
		}
		p->intro[e] = s;
		p->notes[e] = xcalloc(ecq->questions.n + 1, sizeof *p->notes[e]);
		for (q = 0; q < ecq->questions.n; q++)
			p->notes[e][q] = xstrdup("");
	}
	return p;
}
