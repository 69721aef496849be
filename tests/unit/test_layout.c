/* SPDX-License-Identifier: MIT */
/*
 * test_layout.c: pagination (layout.c) and export (export.c): blocks and
 * their order, page geometry, the per-ECQ cache, page_limit, fonts, text
 * wrapping and ASCII folding, and writing files without partial results.
 * Projects are made through the store API (layout_fixture.h).
 */
#include "config.h"

#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>

#include "testutil.h"
#include "layout_fixture.h"

#include "checks.h"
#include "export.h"
#include "layout.h"

struct fx {
	char *dir;
	char path[4200];
	struct store *st;
};

/* A project of paras x sent per CCAR part in a scratch directory. */
static void
fx_open(struct fx *fx, int paras, int sent)
{
	struct error err;

	fx->dir = test_tmpdir();
	snprintf(fx->path, sizeof fx->path, "%s/p.ecq", fx->dir);
	fx->st = fixture_project(test_srcdir(), fx->path, paras, sent, &err);
	if (fx->st == NULL)
		fail_msg("fixture: %s", err.msg);
}

static void
fx_close(struct fx *fx)
{
	store_close(fx->st);
	test_rmdir(fx->dir);
}

/* Files in dir, to prove no temporary file stays behind. */
static int
count_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
blocks__follow_ecq_intro_title_and_labelled_parts_in_order(void **state)
{
	struct fx fx;
	struct layout_blocks b;
	struct layout_options o;
	const struct project *p;

	(void)state;
	fx_open(&fx, 2, 2);
	p = store_project(fx.st);
	layout_options_init(&o);
	layout_blocks_build(p, &o, &b);
	/* per ECQ: heading, 1 intro, 2 x (title + 4 parts x 2 paragraphs) */
	assert_int_equal(b.n, p->fw->n_ecqs * (1 + 1 + 2 * (1 + 8)));
	assert_int_equal(b.items[0].kind, LAYOUT_BLOCK_ECQ_HEADING);
	assert_string_equal(b.items[0].text, "ECQ 1: Leading Change");
	assert_int_equal(b.items[1].kind, LAYOUT_BLOCK_INTRO);
	assert_int_equal(b.items[2].kind, LAYOUT_BLOCK_EXAMPLE_TITLE);
	assert_string_equal(b.items[2].text,
	    "Example 1: Rebuilding program 1.1 (2019-03 to 2021-06)");
	assert_string_equal(b.items[3].label, "Challenge");
	assert_null(b.items[4].label);          /* second paragraph: no label */
	assert_string_equal(b.items[5].label, "Context");
	assert_string_equal(b.items[9].label, "Result");
	assert_int_equal(b.items[b.n - 1].ecq, (int)p->fw->n_ecqs - 1);
	layout_blocks_free(&b);

	o.no_labels = true;
	o.ecq = 2;
	layout_blocks_build(p, &o, &b);
	assert_int_equal(b.n, 1 + 1 + 2 * (1 + 8));
	assert_string_equal(b.items[0].text, "ECQ 3: Results Driven");
	assert_null(b.items[3].label);
	layout_blocks_free(&b);
	fx_close(&fx);
}

static void
blocks__drop_empty_paragraphs_and_clean_control_characters(void **state)
{
	struct fx fx;
	struct layout_blocks b;
	struct error err;
	const struct project *p;
	const struct example *ex;
	char bad[] = "Bad \xff byte and \x07 bell.";
	char *saved;

	(void)state;
	fx_open(&fx, 1, 1);
	p = store_project(fx.st);
	ex = project_example_at(p, 0, 0);
	assert_int_equal(store_set_example_field(fx.st, ex->id, EX_CHALLENGE,
	    "\n\n  First\tline here.  \n\n\nSecond line.\n", &err), 0);
	assert_int_equal(store_set_intro(fx.st, 0, "   \n", &err), 0);
	p = store_project(fx.st);
	/* The store refuses invalid UTF-8, but layout must survive anything:
	 * put bad bytes and a control character in the in-memory copy. */
	ex = project_example_at(p, 0, 0);
	saved = ex->field[EX_CONTEXT];
	((struct example *)ex)->field[EX_CONTEXT] = bad;
	layout_blocks_build(p, NULL, &b);
	assert_int_equal(b.items[1].kind, LAYOUT_BLOCK_EXAMPLE_TITLE);
	assert_string_equal(b.items[2].text, "First line here.");
	assert_string_equal(b.items[2].label, "Challenge");
	assert_string_equal(b.items[3].text, "Second line.");
	assert_null(b.items[3].label);
	assert_string_equal(b.items[4].text, "Bad \xef\xbf\xbd byte and   bell.");
	assert_string_equal(b.items[4].label, "Context");
	layout_blocks_free(&b);
	((struct example *)ex)->field[EX_CONTEXT] = saved;
	fx_close(&fx);
}

static void
pages__letter_geometry_font_and_one_page_for_a_short_project(void **state)
{
	struct fx fx;
	struct layout_result r;
	struct error err;
	size_t i;

	(void)state;
	fx_open(&fx, 1, 1);
	assert_int_equal(layout_pages(NULL, store_project(fx.st), NULL, &r, &err), 0);
	assert_true(r.page_width == 612 && r.page_height == 792);
	assert_true(r.margin == 72 && r.font_size == 12);
	assert_string_equal(r.font_used, "Liberation Serif");
	assert_false(r.font_missing);
	assert_null(r.warning);
	/* Single spacing as word processors count it: Liberation Serif's
	 * ascent, descent and line gap, 13.8 pt at 12 pt, so 46 lines on a
	 * Letter page with 1-inch margins (Times New Roman in Word: 46). */
	assert_true(r.line_height > 13.79 && r.line_height < 13.81);
	assert_int_equal(r.lines_per_page, 46);
	assert_int_equal(r.n_ecqs, 5);
	assert_int_equal(r.ecq, -1);
	for (i = 0; i < r.n_ecqs; i++) {
		assert_true(r.ecqs[i].first_page >= 1);
		assert_true(r.ecqs[i].last_page >= r.ecqs[i].first_page);
		assert_true(r.ecqs[i].pages > 0);
	}
	assert_true(r.used > r.pages - 1 && r.used <= r.pages);
	layout_result_free(&r);
	fx_close(&fx);
}

static void
pages__a4_and_more_text_change_the_count_as_expected(void **state)
{
	struct fx fx;
	struct layout_result letter, a4, one;
	struct layout_options o;
	struct error err;

	(void)state;
	fx_open(&fx, 2, 4);
	layout_options_init(&o);
	assert_int_equal(layout_pages(NULL, store_project(fx.st), &o, &letter, &err), 0);
	assert_true(letter.pages > 3);
	o.paper = LAYOUT_A4;
	assert_int_equal(layout_pages(NULL, store_project(fx.st), &o, &a4, &err), 0);
	assert_true(a4.page_width > 595 && a4.page_width < 596);
	assert_true(a4.page_height > 841 && a4.page_height < 842);
	/* A4 is narrower and taller: a different count, never wildly so. */
	assert_in_range(a4.pages, letter.pages - 2, letter.pages + 2);
	o.paper = LAYOUT_LETTER;
	o.ecq = 1;
	assert_int_equal(layout_pages(NULL, store_project(fx.st), &o, &one, &err), 0);
	assert_int_equal(one.ecq, 1);
	assert_true(one.pages < letter.pages);
	assert_int_equal(one.ecqs[0].first_page, 0);       /* not laid out */
	assert_int_equal(one.ecqs[1].first_page, 1);
	layout_result_free(&one);
	o.ecq = 9;
	assert_int_equal(layout_pages(NULL, store_project(fx.st), &o, &one, &err) == 0 ? 0 : -1, -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
	layout_result_free(&letter);
	layout_result_free(&a4);
	fx_close(&fx);
}

static void
pages__follow_the_framework_font_size_and_margins(void **state)
{
	struct fx fx;
	struct layout_result std, big;
	struct error err;
	struct framework *fw;
	double saved[2] = { 0, 0 };
	size_t i;

	(void)state;
	fx_open(&fx, 2, 3);
	assert_int_equal(layout_pages(NULL, store_project(fx.st), NULL, &std, &err), 0);
	/* A coordinator's framework asking for 14 pt and 1.5-inch margins. */
	fw = store_project(fx.st)->fw;
	for (i = 0; i < fw->n_rules; i++) {
		if (strcmp(fw->rules[i].key, "font_size_pt") == 0) {
			saved[0] = fw->rules[i].value;
			fw->rules[i].value = 14;
		} else if (strcmp(fw->rules[i].key, "margin_in") == 0) {
			saved[1] = fw->rules[i].value;
			fw->rules[i].value = 1.5;
		}
	}
	assert_true(saved[0] == 12 && saved[1] == 1);
	assert_int_equal(layout_pages(NULL, store_project(fx.st), NULL, &big, &err), 0);
	assert_true(big.font_size == 14 && big.margin == 108);
	assert_true(big.line_height > std.line_height);
	assert_true(big.lines_per_page < std.lines_per_page);
	assert_true(big.pages > std.pages);
	for (i = 0; i < fw->n_rules; i++) {
		if (strcmp(fw->rules[i].key, "font_size_pt") == 0)
			fw->rules[i].value = saved[0];
		else if (strcmp(fw->rules[i].key, "margin_in") == 0)
			fw->rules[i].value = saved[1];
	}
	layout_result_free(&std);
	layout_result_free(&big);
	fx_close(&fx);
}

static void
pages__page_per_ecq_starts_each_ecq_on_a_new_page(void **state)
{
	struct fx fx;
	struct layout_result r;
	struct layout_options o;
	struct error err;
	size_t i;

	(void)state;
	fx_open(&fx, 1, 1);
	layout_options_init(&o);
	o.page_per_ecq = true;
	assert_int_equal(layout_pages(NULL, store_project(fx.st), &o, &r, &err), 0);
	assert_true(r.pages >= 5);
	for (i = 1; i < r.n_ecqs; i++)
		assert_int_equal(r.ecqs[i].first_page, r.ecqs[i - 1].last_page + 1);
	layout_result_free(&r);
	fx_close(&fx);
}

static void
cache__relays_only_the_edited_ecq_and_agrees_with_a_fresh_layout(void **state)
{
	struct fx fx;
	struct layout_cache *c = layout_cache_new();
	struct layout_result r1, r2, fresh;
	struct error err;
	size_t laid, reused;
	const struct example *ex;
	char *more;
	size_t i;

	(void)state;
	fx_open(&fx, 2, 3);
	assert_int_equal(layout_pages(c, store_project(fx.st), NULL, &r1, &err), 0);
	layout_cache_stats(c, &laid, &reused);
	assert_int_equal(laid, 5);
	assert_int_equal(reused, 0);
	/* No change: all five come from the cache. */
	assert_int_equal(layout_pages(c, store_project(fx.st), NULL, &r2, &err), 0);
	layout_cache_stats(c, &laid, &reused);
	assert_int_equal(laid, 5);
	assert_int_equal(reused, 5);
	assert_int_equal(r2.pages, r1.pages);
	layout_result_free(&r2);

	/* Lengthen ECQ 3's first example: only ECQ 3 is laid out again. */
	ex = project_example_at(store_project(fx.st), 2, 0);
	more = fixture_text(12, 5, 99);
	assert_int_equal(store_set_example_field(fx.st, ex->id, EX_ACTION, more, &err), 0);
	free(more);
	assert_int_equal(layout_pages(c, store_project(fx.st), NULL, &r2, &err), 0);
	layout_cache_stats(c, &laid, &reused);
	assert_int_equal(laid, 6);
	assert_int_equal(reused, 9);
	assert_true(r2.used > r1.used);
	assert_true(r2.ecqs[2].pages > r1.ecqs[2].pages);
	assert_true(r2.ecqs[1].pages == r1.ecqs[1].pages);

	assert_int_equal(layout_pages(NULL, store_project(fx.st), NULL, &fresh, &err), 0);
	assert_int_equal(fresh.pages, r2.pages);
	assert_true(fresh.used == r2.used);
	for (i = 0; i < fresh.n_ecqs; i++) {
		assert_int_equal(fresh.ecqs[i].first_page, r2.ecqs[i].first_page);
		assert_int_equal(fresh.ecqs[i].last_page, r2.ecqs[i].last_page);
	}
	/* Results outlive the cache. */
	layout_cache_free(c);
	assert_int_equal(r2.pages, fresh.pages);
	layout_result_free(&r1);
	layout_result_free(&r2);
	layout_result_free(&fresh);
	fx_close(&fx);
}

/* A cancel function that stops the layout after *left questions. */
static bool
cancel_after(void *arg)
{
	int *left = arg;

	return --*left < 0;
}

static void
cache__relays_only_edited_paragraphs_and_a_cancelled_layout_keeps_its_work(void **state)
{
	struct fx fx;
	struct layout_cache *c = layout_cache_new(), *d = layout_cache_new();
	struct layout_result r1, r2, fresh;
	struct error err;
	size_t built, kept, all, tries = 0;
	const struct example *ex;
	char *more;
	int left;

	(void)state;
	fx_open(&fx, 2, 3);
	assert_int_equal(layout_pages(c, store_project(fx.st), NULL, &r1, &err), 0);
	layout_cache_para_stats(c, &all, &kept);
	assert_true(all > 20);
	assert_int_equal(kept, 0);
	/* ECQ 3's first Action becomes 12 new paragraphs: only those are laid
	 * out again, the rest of ECQ 3 (some 20 paragraphs) is taken over. */
	ex = project_example_at(store_project(fx.st), 2, 0);
	more = fixture_text(12, 5, 99);
	assert_int_equal(store_set_example_field(fx.st, ex->id, EX_ACTION, more, &err), 0);
	free(more);
	assert_int_equal(layout_pages(c, store_project(fx.st), NULL, &r2, &err), 0);
	layout_cache_para_stats(c, &built, &kept);
	assert_true(built > all && built <= all + 12);
	assert_true(kept >= 15);

	/* Cancelled again and again, a layout still ends: each try goes on
	 * from where the last stopped, and no paragraph is laid out twice. */
	do {
		left = 3;
		layout_cache_set_cancel(d, cancel_after, &left);
		tries++;
	} while (layout_pages(d, store_project(fx.st), NULL, &fresh, &err) == -2 && tries < 1000);
	assert_true(tries > 2);
	layout_cache_para_stats(d, &built, &kept);
	layout_cache_free(c);
	c = layout_cache_new();         /* the same project laid out in one go */
	layout_result_free(&r1);
	assert_int_equal(layout_pages(c, store_project(fx.st), NULL, &r1, &err), 0);
	layout_cache_para_stats(c, &all, &kept);
	assert_int_equal(built, all);
	assert_int_equal(fresh.pages, r2.pages);
	assert_true(fresh.used == r2.used);
	layout_result_free(&r1);
	layout_result_free(&r2);
	layout_result_free(&fresh);
	layout_cache_free(c);
	layout_cache_free(d);
	fx_close(&fx);
}

static void
page_limit__reports_once_over_ten_pages_and_never_under(void **state)
{
	struct fx small, big;
	struct findings fs;
	struct error err;
	int pages = 0;

	(void)state;
	fx_open(&small, 1, 2);
	findings_init(&fs);
	assert_int_equal(layout_page_limit_check(NULL, store_project(small.st), &fs,
	    &pages, &err), 0);
	assert_true(pages <= 10);
	assert_int_equal(fs.n, 0);
	fx_close(&small);

	fx_open(&big, 4, 5);
	assert_int_equal(layout_page_limit_check(NULL, store_project(big.st), &fs,
	    &pages, &err), 0);
	assert_true(pages > 10);
	/* every ECQ is as long as the others, so each is over its share of
	 * the pages and carries the error once */
	assert_int_equal(fs.n, 5);
	for (size_t i = 0; i < fs.n; i++) {
		assert_string_equal(fs.items[i].rule, "page_limit");
		assert_int_equal(fs.items[i].severity, SEV_ERROR);
		assert_int_equal(fs.items[i].ecq, (int)i);
		assert_non_null(strstr(fs.items[i].message, "the limit is 10"));
		assert_non_null(strstr(fs.items[i].suggestion, "Cut about"));
	}
	findings_free(&fs);
	fx_close(&big);
}

static void
font__missing_font_warns_in_layout_and_fails_pdf_export(void **state)
{
	struct fx fx;
	struct layout_result r;
	struct export_options o;
	struct export_output out;
	struct error err;
	char pdf[4300];
	int before;

	(void)state;
	fx_open(&fx, 1, 1);
	export_options_init(&o);
	o.layout.font = "No Such Font Family 42";
	assert_int_equal(layout_pages(NULL, store_project(fx.st), &o.layout, &r, &err), 0);
	assert_true(r.font_missing);
	assert_non_null(r.warning);
	assert_non_null(strstr(r.warning, "No Such Font Family 42"));
	layout_result_free(&r);
	snprintf(pdf, sizeof pdf, "%s/out.pdf", fx.dir);
	before = count_files(fx.dir);
	assert_int_equal(export_file(NULL, store_project(fx.st), EXPORT_PDF, &o, pdf,
	    &out, &err), -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
	assert_non_null(strstr(err.msg, "nothing was written"));
	assert_int_equal(access(pdf, F_OK), -1);
	assert_int_equal(count_files(fx.dir), before);
	fx_close(&fx);
}

static void
pdf__renders_a_pdf_with_as_many_pages_as_the_layout(void **state)
{
	struct fx fx;
	struct layout_result r;
	struct export_output out;
	struct error err;
	const char *q;
	int n = 0;

	(void)state;
	fx_open(&fx, 2, 3);
	assert_int_equal(layout_pages(NULL, store_project(fx.st), NULL, &r, &err), 0);
	assert_int_equal(export_render(NULL, store_project(fx.st), EXPORT_PDF, NULL,
	    &out, &err), 0);
	assert_memory_equal(out.data, "%PDF-", 5);
	assert_int_equal(out.pages, r.pages);
	for (q = out.data; (q = memmem(q, out.len - (size_t)(q - out.data),
	    "/Type /Page", 11)) != NULL; q += 11)
		if (q[11] != 's')
			n++;
	assert_int_equal(n, r.pages);
	export_output_free(&out);
	layout_result_free(&r);
	fx_close(&fx);
}

static void
text__wraps_at_width_and_unwraps_to_one_line_per_paragraph(void **state)
{
	struct fx fx;
	struct export_options o;
	struct export_output out;
	struct error err;
	char *line, *save = NULL;
	int lines = 0;

	(void)state;
	fx_open(&fx, 1, 3);
	export_options_init(&o);
	assert_int_equal(export_render(NULL, store_project(fx.st), EXPORT_TEXT, &o,
	    &out, &err), 0);
	{
		const char *head = "Jane Q. Public\nDirector, Office of Grants "
		    "(Announcement 24-117)\n\nECQ 1: Leading Change\n\nI directed";

		assert_true(strncmp(out.data, head, strlen(head)) == 0);
	}
	for (line = strtok_r(out.data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		assert_true(strlen(line) <= 72);
		assert_true(line[strlen(line) - 1] != ' ');
		lines++;
	}
	export_output_free(&out);
	o.width = 0;
	assert_int_equal(export_render(NULL, store_project(fx.st), EXPORT_TEXT, &o,
	    &out, &err), 0);
	assert_non_null(strstr(out.data, "\n\nChallenge: I "));
	save = NULL;
	{
		int unwrapped = 0;

		for (line = strtok_r(out.data, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save))
			unwrapped++;
		assert_true(unwrapped < lines);
	}
	export_output_free(&out);
	fx_close(&fx);
}

static void
wrap__breaks_at_spaces_and_keeps_long_words_whole(void **state)
{
	char *w;

	(void)state;
	w = export_wrap("one two three four five", 9);
	assert_string_equal(w, "one two\nthree\nfour five");
	free(w);
	w = export_wrap("supercalifragilistic is long", 10);
	assert_string_equal(w, "supercalifragilistic\nis long");
	free(w);
	w = export_wrap("caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9", 9);      /* width, not bytes */
	assert_string_equal(w, "caf\xc3\xa9 caf\xc3\xa9\ncaf\xc3\xa9");
	free(w);
	w = export_wrap("no wrap here", 0);
	assert_string_equal(w, "no wrap here");
	free(w);
}

static void
fold__uses_the_table_then_strips_accents_then_question_marks(void **state)
{
	char path[4300];
	struct export_fold *f;
	struct error err;
	char *s;

	(void)state;
	snprintf(path, sizeof path, "%s/dictionaries/ascii-fold.txt", test_srcdir());
	f = export_fold_load(path, &err);
	if (f == NULL)
		fail_msg("%s", err.msg);
	s = export_fold_ascii(f, "\xe2\x80\x9cIt\xe2\x80\x99s done\xe2\x80\x9d \xe2\x80\x94 "
	    "2019\xe2\x80\x93" "2021\xe2\x80\xa6 r\xc3\xa9sum\xc3\xa9 \xe4\xb8\xad");
	assert_string_equal(s, "\"It's done\" -- 2019-2021... resume ?");
	free(s);
	export_fold_free(f);
	assert_null(export_fold_load("/nonexistent/fold.txt", &err));
	assert_int_equal(err.code, ERR_IO);
}

static void
markdown__headings_bold_labels_and_escapes(void **state)
{
	struct fx fx;
	struct export_output out;
	struct error err;
	const struct example *ex;

	(void)state;
	fx_open(&fx, 1, 1);
	ex = project_example_at(store_project(fx.st), 0, 0);
	assert_int_equal(store_set_example_field(fx.st, ex->id, EX_RESULT,
	    "# not a heading, *not* emphasis, [no] link", &err), 0);
	assert_int_equal(export_render(NULL, store_project(fx.st), EXPORT_MARKDOWN, NULL,
	    &out, &err), 0);
	assert_true(strncmp(out.data, "# Jane Q. Public\n\nDirector", 26) == 0);
	assert_non_null(strstr(out.data, "\n## ECQ 1: Leading Change\n"));
	assert_non_null(strstr(out.data, "\n### Example 1: Rebuilding program 1.1 (2019-03 to 2021-06)\n"));
	assert_non_null(strstr(out.data, "\n**Challenge:** I "));
	assert_non_null(strstr(out.data,
	    "**Result:** # not a heading, \\*not\\* emphasis, \\[no\\] link\n"));
	export_output_free(&out);
	fx_close(&fx);
}

static void
write__replaces_atomically_and_refuses_unsafe_targets(void **state)
{
	char *dir = test_tmpdir();
	char path[4300], proj[4300];
	struct export_options o;
	struct error err;
	struct stat st;

	(void)state;
	export_options_init(&o);
	snprintf(path, sizeof path, "%s/out.txt", dir);
	test_write_file(path, "old\n", 4);
	assert_int_equal(chmod(path, 0640), 0);
	assert_int_equal(export_write_file(path, "new\n", 4, &o, &err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 4);
	assert_int_equal(st.st_mode & 0777, 0640);      /* permissions kept */
	assert_int_equal(count_files(dir), 1);          /* no temporary left */

	/* A folder that does not exist: an error, nothing written. */
	snprintf(path, sizeof path, "%s/no/such/dir/out.txt", dir);
	assert_int_equal(export_write_file(path, "x", 1, &o, &err), -1);
	assert_int_equal(err.code, ERR_IO);
	assert_non_null(strstr(err.msg, "nothing was written"));

	/* A directory as target. */
	assert_int_equal(export_write_file(dir, "x", 1, &o, &err), -1);
	assert_int_equal(err.code, ERR_USAGE);

	/* The project itself, and any SQLite file without force. */
	snprintf(proj, sizeof proj, "%s/p.ecq", dir);
	test_write_file(proj, "SQLite format 3\0 and the rest", 30);
	o.protect = proj;
	assert_int_equal(export_write_file(proj, "x", 1, &o, &err), -1);
	assert_non_null(strstr(err.msg, "project itself"));
	o.force = true;
	assert_int_equal(export_write_file(proj, "x", 1, &o, &err), -1);
	o.protect = NULL;
	o.force = false;
	assert_int_equal(export_write_file(proj, "x", 1, &o, &err), -1);
	assert_non_null(strstr(err.msg, "--force"));
	o.force = true;
	assert_int_equal(export_write_file(proj, "x", 1, &o, &err), 0);
	assert_int_equal(count_files(dir), 2);
	test_rmdir(dir);
}

static void
format__from_extension_and_name(void **state)
{
	(void)state;
	assert_int_equal(export_format_from_path("a/b.PDF"), EXPORT_PDF);
	assert_int_equal(export_format_from_path("b.txt"), EXPORT_TEXT);
	assert_int_equal(export_format_from_path("b.md"), EXPORT_MARKDOWN);
	assert_int_equal(export_format_from_path("b.markdown"), EXPORT_MARKDOWN);
	assert_int_equal(export_format_from_path("b.doc"), -1);
	assert_int_equal(export_format_from_path("dir.pdf/b"), -1);
	assert_int_equal(export_format_parse("Markdown"), EXPORT_MARKDOWN);
	assert_int_equal(export_format_parse("rtf"), -1);
	assert_int_equal(layout_paper_parse("A4"), LAYOUT_A4);
	assert_int_equal(layout_paper_parse("legal"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(blocks__follow_ecq_intro_title_and_labelled_parts_in_order),
		cmocka_unit_test(blocks__drop_empty_paragraphs_and_clean_control_characters),
		cmocka_unit_test(pages__letter_geometry_font_and_one_page_for_a_short_project),
		cmocka_unit_test(pages__a4_and_more_text_change_the_count_as_expected),
		cmocka_unit_test(pages__follow_the_framework_font_size_and_margins),
		cmocka_unit_test(pages__page_per_ecq_starts_each_ecq_on_a_new_page),
		cmocka_unit_test(cache__relays_only_the_edited_ecq_and_agrees_with_a_fresh_layout),
		cmocka_unit_test(cache__relays_only_edited_paragraphs_and_a_cancelled_layout_keeps_its_work),
		cmocka_unit_test(page_limit__reports_once_over_ten_pages_and_never_under),
		cmocka_unit_test(font__missing_font_warns_in_layout_and_fails_pdf_export),
		cmocka_unit_test(pdf__renders_a_pdf_with_as_many_pages_as_the_layout),
		cmocka_unit_test(text__wraps_at_width_and_unwraps_to_one_line_per_paragraph),
		cmocka_unit_test(wrap__breaks_at_spaces_and_keeps_long_words_whole),
		cmocka_unit_test(fold__uses_the_table_then_strips_accents_then_question_marks),
		cmocka_unit_test(markdown__headings_bold_labels_and_escapes),
		cmocka_unit_test(write__replaces_atomically_and_refuses_unsafe_targets),
		cmocka_unit_test(format__from_extension_and_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
