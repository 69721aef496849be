/* SPDX-License-Identifier: MIT */
/*
 * fields.c: the coach's text fields (one editor per text, kept for the
 * session so undo covers it), their checks through the findings owner,
 * and the word counts every screen shows, kept per text so a key costs
 * the text edited, not the narrative. The loop and drawing are in tui.c.
 */
#include "config.h"

#include "tui/tui.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "card.h"
#include "checks/card_rules.h"
#include "resume.h"
#include "text.h"
#include "xalloc.h"

static struct tui_field *
tui_field_add(struct tui *t, enum tui_field_kind kind, int ecq, int q, int64_t ex,
    int field, char *target, const char *text)
{
	struct tui_field *f = xcalloc(1, sizeof *f);

	f->kind = kind;
	f->ecq = ecq;
	f->question = q;
	f->example = ex;
	f->field = field;
	f->target = target;
	f->seen = xstrdup(text);
	f->ed = editor_new(text, strlen(text));
	if (t->readonly_why != NULL)
		editbuf_set_readonly(editor_buf(f->ed), true);
	findings_init(&f->fs);
	t->fields = xreallocarray(t->fields, t->n_fields + 1, sizeof *t->fields);
	t->fields[t->n_fields++] = f;
	return f;
}

static void
tui_field_free(struct tui_field *f)
{
	if (f == NULL)
		return;
	editor_free(f->ed);
	findings_free(&f->fs);
	free(f->spans);
	free(f->span_finding);
	free(f->target);
	free(f->seen);
	free(f->words_text);
	free(f);
}

struct tui_field *
tui_field_example(struct tui *t, int64_t id, int field)
{
	const struct example *ex;
	size_t i;

	for (i = 0; i < t->n_fields; i++) {
		struct tui_field *f = t->fields[i];

		if (f->kind == TF_EXAMPLE && f->example == id && f->field == field)
			return f;
	}
	ex = project_example_by_id(tui_project(t), id);
	if (ex == NULL)
		return NULL;
	return tui_field_add(t, TF_EXAMPLE, ex->ecq, -1, id, field,
	    store_example_target(id, (enum example_field)field), ex->field[field]);
}

struct tui_field *
tui_field_note(struct tui *t, int ecq, int question)
{
	const struct project *p = tui_project(t);
	size_t i;

	for (i = 0; i < t->n_fields; i++) {
		struct tui_field *f = t->fields[i];

		if (f->kind == TF_NOTE && f->ecq == ecq && f->question == question)
			return f;
	}
	return tui_field_add(t, TF_NOTE, ecq, question, -1, -1,
	    xasprintf("note.%d.%d", ecq, question), p->notes[ecq][question]);
}

struct tui_field *
tui_field_intro(struct tui *t, int ecq)
{
	const struct project *p = tui_project(t);
	size_t i;

	for (i = 0; i < t->n_fields; i++) {
		struct tui_field *f = t->fields[i];

		if (f->kind == TF_INTRO && f->ecq == ecq)
			return f;
	}
	return tui_field_add(t, TF_INTRO, ecq, -1, -1, -1, xasprintf("intro.%d", ecq),
	    p->intro[ecq]);
}

struct tui_field *
tui_field_card(struct tui *t, int64_t id)
{
	const struct example *ex;
	size_t i;

	for (i = 0; i < t->n_fields; i++) {
		struct tui_field *f = t->fields[i];

		if (f->kind == TF_CARD && f->example == id)
			return f;
	}
	ex = project_example_by_id(tui_project(t), id);
	if (ex == NULL)
		return NULL;
	return tui_field_add(t, TF_CARD, ex->ecq, -1, id, -1,
	    xasprintf("example.%lld.card", (long long)id), project_example_card(ex));
}

struct tui_field *
tui_field_resume(struct tui *t, int64_t id)
{
	const struct example *ex;
	size_t i;

	for (i = 0; i < t->n_fields; i++) {
		struct tui_field *f = t->fields[i];

		if (f->kind == TF_RESUME && f->example == id)
			return f;
	}
	ex = project_example_by_id(tui_project(t), id);
	if (ex == NULL)
		return NULL;
	return tui_field_add(t, TF_RESUME, ex->ecq, -1, id, -1,
	    xasprintf("example.%lld.resume", (long long)id), project_example_resume(ex));
}

struct tui_field *
tui_field_position(struct tui *t, int64_t id, int field)
{
	const struct position *pos;
	size_t i;

	for (i = 0; i < t->n_fields; i++) {
		struct tui_field *f = t->fields[i];

		if (f->kind == TF_POSITION && f->example == id && f->field == field)
			return f;
	}
	pos = project_position_by_id(tui_project(t), id);
	if (pos == NULL || field < 0 || field >= POS_FIELD_COUNT)
		return NULL;
	return tui_field_add(t, TF_POSITION, -1, -1, id, field,
	    store_position_target(id, (enum position_field)field), pos->field[field]);
}

void
tui_focus(struct tui *t, struct tui_field *f)
{
	if (t->focus == f)
		return;
	if (t->focus != NULL) {
		editbuf_break_undo(editor_buf(t->focus->ed));
		(void)tui_save(t);
		/* the field left shows its findings for the text it holds */
		tui_field_check(t, t->focus);
	}
	t->focus = f;
	if (f != NULL)
		tui_field_check(t, f);
}

struct tui_keep {
	struct tui *t;
	struct tui_field *f;
	const char *text;
};

/* Keeps a finding unless the user dismissed it (by rule, target and text). */
static bool
tui_keep_finding(const struct finding *fd, void *arg)
{
	struct tui_keep *k = arg;
	char *span;
	bool keep;

	span = xstrndup(k->text + fd->offset, fd->length);
	keep = !store_is_dismissed(k->t->st, fd->rule, k->f->target, span);
	free(span);
	return keep;
}

/* A field's text as the session holds it, by target (checker_text_fn). */
static const char *
tui_text_of(void *arg, const char *target, size_t *len)
{
	struct tui *t = arg;
	size_t i;

	for (i = 0; i < t->n_fields; i++) {
		const struct tui_field *f = t->fields[i];

		if (strcmp(f->target, target) == 0) {
			*len = editbuf_len(editor_cbuf(f->ed));
			return editbuf_text(editor_cbuf(f->ed));
		}
	}
	return NULL;
}

void
tui_field_check(struct tui *t, struct tui_field *f)
{
	const struct editbuf *eb = editor_cbuf(f->ed);
	const char *text = editbuf_text(eb);
	struct check_ctx ctx;
	struct tui_keep keep;
	size_t i, n = 0;

	if (f->checked == editbuf_version(eb) + 1 &&
	    f->checked_dict == findings_owner_dictionary_gen(t->fo))
		return;
	f->checked = editbuf_version(eb) + 1;
	f->checked_dict = findings_owner_dictionary_gen(t->fo);
	findings_free(&f->fs);
	findings_init(&f->fs);
	if (f->kind == TF_RESUME) {
		const struct example *ex = project_example_by_id(tui_project(t), f->example);

		/* the engine's rules that apply to a résumé line and the résumé
		 * rules; its length when this text was laid out */
		if (ex != NULL)
			resume_check_line(t->ck, tui_project(t), ex, text,
			    resumescr_lines(t, ex->id, text), &f->fs);
		goto keep;
	}
	/* a position's facts (dates, phone, grade) are not prose */
	if (t->ck == NULL || f->kind == TF_POSITION)
		goto spans;
	if (f->kind == TF_CARD) {
		/* spoken, not read: the card rules and the text rules that apply
		 * aloud (card_check), as `check` gives them */
		const struct example *ex = project_example_by_id(tui_project(t), f->example);

		if (ex != NULL)
			card_check(t->ck, tui_fw(t), ex, text, card_wpm_load(t->st), &f->fs);
		goto keep;
	}
	ctx.ecq = f->ecq;
	ctx.example = f->kind == TF_EXAMPLE ? (long long)f->example : -1;
	ctx.field = f->kind == TF_EXAMPLE ? f->field : -1;
	ctx.target = f->target;
	/* In its project context, as `check` sees it (the one owner). */
	findings_owner_check_field(t->fo, t->ck, tui_project(t), &ctx, text, editbuf_len(eb),
	    tui_text_of, t, &f->fs);
keep:
	keep.t = t;
	keep.f = f;
	keep.text = text;
	findings_filter(&f->fs, 0, tui_keep_finding, &keep);
spans:
	free(f->spans);
	free(f->span_finding);
	f->spans = xcalloc(f->fs.n + 1, sizeof *f->spans);
	f->span_finding = xcalloc(f->fs.n + 1, sizeof *f->span_finding);
	for (i = 0; i < f->fs.n; i++) {
		const struct finding *fd = &f->fs.items[i];

		if (fd->length == 0)
			continue;
		f->spans[n].offset = fd->offset;
		f->spans[n].length = fd->length;
		f->spans[n].severity = fd->severity;
		f->spans[n].spelling = strcmp(fd->rule, "spelling") == 0;
		f->span_finding[n] = i;
		n++;
	}
	f->n_spans = n;
	editor_set_spans(f->ed, f->spans, n);
}

const struct finding *
tui_field_finding_at_cursor(struct tui *t, struct tui_field *f)
{
	int i;

	if (f->checked == 0)
		tui_field_check(t, f);
	i = editor_span_at_cursor(f->ed);
	if (i < 0 || (size_t)i >= f->n_spans)
		return NULL;
	return &f->fs.items[f->span_finding[i]];
}

/* A word count kept with a copy of the text it counted. */
struct tui_saved_words {
	int64_t example;        /* -1: the ECQ's introduction */
	int field;
	int ecq;
	unsigned long gen;      /* t->gen it was last seen equal at + 1 */
	size_t words;
	char *text;
	size_t len;
};

/* Brings a kept word count (*words of the text in *copy; no copy yet:
 * none) up to text, counting again only the words edited
 * (text_count_words_edit); the copy becomes text. */
static void
tui_words_update(char **copy, size_t *copy_len, size_t *words, const char *text, size_t len)
{
	if (*copy != NULL && *copy_len == len && memcmp(*copy, text, len) == 0)
		return;
	*words = text_count_words_edit(*copy, *copy_len, *words, text, len);
	free(*copy);
	*copy = xmalloc(len + 1);
	memcpy(*copy, text, len);
	(*copy)[len] = '\0';
	*copy_len = len;
}

size_t
tui_field_words(struct tui_field *f)
{
	const struct editbuf *eb = editor_cbuf(f->ed);

	if (f->words_ver != editbuf_version(eb) + 1) {
		tui_words_update(&f->words_text, &f->words_len, &f->words, editbuf_text(eb),
		    editbuf_len(eb));
		f->words_ver = editbuf_version(eb) + 1;
	}
	return f->words;
}

/* Words in a saved text no field holds (example field, or field -1: the
 * ECQ's introduction), counted once and again only when a store change
 * gave it other text. */
static size_t
tui_saved_text_words(struct tui *t, int ecq, int64_t example, int field, const char *text)
{
	struct tui_saved_words *w = NULL;
	size_t i;

	for (i = 0; i < t->n_saved_words && w == NULL; i++)
		if (t->saved_words[i].example == example && t->saved_words[i].field == field
		    && t->saved_words[i].ecq == ecq)
			w = &t->saved_words[i];
	if (w == NULL) {
		t->saved_words = xreallocarray(t->saved_words, t->n_saved_words + 1,
		    sizeof *t->saved_words);
		w = &t->saved_words[t->n_saved_words++];
		memset(w, 0, sizeof *w);
		w->example = example;
		w->field = field;
		w->ecq = ecq;
	}
	if (w->gen != t->gen + 1) {
		tui_words_update(&w->text, &w->len, &w->words, text, strnlen(text, STORE_MAX_TEXT));
		w->gen = t->gen + 1;
	}
	return w->words;
}

/* The field already made for a text, or NULL (none is made here). */
static struct tui_field *
tui_field_find(const struct tui *t, enum tui_field_kind kind, int ecq, int64_t example,
    int field)
{
	size_t i;

	for (i = 0; i < t->n_fields; i++) {
		struct tui_field *f = t->fields[i];

		if (f->kind == kind && f->ecq == ecq && (kind != TF_EXAMPLE
		    || (f->example == example && f->field == field)))
			return f;
	}
	return NULL;
}

const struct findings *
tui_project_findings(struct tui *t)
{
	/* the pace and the résumé's settings the card and résumé rules read */
	if (!findings_owner_fresh(t->fo))
		checker_load_shapes(t->ck, t->st);
	return findings_owner_project(t->fo, t->ck, tui_project(t), t->lc);
}

const struct findings *
tui_findings_last(const struct tui *t)
{
	return findings_owner_last(t->fo);
}

bool
tui_findings_ready(const struct tui *t)
{
	return findings_owner_ever(t->fo);
}


size_t
tui_example_words(struct tui *t, const struct example *ex)
{
	size_t n = 0;
	int f;

	/* as `check` counts: the title and the four CCAR parts */
	for (f = EX_TITLE; f <= EX_RESULT; f++) {
		struct tui_field *tf;

		if (f == EX_START || f == EX_END)
			continue;
		tf = tui_field_find(t, TF_EXAMPLE, ex->ecq, ex->id, f);
		n += tf != NULL ? tui_field_words(tf)
		    : tui_saved_text_words(t, ex->ecq, ex->id, f, ex->field[f]);
	}
	return n;
}

size_t
tui_ecq_words(struct tui *t, int ecq)
{
	const struct project *p = tui_project(t);
	size_t n = 0, k, cnt = project_count_examples(p, ecq);
	struct tui_field *intro = tui_field_find(t, TF_INTRO, ecq, -1, -1);

	for (k = 0; k < cnt; k++)
		n += tui_example_words(t, project_example_at(p, ecq, k));
	n += intro != NULL ? tui_field_words(intro)
	    : tui_saved_text_words(t, ecq, -1, -1, p->intro[ecq]);
	return n;
}

/* An ECQ's word goal: its equal share of the framework's page limit, at
 * the framework's words_per_page (about 500 at 12 pt with 1-inch margins).
 * From the framework only, so the goal does not move while typing. */
#define TUI_WORDS_PER_PAGE 500

size_t
tui_ecq_budget(struct tui *t)
{
	const struct framework *fw = tui_fw(t);
	double max_pages = framework_narrative_pages(fw);
	double per_page = framework_rule(fw, "words_per_page", TUI_WORDS_PER_PAGE);

	if (fw->n_ecqs == 0)
		return 0;
	return (size_t)(max_pages * per_page / (double)fw->n_ecqs);
}

void
tui_fields_free(struct tui *t)
{
	size_t i;

	for (i = 0; i < t->n_fields; i++)
		tui_field_free(t->fields[i]);
	free(t->fields);
	t->fields = NULL;
	t->n_fields = 0;
	for (i = 0; i < t->n_saved_words; i++)
		free(t->saved_words[i].text);
	free(t->saved_words);
	t->saved_words = NULL;
	t->n_saved_words = 0;
}

bool
tui_field_put_draft(struct tui *t, struct tui_field *f, char *draft, const char *what)
{
	struct editbuf *eb = editor_buf(f->ed);
	bool ok = false;

	if (*draft == '\0') {
		tui_status(t, "Nothing to draft from: write the example's Challenge, Action "
		    "and Result first.");
		goto out;
	}
	/* what the draft replaces starts a revision of its own (Ctrl-R) */
	store_new_burst(t->st);
	if (!editbuf_replace(eb, 0, editbuf_len(eb), draft, strlen(draft))) {
		tui_status(t, "The draft could not replace the %s.", what);
		goto out;
	}
	/* the draft is read from its opening line, not its end */
	editbuf_set_cursor(eb, 0, false);
	ok = true;
out:
	free(draft);
	return ok;
}
