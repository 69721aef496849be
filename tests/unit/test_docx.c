/* SPDX-License-Identifier: MIT */
/*
 * test_docx.c: Word and OpenDocument drafts become the text the importer
 * reads (headings, bold labels, list items), and broken, encrypted,
 * body-less and oversized ones are refused with a clear message. The
 * fixtures are made by tests/fixtures/make-office-drafts.py.
 */
#include "config.h"

#include "testutil.h"

#include "bounded.h"
#include "docx.h"
#include "importer.h"

static char *
fixture_path(const char *name)
{
	char *p = malloc(4096);

	snprintf(p, 4096, "%s/tests/fixtures/office/%s", test_srcdir(), name);
	return p;
}

/* Reads a fixture through the importer's reader; returns its rc. */
static int
read_fixture(const char *name, char **text, struct error *err)
{
	char *p = fixture_path(name);
	size_t len;
	int rc = importer_read_file(p, text, &len, err);

	if (rc == 0)
		assert_int_equal(strlen(*text), len);
	free(p);
	return rc;
}

static void
docx__headings_labels_and_lists(void **state)
{
	struct error err;
	char *t = NULL;

	(void)state;
	assert_int_equal(read_fixture("draft.docx", &t, &err), 0);
	/* Heading styles by name, whatever their id ("Titre", "berschrift1"). */
	assert_non_null(strstr(t, "# Executive Core Qualifications\n\n# ECQ 1: Leading Change\n\n"));
	assert_non_null(strstr(t, "\n## Modernizing grant review (2019-03 to 2021-06)\n"));
	/* A bold run at a paragraph's start is a label the importer sees. */
	assert_non_null(strstr(t, "\n**Challenge:** In 2019 the agency"));
	assert_non_null(strstr(t, "\n**Action**: I mapped the process with the reviewers.\n"));
	/* Numbered and list-styled paragraphs are list items of their own. */
	assert_non_null(strstr(t, "\n\xe2\x80\xa2 I wrote one checklist and trained 60 reviewers.\n\n"
	    "\xe2\x80\xa2 I moved two analysts to quality review.\n"));
	assert_non_null(strstr(t, "\nRESULT:\n\nReview time fell"));
	/* Tabs and line breaks kept; deleted text and the fallback copy not. */
	assert_non_null(strstr(t, "I lead\t140 employees.\nI coach in the open. Boxed. After."));
	assert_null(strstr(t, "DELETEDWORD"));
	assert_null(strstr(t, "FALLBACKCOPY"));
	/* The paragraph mark's bold is not the text's. */
	assert_null(strstr(t, "**I wrote"));
	free(t);
}

static void
odt__headings_bold_spans_lists_no_footnotes(void **state)
{
	struct error err;
	char *t = NULL;

	(void)state;
	assert_int_equal(read_fixture("draft.odt", &t, &err), 0);
	assert_non_null(strstr(t, "# ECQ 1: Leading Change\n\nI have led change"));
	assert_non_null(strstr(t, "\n## Modernizing grant review (2019-03 to 2021-06)\n"));
	assert_non_null(strstr(t, "\n**Challenge:** In 2019 the agency took 200 days to review a grant."));
	assert_non_null(strstr(t, "\n**Action:** I mapped the  process.\n"));
	assert_non_null(strstr(t, "\n\xe2\x80\xa2 I trained 60 reviewers.\n\n\xe2\x80\xa2 I moved two analysts.\n"));
	assert_null(strstr(t, "FOOTNOTETEXT"));
	free(t);
}

/* Each broken kind: refused (ERR_FORMAT), no text, a message with the word. */
static void
docx__refused_files_say_why(void **state)
{
	static const struct {
		const char *file, *says;
	} cases[] = {
		{ "encrypted.docx", "password-protected" },
		{ "truncated.docx", "is damaged: not a readable zip archive" },
		{ "no-body.docx", "is damaged: it has no word/document.xml" },
		{ "macro-only.docm", "holds macros but no document text" },
		{ "malformed.docx", "is damaged: word/document.xml line 2:" },
		{ "entities.docx", "declares a DTD or entities" },
		{ "sheet.xlsx", "not a Word document" },
		{ "bomb.docx", "expands past the limit of 16 MiB" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct error err;
		char *t = (char *)"unset";

		error_clear(&err);
		assert_int_equal(read_fixture(cases[i].file, &t, &err), -1);
		assert_null(t);
		assert_int_equal(err.code, ERR_FORMAT);
		if (strstr(err.msg, cases[i].says) == NULL)
			fail_msg("%s: \"%s\" does not say \"%s\"", cases[i].file, err.msg, cases[i].says);
	}
}

static void
docx__sniffs_by_content_not_name(void **state)
{
	(void)state;
	assert_int_equal(docx_sniff("PK\x03\x04rest", 8, "draft.txt"), DOCX_ZIP);
	assert_int_equal(docx_sniff("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, NULL), DOCX_OLE);
	assert_int_equal(docx_sniff("ECQ 1: Leading Change\n", 22, "draft.txt"), DOCX_NONE);
	assert_int_equal(docx_sniff("ECQ 1: Leading Change\n", 22, "draft.docx"), DOCX_NAMED);
	assert_int_equal(docx_sniff("PK", 2, NULL), DOCX_NONE);
}

/* A text file named .docx is not taken for plain text silently. */
static void
docx__plain_text_named_docx_is_refused(void **state)
{
	char *dir = test_tmpdir(), path[4200], *t = NULL;
	struct error err;
	size_t len;

	(void)state;
	snprintf(path, sizeof path, "%s/draft.docx", dir);
	test_write_file(path, "ECQ 1: Leading Change\n", 22);
	assert_int_equal(importer_read_file(path, &t, &len, &err), -1);
	assert_non_null(strstr(err.msg, "damaged or misnamed"));
	snprintf(path, sizeof path, "%s/draft.txt", dir);
	test_write_file(path, "ECQ 1: Leading Change\n", 22);
	assert_int_equal(importer_read_file(path, &t, &len, &err), 0);
	assert_string_equal(t, "ECQ 1: Leading Change\n");
	free(t);
	test_rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(docx__headings_labels_and_lists),
		cmocka_unit_test(odt__headings_bold_spans_lists_no_footnotes),
		cmocka_unit_test(docx__refused_files_say_why),
		cmocka_unit_test(docx__sniffs_by_content_not_name),
		cmocka_unit_test(docx__plain_text_named_docx_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
