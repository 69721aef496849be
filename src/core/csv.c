/* SPDX-License-Identifier: MIT */
/*
 * csv.c: the comma-separated values reader behind `cohort init --roster`.
 * One pass over the bytes; every size is checked against the caller's
 * limits while reading, so hostile input costs bounded memory. Prints
 * nothing.
 */
#include "config.h"
#include "csv.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "bounded.h"
#include "strbuf.h"
#include "xalloc.h"

/* The state of one parse. */
struct parser {
	const char *name;
	const char *p, *end;
	size_t line;                    /* current 1-based line */
	const struct csv_limits *lim;
	struct strbuf field;            /* the field being read */
	bool field_over;                /* it passed max_field_bytes */
	char **fields;                  /* the record being read */
	size_t nf, capf;
	char *error;                    /* the record's first problem, or NULL */
};

/* Keeps the first problem of a record. */
static void
record_problem(struct parser *ps, char *msg)
{
	if (ps->error == NULL)
		ps->error = msg;
	else
		free(msg);
}

static void
field_add(struct parser *ps, const char *s, size_t n)
{
	if (ps->field_over)
		return;
	if (ps->lim->max_field_bytes > 0 && ps->field.len + n > ps->lim->max_field_bytes) {
		ps->field_over = true;
		record_problem(ps, xasprintf("field %zu is longer than the limit of %zu bytes",
		    ps->nf + 1, ps->lim->max_field_bytes));
		return;
	}
	strbuf_add(&ps->field, s, n);
}

/* Ends the field being read and adds it to the record (checked: no NUL,
 * valid UTF-8, within the number of fields). */
static void
field_end(struct parser *ps)
{
	const char *s = ps->field.s != NULL ? ps->field.s : "";
	size_t n = ps->field.len;

	if (ps->lim->max_fields > 0 && ps->nf >= ps->lim->max_fields) {
		record_problem(ps, xasprintf("more than %zu fields", ps->lim->max_fields));
	} else {
		if (memchr(s, '\0', n) != NULL)
			record_problem(ps, xasprintf("field %zu holds a NUL byte", ps->nf + 1));
		else if (u8_check((const uint8_t *)s, n) != NULL)
			record_problem(ps, xasprintf("field %zu is not valid UTF-8 (save the file "
			    "as \"CSV UTF-8\")", ps->nf + 1));
		if (ps->nf == ps->capf) {
			ps->capf = ps->capf ? ps->capf * 2 : 8;
			ps->fields = xreallocarray(ps->fields, ps->capf, sizeof *ps->fields);
		}
		ps->fields[ps->nf++] = xstrndup(s, n);
	}
	free(ps->field.s);
	memset(&ps->field, 0, sizeof ps->field);
	ps->field_over = false;
}

/* At a line end (CRLF, LF or CR): steps over it and returns true. */
static bool
eat_newline(struct parser *ps)
{
	if (ps->p < ps->end && *ps->p == '\r') {
		ps->p++;
		if (ps->p < ps->end && *ps->p == '\n')
			ps->p++;
		ps->line++;
		return true;
	}
	if (ps->p < ps->end && *ps->p == '\n') {
		ps->p++;
		ps->line++;
		return true;
	}
	return false;
}

/* Reads a quoted field (ps->p just past the opening quote). Returns -1
 * with err set when the quote is never closed. */
static int
read_quoted(struct parser *ps, struct error *err)
{
	size_t opened = ps->line;

	for (;;) {
		const char *run = ps->p;

		while (ps->p < ps->end && *ps->p != '"' && *ps->p != '\r' && *ps->p != '\n')
			ps->p++;
		field_add(ps, run, (size_t)(ps->p - run));
		if (ps->p >= ps->end)
			return error_set(err, ERR_FORMAT, "%s: line %zu: a quote opened here is never "
			    "closed", ps->name, opened);
		if (*ps->p == '"') {
			if (ps->p + 1 < ps->end && ps->p[1] == '"') {
				field_add(ps, "\"", 1);
				ps->p += 2;
				continue;
			}
			ps->p++;
			break;
		}
		eat_newline(ps);
		field_add(ps, "\n", 1);
	}
	/* Spreadsheets write nothing after the closing quote; spaces are harmless. */
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t'))
		ps->p++;
	if (ps->p < ps->end && *ps->p != ',' && *ps->p != '\r' && *ps->p != '\n') {
		record_problem(ps, xasprintf("field %zu has text after its closing quote", ps->nf + 1));
		while (ps->p < ps->end && *ps->p != ',' && *ps->p != '\r' && *ps->p != '\n')
			ps->p++;
	}
	return 0;
}

static void
record_reset(struct parser *ps)
{
	size_t i;

	for (i = 0; i < ps->nf; i++)
		free(ps->fields[i]);
	ps->nf = 0;
	free(ps->error);
	ps->error = NULL;
}

int
csv_parse(const char *name, const char *data, size_t len, const struct csv_limits *lim,
    struct csv_table *out, struct error *err)
{
	static const struct csv_limits none = { 0, 0, 0, 0 };
	struct parser ps;
	size_t cap = 0;

	memset(out, 0, sizeof *out);
	memset(&ps, 0, sizeof ps);
	ps.name = name;
	ps.lim = lim != NULL ? lim : &none;
	if (ps.lim->max_bytes > 0 && len > ps.lim->max_bytes)
		return bounded_too_big(err, name, "a table", ps.lim->max_bytes);
	ps.p = data;
	ps.end = data + len;
	ps.line = 1;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		ps.p += 3;
	while (ps.p < ps.end) {
		size_t start = ps.line;
		bool quoted_any = false;
		struct csv_record *r;

		for (;;) {
			if (ps.p < ps.end && *ps.p == '"') {
				ps.p++;
				quoted_any = true;
				if (read_quoted(&ps, err) != 0)
					goto fail;
			} else {
				const char *run = ps.p;

				while (ps.p < ps.end && *ps.p != ',' && *ps.p != '\r' && *ps.p != '\n')
					ps.p++;
				field_add(&ps, run, (size_t)(ps.p - run));
			}
			field_end(&ps);
			if (ps.p < ps.end && *ps.p == ',') {
				ps.p++;
				continue;
			}
			eat_newline(&ps);
			break;
		}
		if (ps.nf == 1 && !quoted_any && ps.fields[0][0] == '\0' && ps.error == NULL) {
			record_reset(&ps);
			continue;       /* a blank line */
		}
		if (ps.lim->max_records > 0 && out->n >= ps.lim->max_records) {
			error_set(err, ERR_FORMAT, "%s: line %zu: more than %zu rows; split the file",
			    name, start, ps.lim->max_records);
			goto fail;
		}
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->records = xreallocarray(out->records, cap, sizeof *out->records);
		}
		r = &out->records[out->n++];
		memset(r, 0, sizeof *r);
		r->line = start;
		if (ps.error != NULL) {
			r->error = ps.error;
			ps.error = NULL;
			record_reset(&ps);
		} else {
			r->fields = xreallocarray(NULL, ps.nf + 1, sizeof *r->fields);
			memcpy(r->fields, ps.fields, ps.nf * sizeof *r->fields);
			r->fields[ps.nf] = NULL;
			r->n = ps.nf;
			ps.nf = 0;
		}
	}
	free(ps.fields);
	return 0;
fail:
	free(ps.field.s);
	record_reset(&ps);
	free(ps.fields);
	csv_table_free(out);
	return -1;
}

int
csv_read_file(const char *path, const struct csv_limits *lim, struct csv_table *out,
    struct error *err)
{
	FILE *f;
	char *data = NULL;
	size_t len = 0;
	int rc;

	memset(out, 0, sizeof *out);
	f = fopen(path, "rb");
	if (f == NULL)
		return error_set(err, ERR_IO, "cannot open %s: %s", path, strerror(errno));
	rc = bounded_read(f, path, "a table", lim != NULL && lim->max_bytes > 0 ?
	    lim->max_bytes : BOUNDED_DRAFT_MAX, &data, &len, err);
	fclose(f);
	if (rc != 0)
		return -1;
	rc = csv_parse(path, data, len, lim, out, err);
	free(data);
	return rc;
}

void
csv_table_free(struct csv_table *t)
{
	size_t i, k;

	for (i = 0; i < t->n; i++) {
		for (k = 0; k < t->records[i].n; k++)
			free(t->records[i].fields[k]);
		free(t->records[i].fields);
		free(t->records[i].error);
	}
	free(t->records);
	memset(t, 0, sizeof *t);
}
