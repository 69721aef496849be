/* SPDX-License-Identifier: MIT */
/*
 * test_rescue.c: rescue files. The text round trip is byte-exact for tricky
 * texts (empty, header-like lines, no final newline); broken files and
 * invalid UTF-8 are refused on read; writing never replaces a file nor
 * follows a planted link, and falls back to the state folder; listing,
 * marking used, and applying through the store (replaced text kept).
 */
#include "config.h"

#include "testutil.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "framework.h"
#include "rescue.h"
#include "store.h"
#include "xalloc.h"

static const char fw_text[] =
	"[framework]\nid = t\ntitle = Test\n"
	"[ecq:one]\ntitle = One\ndefinition = Def one\ncompetency = A\n"
	"question = Why?\nquestion = How?\n"
	"[ecq:two]\ntitle = Two\ndefinition = Def two\n";

/* Texts that could confuse a line-based reader. */
static const char *const tricky[] = {
	"",
	"no final newline",
	"ends with newlines\n\n",
	"\n",
	"=== end of entry 1\n\n=== entry 2 of 2\ntarget: intro.0\nlabel: x\nbytes: 3\nabc",
	"ecqcoach rescue file 1\nproject: /elsewhere.ecq\n",
	"# not a comment\r\nwindows line\r\n\ttab",
	"caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80 bytes: 12",
	"=== end of entry 1",
};
#define N_TRICKY (sizeof tricky / sizeof tricky[0])

static void
rescue__round_trip__is_byte_exact_for_tricky_text(void **state)
{
	struct rescue r, back;
	struct error err;
	char *buf, target[32];
	size_t len, i;

	(void)state;
	rescue_init(&r, "/some where/p.ecq");
	for (i = 0; i < N_TRICKY; i++) {
		snprintf(target, sizeof target, "note.0.%zu", i);
		rescue_add(&r, target, "a label\nwith a break", tricky[i], strlen(tricky[i]));
	}
	buf = rescue_format(&r, &len);
	if (rescue_parse(buf, len, "mem", &back, &err) != 0)
		fail_msg("%s", err.msg);
	assert_string_equal(back.project, "/some where/p.ecq");
	assert_string_equal(back.time, r.time);
	assert_int_equal(back.n, N_TRICKY);
	for (i = 0; i < N_TRICKY; i++) {
		assert_int_equal(back.entries[i].len, strlen(tricky[i]));
		assert_memory_equal(back.entries[i].text, tricky[i], strlen(tricky[i]) + 1);
		assert_string_equal(back.entries[i].target, r.entries[i].target);
		assert_string_equal(back.entries[i].label, "a label with a break");
	}
	/* a person reads it: the texts are there as typed */
	assert_non_null(strstr(buf, "no final newline"));
	free(buf);
	rescue_free(&back);
	rescue_free(&r);
}

static void
rescue__no_entries__round_trips(void **state)
{
	struct rescue r, back;
	struct error err;
	char *buf;
	size_t len;

	(void)state;
	rescue_init(&r, "/p.ecq");
	buf = rescue_format(&r, &len);
	assert_int_equal(rescue_parse(buf, len, "mem", &back, &err), 0);
	assert_int_equal(back.n, 0);
	free(buf);
	rescue_free(&back);
	rescue_free(&r);
}

/* Formats one entry of text and returns the file's bytes. */
static char *
one_entry(const char *text, size_t *len)
{
	struct rescue r;
	char *buf;

	rescue_init(&r, "/p.ecq");
	rescue_add(&r, "intro.0", "Intro", text, strlen(text));
	buf = rescue_format(&r, len);
	rescue_free(&r);
	return buf;
}

static void
expect_refused(const char *buf, size_t len, const char *why)
{
	struct rescue back;
	struct error err;

	error_clear(&err);
	if (rescue_parse(buf, len, "mem", &back, &err) == 0)
		fail_msg("accepted a rescue file with %s", why);
	assert_int_equal(err.code, ERR_FORMAT);
	assert_non_null(strstr(err.msg, "mem:"));
}

static void
rescue__broken_files__are_refused(void **state)
{
	char *buf, *p;
	size_t len;

	(void)state;
	buf = one_entry("hello world", &len);
	p = strstr(buf, "hello");
	p[1] = (char)0xff;
	expect_refused(buf, len, "invalid UTF-8");
	p[1] = (char)0xc3;      /* a lead byte without its continuation */
	expect_refused(buf, len, "a cut UTF-8 sequence");
	p[1] = '\0';
	expect_refused(buf, len, "a NUL byte");
	p[1] = 'e';
	{
		struct rescue ok;

		assert_int_equal(rescue_parse(buf, len, "mem", &ok, NULL), 0);
		rescue_free(&ok);
	}
	expect_refused(buf, len - 5, "its end cut off");
	expect_refused(buf, 10, "only its first bytes");
	expect_refused("", 0, "nothing in it");
	free(buf);

	buf = one_entry("hello world", &len);
	p = strstr(buf, "bytes: 11");
	p[8] = '2';             /* bytes: 12 */
	expect_refused(buf, len, "a wrong length");
	p[7] = '0';             /* bytes: 02 */
	expect_refused(buf, len, "a length with a leading zero");
	free(buf);

	buf = one_entry("x", &len);
	p = strstr(buf, "target: intro.0");
	memcpy(p, "target: intro.x", 15);
	expect_refused(buf, len, "a target that names no place");
	free(buf);

	buf = one_entry("x", &len);
	buf = xrealloc(buf, len + 6);
	memcpy(buf + len, "more\n", 6);
	expect_refused(buf, len + 5, "text after the last entry");
	free(buf);
}

/* ---- files ---------------------------------------------------------------- */

struct fx {
	char *dir;
	char project[4200];
	char state[4200];
};

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);

	fx->dir = test_tmpdir();
	snprintf(fx->project, sizeof fx->project, "%s/proj/p.ecq", fx->dir);
	snprintf(fx->state, sizeof fx->state, "%s/xdg-state", fx->dir);
	{
		char d[4200];

		snprintf(d, sizeof d, "%s/proj", fx->dir);
		assert_int_equal(mkdir(d, 0755), 0);
	}
	setenv("XDG_STATE_HOME", fx->state, 1);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	test_rmdir(fx->dir);
	free(fx);
	return 0;
}

static char *
write_one(const char *project, const char *text, struct error *err)
{
	struct rescue r;
	char *path = NULL;

	rescue_init(&r, project);
	rescue_add(&r, "intro.0", "Intro", text, strlen(text));
	if (rescue_write(&r, &path, err) != 0)
		path = NULL;
	rescue_free(&r);
	return path;
}

static void
rescue__write__goes_beside_the_project_and_never_replaces(void **state)
{
	struct fx *fx = *state;
	struct rescue back;
	struct error err;
	struct stat sb;
	char *p1, *p2, *want, planted[4300], victim[4300];
	FILE *f;

	/* a link planted where the first rescue file would go */
	snprintf(victim, sizeof victim, "%s/victim", fx->dir);
	f = fopen(victim, "w");
	fputs("keep me", f);
	fclose(f);
	snprintf(planted, sizeof planted, "%s.rescue", fx->project);
	assert_int_equal(symlink(victim, planted), 0);

	p1 = write_one(fx->project, "first", &err);
	if (p1 == NULL)
		fail_msg("%s", err.msg);
	want = xasprintf("%s.rescue-2", fx->project);
	assert_string_equal(p1, want);
	free(want);
	p2 = write_one(fx->project, "second", &err);
	want = xasprintf("%s.rescue-3", fx->project);
	assert_string_equal(p2, want);
	free(want);
	assert_int_equal(stat(p1, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(rescue_read(p1, &back, &err), 0);
	assert_string_equal(back.entries[0].text, "first");
	rescue_free(&back);
	f = fopen(victim, "r");
	assert_non_null(f);
	assert_non_null(fgets(planted, sizeof planted, f));
	fclose(f);
	assert_string_equal(planted, "keep me");
	free(p1);
	free(p2);
}

static void
rescue__write__falls_back_to_the_state_folder(void **state)
{
	struct fx *fx = *state;
	struct error err;
	struct stat sb;
	char project[4300], *path, *want;

	/* a project whose folder is gone cannot have its rescue file beside it */
	snprintf(project, sizeof project, "%s/gone/p.ecq", fx->dir);
	path = write_one(project, "text", &err);
	if (path == NULL)
		fail_msg("%s", err.msg);
	want = xasprintf("%s/ecqcoach/p.ecq.rescue", fx->state);
	assert_string_equal(path, want);
	free(want);
	want = xasprintf("%s/ecqcoach", fx->state);
	assert_int_equal(stat(want, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	free(want);
	free(path);

	/* without HOME and XDG_STATE_HOME there is nowhere safe: an error */
	unsetenv("XDG_STATE_HOME");
	{
		char *home = getenv("HOME") ? xstrdup(getenv("HOME")) : NULL;

		unsetenv("HOME");
		assert_null(rescue_state_dir());
		path = write_one(project, "text", &err);
		assert_null(path);
		assert_int_equal(err.code, ERR_IO);
		assert_non_null(strstr(err.msg, "cannot write a rescue file"));
		if (home != NULL)
			setenv("HOME", home, 1);
		free(home);
	}
}

static void
rescue__list__finds_this_projects_files_and_mark_used_keeps_them(void **state)
{
	struct fx *fx = *state;
	struct error err;
	char other[4300], **paths, *used, *used2, *p;
	size_t n;

	free(write_one(fx->project, "beside", &err));
	/* one in the state folder for this project (as rescue_write puts it
	 * when the project's folder is full), one for another p.ecq */
	{
		struct rescue r;
		char *buf, *dir;
		size_t len;
		FILE *f;

		rescue_init(&r, fx->project);
		rescue_add(&r, "intro.0", "Intro", "state", 5);
		buf = rescue_format(&r, &len);
		dir = xasprintf("%s/ecqcoach", fx->state);
		mkdir(fx->state, 0700);
		mkdir(dir, 0700);
		p = xasprintf("%s/p.ecq.rescue-7", dir);
		f = fopen(p, "w");
		fwrite(buf, 1, len, f);
		fclose(f);
		free(p);
		free(dir);
		free(buf);
		rescue_free(&r);
	}
	snprintf(other, sizeof other, "%s/elsewhere/p.ecq", fx->dir);
	free(write_one(other, "other project", &err));

	assert_int_equal(rescue_list(fx->project, &paths, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_null(paths[2]);
	assert_non_null(strstr(paths[0], ".rescue"));
	rescue_paths_free(paths);

	p = xasprintf("%s.rescue", fx->project);
	assert_int_equal(rescue_mark_used(p, &used, &err), 0);
	{
		char *w = xasprintf("%s.used", p);

		assert_string_equal(used, w);
		free(w);
	}
	assert_int_equal(access(p, F_OK), -1);
	assert_int_equal(access(used, F_OK), 0);
	/* a second one of the same name does not replace the first used one */
	free(write_one(fx->project, "again", &err));
	assert_int_equal(rescue_mark_used(p, &used2, &err), 0);
	assert_string_not_equal(used, used2);
	assert_int_equal(access(used, F_OK), 0);
	assert_int_equal(rescue_list(fx->project, &paths, &n, &err), 0);
	assert_int_equal(n, 1);
	rescue_paths_free(paths);
	free(used);
	free(used2);
	free(p);
}

static void
rescue__apply__puts_text_back_and_keeps_what_it_replaces(void **state)
{
	struct fx *fx = *state;
	struct framework *fw;
	struct store *st;
	struct error err;
	struct rescue r;
	struct revision *revs;
	size_t nrev, placed, unsorted;
	int64_t id;
	char *target, *label;
	const struct project *p;

	assert_int_equal(framework_parse(fw_text, strlen(fw_text), "t.ini", &fw, &err), 0);
	assert_int_equal(store_create(fx->project, fw, "Pat", &st, &err), 0);
	assert_int_equal(store_add_example(st, 0, "Budget", &id, &err), 0);
	assert_int_equal(store_set_example_field(st, id, EX_ACTION, "old action", &err), 0);

	rescue_init(&r, fx->project);
	target = store_example_target(id, EX_ACTION);
	label = rescue_label(store_project(st), target);
	assert_string_equal(label, "ECQ 1 (One), example 1 \"Budget\", Action");
	rescue_add(&r, target, label, tricky[4], strlen(tricky[4]));
	free(label);
	free(target);
	label = rescue_label(store_project(st), "note.0.1");
	assert_string_equal(label, "ECQ 1 (One), answer to focus question 2");
	rescue_add(&r, "note.0.1", label, "a note", 6);
	free(label);
	rescue_add(&r, "intro.1", "intro", "", 0);
	rescue_add(&r, "example.999.result", "ECQ 2, a deleted example, Result", "lost?", 5);

	assert_int_equal(rescue_apply(st, &r, &placed, &unsorted, &err), 0);
	assert_int_equal(placed, 3);
	assert_int_equal(unsorted, 1);
	p = store_project(st);
	assert_string_equal(project_example_by_id(p, id)->field[EX_ACTION], tricky[4]);
	assert_string_equal(p->notes[0][1], "a note");
	assert_non_null(strstr(p->unsorted, "a deleted example, Result]\nlost?"));
	target = store_example_target(id, EX_ACTION);
	assert_int_equal(store_revisions(st, target, 0, &revs, &nrev, &err), 0);
	assert_true(nrev >= 1);
	assert_string_equal(revs[0].text, "old action");
	store_revisions_free(revs, nrev);
	free(target);
	rescue_free(&r);
	store_close(st);
	framework_free(fw);
}

/* The coach edits an example's interview card too: a rescue file with a
 * card in it reads back, and the card goes back to its example. */
static void
rescue__card__reads_back_and_goes_to_its_example(void **state)
{
	struct fx *fx = *state;
	struct framework *fw;
	struct store *st;
	struct error err;
	struct rescue r, back;
	size_t len, placed, unsorted;
	int64_t id;
	char *target, *label, *buf;

	assert_int_equal(framework_parse(fw_text, strlen(fw_text), "t.ini", &fw, &err), 0);
	assert_int_equal(store_create(fx->project, fw, "Pat", &st, &err), 0);
	assert_int_equal(store_add_example(st, 0, "Budget", &id, &err), 0);
	assert_int_equal(store_set_example_card(st, id, "old card", &err), 0);
	rescue_init(&r, fx->project);
	target = xasprintf("example.%lld.card", (long long)id);
	label = rescue_label(store_project(st), target);
	assert_string_equal(label, "ECQ 1 (One), example 1 \"Budget\", interview card");
	rescue_add(&r, target, label, "the card as typed", 17);
	buf = rescue_format(&r, &len);
	assert_int_equal(rescue_parse(buf, len, "r.txt", &back, &err), 0);
	assert_int_equal(back.n, 1);
	assert_int_equal(rescue_apply(st, &back, &placed, &unsorted, &err), 0);
	assert_int_equal(placed, 1);
	assert_int_equal(unsorted, 0);
	assert_string_equal(project_example_card(project_example_by_id(store_project(st), id)),
	    "the card as typed");
	free(buf);
	free(label);
	free(target);
	rescue_free(&back);
	rescue_free(&r);
	store_close(st);
	framework_free(fw);
}

/* The résumé screen edits résumé lines and position fields: a rescue file
 * with both reads back and each text goes to its place; a field of a
 * position deleted since goes to the unsorted text, never lost. */
static void
rescue__resume_line_and_position_field__read_back_and_go_to_their_place(void **state)
{
	struct fx *fx = *state;
	struct framework *fw;
	struct store *st;
	struct error err;
	struct rescue r, back;
	size_t len, placed, unsorted;
	int64_t id, pos, gone;
	char *line_target, *pos_target, *gone_target, *label, *buf;
	const struct project *p;

	assert_int_equal(framework_parse(fw_text, strlen(fw_text), "t.ini", &fw, &err), 0);
	assert_int_equal(store_create(fx->project, fw, "Pat", &st, &err), 0);
	assert_int_equal(store_add_example(st, 0, "Budget", &id, &err), 0);
	assert_int_equal(store_set_example_resume(st, id, "old line", &err), 0);
	assert_int_equal(store_add_position(st, "Analyst", &pos, &err), 0);
	assert_int_equal(store_add_position(st, "Clerk", &gone, &err), 0);
	rescue_init(&r, fx->project);
	line_target = xasprintf("example.%lld.resume", (long long)id);
	label = rescue_label(store_project(st), line_target);
	assert_string_equal(label, "ECQ 1 (One), example 1 \"Budget\", résumé line");
	rescue_add(&r, line_target, label, "Cut costs 12%.", 14);
	free(label);
	pos_target = store_position_target(pos, POS_ORGANIZATION);
	label = rescue_label(store_project(st), pos_target);
	assert_string_equal(label, "Résumé, position 1 \"Analyst\", Organization");
	rescue_add(&r, pos_target, label, "Bureau of Reclamation", 21);
	free(label);
	gone_target = store_position_target(gone, POS_DUTIES);
	rescue_add(&r, gone_target, "a deleted position's duties", "filed papers", 12);
	assert_int_equal(store_delete_position(st, gone, &err), 0);
	buf = rescue_format(&r, &len);
	assert_int_equal(rescue_parse(buf, len, "r.txt", &back, &err), 0);
	assert_int_equal(back.n, 3);
	assert_int_equal(rescue_apply(st, &back, &placed, &unsorted, &err), 0);
	assert_int_equal(placed, 2);
	assert_int_equal(unsorted, 1);
	p = store_project(st);
	assert_string_equal(project_example_resume(project_example_by_id(p, id)), "Cut costs 12%.");
	assert_string_equal(project_position_by_id(p, pos)->field[POS_ORGANIZATION],
	    "Bureau of Reclamation");
	assert_non_null(strstr(p->unsorted, "filed papers"));
	free(buf);
	free(line_target);
	free(pos_target);
	free(gone_target);
	rescue_free(&back);
	rescue_free(&r);
	store_close(st);
	framework_free(fw);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rescue__round_trip__is_byte_exact_for_tricky_text),
		cmocka_unit_test(rescue__no_entries__round_trips),
		cmocka_unit_test(rescue__broken_files__are_refused),
		cmocka_unit_test_setup_teardown(rescue__card__reads_back_and_goes_to_its_example,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    rescue__resume_line_and_position_field__read_back_and_go_to_their_place,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    rescue__write__goes_beside_the_project_and_never_replaces, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    rescue__write__falls_back_to_the_state_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    rescue__list__finds_this_projects_files_and_mark_used_keeps_them, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    rescue__apply__puts_text_back_and_keeps_what_it_replaces, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
