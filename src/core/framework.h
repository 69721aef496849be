/* SPDX-License-Identifier: MIT */
/*
 * framework.h: an ECQ framework (its ECQs, competencies, focus questions,
 * CCAR hints, review checklist and numeric rules) read from an INI file in
 * prompts/ with libinih. The format is documented in ecqcoach-prompts(5).
 * This module only parses and looks up; it never prints.
 */
#ifndef ECQ_FRAMEWORK_H
#define ECQ_FRAMEWORK_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

enum ccar_part { CCAR_CHALLENGE, CCAR_CONTEXT, CCAR_ACTION, CCAR_RESULT, CCAR_COUNT };

struct strlist {
	char **items;
	size_t n;
};

struct fw_ecq {
	char *key;              /* section suffix, e.g. "leading-change" */
	char *title;            /* "Leading Change" */
	char *definition;       /* OPM's definition, one paragraph */
	struct strlist competencies;
	struct strlist questions;       /* "What should the focus be?" */
	struct strlist characteristics; /* 1994 key characteristics; may be empty */
	struct strlist interview_questions; /* "Tell me about a time ..."; may be empty */
};

enum checklist_kind { CHECKLIST_MAKE_SURE, CHECKLIST_AVOID };

struct checklist_item {
	enum checklist_kind kind;
	char *text;             /* the guidance line as the reviewer reads it */
	struct strlist rules;   /* rule ids that decide it; empty: confirm by hand */
};

struct fw_rule {
	char *key;              /* e.g. "max_pages" */
	double value;
};

/* The shapes of the same stories a selection process asks for (the
 * [documents] section, see ecqcoach-prompts(5)). */
enum doc_shape { DOC_NARRATIVE, DOC_RESUME, DOC_INTERVIEW, DOC_SHAPES };
enum doc_use {
	DOC_NO,                 /* not asked for */
	DOC_OPTIONAL,           /* may be asked for */
	DOC_FIRST               /* asked for first */
};

struct fw_documents {
	bool given;                     /* the file has a [documents] section */
	enum doc_use use[DOC_SHAPES];
	double narrative_pages;         /* 0: [rules] max_pages */
	double narrative_pages_per_ecq; /* 0: no limit per ECQ */
	double resume_pages;            /* the résumé's pages (default 2) */
	double resume_line_lines;       /* most lines of one résumé line (3) */
	double resume_field_chars;      /* most characters of one position's
	                                 * text in USAJOBS' builder (5000) */
	double interview_min_seconds;   /* a card told aloud: 120 to 240 */
	double interview_max_seconds;
};

struct framework {
	char *id;               /* "ses-2010" */
	char *title;
	char *in_force;         /* "2006 to September 30, 2025" */
	char *source;           /* where the texts come from */
	char *note;             /* anything a user should know; may be "" */
	bool current;           /* the default for new projects */
	struct fw_ecq *ecqs;
	size_t n_ecqs;
	struct strlist fundamentals;    /* competencies shown across the narrative */
	char *ccar[CCAR_COUNT];         /* what each CCAR part should say */
	struct strlist tips;            /* writing tips */
	struct checklist_item *checklist;
	size_t n_checklist;
	struct fw_rule *rules;
	size_t n_rules;
	struct fw_documents docs;       /* defaults when the file has none */
	char *text;             /* the INI text it was parsed from (the snapshot) */
	char *path;             /* the file it was read from; NULL when parsed from text */
	char *shadowed;         /* the file of a framework with the same id it
	                         * overrides (framework_set_load_all); or NULL */
	int id_line;            /* lines of "id =" and "current =" in the text; 0 if absent */
	int current_line;
};

/* Parses INI text. name is used in messages ("prompts/ses-2010.ini").
 * On success stores a new framework in *out (caller frees with
 * framework_free) and returns 0. On failure returns -1 with ERR_FORMAT and
 * a message "NAME:LINE: what is wrong". */
int framework_parse(const char *text, size_t len, const char *name,
    struct framework **out, struct error *err);

/* Reads and parses a file; ERR_IO when it cannot be read. */
int framework_load_file(const char *path, struct framework **out, struct error *err);

void framework_free(struct framework *fw);

/* Looks up a numeric rule from [rules]; returns fallback when absent. */
double framework_rule(const struct framework *fw, const char *key, double fallback);

/* The narrative's page budget: [documents] narrative_pages, else [rules]
 * max_pages, else 10. The page meter and the page_limit rule read it. */
double framework_narrative_pages(const struct framework *fw);
/* Name of a shape ("narrative", "resume", "interview") and of a use
 * ("first", "optional", "no"). */
const char *framework_doc_shape_name(enum doc_shape s);
const char *framework_doc_use_name(enum doc_use u);

/* Returns the index of the ECQ whose key, title (case-insensitive) or
 * 1-based number matches s, or -1. */
int framework_find_ecq(const struct framework *fw, const char *s);

/* Names of the CCAR parts, "Challenge" .. "Result". */
const char *framework_ccar_name(enum ccar_part part);

/* Every framework in a directory (files ending in .ini, sorted by id). */
struct framework_set {
	struct framework **fws;
	size_t n;
};

/* Loads all *.ini in dir. A broken file fails the whole call with its
 * error, so a coordinator's typo is never silently skipped. */
int framework_set_load(const char *dir, struct framework_set *set, struct error *err);
/* Loads the frameworks of every folder paths_prompt_dirs() names: the
 * data dir's prompts/, the user's own (XDG) prompts folder, the --prompts
 * folder. A later folder's framework replaces one with the same id (its
 * shadowed field names the file it replaced). A missing data-dir or
 * --prompts folder and a broken file fail the call. */
int framework_set_load_all(struct framework_set *set, struct error *err);
void framework_set_free(struct framework_set *set);

/* Checks the *.ini files of dir the way a coordinator needs before a
 * workshop, reporting what libinih accepts silently or the coach only
 * refuses later: a file that does not parse, more than one framework marked
 * current, a file name that differs from the id, a value cut at " ;"
 * (libinih's inline comment), a focus question or competency given twice in
 * one ECQ, and an id used by two files. Appends one "FILE:LINE: problem"
 * to problems for each. Returns the number of files read, or -1 with err
 * set when dir cannot be read. */
int framework_check_dir(const char *dir, struct strlist *problems, struct error *err);
/* The framework with this id, or NULL. */
const struct framework *framework_set_find(const struct framework_set *set, const char *id);
/* The framework marked current, else the last one; NULL when empty. */
const struct framework *framework_set_default(const struct framework_set *set);

void strlist_push(struct strlist *l, const char *s);
void strlist_free(struct strlist *l);
bool strlist_contains(const struct strlist *l, const char *s);

#endif
