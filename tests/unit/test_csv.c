/* SPDX-License-Identifier: MIT */
/*
 * test_csv.c: the CSV reader (csv.c) on what spreadsheets export and on
 * hostile input (unterminated quotes, NUL bytes, invalid UTF-8, 10,000
 * rows, a 1 MB field), and the roster (roster.c): header names, bad rows
 * by line, safe and unique file names.
 */
#include "config.h"

#include "testutil.h"

#include "csv.h"
#include "roster.h"
#include "xalloc.h"

static void
parse_ok(const char *data, size_t len, const struct csv_limits *lim, struct csv_table *t)
{
	struct error err;

	error_clear(&err);
	if (csv_parse("t.csv", data, len, lim, t, &err) != 0)
		fail_msg("parse failed: %s", err.msg);
}

static void
csv__spreadsheet_export_with_bom_crlf_and_quotes(void **state)
{
	static const char data[] = "\xEF\xBB\xBFName,Email\r\n"
	    "\"Doe, Pat\",\"pat@x.gov\"\r\n"
	    "\"Say \"\"hi\"\"\",\r\n"
	    "\r\n"
	    "\"two\r\nlines\",z\r\n"
	    "last,row";
	struct csv_table t;

	(void)state;
	parse_ok(data, sizeof data - 1, NULL, &t);
	assert_int_equal(t.n, 5);
	assert_string_equal(t.records[0].fields[0], "Name");      /* BOM gone */
	assert_string_equal(t.records[1].fields[0], "Doe, Pat");
	assert_string_equal(t.records[1].fields[1], "pat@x.gov");
	assert_int_equal(t.records[1].line, 2);
	assert_string_equal(t.records[2].fields[0], "Say \"hi\"");
	assert_int_equal(t.records[2].n, 2);
	assert_string_equal(t.records[2].fields[1], "");
	assert_string_equal(t.records[3].fields[0], "two\nlines");
	assert_int_equal(t.records[3].line, 5);                   /* the blank line 4 skipped */
	assert_int_equal(t.records[4].line, 7);
	assert_string_equal(t.records[4].fields[1], "row");
	csv_table_free(&t);
}

static void
csv__lone_cr_and_lf_line_ends(void **state)
{
	static const char data[] = "a,b\rc,d\ne,f\r\n";
	struct csv_table t;

	(void)state;
	parse_ok(data, sizeof data - 1, NULL, &t);
	assert_int_equal(t.n, 3);
	assert_int_equal(t.records[2].line, 3);
	assert_string_equal(t.records[1].fields[1], "d");
	csv_table_free(&t);
}

static void
csv__unterminated_quote__fails_naming_its_line(void **state)
{
	static const char data[] = "name\nok\n\"never closed,\nmore\nlines\n";
	struct csv_table t;
	struct error err;

	(void)state;
	assert_int_equal(csv_parse("r.csv", data, sizeof data - 1, NULL, &t, &err), -1);
	assert_int_equal(err.code, ERR_FORMAT);
	assert_non_null(strstr(err.msg, "r.csv: line 3: a quote opened here is never closed"));
	assert_int_equal(t.n, 0);
}

static void
csv__nul_and_invalid_utf8__mark_only_their_row(void **state)
{
	static const char data[] = "name\nA\0B\nok\nbad \xFF\xFE\n\"also \xC3\"\nfine\n";
	struct csv_table t;

	(void)state;
	parse_ok(data, sizeof data - 1, NULL, &t);
	assert_int_equal(t.n, 6);
	assert_non_null(t.records[1].error);
	assert_non_null(strstr(t.records[1].error, "NUL"));
	assert_int_equal(t.records[1].line, 2);
	assert_null(t.records[2].error);
	assert_non_null(strstr(t.records[3].error, "UTF-8"));
	assert_int_equal(t.records[3].line, 4);
	assert_non_null(strstr(t.records[4].error, "UTF-8"));
	assert_string_equal(t.records[5].fields[0], "fine");
	csv_table_free(&t);
}

static void
csv__text_after_closing_quote__marks_the_row(void **state)
{
	static const char data[] = "\"a\"b,c\n\"ok\" ,d\n";
	struct csv_table t;

	(void)state;
	parse_ok(data, sizeof data - 1, NULL, &t);
	assert_non_null(strstr(t.records[0].error, "after its closing quote"));
	assert_null(t.records[1].error);
	assert_string_equal(t.records[1].fields[0], "ok");
	csv_table_free(&t);
}

static void
csv__ten_thousand_rows__parse_or_stop_at_the_limit(void **state)
{
	struct csv_limits lim;
	struct csv_table t;
	struct error err;
	char *data = xmalloc(10001 * 32);
	size_t len = 0, i;

	(void)state;
	len += (size_t)sprintf(data, "name,email\n");
	for (i = 0; i < 10000; i++)
		len += (size_t)sprintf(data + len, "Person %zu,p%zu@x.gov\n", i, i);
	parse_ok(data, len, NULL, &t);
	assert_int_equal(t.n, 10001);
	assert_string_equal(t.records[10000].fields[0], "Person 9999");
	assert_int_equal(t.records[10000].line, 10001);
	csv_table_free(&t);

	roster_csv_limits(&lim);
	assert_int_equal(csv_parse("big.csv", data, len, &lim, &t, &err), -1);
	assert_non_null(strstr(err.msg, "more than 1001 rows"));
	free(data);
}

static void
csv__one_megabyte_field__marks_its_row_and_the_rest_reads(void **state)
{
	struct csv_limits lim;
	struct csv_table t;
	size_t big = 1024 * 1024, len;
	char *data = xmalloc(big + 64);

	(void)state;
	roster_csv_limits(&lim);
	lim.max_bytes = 4 * big;        /* a roster's own limit (1 MiB) refuses it whole */
	len = (size_t)sprintf(data, "name\n\"");
	memset(data + len, 'x', big);
	len += big;
	len += (size_t)sprintf(data + len, "\"\nafter\n");
	parse_ok(data, len, &lim, &t);
	assert_int_equal(t.n, 3);
	assert_non_null(strstr(t.records[1].error, "longer than the limit of 1000 bytes"));
	assert_string_equal(t.records[2].fields[0], "after");
	csv_table_free(&t);
	/* Over the whole-file limit: refused before parsing. */
	roster_csv_limits(&lim);
	{
		struct error err;

		assert_int_equal(csv_parse("f.csv", data, len, &lim, &t, &err), -1);
		assert_int_equal(err.code, ERR_FORMAT);
	}
	free(data);
}

static void
roster__header_names_any_case_and_bad_rows_by_line(void **state)
{
	static const char data[] = "Position, E-Mail ,NAME,User\n"
	    "Director,pat@x.gov,Pat Doe,pat\n"
	    "Chief,nobody@x.gov,,\n"
	    "\"two\nlines\",,Sam\x01" "Bell,\n"
	    ",,Pat Doe,\n";
	struct csv_table t;
	struct roster r;
	struct error err;

	(void)state;
	parse_ok(data, sizeof data - 1, NULL, &t);
	assert_int_equal(roster_read(&t, "r.csv", NULL, &r, &err), 0);
	assert_true(r.has_user);
	assert_int_equal(r.n, 4);
	assert_string_equal(r.people[0].name, "Pat Doe");
	assert_string_equal(r.people[0].email, "pat@x.gov");
	assert_string_equal(r.people[0].position, "Director");
	assert_string_equal(r.people[0].user, "pat");
	assert_string_equal(r.people[0].slug, "pat-doe");
	assert_string_equal(r.people[1].error, "no name");
	assert_int_equal(r.people[1].line, 3);
	assert_non_null(r.people[2].error);
	assert_int_equal(r.people[2].line, 4);
	assert_string_equal(r.people[3].slug, "pat-doe-2");
	roster_free(&r);
	csv_table_free(&t);
}

static void
roster__no_name_column__is_an_error(void **state)
{
	static const char data[] = "email,position\na@b,c\n";
	struct csv_table t;
	struct roster r;
	struct error err;

	(void)state;
	parse_ok(data, sizeof data - 1, NULL, &t);
	assert_int_equal(roster_read(&t, "r.csv", NULL, &r, &err), -1);
	assert_non_null(strstr(err.msg, "no \"name\" column"));
	csv_table_free(&t);
}

static void
roster__first_and_last_name_columns(void **state)
{
	static const char data[] = "First Name,Last Name\nAda,Lovelace\n";
	struct csv_table t;
	struct roster r;
	struct error err;

	(void)state;
	parse_ok(data, sizeof data - 1, NULL, &t);
	assert_int_equal(roster_read(&t, "r.csv", NULL, &r, &err), 0);
	assert_string_equal(r.people[0].name, "Ada Lovelace");
	assert_string_equal(r.people[0].slug, "ada-lovelace");
	roster_free(&r);
	csv_table_free(&t);
}

static void
roster__slugs_are_safe_file_names(void **state)
{
	static const struct { const char *name, *slug; } cases[] = {
		{ "José Núñez", "jose-nunez" },
		{ "Pat O'Neil", "pat-oneil" },
		{ "../../etc/passwd", "etc-passwd" },
		{ ".hidden", "hidden" },
		{ "///", "participant" },
		{ "", "participant" },
		{ "李小龍", "participant" },
		{ "  Mary-Jane   WATSON  ", "mary-jane-watson" },
	};
	char *s, *long_name;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		s = roster_slug(NULL, cases[i].name);
		if (strcmp(s, cases[i].slug) != 0)
			fail_msg("case %zu: '%s' -> '%s', want '%s'", i, cases[i].name, s, cases[i].slug);
		free(s);
	}
	long_name = xmalloc(301);
	memset(long_name, 'a', 300);
	long_name[300] = '\0';
	s = roster_slug(NULL, long_name);
	assert_int_equal(strlen(s), 60);
	free(s);
	free(long_name);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv__spreadsheet_export_with_bom_crlf_and_quotes),
		cmocka_unit_test(csv__lone_cr_and_lf_line_ends),
		cmocka_unit_test(csv__unterminated_quote__fails_naming_its_line),
		cmocka_unit_test(csv__nul_and_invalid_utf8__mark_only_their_row),
		cmocka_unit_test(csv__text_after_closing_quote__marks_the_row),
		cmocka_unit_test(csv__ten_thousand_rows__parse_or_stop_at_the_limit),
		cmocka_unit_test(csv__one_megabyte_field__marks_its_row_and_the_rest_reads),
		cmocka_unit_test(roster__header_names_any_case_and_bad_rows_by_line),
		cmocka_unit_test(roster__no_name_column__is_an_error),
		cmocka_unit_test(roster__first_and_last_name_columns),
		cmocka_unit_test(roster__slugs_are_safe_file_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
