/* SPDX-License-Identifier: MIT */
/*
 * fuzz_store.c: libFuzzer harness for opening a project file. The input is
 * the file's image: it is written to a scratch directory and opened through
 * store_open read-only, then read-write. Whatever opens must be a project
 * every screen can walk (ECQ and question indexes inside the framework);
 * read-write, a few edits go through the store API so saves, revisions and
 * reloads run on the damaged file too. Any failure must be an error record.
 */
#include "config.h"

#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <unistd.h>

#include "project.h"
#include "store.h"

static char dir[4096];
static char path[4200];

/* Removes every file in the scratch directory (the project, its -wal and
 * -shm, backup copies of a migration). */
static void
clean_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char p[4400];

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
		unlink(p);
	}
	closedir(d);
}

static void
remove_dir(void)
{
	clean_dir();
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, sizeof dir, "%s/ecqcoach-fuzz-XXXXXX", tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror("fuzz_store: mkdtemp");
		exit(1);
	}
	snprintf(path, sizeof path, "%s/p.ecq", dir);
	atexit(remove_dir);
	return 0;
}

static void
read_str(const char *s)
{
	if (s == NULL || strlen(s) == (size_t)-1)
		abort();
}

/* Reads every part of the loaded project the way the screens do. */
static void
walk(const struct project *p)
{
	const struct framework *fw = p->fw;
	size_t i, j, f;

	read_str(p->candidate);
	read_str(p->position);
	read_str(p->unsorted);
	if (fw == NULL)
		abort();
	for (i = 0; i < fw->n_ecqs; i++) {
		read_str(p->intro[i]);
		for (j = 0; j < fw->ecqs[i].questions.n; j++)
			read_str(p->notes[i][j]);
		for (j = 0; j < project_count_examples(p, (int)i); j++)
			if (project_example_at(p, (int)i, j) == NULL)
				abort();
	}
	if (p->intro[fw->n_ecqs] != NULL || p->notes[fw->n_ecqs] != NULL)
		abort();
	for (i = 0; i < p->n_examples; i++) {
		const struct example *e = &p->examples[i];

		if (e->ecq < 0 || (size_t)e->ecq >= fw->n_ecqs)
			abort();
		for (f = 0; f < EX_FIELD_COUNT; f++)
			read_str(e->field[f]);
		for (j = 0; j < e->competencies.n; j++)
			read_str(e->competencies.items[j]);
		if (project_example_by_id(p, e->id) == NULL)
			abort();
	}
	for (i = 0; i < p->words.n; i++)
		read_str(p->words.items[i]);
	for (i = 0; i < p->n_dismissed; i++) {
		read_str(p->dismissed[i].rule);
		read_str(p->dismissed[i].target);
		read_str(p->dismissed[i].text);
	}
	for (i = 0; i < p->n_comments; i++) {
		read_str(p->comments[i].target);
		read_str(p->comments[i].quote);
		read_str(p->comments[i].body);
	}
}

/* A few changes of every kind through the store; failures are allowed
 * (a damaged file), crashes and a broken project after them are not. */
static void
edit(struct store *st)
{
	struct strlist comp = { NULL, 0 };
	struct revision *revs = NULL;
	struct error err;
	size_t n_revs = 0;
	int64_t id = -1, cid = -1;
	char *v;

	/* store_project() changes with every change: never keep it. */
	store_set_candidate(st, "Jordan A. Rivera", &err);
	walk(store_project(st));
	if (store_project(st)->fw->n_ecqs > 0) {
		store_set_intro(st, 0, "I have led change for seven years.", &err);
		if (store_project(st)->fw->ecqs[0].questions.n > 0)
			store_set_note(st, 0, 0, "One service center.", &err);
	}
	if (store_project(st)->n_examples > 0) {
		id = store_project(st)->examples[0].id;
		store_set_example_field(st, id, EX_RESULT, "Response time fell from 11 days to 2.", &err);
		store_move_example(st, id, 1, &err);
	}
	if (store_project(st)->fw->n_ecqs > 0 && store_add_example(st, 0, "A new example", &id, &err) == 0) {
		store_set_example_field(st, id, EX_ACTION, "I built the case on data.", &err);
		strlist_push(&comp, "Vision");
		store_set_example_competencies(st, id, &comp, &err);
		strlist_free(&comp);
		store_move_example(st, id, 0, &err);
		store_delete_example(st, id, &err);
		store_undelete_example(st, id, &err);
	}
	walk(store_project(st));
	store_set_unsorted(st, "unplaced line", &err);
	store_add_word(st, "Rivera", &err);
	store_remove_word(st, "Rivera", &err);
	store_dismiss(st, "passive", "intro.0", "was led", &err);
	store_is_dismissed(st, "passive", "intro.0", "was led");
	if (store_add_comment(st, "intro.0", "seven years", 0, "Reviewer", "Say which.", &cid, &err) == 0)
		store_resolve_comment(st, cid, true, &err);
	/* a save by revision target, against what the caller last saw */
	store_set_text(st, "intro.1", "", "Fuzzed intro.", NULL, &err);
	store_set_text(st, "meta.position", NULL, "Director", NULL, &err);
	store_set_confirmed(st, "Uses I", true, &err);
	store_set_setting(st, "screen", "dashboard", &err);
	v = store_get_setting(st, "screen");
	free(v);
	if (store_revisions(st, NULL, 0, &revs, &n_revs, &err) == 0)
		store_revisions_free(revs, n_revs);
	walk(store_project(st));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store *st = NULL;
	struct error err;
	FILE *f;

	clean_dir();
	f = fopen(path, "wb");
	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	if (store_open(path, STORE_READONLY, &st, &err) == 0) {
		walk(store_project(st));
		store_close(st);
	} else if (err.code == ERR_NONE || err.msg[0] == '\0') {
		abort();
	}
	st = NULL;
	if (store_open(path, 0, &st, &err) == 0) {
		walk(store_project(st));
		edit(st);
		store_close(st);
	} else if (err.code == ERR_NONE || err.msg[0] == '\0') {
		abort();
	}
	clean_dir();
	return 0;
}
