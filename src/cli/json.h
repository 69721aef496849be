/* SPDX-License-Identifier: MIT */
/*
 * json.h: a small streaming JSON writer for the command line's --format json
 * (lint, check). It places commas and escapes strings: quotes, backslashes,
 * every control character, U+2028/U+2029, and invalid UTF-8 (written as
 * U+FFFD), so any text from a user's file yields valid JSON.
 */
#ifndef ECQ_JSON_H
#define ECQ_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

struct json {
	FILE *f;                        /* borrowed */
	int depth;
	bool first[JSON_MAX_DEPTH];     /* no value written yet at this depth */
	bool after_key;                 /* a key was written; its value comes next */
	bool pretty;                    /* newlines and two-space indents */
};

/* Starts writing to f (borrowed). */
void json_init(struct json *j, FILE *f, bool pretty);

void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);
/* Writes "key": inside an object; the next call writes its value. */
void json_key(struct json *j, const char *key);

void json_string(struct json *j, const char *s);            /* NULL writes null */
void json_string_n(struct json *j, const char *s, size_t n); /* bytes s[0..n) */
void json_int(struct json *j, long long v);
void json_double(struct json *j, double v);                 /* NaN/inf write null */
void json_bool(struct json *j, bool v);
void json_null(struct json *j);

/* Writes s[0..n) as the inside of a JSON string (no quotes) to f. */
void json_escape(FILE *f, const char *s, size_t n);

#endif
