/* SPDX-License-Identifier: MIT */
/*
 * roster.c: from a CSV table to a cohort's participants and their file
 * names. Prints nothing.
 */
#include "config.h"
#include "roster.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export.h"
#include "xalloc.h"

#define SLUG_MAX 60

enum column { COL_NAME, COL_FIRST, COL_LAST, COL_EMAIL, COL_POSITION, COL_USER, COL_COUNT };

void
roster_csv_limits(struct csv_limits *lim)
{
	lim->max_bytes = ROSTER_MAX_BYTES;
	lim->max_records = ROSTER_MAX_ROWS + 1;
	lim->max_fields = 64;
	lim->max_field_bytes = ROSTER_MAX_FIELD;
}

/* s without leading and trailing spaces, tabs and line breaks; new string. */
static char *
trimmed(const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	return xstrndup(s, n);
}

/* Which column a header names, or -1. */
static int
column_of(const char *header)
{
	static const struct { const char *name; enum column col; } names[] = {
		{ "name", COL_NAME }, { "full name", COL_NAME }, { "full_name", COL_NAME },
		{ "first name", COL_FIRST }, { "first_name", COL_FIRST }, { "given name", COL_FIRST },
		{ "last name", COL_LAST }, { "last_name", COL_LAST }, { "surname", COL_LAST },
		{ "family name", COL_LAST },
		{ "email", COL_EMAIL }, { "e-mail", COL_EMAIL }, { "e-mail address", COL_EMAIL },
		{ "email address", COL_EMAIL }, { "mail", COL_EMAIL },
		{ "position", COL_POSITION },
		{ "user", COL_USER }, { "login", COL_USER }, { "username", COL_USER },
	};
	char *h = trimmed(header);
	size_t i;
	int col = -1;

	for (i = 0; i < sizeof names / sizeof *names; i++) {
		if (strcasecmp(h, names[i].name) == 0) {
			col = (int)names[i].col;
			break;
		}
	}
	free(h);
	return col;
}

/* Whether s holds a control character (a name is one line of text). */
static bool
has_control(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7F)
			return true;
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return true;
	}
	return false;
}

char *
roster_slug(const struct export_fold *fold, const char *name)
{
	char *ascii = export_fold_ascii(fold, name);
	char *out = xmalloc(SLUG_MAX + 1);
	size_t n = 0;
	const char *p;
	bool dash = false;

	for (p = ascii; *p != '\0' && n < SLUG_MAX; p++) {
		char c = *p;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && n > 0 && n < SLUG_MAX - 1)
				out[n++] = '-';
			dash = false;
			out[n++] = c;
		} else if (c == '\'') {
			continue;       /* "O'Brien" -> "obrien" */
		} else {
			dash = true;
		}
	}
	out[n] = '\0';
	free(ascii);
	if (n == 0) {
		free(out);
		return xstrdup("participant");
	}
	return out;
}

/* Whether slug is taken by one of the first n people. */
static bool
slug_taken(const struct roster *r, size_t n, const char *slug)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (r->people[i].slug != NULL && strcmp(r->people[i].slug, slug) == 0)
			return true;
	return false;
}

/* Field col of record rec, trimmed (new string; "" when absent). */
static char *
field(const struct csv_record *rec, const int *cols, enum column col)
{
	if (cols[col] < 0 || (size_t)cols[col] >= rec->n)
		return xstrdup("");
	return trimmed(rec->fields[cols[col]]);
}

/* Fills one person from a data row. */
static void
read_person(struct roster *r, const struct csv_record *rec, const int *cols,
    const struct export_fold *fold)
{
	struct roster_person *pp = &r->people[r->n];
	char *name, *slug;
	int k;

	memset(pp, 0, sizeof *pp);
	pp->line = rec->line;
	if (rec->error != NULL) {
		pp->error = xstrdup(rec->error);
		return;
	}
	name = field(rec, cols, COL_NAME);
	if (name[0] == '\0' && (cols[COL_FIRST] >= 0 || cols[COL_LAST] >= 0)) {
		char *first = field(rec, cols, COL_FIRST), *last = field(rec, cols, COL_LAST);

		free(name);
		name = xasprintf("%s%s%s", first, first[0] && last[0] ? " " : "", last);
		free(first);
		free(last);
	}
	pp->email = field(rec, cols, COL_EMAIL);
	pp->position = field(rec, cols, COL_POSITION);
	pp->user = field(rec, cols, COL_USER);
	if (name[0] == '\0') {
		pp->error = xstrdup("no name");
		free(name);
		return;
	}
	if (has_control(name) || has_control(pp->email) || has_control(pp->position) ||
	    has_control(pp->user)) {
		pp->error = xstrdup("a field holds a line break or a control character");
		free(name);
		return;
	}
	pp->name = name;
	slug = roster_slug(fold, name);
	if (!slug_taken(r, r->n, slug)) {
		pp->slug = slug;
		return;
	}
	for (k = 2;; k++) {
		char *alt = xasprintf("%s-%d", slug, k);

		if (!slug_taken(r, r->n, alt)) {
			pp->slug = alt;
			break;
		}
		free(alt);
	}
	free(slug);
}

int
roster_read(const struct csv_table *t, const char *name, const struct export_fold *fold,
    struct roster *out, struct error *err)
{
	const struct csv_record *hdr;
	int cols[COL_COUNT];
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < COL_COUNT; i++)
		cols[i] = -1;
	if (t->n == 0)
		return error_set(err, ERR_FORMAT, "%s is empty; it needs a header row "
		    "(name, email, position) and one row per participant", name);
	hdr = &t->records[0];
	if (hdr->error != NULL)
		return error_set(err, ERR_FORMAT, "%s: line %zu (the header): %s", name, hdr->line,
		    hdr->error);
	for (i = 0; i < hdr->n; i++) {
		int c = column_of(hdr->fields[i]);

		if (c >= 0 && cols[c] < 0)
			cols[c] = (int)i;
	}
	if (cols[COL_NAME] < 0 && cols[COL_FIRST] < 0 && cols[COL_LAST] < 0)
		return error_set(err, ERR_FORMAT, "%s: line %zu: the header has no \"name\" column "
		    "(the first row must name the columns: name, email, position, user)", name,
		    hdr->line);
	out->has_user = cols[COL_USER] >= 0;
	out->people = xcalloc(t->n, sizeof *out->people);
	for (i = 1; i < t->n; i++) {
		read_person(out, &t->records[i], cols, fold);
		out->n++;
	}
	return 0;
}

void
roster_free(struct roster *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->people[i].name);
		free(r->people[i].email);
		free(r->people[i].position);
		free(r->people[i].user);
		free(r->people[i].slug);
		free(r->people[i].error);
	}
	free(r->people);
	memset(r, 0, sizeof *r);
}
