/* SPDX-License-Identifier: MIT */
/*
 * checker.h: the checking engine. It owns the speller and the word lists
 * (from dictionaries/), runs the text rules on any text and, for a project,
 * every text rule on every field (acronym state scoped per ECQ), the
 * résumé lines and cards the framework asks for (resume.h, card_rules.h),
 * plus the project rules (checks/project_rules.h). Dismissed findings are
 * dropped.
 */
#ifndef ECQ_CHECKER_H
#define ECQ_CHECKER_H

#include <stdbool.h>
#include <stddef.h>

#include "checks.h"
#include "error.h"
#include "framework.h"
#include "project.h"

struct wordlists;
struct store;
struct resume_settings;

struct checker;

struct checker_options {
	const char *data_dir;       /* holds dictionaries/; NULL: paths_dict_dir() */
	const char *user_words;     /* user's word file; NULL: XDG default; "" none */
	const char *rules;          /* comma-separated rule ids to run; NULL: all */
	bool no_spelling;           /* skip hunspell entirely */
	bool no_suggestions;        /* spelling findings without suggestions (fast:
	                             * the editor asks checker_suggest() on demand) */
};

/* Creates a checker. A missing system dictionary is not an error: spelling
 * is skipped and checker_warning() says so once. */
int checker_new(const struct checker_options *opt, struct checker **out, struct error *err);
void checker_free(struct checker *ck);

/* True when the speller is loaded and spelling is selected. */
bool checker_spell_available(const struct checker *ck);

/* A warning the front end should show once (e.g. no en_US dictionary), or NULL. */
const char *checker_warning(const struct checker *ck);

/* The dictionaries/ lists the checker loaded (borrowed; for the project
 * rules and tools such as the evaluation). */
const struct wordlists *checker_lists(const struct checker *ck);

/* Limits from a framework's [rules] (long_sentence_words, ...); NULL: defaults. */
void checker_set_framework(struct checker *ck, const struct framework *fw);
/* Extra accepted words (project dictionary); borrowed until the next call. */
void checker_set_words(struct checker *ck, const struct strlist *words);
/* Names that count as third person (the candidate's own name). */
void checker_set_candidate(struct checker *ck, const char *name);
/* The settings the résumé and card rules read from the project file (the
 * speaking pace "card.wpm", the résumé's "resume.margin_in" and
 * "resume.font_pt"); st NULL: the defaults, which a new checker has.
 * Call again after they change. */
void checker_load_shapes(struct checker *ck, const struct store *st);
/* The pace card_time uses (words a minute); ck may be NULL (the default). */
int checker_card_wpm(const struct checker *ck);
/* The résumé settings resume_length lays lines out with into *s. */
void checker_resume_settings(const struct checker *ck, struct resume_settings *s);

/* Context of a piece of text inside a project (all -1/NULL for plain text). */
struct check_ctx {
	int ecq;
	long long example;
	int field;
	const char *target;
};

/* Runs the text rules on text[0..len); appends findings with offsets into
 * text. This is what the editor calls on every keystroke for one field. */
void checker_check_text(struct checker *ck, const char *text, size_t len,
    const struct check_ctx *ctx, struct findings *out);

/* ---- one field in its project (the coach's live check) ----
 * checker_check_project checks every field with what came before it in
 * its ECQ: an acronym spelled out in the Challenge is defined for the
 * Result. A front end checking one field while it is typed gets the same
 * findings from these two calls (checker_scope_before, then
 * checker_check_in_project). */
struct acronym_scope;

/* The text of a field as the front end holds it (unsaved edits included),
 * by revision target; NULL to use the project's saved text. */
typedef const char *(*checker_text_fn)(void *arg, const char *target, size_t *len);

/* The acronyms seen in ctx->ecq before the field ctx names, in the order
 * checker_check_project reads an ECQ (the introduction, then each example
 * by position, its title and CCAR parts in order). text_of may be NULL.
 * Returns a new scope (free with acronym_scope_free); an empty one for an
 * introduction, a note or plain text. Cost: the ECQ's text before the
 * field, so a front end keeps it while only this field changes. */
struct acronym_scope *checker_scope_before(struct checker *ck, const struct project *p,
    const struct check_ctx *ctx, checker_text_fn text_of, void *arg);

/* Checks text[0..len), the field ctx names in p, as checker_check_project
 * would: before (borrowed, not changed; NULL: nothing seen) holds the
 * acronyms of the ECQ before it, a title gets spelling only, and only the
 * selected rules are kept. Dismissed findings are NOT dropped (the caller
 * knows its own text). Appends unsorted findings to out. */
void checker_check_in_project(struct checker *ck, const struct project *p, const char *text,
    size_t len, const struct check_ctx *ctx, const struct acronym_scope *before,
    struct findings *out);

/* Runs every rule on the whole project; sorted findings, dismissed dropped.
 * Where the framework's [documents] asks for a résumé (use[DOC_RESUME] is
 * not DOC_NO) every résumé line ("example.<id>.resume", field -1), the
 * coverage and USAJOBS' limit are checked too (resume_check; resume_length
 * needs the layout: resume_length_check); where it asks for an interview,
 * every card ("example.<id>.card", field -1; card_check). */
void checker_check_project(struct checker *ck, const struct project *p, struct findings *out);

/* "resume" for "example.<id>.resume", "card" for "example.<id>.card",
 * else NULL: the shape a finding's target names. */
const char *checker_target_shape(const char *target);

/* Spelling helpers for the editor: is the word known, and suggestions
 * (NULL-terminated, caller frees with checker_free_list). */
bool checker_spell_ok(struct checker *ck, const char *word);
char **checker_suggest(struct checker *ck, const char *word);
void checker_free_list(char **list);
/* Adds a word to the user's word file (and to this session). */
int checker_add_user_word(struct checker *ck, const char *word, struct error *err);

/* Every rule id with a one-line description, NULL-terminated table. */
struct rule_info {
	const char *id;
	enum severity severity;
	const char *summary;
	bool project;           /* needs a whole project */
};
const struct rule_info *checker_rules(void);
const struct rule_info *checker_rule(const char *id);
/* "résumé" or "card" for a rule that checks only that shape (lint lists
 * it so), NULL for the narrative's rules and unknown ids. */
const char *checker_rule_shape(const char *id);

#endif
