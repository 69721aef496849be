/* SPDX-License-Identifier: MIT */
/*
 * demo.c: reads a demo narrative (INI, see ecqcoach-prompts(5)) into memory,
 * checking every ECQ key and competency against the framework, then writes
 * it through the store API like any other edit.
 */
#include "config.h"
#include "demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inisrc.h"
#include "xalloc.h"

struct demo_example {
	int ecq;
	int number;                     /* 1-based, from the section name */
	char *field[EX_FIELD_COUNT];
	struct strlist competencies;
	char *resume;                   /* its résumé line, or NULL */
	char *card;                     /* its interview card, or NULL */
	int position;                   /* [position:N] it is listed under; 0: none */
};

struct demo_position {
	int number;                     /* 1-based, from the section name */
	char *field[POS_FIELD_COUNT];
};

struct demo {
	struct ini_src src;
	const struct framework *fw;
	char *framework_id, *candidate, *position;
	char **intro;                   /* [n_ecqs], NULL when absent */
	char ***notes;                  /* [n_ecqs][questions] */
	struct demo_example *ex;
	size_t n_ex;
	struct demo_example *cur;       /* example section being read */
	struct demo_position *pos;      /* the writer's positions */
	size_t n_pos;
	struct demo_position *cur_pos;  /* position section being read */
	int cur_ecq;                    /* ECQ of an intro or note section */
	char section[128];
	unsigned seen_sections;         /* src.sections when it began */
	char last_key[32];
};

static const char *const field_keys[EX_FIELD_COUNT] = {
	"title", "start", "end", "challenge", "context", "action", "result"
};

static int
find_key(const struct framework *fw, const char *key, size_t len)
{
	size_t i;

	for (i = 0; i < fw->n_ecqs; i++)
		if (strlen(fw->ecqs[i].key) == len && strncmp(fw->ecqs[i].key, key, len) == 0)
			return (int)i;
	return -1;
}

static int
set_text(struct demo *d, char **dst, const char *value)
{
	if (d->src.continuation) {
		if (*dst == NULL)
			return ini_src_fail(&d->src, "continuation line without a value to continue");
		ini_src_append(dst, value);
		return 1;
	}
	if (*dst != NULL)
		return ini_src_fail(&d->src, "'%s' is given twice in [%s]", d->last_key, d->section);
	*dst = xstrdup(value);
	return 1;
}

static int
enter_section(struct demo *d, const char *section)
{
	const char *key, *colon;
	char *end;
	long n;
	size_t i;

	snprintf(d->section, sizeof d->section, "%s", section);
	d->seen_sections = d->src.sections;
	d->last_key[0] = '\0';
	d->cur = NULL;
	d->cur_pos = NULL;
	d->cur_ecq = -1;
	if (strcmp(section, "project") == 0)
		return 1;
	if (strncmp(section, "intro:", 6) == 0 || strncmp(section, "note:", 5) == 0) {
		key = strchr(section, ':') + 1;
		d->cur_ecq = find_key(d->fw, key, strlen(key));
		if (d->cur_ecq < 0)
			return ini_src_fail(&d->src, "framework %s has no ECQ '%s'", d->fw->id, key);
		return 1;
	}
	if (strncmp(section, "example:", 8) == 0) {
		key = section + 8;
		colon = strchr(key, ':');
		if (colon == NULL)
			return ini_src_fail(&d->src, "write examples as [example:ECQ-KEY:NUMBER]");
		n = strtol(colon + 1, &end, 10);
		if (*end != '\0' || n < 1 || n > 99)
			return ini_src_fail(&d->src, "example number '%s' is not 1 to 99", colon + 1);
		d->cur_ecq = find_key(d->fw, key, (size_t)(colon - key));
		if (d->cur_ecq < 0)
			return ini_src_fail(&d->src, "framework %s has no ECQ '%.*s'", d->fw->id,
			    (int)(colon - key), key);
		for (i = 0; i < d->n_ex; i++)
			if (d->ex[i].ecq == d->cur_ecq && d->ex[i].number == (int)n)
				return ini_src_fail(&d->src, "[%s] appears twice", section);
		d->ex = xreallocarray(d->ex, d->n_ex + 1, sizeof *d->ex);
		d->cur = &d->ex[d->n_ex++];
		memset(d->cur, 0, sizeof *d->cur);
		d->cur->ecq = d->cur_ecq;
		d->cur->number = (int)n;
		return 1;
	}
	if (strncmp(section, "position:", 9) == 0) {
		n = strtol(section + 9, &end, 10);
		if (*end != '\0' || n < 1 || n > 99)
			return ini_src_fail(&d->src, "position number '%s' is not 1 to 99", section + 9);
		for (i = 0; i < d->n_pos; i++)
			if (d->pos[i].number == (int)n)
				return ini_src_fail(&d->src, "[%s] appears twice", section);
		d->pos = xreallocarray(d->pos, d->n_pos + 1, sizeof *d->pos);
		d->cur_pos = &d->pos[d->n_pos++];
		memset(d->cur_pos, 0, sizeof *d->cur_pos);
		d->cur_pos->number = (int)n;
		return 1;
	}
	return ini_src_fail(&d->src, "unknown section [%s]", section);
}

static int
handle_position(struct demo *d, const char *name, const char *value)
{
	int f = project_position_field_parse(name);

	if (f < 0)
		return ini_src_fail(&d->src, "unknown key '%s' in a position", name);
	return set_text(d, &d->cur_pos->field[f], value);
}

static int
handle_example(struct demo *d, const char *name, const char *value)
{
	struct demo_example *e = d->cur;
	const struct fw_ecq *q = &d->fw->ecqs[e->ecq];
	int f;

	if (strcmp(name, "competency") == 0) {
		if (d->src.continuation)
			return ini_src_fail(&d->src, "write each competency on its own line");
		if (!strlist_contains(&q->competencies, value) &&
		    !strlist_contains(&d->fw->fundamentals, value))
			return ini_src_fail(&d->src, "'%s' is not a competency of %s", value, q->title);
		strlist_push(&e->competencies, value);
		return 1;
	}
	for (f = 0; f < EX_FIELD_COUNT; f++)
		if (strcmp(name, field_keys[f]) == 0)
			return set_text(d, &e->field[f], value);
	if (strcmp(name, "resume") == 0)
		return set_text(d, &e->resume, value);
	if (strcmp(name, "card") == 0)
		return set_text(d, &e->card, value);
	if (strcmp(name, "position") == 0) {
		char *end;
		long n = strtol(value, &end, 10);

		if (*end != '\0' || n < 1 || n > 99)
			return ini_src_fail(&d->src, "position '%s' is not a [position:N] number", value);
		e->position = (int)n;
		return 1;
	}
	return ini_src_fail(&d->src, "unknown key '%s' in an example", name);
}

static int
handler(void *user, const char *section, const char *name, const char *value)
{
	struct demo *d = user;
	long q;
	char *end;
	int rc;

	if (d->src.failed)
		return 1;
	if (d->src.sections != d->seen_sections && !enter_section(d, section))
		return 0;
	if (d->src.continuation && strcmp(name, d->last_key) != 0)
		d->src.continuation = false;
	if (strcmp(section, "project") == 0) {
		if (strcmp(name, "framework") == 0)
			rc = set_text(d, &d->framework_id, value);
		else if (strcmp(name, "candidate") == 0)
			rc = set_text(d, &d->candidate, value);
		else if (strcmp(name, "position") == 0)
			rc = set_text(d, &d->position, value);
		else
			rc = ini_src_fail(&d->src, "unknown key '%s' in [project]", name);
	} else if (d->cur != NULL) {
		rc = handle_example(d, name, value);
	} else if (d->cur_pos != NULL) {
		rc = handle_position(d, name, value);
	} else if (strncmp(section, "intro:", 6) == 0) {
		rc = strcmp(name, "text") == 0 ? set_text(d, &d->intro[d->cur_ecq], value) :
		    ini_src_fail(&d->src, "unknown key '%s' in [%s] (text)", name, section);
	} else {
		q = name[0] == 'q' ? strtol(name + 1, &end, 10) : 0;
		if (q < 1 || *end != '\0' || (size_t)q > d->fw->ecqs[d->cur_ecq].questions.n)
			return ini_src_fail(&d->src, "'%s' is not a question of %s (q1 to q%zu)", name,
			    d->fw->ecqs[d->cur_ecq].title, d->fw->ecqs[d->cur_ecq].questions.n);
		rc = set_text(d, &d->notes[d->cur_ecq][q - 1], value);
	}
	snprintf(d->last_key, sizeof d->last_key, "%s", name);
	return rc;
}

static void
demo_free(struct demo *d)
{
	size_t i, j;
	int f;

	for (i = 0; i < d->fw->n_ecqs; i++) {
		free(d->intro[i]);
		for (j = 0; j < d->fw->ecqs[i].questions.n; j++)
			free(d->notes[i][j]);
		free(d->notes[i]);
	}
	free(d->intro);
	free(d->notes);
	for (i = 0; i < d->n_ex; i++) {
		for (f = 0; f < EX_FIELD_COUNT; f++)
			free(d->ex[i].field[f]);
		strlist_free(&d->ex[i].competencies);
		free(d->ex[i].resume);
		free(d->ex[i].card);
	}
	free(d->ex);
	for (i = 0; i < d->n_pos; i++)
		for (f = 0; f < POS_FIELD_COUNT; f++)
			free(d->pos[i].field[f]);
	free(d->pos);
	free(d->framework_id);
	free(d->candidate);
	free(d->position);
}

static int
compare_examples(const void *a, const void *b)
{
	const struct demo_example *x = a, *y = b;

	if (x->ecq != y->ecq)
		return x->ecq - y->ecq;
	return x->number - y->number;
}

static int
write_project(struct demo *d, struct store *st, struct error *err)
{
	const struct framework *fw = d->fw;
	int64_t *pos_ids = xcalloc(d->n_pos + 1, sizeof *pos_ids);
	size_t i, j;
	int64_t id;
	int f, rc = -1;

	if (store_set_candidate(st, d->candidate ? d->candidate : "", err) != 0 ||
	    store_set_position(st, d->position ? d->position : "", err) != 0)
		return -1;
	for (i = 0; i < fw->n_ecqs; i++) {
		if (d->intro[i] != NULL && store_set_intro(st, (int)i, d->intro[i], err) != 0)
			return -1;
		for (j = 0; j < fw->ecqs[i].questions.n; j++)
			if (d->notes[i][j] != NULL &&
			    store_set_note(st, (int)i, (int)j, d->notes[i][j], err) != 0)
				return -1;
	}
	for (i = 0; i < d->n_pos; i++) {
		if (store_add_position(st, "", &pos_ids[i], err) != 0)
			goto done;
		for (f = 0; f < POS_FIELD_COUNT; f++)
			if (d->pos[i].field[f] != NULL && store_set_position_field(st, pos_ids[i],
			    (enum position_field)f, d->pos[i].field[f], err) != 0)
				goto done;
	}
	if (d->n_ex > 1)
		qsort(d->ex, d->n_ex, sizeof *d->ex, compare_examples);
	for (i = 0; i < d->n_ex; i++) {
		if (store_add_example(st, d->ex[i].ecq, "", &id, err) != 0 ||
		    store_set_example_competencies(st, id, &d->ex[i].competencies, err) != 0)
			goto done;
		for (f = 0; f < EX_FIELD_COUNT; f++)
			if (d->ex[i].field[f] != NULL &&
			    store_set_example_field(st, id, f, d->ex[i].field[f], err) != 0)
				goto done;
		if (d->ex[i].resume != NULL &&
		    store_set_example_resume(st, id, d->ex[i].resume, err) != 0)
			goto done;
		if (d->ex[i].card != NULL &&
		    store_set_example_card(st, id, d->ex[i].card, err) != 0)
			goto done;
		for (j = 0; d->ex[i].position != 0 && j < d->n_pos; j++)
			if (d->pos[j].number == d->ex[i].position)
				break;
		if (d->ex[i].position != 0 && j == d->n_pos) {
			error_set(err, ERR_FORMAT, "an example of %s is listed under [position:%d], "
			    "which the demo lacks", fw->ecqs[d->ex[i].ecq].title, d->ex[i].position);
			goto done;
		}
		if (d->ex[i].position != 0 && store_link_example(st, id, pos_ids[j], err) != 0)
			goto done;
	}
	rc = 0;
done:
	free(pos_ids);
	return rc;
}

int
demo_create(const char *demo_path, const struct framework *fw, const char *path,
    struct store **out, struct error *err)
{
	struct demo d;
	FILE *f;
	char *text = NULL;
	size_t len = 0, i;
	int rc = -1;

	*out = NULL;
	memset(&d, 0, sizeof d);
	d.fw = fw;
	d.intro = xcalloc(fw->n_ecqs, sizeof *d.intro);
	d.notes = xcalloc(fw->n_ecqs, sizeof *d.notes);
	for (i = 0; i < fw->n_ecqs; i++)
		d.notes[i] = xcalloc(fw->ecqs[i].questions.n + 1, sizeof **d.notes);
	f = fopen(demo_path, "rb");
	if (f == NULL) {
		error_set(err, ERR_NOTFOUND, "framework %s has no demo narrative (%s is missing)",
		    fw->id, demo_path);
		goto done;
	}
	text = xmalloc(1 << 20);
	len = fread(text, 1, (1 << 20) - 1, f);
	fclose(f);
	text[len] = '\0';
	d.src.text = text;
	d.src.len = len;
	d.src.name = demo_path;
	d.src.err = err;
	if (ini_src_run(&d.src, handler, &d) != 0)
		goto done;
	if (d.framework_id != NULL && strcmp(d.framework_id, fw->id) != 0) {
		error_set(err, ERR_FORMAT, "%s: written for framework %s, not %s", demo_path,
		    d.framework_id, fw->id);
		goto done;
	}
	if (store_create(path, fw, "", out, err) != 0)
		goto done;
	/* One transaction: one fsync and one reload for the whole project. */
	if (store_batch_begin(*out, err) != 0 || write_project(&d, *out, err) != 0 ||
	    store_batch_commit(*out, err) != 0) {
		store_batch_rollback(*out);
		store_discard(*out);
		*out = NULL;
		goto done;
	}
	rc = 0;
done:
	free(text);
	demo_free(&d);
	return rc;
}
