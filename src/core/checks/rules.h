/* SPDX-License-Identifier: MIT */
/*
 * rules.h: the interface between the engine (checker.c) and each text rule
 * (checks/<rule>.c). A rule reads the segmented text and appends findings;
 * it never prints and never keeps state between calls except in its own
 * lists, loaded once by its _load function.
 */
#ifndef ECQ_RULES_H
#define ECQ_RULES_H

#include <stdbool.h>

#include "checks.h"
#include "checker.h"
#include "text.h"
#include "wordlist.h"

/* What every text rule sees. */
struct rule_env {
	const struct text_doc *doc;
	const struct check_ctx *ctx;
	const struct framework *fw;         /* may be NULL (plain text) */
	const struct wordlists *lists;      /* all dictionaries/ lists, loaded once */
	const char *candidate;              /* may be NULL */
	struct acronym_scope *acronyms;     /* per-ECQ definitions seen so far; may be NULL */
	const struct checker *checker;      /* the engine, for rule_enabled(); may be NULL (all) */
};

/* Adds a finding for bytes [off, off+len) of the analysed text (ecq,
 * example, field and target come from env->ctx). Implemented in checker.c. */
void rule_emit(const struct rule_env *env, struct findings *out, const char *rule,
    enum severity sev, size_t off, size_t len, const char *suggestion,
    const char *fmt, ...) __attribute__((format(printf, 8, 9)));

/* Attaches a machine fix (replace bytes [off, off+len) of the analysed text
 * by text, copied) to the finding at index at of out, the one a rule_emit
 * just added; does nothing when out has no finding there (the rule was not
 * selected). Offer a fix only where the change is mechanical and safe. */
void rule_fix(struct findings *out, size_t at, size_t off, size_t len, const char *text);

/* True when rule id is selected (--rules); a rule file may skip work for
 * unselected ids. The engine drops unselected findings anyway. */
bool rule_enabled(const struct rule_env *env, const char *id);

/*
 * Entry points, one per rule file, called by checker.c in this order on
 * every piece of text. Each appends findings to out and returns nothing.
 */
/* checks/passive.c: "passive". */
void rule_passive(const struct rule_env *env, struct findings *out);
/* checks/voice.c: "we_voice", "third_person" (env->candidate). */
void rule_voice(const struct rule_env *env, struct findings *out);
/* checks/acronym.c: "acronym_undefined", "acronym_overuse"; definitions
 * are remembered in env->acronyms (a fresh scope per call when NULL). */
void rule_acronym(const struct rule_env *env, struct findings *out);
/* checks/phrases.c: "bureaucratic", "vague", "belief", "political",
 * "disparaging", "cross_reference" (lists in dictionaries/). */
void rule_phrases(const struct rule_env *env, struct findings *out);
/* checks/style.c: "question", "long_sentence", "grammar". */
void rule_style(const struct rule_env *env, struct findings *out);
/* checks/grammar.c: more "grammar": agreement across a prepositional
 * phrase, confused words (dictionaries/confusions.txt). */
void rule_grammar(const struct rule_env *env, struct findings *out);

/* The acronym state of one ECQ (checks/acronym.c): each ECQ must stand
 * alone, so the engine makes a new scope per ECQ and frees it after. */
struct acronym_scope *acronym_scope_new(void);
void acronym_scope_free(struct acronym_scope *scope);
/* A new scope holding what scope holds (NULL: an empty one); the caller
 * frees it. Lets a front end keep the state before a field and check the
 * field again on every key from a copy. */
struct acronym_scope *acronym_scope_copy(const struct acronym_scope *scope);

#endif
