/* SPDX-License-Identifier: MIT */
/*
 * comments.c: where a review comment is (see comments.h). Parses revision
 * targets against the loaded project and re-anchors quotes with anchor.c.
 */
#include "config.h"
#include "comments.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anchor.h"
#include "strbuf.h"
#include "xalloc.h"

static const char *const field_names[EX_FIELD_COUNT] = {
	"title", "start", "end", "challenge", "context", "action", "result"
};

static int
field_index(const char *name)
{
	int f;

	for (f = 0; f < EX_FIELD_COUNT; f++)
		if (strcmp(field_names[f], name) == 0)
			return f;
	return -1;
}

/* Parses "example.<id>.<field>"; returns the example or NULL. */
static const struct example *
target_example(const struct project *p, const char *target, int *field)
{
	long long id;
	char name[16];
	int n = 0;

	if (sscanf(target, "example.%lld.%15[a-z]%n", &id, name, &n) != 2 || target[n] != '\0')
		return NULL;
	if ((*field = field_index(name)) < 0)
		return NULL;
	return project_example_by_id(p, (int64_t)id);
}

/* Parses "example.<id>.resume" and "example.<id>.card": the example,
 * with *card telling which; NULL for any other target. */
static const struct example *
target_shape(const struct project *p, const char *target, bool *card)
{
	long long id;
	char name[16];
	int n = 0;

	if (sscanf(target, "example.%lld.%15[a-z]%n", &id, name, &n) != 2 || target[n] != '\0')
		return NULL;
	if (strcmp(name, "resume") != 0 && strcmp(name, "card") != 0)
		return NULL;
	*card = strcmp(name, "card") == 0;
	return project_example_by_id(p, (int64_t)id);
}

/* Parses "position.<id>.<field>": the position, with *field its field;
 * NULL for any other target. */
static const struct position *
target_position(const struct project *p, const char *target, int *field)
{
	long long id;
	char name[16];
	int n = 0;

	if (sscanf(target, "position.%lld.%15[a-z]%n", &id, name, &n) != 2 || target[n] != '\0')
		return NULL;
	if ((*field = project_position_field_parse(name)) < 0)
		return NULL;
	return project_position_by_id(p, (int64_t)id);
}

const char *
comments_target_text(const struct project *p, const char *target)
{
	const struct example *e;
	const struct position *pos;
	int a, b, n = 0, f;
	bool card;

	if ((e = target_example(p, target, &f)) != NULL)
		return e->field[f];
	if ((e = target_shape(p, target, &card)) != NULL)
		return card ? project_example_card(e) : project_example_resume(e);
	if ((pos = target_position(p, target, &f)) != NULL)
		return pos->field[f];
	if (sscanf(target, "intro.%d%n", &a, &n) == 1 && target[n] == '\0')
		return a >= 1 && (size_t)a <= p->fw->n_ecqs ? p->intro[a - 1] : NULL;
	if (sscanf(target, "note.%d.%d%n", &a, &b, &n) == 2 && target[n] == '\0')
		return a >= 1 && (size_t)a <= p->fw->n_ecqs && b >= 1 &&
		    (size_t)b <= p->fw->ecqs[a - 1].questions.n ? p->notes[a - 1][b - 1] : NULL;
	if (strcmp(target, "meta.candidate") == 0)
		return p->candidate;
	if (strcmp(target, "meta.position") == 0)
		return p->position;
	if (strcmp(target, "unsorted") == 0)
		return p->unsorted;
	return NULL;
}

void
comments_where(const struct project *p, const char *target, int *ecq, int *example,
    const char **field)
{
	const struct example *e;
	int a, b, n = 0, f, E = -1, X = -1;
	const char *F = "";
	bool card;

	if ((e = target_example(p, target, &f)) != NULL) {
		E = e->ecq;
		X = e->position;
		F = field_names[f];
	} else if ((e = target_shape(p, target, &card)) != NULL) {
		E = e->ecq;
		X = e->position;
		F = card ? "card" : "résumé line";
	} else if (target_position(p, target, &f) != NULL) {
		F = "résumé position";
	} else if (sscanf(target, "example.%*d.%n", &n) == 0 && n > 0 &&
	    field_index(target + n) >= 0) {
		F = field_names[field_index(target + n)];       /* a deleted example */
	} else if (sscanf(target, "intro.%d%n", &a, &n) == 1 && target[n] == '\0') {
		E = a - 1;
		F = "intro";
	} else if (sscanf(target, "note.%d.%d%n", &a, &b, &n) == 2 && target[n] == '\0') {
		E = a - 1;
		F = "note";
	} else if (strncmp(target, "meta.", 5) == 0) {
		F = strcmp(target + 5, "candidate") == 0 ? "candidate" :
		    strcmp(target + 5, "position") == 0 ? "position" : "";
	} else if (strcmp(target, "unsorted") == 0) {
		F = "unsorted";
	}
	if (E >= 0 && (size_t)E >= p->fw->n_ecqs)
		E = -1;
	if (ecq != NULL)
		*ecq = E;
	if (example != NULL)
		*example = X;
	if (field != NULL)
		*field = F;
}

char *
comments_target(const struct project *p, int ecq, int example, const char *field,
    struct error *err)
{
	const struct example *e;
	int f;
	bool card;

	if (ecq < 0 || (size_t)ecq >= p->fw->n_ecqs) {
		error_set(err, ERR_NOTFOUND, "there is no ECQ %d (this framework has %zu)",
		    ecq + 1, p->fw->n_ecqs);
		return NULL;
	}
	if (strcmp(field, "intro") == 0)
		return xasprintf("intro.%d", ecq + 1);
	card = strcmp(field, "card") == 0;
	if ((f = field_index(field)) < 0 && !card && strcmp(field, "resume") != 0) {
		error_set(err, ERR_USAGE, "no field '%s' (use challenge, context, action, result, "
		    "intro, title, resume or card)", field);
		return NULL;
	}
	if ((e = project_example_at(p, ecq, (size_t)(example < 0 ? 0 : example))) == NULL ||
	    example < 0) {
		error_set(err, ERR_NOTFOUND, "ECQ %d has no example %d", ecq + 1, example + 1);
		return NULL;
	}
	return xasprintf("example.%lld.%s", (long long)e->id, f >= 0 ? field_names[f] :
	    card ? "card" : "resume");
}

void
comments_anchor(const struct project *p, struct comment *c, size_t n)
{
	struct anchor a;
	const char *text;
	size_t i;

	for (i = 0; i < n; i++) {
		text = comments_target_text(p, c[i].target);
		a.quote = c[i].quote;
		a.before = c[i].before;
		a.after = c[i].after;
		a.offset = c[i].quote_offset;
		c[i].detached = text == NULL || !anchor_find(text, &a, &c[i].offset, &c[i].length);
		if (c[i].detached)
			c[i].offset = c[i].length = 0;
	}
}

const char *
comments_state(const struct comment *c)
{
	if (c->resolved)
		return "resolved";
	return c->detached ? "detached" : "open";
}

static void
add(struct strbuf *b, const char *s)
{
	strbuf_add(b, s, strlen(s));
}

/* "ECQ 1, example 2, action" for a heading line. */
static char *
where_text(const struct project *p, const struct comment *c)
{
	const char *field;
	int ecq, ex;

	comments_where(p, c->target, &ecq, &ex, &field);
	if (ecq >= 0 && ex >= 0)
		return xasprintf("ECQ %d, example %d, %s", ecq + 1, ex + 1, field);
	if (ecq >= 0)
		return xasprintf("ECQ %d, %s", ecq + 1, field);
	return xasprintf("%s", *field ? field : c->target);
}

char *
comments_report(const struct project *p, int ecq, bool markdown)
{
	struct strbuf b = { NULL, 0, 0 };
	const struct comment *c;
	char *where, *line;
	size_t i, j, n = 0;
	int e;

	strbuf_add(&b, "", 0);
	for (i = 0; i < p->n_comments; i++) {
		c = &p->comments[i];
		comments_where(p, c->target, &e, NULL, NULL);
		if (c->resolved || (ecq >= 0 && e != ecq))
			continue;
		if (n++ == 0)
			add(&b, markdown ? "\n## Review comments\n\n" : "\n\nREVIEW COMMENTS\n\n");
		where = where_text(p, c);
		line = xasprintf("%zu. %s%s: \"%s\"\n", n, where,
		    c->detached ? " (its text is gone)" : "", c->quote);
		add(&b, line);
		free(line);
		free(where);
		line = xasprintf("   %s (%.10s): %s\n", c->author, c->created, c->body);
		add(&b, line);
		free(line);
		for (j = 0; j < c->n_replies; j++) {
			line = xasprintf("   reply, %s (%.10s): %s\n", c->replies[j].author,
			    c->replies[j].created, c->replies[j].body);
			add(&b, line);
			free(line);
		}
	}
	return b.s;
}
