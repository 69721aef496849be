/* SPDX-License-Identifier: MIT */
/* json.c: the streaming JSON writer; see json.h. */
#include "config.h"
#include "json.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include <unistr.h>

#include "safetext.h"

void
json_init(struct json *j, FILE *f, bool pretty)
{
	memset(j, 0, sizeof *j);
	j->f = f;
	j->pretty = pretty;
	j->first[0] = true;
}

static void
json_indent(struct json *j)
{
	int i;

	if (!j->pretty)
		return;
	fputc('\n', j->f);
	for (i = 0; i < j->depth; i++)
		fputs("  ", j->f);
}

/* Separates a value (or key) from the previous one. */
static void
json_before_value(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth > 0) {
		if (!j->first[j->depth])
			fputc(',', j->f);
		json_indent(j);
	}
	j->first[j->depth] = false;
}

static void
json_open(struct json *j, char c)
{
	json_before_value(j);
	fputc(c, j->f);
	if (j->depth < JSON_MAX_DEPTH - 1)
		j->depth++;
	j->first[j->depth] = true;
}

static void
json_close(struct json *j, char c)
{
	bool empty = j->first[j->depth];

	if (j->depth > 0)
		j->depth--;
	if (!empty)
		json_indent(j);
	fputc(c, j->f);
	if (j->depth == 0 && j->pretty)
		fputc('\n', j->f);
}

void
json_object_begin(struct json *j)
{
	json_open(j, '{');
}

void
json_object_end(struct json *j)
{
	json_close(j, '}');
}

void
json_array_begin(struct json *j)
{
	json_open(j, '[');
}

void
json_array_end(struct json *j)
{
	json_close(j, ']');
}

void
json_key(struct json *j, const char *key)
{
	json_before_value(j);
	fputc('"', j->f);
	json_escape(j->f, key, strlen(key));
	fputs(j->pretty ? "\": " : "\":", j->f);
	j->after_key = true;
}

void
json_escape(FILE *f, const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;

	while (i < n) {
		uint8_t c = p[i];

		if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
			size_t run = i;

			while (run < n && p[run] >= 0x20 && p[run] < 0x7F && p[run] != '"' && p[run] != '\\')
				run++;
			fwrite(p + i, 1, run - i, f);
			i = run;
			continue;
		}
		if (c < 0x80) {
			switch (c) {
			case '"': fputs("\\\"", f); break;
			case '\\': fputs("\\\\", f); break;
			case '\n': fputs("\\n", f); break;
			case '\r': fputs("\\r", f); break;
			case '\t': fputs("\\t", f); break;
			case '\b': fputs("\\b", f); break;
			case '\f': fputs("\\f", f); break;
			default: fprintf(f, "\\u%04x", c); break;
			}
			i++;
			continue;
		}
		{
			ucs4_t uc;
			int k = u8_mbtoucr(&uc, p + i, n - i);

			if (k < 1) {
				fputs("\\ufffd", f);      /* one invalid byte */
				i++;
			} else if (safetext_unsafe(uc)) {
				/* C1 controls, line separators, bidi overrides: escaped,
				 * so a consumer printing the field stays safe. */
				fprintf(f, "\\u%04x", (unsigned)uc);
				i += (size_t)k;
			} else {
				fwrite(p + i, 1, (size_t)k, f);
				i += (size_t)k;
			}
		}
	}
}

void
json_string_n(struct json *j, const char *s, size_t n)
{
	if (s == NULL) {
		json_null(j);
		return;
	}
	json_before_value(j);
	fputc('"', j->f);
	json_escape(j->f, s, n);
	fputc('"', j->f);
}

void
json_string(struct json *j, const char *s)
{
	json_string_n(j, s, s != NULL ? strlen(s) : 0);
}

void
json_int(struct json *j, long long v)
{
	json_before_value(j);
	fprintf(j->f, "%lld", v);
}

void
json_double(struct json *j, double v)
{
	char buf[64], *comma;

	if (!isfinite(v)) {
		json_null(j);
		return;
	}
	json_before_value(j);
	snprintf(buf, sizeof buf, "%.6g", v);
	/* A locale with a decimal comma must not break the number. */
	if ((comma = strchr(buf, ',')) != NULL)
		*comma = '.';
	fputs(buf, j->f);
}

void
json_bool(struct json *j, bool v)
{
	json_before_value(j);
	fputs(v ? "true" : "false", j->f);
}

void
json_null(struct json *j)
{
	json_before_value(j);
	fputs("null", j->f);
}
