/* SPDX-License-Identifier: MIT */
/*
 * history.c: labels for revision targets and restoring a revision through
 * the store (see history.h). Targets are parsed strictly: anything that
 * does not print back the same is shown as it is, never guessed at.
 */
#include "config.h"

#include "history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

enum hist_kind { HK_NONE, HK_META, HK_UNSORTED, HK_INTRO, HK_NOTE, HK_EXAMPLE };

struct hist_target {
	enum hist_kind kind;
	const char *meta;       /* HK_META: "candidate" or "position" */
	int ecq, question;      /* 0-based */
	int64_t example;
	enum example_field field;
};

static void
hist_parse(const char *s, struct hist_target *t)
{
	char back[96];
	long long id;
	int a, b, f;

	memset(t, 0, sizeof *t);
	if (strcmp(s, "meta.candidate") == 0 || strcmp(s, "meta.position") == 0) {
		t->kind = HK_META;
		t->meta = s + 5;
	} else if (strcmp(s, "unsorted") == 0) {
		t->kind = HK_UNSORTED;
	} else if (sscanf(s, "intro.%d", &a) == 1 && a >= 1) {
		snprintf(back, sizeof back, "intro.%d", a);
		if (strcmp(back, s) == 0) {
			t->kind = HK_INTRO;
			t->ecq = a - 1;
		}
	} else if (sscanf(s, "note.%d.%d", &a, &b) == 2 && a >= 1 && b >= 1) {
		snprintf(back, sizeof back, "note.%d.%d", a, b);
		if (strcmp(back, s) == 0) {
			t->kind = HK_NOTE;
			t->ecq = a - 1;
			t->question = b - 1;
		}
	} else if (sscanf(s, "example.%lld.", &id) == 1 && id > 0) {
		for (f = 0; f < EX_FIELD_COUNT && t->kind == HK_NONE; f++) {
			char *name = store_example_target((int64_t)id, (enum example_field)f);

			if (strcmp(name, s) == 0) {
				t->kind = HK_EXAMPLE;
				t->example = (int64_t)id;
				t->field = (enum example_field)f;
			}
			free(name);
		}
	}
}

static const char *
hist_ecq_title(const struct project *p, int ecq)
{
	if (p == NULL || ecq < 0 || (size_t)ecq >= p->fw->n_ecqs)
		return NULL;
	return p->fw->ecqs[ecq].title;
}

char *
history_label(const struct project *p, const char *target)
{
	struct hist_target t;
	const struct example *ex;
	const char *title;

	hist_parse(target, &t);
	switch (t.kind) {
	case HK_META:
		return xstrdup(strcmp(t.meta, "candidate") == 0 ? "Candidate's name" : "Position");
	case HK_UNSORTED:
		return xstrdup("Unsorted text");
	case HK_INTRO:
		if ((title = hist_ecq_title(p, t.ecq)) != NULL)
			return xasprintf("ECQ %d (%s), introduction", t.ecq + 1, title);
		break;
	case HK_NOTE:
		if ((title = hist_ecq_title(p, t.ecq)) != NULL)
			return xasprintf("ECQ %d (%s), answer to focus question %d", t.ecq + 1,
			    title, t.question + 1);
		break;
	case HK_EXAMPLE:
		ex = p != NULL ? project_example_by_id(p, t.example) : NULL;
		if (ex == NULL)
			return xasprintf("a deleted example, %s", project_field_name(t.field));
		if ((title = hist_ecq_title(p, ex->ecq)) != NULL)
			return xasprintf("ECQ %d (%s), example %d \"%.60s\", %s", ex->ecq + 1, title,
			    ex->position + 1, ex->field[EX_TITLE], project_field_name(t.field));
		break;
	case HK_NONE:
		break;
	}
	return xstrdup(target);
}

char *
history_current(const struct project *p, const char *target)
{
	struct hist_target t;
	const struct example *ex;

	hist_parse(target, &t);
	switch (t.kind) {
	case HK_META:
		return xstrdup(strcmp(t.meta, "candidate") == 0 ? p->candidate : p->position);
	case HK_UNSORTED:
		return xstrdup(p->unsorted);
	case HK_INTRO:
		if (hist_ecq_title(p, t.ecq) != NULL)
			return xstrdup(p->intro[t.ecq]);
		break;
	case HK_NOTE:
		if (hist_ecq_title(p, t.ecq) != NULL
		    && (size_t)t.question < p->fw->ecqs[t.ecq].questions.n)
			return xstrdup(p->notes[t.ecq][t.question]);
		break;
	case HK_EXAMPLE:
		ex = project_example_by_id(p, t.example);
		if (ex != NULL)
			return xstrdup(ex->field[t.field]);
		break;
	case HK_NONE:
		break;
	}
	return NULL;
}

int
history_restore(struct store *st, int64_t id, char **target_out, struct error *err)
{
	struct revision r;
	int rc;

	if (target_out != NULL)
		*target_out = NULL;
	if (store_revision_get(st, id, &r, err) != 0)
		return -1;
	/* what the restore replaces must itself be kept */
	store_new_burst(st);
	rc = store_set_text(st, r.target, NULL, r.text, NULL, err);
	if (rc == 0 && target_out != NULL) {
		*target_out = r.target;
		r.target = NULL;
	}
	store_revision_free(&r);
	return rc;
}
