/* SPDX-License-Identifier: MIT */
/* project.c: freeing and reading the in-memory project; no I/O here. */
#include "config.h"
#include "project.h"

#include <stdlib.h>
#include <string.h>

static const char *const field_names[EX_FIELD_COUNT] = {
	"Title", "Start", "End", "Challenge", "Context", "Action", "Result"
};

const char *
project_field_name(enum example_field f)
{
	return (unsigned)f < EX_FIELD_COUNT ? field_names[f] : "?";
}

static const char *const position_names[POS_FIELD_COUNT] = {
	"Title", "Organization", "Series/grade", "Start", "End", "Hours per week",
	"Supervisor", "Supervisor's phone", "May contact", "Duties"
};
static const char *const position_keys[POS_FIELD_COUNT] = {
	"title", "organization", "grade", "start", "end", "hours", "supervisor",
	"phone", "contact", "duties"
};

const char *
project_position_field_name(enum position_field f)
{
	return (unsigned)f < POS_FIELD_COUNT ? position_names[f] : "?";
}

const char *
project_position_field_key(enum position_field f)
{
	return (unsigned)f < POS_FIELD_COUNT ? position_keys[f] : "?";
}

int
project_position_field_parse(const char *key)
{
	int f;

	for (f = 0; f < POS_FIELD_COUNT; f++)
		if (strcmp(key, position_keys[f]) == 0)
			return f;
	return -1;
}

const struct position *
project_position_by_id(const struct project *p, int64_t id)
{
	size_t i;

	for (i = 0; i < p->n_positions; i++)
		if (p->positions[i].id == id)
			return &p->positions[i];
	return NULL;
}

const char *
project_example_resume(const struct example *ex)
{
	return ex->resume != NULL ? ex->resume : "";
}

const char *
project_example_card(const struct example *ex)
{
	return ex->card != NULL ? ex->card : "";
}

int
project_field_ccar(enum example_field f)
{
	return f >= EX_CHALLENGE && f <= EX_RESULT ? (int)(f - EX_CHALLENGE) : -1;
}

size_t
project_count_examples(const struct project *p, int ecq)
{
	size_t i, n = 0;

	for (i = 0; i < p->n_examples; i++)
		if (p->examples[i].ecq == ecq)
			n++;
	return n;
}

const struct example *
project_example_at(const struct project *p, int ecq, size_t idx)
{
	size_t i, n = 0;

	for (i = 0; i < p->n_examples; i++)
		if (p->examples[i].ecq == ecq && n++ == idx)
			return &p->examples[i];
	return NULL;
}

struct example *
project_example_by_id(const struct project *p, int64_t id)
{
	size_t i;

	for (i = 0; i < p->n_examples; i++)
		if (p->examples[i].id == id)
			return &p->examples[i];
	return NULL;
}

void
project_free_comments(struct comment *c, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		free(c[i].uid);
		free(c[i].target);
		free(c[i].quote);
		free(c[i].before);
		free(c[i].after);
		free(c[i].author);
		free(c[i].body);
		free(c[i].created);
		for (j = 0; j < c[i].n_replies; j++) {
			free(c[i].replies[j].uid);
			free(c[i].replies[j].author);
			free(c[i].replies[j].body);
			free(c[i].replies[j].created);
		}
		free(c[i].replies);
	}
	free(c);
}

void
project_free(struct project *p)
{
	size_t i, j;
	int f;

	if (p == NULL)
		return;
	for (i = 0; p->intro != NULL && p->intro[i] != NULL; i++)
		free(p->intro[i]);
	for (i = 0; p->notes != NULL && p->notes[i] != NULL; i++) {
		for (j = 0; p->notes[i][j] != NULL; j++)
			free(p->notes[i][j]);
		free(p->notes[i]);
	}
	free(p->intro);
	free(p->notes);
	framework_free(p->fw);
	for (i = 0; i < p->n_examples; i++) {
		for (f = 0; f < EX_FIELD_COUNT; f++)
			free(p->examples[i].field[f]);
		strlist_free(&p->examples[i].competencies);
		free(p->examples[i].resume);
		free(p->examples[i].card);
	}
	free(p->examples);
	for (i = 0; i < p->n_positions; i++)
		for (f = 0; f < POS_FIELD_COUNT; f++)
			free(p->positions[i].field[f]);
	free(p->positions);
	strlist_free(&p->words);
	for (i = 0; i < p->n_dismissed; i++) {
		free(p->dismissed[i].rule);
		free(p->dismissed[i].target);
		free(p->dismissed[i].text);
	}
	free(p->dismissed);
	project_free_comments(p->comments, p->n_comments);
	strlist_free(&p->confirmed);
	free(p->path);
	free(p->candidate);
	free(p->position);
	free(p->created);
	free(p->uid);
	free(p->modified);
	free(p->unsorted);
	free(p);
}
