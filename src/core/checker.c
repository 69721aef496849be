/* SPDX-License-Identifier: MIT */
/*
 * checker.c: the engine. It loads the dictionaries/ lists and the speller
 * once, keeps the table of every public rule id, selects rules (--rules),
 * runs the text rule files (checks/) and the spelling and encoding
 * rules on a text, and on a project every field with acronyms scoped per
 * ECQ, the résumé lines and cards where the framework asks for them
 * (resume.h, checks/card_rules.h), then the project rules; dismissed
 * findings are dropped.
 */
#include "config.h"
#include "checker.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unistr.h>

#include "card.h"
#include "checks/card_rules.h"
#include "checks/project_rules.h"
#include "checks/resume_rules.h"
#include "checks/rules.h"
#include "paths.h"
#include "resume.h"
#include "spell.h"
#include "store.h"
#include "text.h"
#include "wordlist.h"
#include "xalloc.h"

/* Suggestions attached to one spelling finding. */
#define CHECKER_MAX_SUGGESTIONS 5
/* Words longer than this are not words (a 1 MB line without spaces). */
#define CHECKER_MAX_SPELL_WORD 60
/* New hunspell suggestion searches per checked text (quick, full n-gram);
 * past them spelling findings come without suggestions. */
#define CHECKER_QUICK_SUGGESTIONS 150
#define CHECKER_FULL_SUGGESTIONS 8
/* Invalid UTF-8 runs reported per text before the rest are counted only. */
#define CHECKER_MAX_ENCODING 20

/* The rules of the engine and of the checks/ files; the project rules come from
 * project_rules_info(), the résumé and card rules from resume_rules_info()
 * and card_rules_info(). Severities are the defaults the rules emit. */
static const struct rule_info checker_text_rules[] = {
	{ "spelling", SEV_WARNING,
	  "a word neither hunspell en_US nor the federal, user or project word lists know", false },
	{ "passive", SEV_WARNING,
	  "passive voice (\"was led by me\"): say who acted, in the first person", false },
	{ "we_voice", SEV_WARNING,
	  "\"we\" or \"our team\" doing the action where \"I\" should", false },
	{ "third_person", SEV_WARNING,
	  "the candidate in the third person (own name, \"the candidate\", \"this applicant\")", false },
	{ "acronym_undefined", SEV_WARNING,
	  "an acronym not spelled out at its first use in this ECQ (each ECQ stands alone)", false },
	{ "acronym_overuse", SEV_INFO,
	  "too many acronyms in one sentence or ECQ", false },
	{ "bureaucratic", SEV_INFO,
	  "a bureaucratic word with a plain alternative (\"utilize\" -> \"use\")", false },
	{ "vague", SEV_WARNING,
	  "a vague statement with no specifics", false },
	{ "belief", SEV_WARNING,
	  "a personal belief or philosophy instead of what you did", false },
	{ "political", SEV_ERROR,
	  "political affiliation, campaigns or causes", false },
	{ "disparaging", SEV_WARNING,
	  "a disparaging remark about a former manager or colleague", false },
	{ "cross_reference", SEV_WARNING,
	  "a reference to another ECQ or part (\"see ECQ 2\", \"as described above\")", false },
	{ "question", SEV_WARNING,
	  "an open question instead of a statement", false },
	{ "long_sentence", SEV_INFO,
	  "a sentence longer than the framework's long_sentence_words", false },
	{ "grammar", SEV_WARNING,
	  "a grammar slip such as a doubled word (\"the the\")", false },
	{ "encoding", SEV_ERROR,
	  "bytes that are not valid UTF-8 (the rest of the text is still checked)", false },
	{ "page_limit", SEV_ERROR,
	  "the narrative runs past the framework's max_pages (computed by the page layout)", true },
};
#define CHECKER_N_TEXT_RULES (sizeof checker_text_rules / sizeof checker_text_rules[0])
#define CHECKER_MAX_RULES 64

/* A text rule file and the ids it produces. */
struct checker_group {
	void (*run)(const struct rule_env *env, struct findings *out);
	const char *ids[7];
};

static const struct checker_group checker_groups[] = {
	{ rule_passive, { "passive" } },
	{ rule_voice, { "we_voice", "third_person" } },
	{ rule_acronym, { "acronym_undefined", "acronym_overuse" } },
	{ rule_phrases, { "bureaucratic", "vague", "belief", "political", "disparaging",
	    "cross_reference" } },
	{ rule_style, { "question", "long_sentence", "grammar" } },
	{ rule_grammar, { "grammar" } },
};

struct checker {
	char *data_dir;
	struct wordlists *lists;
	struct spell *spell;            /* NULL: spelling skipped */
	char *warning;
	char *user_words;               /* the user's word file, or NULL */
	bool no_user_dir;               /* NULL because there is no HOME */
	bool enabled[CHECKER_MAX_RULES];        /* by index in checker_rules() */
	const struct framework *fw;     /* borrowed */
	char *candidate;
	const struct strlist *words;    /* borrowed */
	struct acronym_scope *scope;    /* during checker_check_project */
	bool no_suggestions;
	int card_wpm;                   /* the speaking pace for card_time */
	struct resume_settings resume;  /* the résumé's page settings */
};

/* ---- the rule table ------------------------------------------------------ */

static struct rule_info checker_all[CHECKER_MAX_RULES + 1];
static size_t checker_n_all;

/* Appends a table's rules to checker_all, once per id: the résumé's
 * unquantified_result is the narrative's rule on another text. */
static void
checker_add_rules(const struct rule_info *r)
{
	size_t i;

	for (; r != NULL && r->id != NULL && checker_n_all < CHECKER_MAX_RULES; r++) {
		for (i = 0; i < checker_n_all && strcmp(checker_all[i].id, r->id) != 0; i++)
			;
		if (i == checker_n_all)
			checker_all[checker_n_all++] = *r;
	}
}

const struct rule_info *
checker_rules(void)
{
	size_t i;

	if (checker_n_all > 0)
		return checker_all;
	for (i = 0; i < CHECKER_N_TEXT_RULES; i++)
		checker_all[checker_n_all++] = checker_text_rules[i];
	checker_add_rules(project_rules_info());
	checker_add_rules(resume_rules_info());
	checker_add_rules(card_rules_info());
	checker_all[checker_n_all].id = NULL;
	return checker_all;
}

static bool
checker_in_table(const struct rule_info *r, const char *id)
{
	for (; r != NULL && r->id != NULL; r++)
		if (strcmp(r->id, id) == 0)
			return true;
	return false;
}

const char *
checker_rule_shape(const char *id)
{
	size_t i;

	if (id == NULL)
		return NULL;
	for (i = 0; i < CHECKER_N_TEXT_RULES; i++)
		if (strcmp(checker_text_rules[i].id, id) == 0)
			return NULL;
	if (checker_in_table(project_rules_info(), id))
		return NULL;
	if (checker_in_table(resume_rules_info(), id))
		return "résumé";
	if (checker_in_table(card_rules_info(), id))
		return "card";
	return NULL;
}

static int
checker_rule_index(const char *id, size_t n)
{
	const struct rule_info *r = checker_rules();
	size_t i;

	for (i = 0; r[i].id != NULL; i++) {
		if (strlen(r[i].id) == n && strncmp(r[i].id, id, n) == 0)
			return (int)i;
	}
	return -1;
}

const struct rule_info *
checker_rule(const char *id)
{
	int i;

	if (id == NULL)
		return NULL;
	i = checker_rule_index(id, strlen(id));
	return i >= 0 ? &checker_rules()[i] : NULL;
}

static bool
checker_enabled(const struct checker *ck, const char *id)
{
	int i;

	if (ck == NULL)
		return true;
	i = checker_rule_index(id, strlen(id));
	return i < 0 || ck->enabled[i];
}

bool
rule_enabled(const struct rule_env *env, const char *id)
{
	return env == NULL || checker_enabled(env->checker, id);
}

/* Parses "id,id" (only these), "-id,-id" (all but these) or "all". */
static int
checker_select(struct checker *ck, const char *list, struct error *err)
{
	const char *p = list;
	size_t i, n_rules = 0;
	bool first = true;

	while (checker_rules()[n_rules].id != NULL)
		n_rules++;
	for (i = 0; i < n_rules; i++)
		ck->enabled[i] = true;
	if (list == NULL)
		return 0;
	while (*p != '\0') {
		size_t n = strcspn(p, ", ");
		bool minus = *p == '-' || *p == '!';
		const char *id = minus ? p + 1 : p;
		size_t idn = minus ? n - 1 : n;
		int k;

		if (n == 0) {
			p++;
			continue;
		}
		if (first && !minus) {
			for (i = 0; i < n_rules; i++)
				ck->enabled[i] = false;
		}
		first = false;
		if (idn == 3 && strncmp(id, "all", 3) == 0) {
			for (i = 0; i < n_rules; i++)
				ck->enabled[i] = !minus;
		} else if ((k = checker_rule_index(id, idn)) >= 0) {
			ck->enabled[k] = !minus;
		} else {
			return error_set(err, ERR_USAGE,
			    "unknown rule '%.*s' in --rules; the rule ids are listed in ecqcoach(1) "
			    "and by 'ecqcoach lint --list-rules'", (int)idn, id);
		}
		p += n;
	}
	return 0;
}

/* ---- creation ------------------------------------------------------------ */

/* The hunspell dictionary directory: the first entry of $DICPATH (as the
 * hunspell program reads it) or the Debian location. */
static char *
checker_dict_dir(void)
{
	const char *env = getenv("DICPATH");

	if (env != NULL && *env != '\0')
		return xstrndup(env, strcspn(env, ":"));
	return xstrdup("/usr/share/hunspell");
}

/* Adds msg to the warnings the front ends show (joined by "; "). */
static void
checker_warn(struct checker *ck, const char *msg)
{
	char *joined;

	if (ck->warning == NULL) {
		ck->warning = xstrdup(msg);
		return;
	}
	if (strstr(ck->warning, msg) != NULL)
		return;
	joined = xasprintf("%s; %s", ck->warning, msg);
	free(ck->warning);
	ck->warning = joined;
}

/* The dictionaries/ lists the rules read: without one a rule quietly finds
 * less, so a missing one is said. */
static const char *const checker_list_names[] = {
	"abbreviations", "acronym-exempt", "acronym-expansions", "belief", "bureaucratic",
	"cross-reference", "disparaging", "doubled-words", "irregular-participles", "not-agents",
	"not-participles", "people-nouns", "placeholders", "political", "quantity-words",
	"result-nouns", "stative-adjectives", "stopwords", "superiors", "third-person",
	"un-verbs", "vague", "we-actors", "hyphen-prefixes"
};

static void
checker_check_lists(struct checker *ck, const char *dir)
{
	const size_t n = sizeof checker_list_names / sizeof checker_list_names[0];
	char *missing = xstrdup(""), *msg, *next;
	size_t i, n_missing = 0;

	for (i = 0; i < n; i++) {
		if (wordlists_get(ck->lists, checker_list_names[i]) != NULL)
			continue;
		next = xasprintf("%s%s%s", missing, n_missing > 0 ? ", " : "", checker_list_names[i]);
		free(missing);
		missing = next;
		n_missing++;
	}
	if (n_missing == n)
		msg = xasprintf("no word lists in %s, so most rules check nothing; set "
		    "ECQCOACH_DATADIR to the folder that holds ecqcoach's dictionaries/", dir);
	else if (n_missing > 0)
		msg = xasprintf("word list%s missing from %s: %s, so the rules that use %s check "
		    "less; reinstall ecqcoach or set ECQCOACH_DATADIR", n_missing == 1 ? "" : "s",
		    dir, missing, n_missing == 1 ? "it" : "them");
	else
		msg = NULL;
	if (msg != NULL)
		checker_warn(ck, msg);
	free(msg);
	free(missing);
}

/* Reads the user's own word list, refusing one someone else planted. */
static void
checker_read_user_words(struct checker *ck)
{
	struct error err;
	FILE *f;
	int fd;

	error_clear(&err);
	fd = paths_open_user_file(ck->user_words, O_RDONLY, 0, &err);
	if (fd < 0) {
		/* No list yet is normal; an unreadable or refused one is not. */
		if (err.code != ERR_NOTFOUND)
			checker_warn(ck, err.msg);
		return;
	}
	f = fdopen(fd, "r");
	if (f == NULL) {
		close(fd);
		checker_warn(ck, "cannot read your word list");
		return;
	}
	if (spell_add_stream(ck->spell, f, ck->user_words, &err) != 0)
		checker_warn(ck, err.msg);
	fclose(f);
}

/* The prefixes of dictionaries/hyphen-prefixes.txt, for the speller. */
static void
checker_add_prefixes(struct checker *ck)
{
	const struct wordlist *l = wordlists_get(ck->lists, "hyphen-prefixes");
	const char *e;
	size_t i;

	for (i = 0; (e = wordlist_entry(l, i, NULL)) != NULL; i++)
		spell_add_hyphen_prefix(ck->spell, e);
}

static void
checker_open_speller(struct checker *ck, const struct checker_options *opt)
{
	struct error err;
	char *dir = checker_dict_dir(), *path;

	if (opt->user_words != NULL) {
		ck->user_words = opt->user_words[0] != '\0' ? xstrdup(opt->user_words) : NULL;
	} else {
		char *dirp = paths_user_dir();

		ck->user_words = dirp != NULL ? xasprintf("%s/words.txt", dirp) : NULL;
		ck->no_user_dir = dirp == NULL;
		free(dirp);
	}
	error_clear(&err);
	if (spell_new(dir, "en_US", &ck->spell, &err) != 0) {
		free(dir);
		ck->spell = NULL;
		checker_warn(ck, err.msg);
		return;
	}
	free(dir);
	path = xasprintf("%s/dictionaries/federal-words.txt", ck->data_dir);
	if (spell_add_file(ck->spell, path, &err) != 0) {
		char *msg = xasprintf("%s, so agency names and acronyms show as misspelled",
		    err.msg);

		checker_warn(ck, msg);
		free(msg);
	}
	free(path);
	/* Federal words with their inflections ("runbook/SM"), and the prefixes
	 * accepted before a hyphen ("pre-award"). */
	path = xasprintf("%s/dictionaries/federal-stems.txt", ck->data_dir);
	if (spell_add_affixed_file(ck->spell, path, &err) != 0) {
		char *msg = xasprintf("%s, so federal words such as rollouts and recertified show as "
		    "misspelled", err.msg);

		checker_warn(ck, msg);
		free(msg);
	}
	free(path);
	checker_add_prefixes(ck);
	if (ck->user_words != NULL)
		checker_read_user_words(ck);
}

int
checker_new(const struct checker_options *opt, struct checker **out, struct error *err)
{
	static const struct checker_options defaults;
	struct checker *ck;
	char *dir;

	*out = NULL;
	if (opt == NULL)
		opt = &defaults;
	ck = xcalloc(1, sizeof *ck);
	ck->data_dir = xstrdup(opt->data_dir != NULL ? opt->data_dir : paths_dict_dir());
	if (checker_select(ck, opt->rules, err) != 0)
		goto fail;
	dir = xasprintf("%s/dictionaries", ck->data_dir);
	if (wordlists_load(dir, &ck->lists, err) != 0) {
		free(dir);
		goto fail;
	}
	checker_check_lists(ck, dir);
	free(dir);
	if (opt->no_spelling)
		ck->enabled[checker_rule_index("spelling", 8)] = false;
	if (ck->enabled[checker_rule_index("spelling", 8)])
		checker_open_speller(ck, opt);
	ck->no_suggestions = opt->no_suggestions;
	ck->card_wpm = CARD_WPM_DEFAULT;
	resume_settings_default(&ck->resume);
	*out = ck;
	return 0;
fail:
	checker_free(ck);
	return -1;
}

void
checker_free(struct checker *ck)
{
	if (ck == NULL)
		return;
	spell_free(ck->spell);
	wordlists_free(ck->lists);
	free(ck->data_dir);
	free(ck->warning);
	free(ck->user_words);
	free(ck->candidate);
	free(ck);
}

const char *
checker_warning(const struct checker *ck)
{
	return ck != NULL ? ck->warning : NULL;
}

bool
checker_spell_available(const struct checker *ck)
{
	return ck != NULL && ck->spell != NULL && checker_enabled(ck, "spelling");
}

const struct wordlists *
checker_lists(const struct checker *ck)
{
	return ck != NULL ? ck->lists : NULL;
}

void
checker_set_framework(struct checker *ck, const struct framework *fw)
{
	ck->fw = fw;
}

/* The project's words plus the parts of the candidate's name. */
static void
checker_update_words(struct checker *ck)
{
	struct strlist all = { 0 };
	size_t i;

	if (ck->spell == NULL)
		return;
	if (ck->words != NULL) {
		for (i = 0; i < ck->words->n; i++)
			strlist_push(&all, ck->words->items[i]);
	}
	if (ck->candidate != NULL) {
		char *name = xstrdup(ck->candidate), *save = NULL, *w;

		for (w = strtok_r(name, " \t,", &save); w != NULL; w = strtok_r(NULL, " \t,", &save))
			strlist_push(&all, w);
		free(name);
	}
	spell_set_project_words(ck->spell, &all);
	strlist_free(&all);
}

void
checker_set_words(struct checker *ck, const struct strlist *words)
{
	ck->words = words;
	checker_update_words(ck);
}

void
checker_set_candidate(struct checker *ck, const char *name)
{
	free(ck->candidate);
	ck->candidate = name != NULL && *name != '\0' ? xstrdup(name) : NULL;
	checker_update_words(ck);
}

void
checker_load_shapes(struct checker *ck, const struct store *st)
{
	if (ck == NULL)
		return;
	ck->card_wpm = st != NULL ? card_wpm_load(st) : CARD_WPM_DEFAULT;
	if (st != NULL)
		resume_settings_load(st, &ck->resume);
	else
		resume_settings_default(&ck->resume);
}

int
checker_card_wpm(const struct checker *ck)
{
	return ck != NULL ? ck->card_wpm : CARD_WPM_DEFAULT;
}

void
checker_resume_settings(const struct checker *ck, struct resume_settings *s)
{
	if (ck != NULL)
		*s = ck->resume;
	else
		resume_settings_default(s);
}

/* ---- emitting ------------------------------------------------------------ */

static void
checker_fill_ctx(struct finding *f, const struct check_ctx *ctx)
{
	f->ecq = ctx != NULL ? ctx->ecq : -1;
	f->example = ctx != NULL ? ctx->example : -1;
	f->field = ctx != NULL ? ctx->field : -1;
	f->target = ctx != NULL ? ctx->target : NULL;
}

void
rule_emit(const struct rule_env *env, struct findings *out, const char *rule,
    enum severity sev, size_t off, size_t len, const char *suggestion, const char *fmt, ...)
{
	struct finding f = { 0 };
	va_list ap;
	char *msg;
	int n;

	if (!rule_enabled(env, rule))
		return;
	va_start(ap, fmt);
	n = vasprintf(&msg, fmt, ap);
	va_end(ap);
	if (n < 0)
		msg = xstrdup(rule);
	f.rule = rule;
	f.severity = sev;
	checker_fill_ctx(&f, env->ctx);
	if (env->doc != NULL && off > env->doc->len)
		off = env->doc->len;
	if (env->doc != NULL && len > env->doc->len - off)
		len = env->doc->len - off;
	f.offset = off;
	f.length = len;
	f.message = msg;
	f.suggestion = (char *)suggestion;
	findings_add(out, &f);
	free(msg);
}

void
rule_fix(struct findings *out, size_t at, size_t off, size_t len, const char *text)
{
	struct finding *f;

	if (out == NULL || at >= out->n || text == NULL)
		return;
	f = &out->items[at];
	free(f->fix);
	f->fix = xstrdup(text);
	f->fix_offset = off;
	f->fix_length = len;
}

/* ---- the engine's own rules: encoding and spelling ----------------------- */

static void
checker_rule_encoding(const struct rule_env *env, struct findings *out)
{
	const struct text_doc *doc = env->doc;
	size_t t, n = 0;

	if (doc->invalid_offset == (size_t)-1)
		return;
	for (t = 0; t < doc->n_toks; t++) {
		const struct token *tk = &doc->toks[t];

		if (tk->kind != TOK_INVALID)
			continue;
		if (++n > CHECKER_MAX_ENCODING)
			continue;
		rule_emit(env, out, "encoding", SEV_ERROR, tk->off, tk->len, NULL,
		    "%zu byte%s of invalid UTF-8 at byte offset %zu; save the text as UTF-8",
		    tk->len, tk->len == 1 ? "" : "s", tk->off);
	}
	if (n > CHECKER_MAX_ENCODING)
		rule_emit(env, out, "encoding", SEV_ERROR, doc->len, 0, NULL,
		    "%zu more runs of invalid UTF-8 not listed", n - CHECKER_MAX_ENCODING);
}

/* True when the word has a capital after a lower-case letter ("iPhone",
 * "SharePoint"): a product or program name, not a misspelling. */
static bool
checker_inner_capital(const char *s, size_t n)
{
	size_t i;
	bool lower = false;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'a' && c <= 'z')
			lower = true;
		else if (c >= 'A' && c <= 'Z' && lower)
			return true;
		else if (c == '-' || c == '\'' || c == '.')
			lower = false;
	}
	return false;
}

static bool
checker_spellable(const struct text_doc *doc, size_t t)
{
	const struct token *tk = &doc->toks[t];
	const char *s = doc->text + tk->off;

	if (tk->kind != TOK_WORD || (tk->flags & (TOKF_DIGIT | TOKF_ALLCAPS)))
		return false;
	if (tk->len < 2 || tk->len > CHECKER_MAX_SPELL_WORD)
		return false;
	if (checker_inner_capital(s, tk->len))
		return false;
	/* "@handle", "#tag", a file name "notes_v2": not prose. */
	if (tk->off > 0 && (s[-1] == '@' || s[-1] == '#' || s[-1] == '_' || s[-1] == '\\'))
		return false;
	if (tk->off + tk->len < doc->len && (s[tk->len] == '_' || s[tk->len] == '@'))
		return false;
	return true;
}

/* "e.g." and the other dotted abbreviations of dictionaries/abbreviations.txt. */
static bool
checker_listed_abbrev(const struct checker *ck, const struct text_doc *doc, size_t t)
{
	char *low = text_tok_lower(doc, t);
	bool ok = wordlist_contains(wordlists_get(ck->lists, "abbreviations"), low);

	free(low);
	return ok;
}

static void
checker_rule_spelling(struct checker *ck, const struct rule_env *env, struct findings *out)
{
	const struct text_doc *doc = env->doc;
	struct spell_budget budget = { CHECKER_QUICK_SUGGESTIONS, CHECKER_FULL_SUGGESTIONS };
	size_t t;

	if (ck->spell == NULL || !checker_enabled(ck, "spelling"))
		return;
	for (t = 0; t < doc->n_toks; t++) {
		const struct token *tk = &doc->toks[t];
		const char *w = doc->text + tk->off;
		size_t n = tk->len;
		struct finding f = { 0 };
		char **sugg, *msg;

		if (!checker_spellable(doc, t))
			continue;
		/* "U.S." and "e.g." carry their final period; hunspell wants it too. */
		if (spell_check(ck->spell, w, n))
			continue;
		if (n > 1 && w[n - 1] == '.' && (spell_check(ck->spell, w, n - 1) ||
		    checker_listed_abbrev(ck, doc, t)))
			continue;
		sugg = ck->no_suggestions ? xcalloc(1, sizeof(char *)) :
		    spell_suggest_budget(ck->spell, w, n, CHECKER_MAX_SUGGESTIONS, &budget);
		msg = xasprintf("unknown word \"%.*s\"", (int)n, w);
		f.rule = "spelling";
		f.severity = SEV_WARNING;
		checker_fill_ctx(&f, env->ctx);
		f.offset = tk->off;
		f.length = n;
		f.message = msg;
		f.suggestion = sugg[0];
		f.suggestions = sugg[0] != NULL ? sugg : NULL;
		findings_add(out, &f);
		free(msg);
		spell_free_list(sugg);
	}
}

/* ---- running ------------------------------------------------------------- */

static bool
checker_group_enabled(const struct checker *ck, const struct checker_group *g)
{
	size_t i;

	for (i = 0; i < sizeof g->ids / sizeof g->ids[0] && g->ids[i] != NULL; i++) {
		if (checker_enabled(ck, g->ids[i]))
			return true;
	}
	return false;
}

/* Runs the text rules on an analysed doc; spelling_only for titles. */
static void
checker_run_doc(struct checker *ck, const struct text_doc *doc, const struct check_ctx *ctx,
    const struct framework *fw, bool spelling_only, struct findings *out)
{
	static const struct check_ctx plain = { -1, -1, -1, NULL };
	struct rule_env env = {
		.doc = doc,
		.ctx = ctx != NULL ? ctx : &plain,
		.fw = fw,
		.lists = ck->lists,
		.candidate = ck->candidate,
		.acronyms = ck->scope,
		.checker = ck,
	};
	size_t g;

	if (doc->n_toks == 0)
		return;
	checker_rule_encoding(&env, out);
	if (!spelling_only) {
		for (g = 0; g < sizeof checker_groups / sizeof checker_groups[0]; g++) {
			if (checker_group_enabled(ck, &checker_groups[g]))
				checker_groups[g].run(&env, out);
		}
	}
	checker_rule_spelling(ck, &env, out);
}

static bool
checker_keep_selected(const struct finding *f, void *arg)
{
	return checker_enabled(arg, f->rule);
}

void
checker_check_text(struct checker *ck, const char *text, size_t len,
    const struct check_ctx *ctx, struct findings *out)
{
	struct text_doc doc;
	size_t start = out->n;

	if (ck == NULL || text == NULL)
		return;
	text_analyze(text, len, &doc);
	checker_run_doc(ck, &doc, ctx, ck->fw, false, out);
	text_doc_free(&doc);
	/* Rules may emit ids they were not asked for; keep the selection. */
	findings_filter(out, start, checker_keep_selected, ck);
}

bool
checker_spell_ok(struct checker *ck, const char *word)
{
	if (ck == NULL || ck->spell == NULL || word == NULL)
		return true;
	return spell_check(ck->spell, word, strlen(word));
}

char **
checker_suggest(struct checker *ck, const char *word)
{
	if (ck == NULL || ck->spell == NULL || word == NULL)
		return xcalloc(1, sizeof(char *));
	return spell_suggest(ck->spell, word, strlen(word), CHECKER_MAX_SUGGESTIONS);
}

void
checker_free_list(char **list)
{
	spell_free_list(list);
}

/* mkdir -p for the user's data directory. */
static int
checker_mkdirs(const char *path, struct error *err)
{
	char *p = xstrdup(path), *s;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			error_set(err, ERR_IO, "cannot create %s: %s", p, strerror(errno));
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}

int
checker_add_user_word(struct checker *ck, const char *word, struct error *err)
{
	FILE *f;
	size_t n;
	int fd;

	if (word == NULL || (n = strlen(word)) == 0 || n > 100 ||
	    strpbrk(word, " \t\r\n#") != NULL || u8_check((const uint8_t *)word, n) != NULL)
		return error_set(err, ERR_USAGE, "'%s' cannot be added: a word is one line of "
		    "UTF-8 without spaces or '#'", word != NULL ? word : "");
	if (ck->user_words == NULL && ck->no_user_dir)
		return error_set(err, ERR_NOTFOUND, "you have no word list of your own: neither "
		    "HOME nor XDG_DATA_HOME is set, so a word cannot be kept beyond this project");
	if (ck->user_words == NULL)
		return error_set(err, ERR_USAGE, "no user word file is in use");
	if (checker_mkdirs(ck->user_words, err) != 0)
		return -1;
	fd = paths_open_user_file(ck->user_words, O_WRONLY | O_APPEND | O_CREAT, 0600, err);
	if (fd < 0)
		return -1;
	f = fdopen(fd, "a");
	if (f == NULL) {
		close(fd);
		return error_set(err, ERR_IO, "cannot add to %s: %s", ck->user_words, strerror(errno));
	}
	fprintf(f, "%s\n", word);
	if (fclose(f) != 0)
		return error_set(err, ERR_IO, "cannot write %s: %s", ck->user_words, strerror(errno));
	if (ck->spell != NULL)
		spell_add_word(ck->spell, word);
	return 0;
}

/* ---- projects ------------------------------------------------------------ */

const char *
checker_target_shape(const char *target)
{
	const char *dot;

	if (target == NULL || strncmp(target, "example.", 8) != 0)
		return NULL;
	dot = strrchr(target, '.');
	if (strcmp(dot, ".resume") == 0)
		return "resume";
	if (strcmp(dot, ".card") == 0)
		return "card";
	return NULL;
}

/* Whether the writer has begun the résumé: a position or a résumé line. */
static bool
checker_resume_begun(const struct project *p)
{
	const char *s;
	size_t i;

	if (p->n_positions > 0)
		return true;
	for (i = 0; i < p->n_examples; i++)
		for (s = project_example_resume(&p->examples[i]); *s != '\0'; s++)
			if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
				return true;
	return false;
}

/* Keeps a finding of resume_check but the coverage of an ECQ with no
 * example (missing_part already says it has none). */
static bool
checker_keep_resume(const struct finding *f, void *arg)
{
	const struct project *p = arg;

	return strcmp(f->rule, "resume_coverage") != 0 || project_count_examples(p, f->ecq) > 0;
}

/* The résumé lines and the cards, when the framework asks for them: each
 * line with the engine's rules that apply to it and the résumé rules, the
 * coverage and USAJOBS' limit (resume_check) once the résumé is begun (a
 * narrative checked alone, or an imported draft, is not told five times
 * that it has no résumé); each card with the rules that make sense spoken
 * (card_check). A framework that asks for neither (ses-2010) finds nothing
 * here. Lengths in lines come from the layout (resume_length_check). */
static void
checker_check_shapes(struct checker *ck, const struct project *p, struct findings *out)
{
	size_t i, from = out->n;

	if (p->fw->docs.use[DOC_RESUME] != DOC_NO && checker_resume_begun(p)) {
		resume_check(ck, p, NULL, out);
		findings_filter(out, from, checker_keep_resume, (void *)p);
	}
	if (p->fw->docs.use[DOC_INTERVIEW] != DOC_NO) {
		for (i = 0; i < p->n_examples; i++)
			card_check(ck, p->fw, &p->examples[i], project_example_card(&p->examples[i]),
			    ck->card_wpm, out);
	}
}

/* The text a project finding points into (for dismissals), or "". */
static const char *
checker_finding_text(const struct project *p, const struct finding *f)
{
	if (f->example >= 0 && f->field >= 0 && f->field < EX_FIELD_COUNT) {
		const struct example *e = project_example_by_id(p, f->example);

		return e != NULL ? e->field[f->field] : "";
	}
	if (f->example >= 0 && f->field < 0) {
		const struct example *e = project_example_by_id(p, f->example);
		const char *shape = checker_target_shape(f->target);

		if (e == NULL || shape == NULL)
			return "";
		return strcmp(shape, "resume") == 0 ? project_example_resume(e) :
		    project_example_card(e);
	}
	if (f->example < 0 && f->field < 0 && f->ecq >= 0 && p->fw != NULL &&
	    (size_t)f->ecq < p->fw->n_ecqs && f->target != NULL &&
	    strncmp(f->target, "intro.", 6) == 0)
		return p->intro[f->ecq];
	return "";
}

static bool
checker_dismissed(const struct project *p, const struct finding *f)
{
	const char *text;
	size_t i, tl;

	if (p->n_dismissed == 0)
		return false;
	text = checker_finding_text(p, f);
	tl = strlen(text);
	for (i = 0; i < p->n_dismissed; i++) {
		const struct dismissal *d = &p->dismissed[i];
		size_t off = f->offset < tl ? f->offset : tl;
		size_t len = f->length < tl - off ? f->length : tl - off;

		if (strcmp(d->rule, f->rule) != 0)
			continue;
		if ((d->target != NULL ? d->target : "")[0] != '\0' &&
		    (f->target == NULL || strcmp(d->target, f->target) != 0))
			continue;
		if (strlen(d->text) == len && memcmp(d->text, text + off, len) == 0)
			return true;
	}
	return false;
}

static void
checker_check_field(struct checker *ck, const struct project *p, const char *text,
    const struct check_ctx *ctx, bool spelling_only, struct findings *out)
{
	struct text_doc doc;

	if (text == NULL || *text == '\0')
		return;
	/* Only a hostile file holds more than a field may: check what fits. */
	text_analyze(text, strnlen(text, STORE_MAX_TEXT), &doc);
	checker_run_doc(ck, &doc, ctx, p->fw, spelling_only, out);
	text_doc_free(&doc);
}

/* Feeds one field's acronyms into ck->scope (no findings kept). */
static void
checker_learn_acronyms(struct checker *ck, const struct project *p, const char *text,
    size_t len, const struct check_ctx *ctx)
{
	struct findings junk;
	struct text_doc doc;
	struct rule_env env;

	if (text == NULL || len == 0)
		return;
	findings_init(&junk);
	text_analyze(text, len, &doc);
	memset(&env, 0, sizeof env);
	env.doc = &doc;
	env.ctx = ctx;
	env.fw = p->fw;
	env.lists = ck->lists;
	env.candidate = ck->candidate;
	env.acronyms = ck->scope;
	env.checker = ck;
	if (doc.n_toks > 0)
		rule_acronym(&env, &junk);
	text_doc_free(&doc);
	findings_free(&junk);
}

static const char *
checker_field_text(const char *target, const char *saved, checker_text_fn text_of,
    void *arg, size_t *len)
{
	const char *s = text_of != NULL ? text_of(arg, target, len) : NULL;

	if (s != NULL)
		return s;
	*len = saved != NULL ? strnlen(saved, STORE_MAX_TEXT) : 0;
	return saved;
}

struct acronym_scope *
checker_scope_before(struct checker *ck, const struct project *p,
    const struct check_ctx *ctx, checker_text_fn text_of, void *arg)
{
	struct acronym_scope *scope = acronym_scope_new(), *saved_scope;
	const char *s;
	char *target;
	size_t k, len;
	int e, f;

	if (ck == NULL || p == NULL || p->fw == NULL || ctx == NULL || ctx->ecq < 0 ||
	    (size_t)ctx->ecq >= p->fw->n_ecqs || ctx->example < 0)
		return scope;   /* introductions come first; notes are not narrative */
	e = ctx->ecq;
	saved_scope = ck->scope;
	ck->scope = scope;
	target = xasprintf("intro.%d", e);
	s = checker_field_text(target, p->intro[e], text_of, arg, &len);
	{
		struct check_ctx c = { e, -1, -1, target };

		checker_learn_acronyms(ck, p, s, len, &c);
	}
	free(target);
	for (k = 0; k < project_count_examples(p, e); k++) {
		const struct example *ex = project_example_at(p, e, k);

		if (ex == NULL)
			continue;
		for (f = EX_CHALLENGE; f < EX_FIELD_COUNT; f++) {
			struct check_ctx c;

			if (ex->id == ctx->example && f >= ctx->field)
				goto done;
			target = store_example_target(ex->id, (enum example_field)f);
			c = (struct check_ctx){ e, ex->id, f, target };
			s = checker_field_text(target, ex->field[f], text_of, arg, &len);
			checker_learn_acronyms(ck, p, s, len, &c);
			free(target);
		}
		if (ex->id == ctx->example)
			break;
	}
done:
	ck->scope = saved_scope;
	return scope;
}

void
checker_check_in_project(struct checker *ck, const struct project *p, const char *text,
    size_t len, const struct check_ctx *ctx, const struct acronym_scope *before,
    struct findings *out)
{
	struct acronym_scope *saved_scope;
	struct text_doc doc;
	size_t start = out->n;

	if (ck == NULL || text == NULL || p == NULL)
		return;
	saved_scope = ck->scope;
	ck->scope = acronym_scope_copy(before);
	text_analyze(text, len, &doc);
	checker_run_doc(ck, &doc, ctx, p->fw, ctx != NULL && ctx->example >= 0 &&
	    ctx->field == EX_TITLE, out);
	text_doc_free(&doc);
	acronym_scope_free(ck->scope);
	ck->scope = saved_scope;
	findings_filter(out, start, checker_keep_selected, ck);
}

void
checker_check_project(struct checker *ck, const struct project *p, struct findings *out)
{
	struct findings all;
	const struct strlist *saved_words;
	char *saved_candidate;
	size_t e, i, k;

	if (ck == NULL || p == NULL || p->fw == NULL)
		return;
	findings_init(&all);
	saved_words = ck->words;
	saved_candidate = ck->candidate != NULL ? xstrdup(ck->candidate) : NULL;
	checker_set_candidate(ck, p->candidate);
	checker_set_words(ck, &p->words);
	for (e = 0; e < p->fw->n_ecqs; e++) {
		char *target = xasprintf("intro.%zu", e);
		struct check_ctx ctx = { (int)e, -1, -1, target };

		ck->scope = acronym_scope_new();
		checker_check_field(ck, p, p->intro[e], &ctx, false, &all);
		free(target);
		for (k = 0; k < project_count_examples(p, (int)e); k++) {
			const struct example *ex = project_example_at(p, (int)e, k);
			int f;

			if (ex == NULL)
				continue;
			/* The title is checked like the rest (a passive or "we" in it
			 * reads as badly), after the parts, so an acronym the example
			 * spells out is known there. */
			for (f = EX_CHALLENGE; f <= EX_FIELD_COUNT; f++) {
				int g = f == EX_FIELD_COUNT ? EX_TITLE : f;

				if (g == EX_START || g == EX_END)
					continue;
				target = store_example_target(ex->id, (enum example_field)g);
				ctx = (struct check_ctx){ (int)e, ex->id, g, target };
				checker_check_field(ck, p, ex->field[g], &ctx, false, &all);
				free(target);
			}
		}
		acronym_scope_free(ck->scope);
		ck->scope = NULL;
	}
	checker_check_shapes(ck, p, &all);
	project_rules_run(p, ck->lists, 0, &all);
	for (i = 0; i < all.n; i++) {
		const struct finding *f = &all.items[i];

		if (checker_enabled(ck, f->rule) && !checker_dismissed(p, f))
			findings_add(out, f);
	}
	findings_free(&all);
	findings_sort(out);
	ck->words = saved_words;
	checker_set_candidate(ck, saved_candidate);
	free(saved_candidate);
}
