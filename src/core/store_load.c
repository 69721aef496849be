/* SPDX-License-Identifier: MIT */
/*
 * store_load.c: reads the project file into a fresh struct project (the
 * framework snapshot, meta values, introductions and notes, examples,
 * word lists, résumé parts and comments), so the in-memory copy stays in
 * step with the file after every change. Reads only; never writes.
 */
#include "config.h"
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "xalloc.h"

/* A text column, "" for NULL: a damaged or hand-made file may hold NULL
 * where ecqcoach never writes one. */
const char *
store_col_str(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return s != NULL ? (const char *)s : "";
}

char *
store_column_text(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return xstrdup(s ? (const char *)s : "");
}

/* Reads one meta value or "". */
static char *
meta_get(struct store *st, const char *key)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT value FROM meta WHERE key = ?1", NULL);
	char *v;

	if (stmt == NULL)
		return xstrdup("");
	sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
	v = sqlite3_step(stmt) == SQLITE_ROW ? store_column_text(stmt, 0) : xstrdup("");
	sqlite3_finalize(stmt);
	return v;
}

int
store_ecq_index(const struct framework *fw, const char *key)
{
	size_t i;

	for (i = 0; i < fw->n_ecqs; i++)
		if (strcmp(fw->ecqs[i].key, key) == 0)
			return (int)i;
	return -1;
}

static int
load_framework(struct store *st, struct framework **out, struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT id, text FROM framework", err);
	char name[512];
	int rc;

	if (stmt == NULL)
		return -1;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return error_set(err, ERR_FORMAT, "%s: the project has no framework snapshot; the file is damaged", st->path);
	}
	snprintf(name, sizeof name, "%s (framework snapshot '%s')", st->path,
	    store_col_str(stmt, 0));
	rc = framework_parse(store_col_str(stmt, 1),
	    (size_t)sqlite3_column_bytes(stmt, 1), name, out, err);
	sqlite3_finalize(stmt);
	return rc;
}

static int
load_examples(struct store *st, struct project *p, struct error *err)
{
	sqlite3_stmt *stmt, *cs;
	struct example *e;
	int f, ecq;
	const char *key;

	stmt = store_prepare(st, "SELECT id, ecq, position, title, start_date, end_date, challenge, "
	    "context, action, result FROM example WHERE deleted = 0 ORDER BY position, id", err);
	if (stmt == NULL)
		return -1;
	cs = store_prepare(st, "SELECT competency FROM example_competency WHERE example_id = ?1 ORDER BY competency", err);
	if (cs == NULL) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		key = (const char *)sqlite3_column_text(stmt, 1);
		ecq = store_ecq_index(p->fw, key ? key : "");
		if (ecq < 0)
			continue;       /* an ECQ the snapshot lacks: keep in the file, hide here */
		p->examples = xreallocarray(p->examples, p->n_examples + 1, sizeof *p->examples);
		e = &p->examples[p->n_examples++];
		memset(e, 0, sizeof *e);
		e->id = sqlite3_column_int64(stmt, 0);
		e->ecq = ecq;
		e->position = sqlite3_column_int(stmt, 2);
		for (f = 0; f < EX_FIELD_COUNT; f++)
			e->field[f] = store_column_text(stmt, 3 + f);
		sqlite3_bind_int64(cs, 1, e->id);
		while (sqlite3_step(cs) == SQLITE_ROW)
			strlist_push(&e->competencies, store_col_str(cs, 0));
		sqlite3_reset(cs);
	}
	sqlite3_finalize(stmt);
	sqlite3_finalize(cs);
	return 0;
}

static int
compare_examples(const void *a, const void *b)
{
	const struct example *x = a, *y = b;

	if (x->ecq != y->ecq)
		return x->ecq < y->ecq ? -1 : 1;
	if (x->position != y->position)
		return x->position < y->position ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Fills intro and notes; rows for ECQs or questions the snapshot lacks are
 * kept in the file but not shown. */
static int
load_texts(struct store *st, struct project *p, struct error *err)
{
	const struct framework *fw = p->fw;
	sqlite3_stmt *stmt;
	size_t i, j;
	int e, q;

	/* NULL-terminated, so project_free needs no framework to free them. */
	p->intro = xcalloc(fw->n_ecqs + 1, sizeof *p->intro);
	p->notes = xcalloc(fw->n_ecqs + 1, sizeof *p->notes);
	for (i = 0; i < fw->n_ecqs; i++) {
		p->notes[i] = xcalloc(fw->ecqs[i].questions.n + 1, sizeof **p->notes);
		for (j = 0; j < fw->ecqs[i].questions.n; j++)
			p->notes[i][j] = xstrdup("");
	}
	stmt = store_prepare(st, "SELECT ecq, text FROM intro", err);
	if (stmt == NULL)
		return -1;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		e = store_ecq_index(fw, store_col_str(stmt, 0));
		if (e >= 0 && p->intro[e] == NULL)
			p->intro[e] = store_column_text(stmt, 1);
	}
	sqlite3_finalize(stmt);
	for (i = 0; i < fw->n_ecqs; i++)
		if (p->intro[i] == NULL)
			p->intro[i] = xstrdup("");
	stmt = store_prepare(st, "SELECT ecq, question, text FROM note", err);
	if (stmt == NULL)
		return -1;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		e = store_ecq_index(fw, store_col_str(stmt, 0));
		q = sqlite3_column_int(stmt, 1);
		if (e >= 0 && q >= 0 && (size_t)q < fw->ecqs[e].questions.n) {
			free(p->notes[e][q]);
			p->notes[e][q] = store_column_text(stmt, 2);
		}
	}
	sqlite3_finalize(stmt);
	return 0;
}

static int
load_lists(struct store *st, struct project *p, struct error *err)
{
	sqlite3_stmt *stmt;
	struct dismissal *d;

	if ((stmt = store_prepare(st, "SELECT word FROM word ORDER BY word", err)) == NULL)
		return -1;
	while (sqlite3_step(stmt) == SQLITE_ROW)
		strlist_push(&p->words, store_col_str(stmt, 0));
	sqlite3_finalize(stmt);
	if ((stmt = store_prepare(st, "SELECT item FROM confirmed ORDER BY item", err)) == NULL)
		return -1;
	while (sqlite3_step(stmt) == SQLITE_ROW)
		strlist_push(&p->confirmed, store_col_str(stmt, 0));
	sqlite3_finalize(stmt);
	if ((stmt = store_prepare(st, "SELECT rule, target, text FROM dismissed", err)) == NULL)
		return -1;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		p->dismissed = xreallocarray(p->dismissed, p->n_dismissed + 1, sizeof *p->dismissed);
		d = &p->dismissed[p->n_dismissed++];
		d->rule = store_column_text(stmt, 0);
		d->target = store_column_text(stmt, 1);
		d->text = store_column_text(stmt, 2);
	}
	sqlite3_finalize(stmt);
	return 0;
}

/* Builds a fresh struct project from the file. The framework is parsed only
 * the first time; later reloads reuse it (the snapshot never changes). */
int
store_load(struct store *st, struct error *err)
{
	struct project *p = xcalloc(1, sizeof *p);
	size_t i;
	int pos = 0, last = -1;

	if (st->p != NULL) {
		p->fw = st->p->fw;
		st->p->fw = NULL;
	} else if (load_framework(st, &p->fw, err) != 0) {
		free(p);
		return -1;
	}
	p->path = xstrdup(st->path);
	p->candidate = meta_get(st, "candidate");
	p->position = meta_get(st, "position");
	p->created = meta_get(st, "created");
	p->uid = meta_get(st, "uid");
	p->modified = meta_get(st, "modified");
	p->unsorted = meta_get(st, "unsorted");
	if (load_texts(st, p, err) != 0 || load_examples(st, p, err) != 0 ||
	    load_lists(st, p, err) != 0 || store_resume_load(st, p, err) != 0 ||
	    store_comments_load(st, p, err) != 0) {
		project_free(p);
		return -1;
	}
	/* Positions in the file may have gaps after deletions; show 0..n-1. */
	if (p->n_examples > 1)
		qsort(p->examples, p->n_examples, sizeof *p->examples, compare_examples);
	for (i = 0; i < p->n_examples; i++) {
		if (p->examples[i].ecq != last)
			pos = 0;
		last = p->examples[i].ecq;
		p->examples[i].position = pos++;
	}
	project_free(st->p);
	st->p = p;
	return 0;
}
