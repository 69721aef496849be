/* SPDX-License-Identifier: MIT */
/*
 * eval.c: the accuracy evaluation behind `make eval`. It runs the checker
 * over the labeled data in tests/data (see its README.md) and prints
 * precision, recall and F1 per rule, spelling precision and recall on a word
 * list of federal terms and typos, then checks the two sample narratives:
 * no finding on the clean one, every known violation found on the flawed
 * one. An evaluation, not a test: it always exits 0 unless the data or the
 * engine cannot be loaded (then 3). -v lists every miss.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checker.h"
#include "eval_import.h"
#include "eval_drafts.h"
#include "eval_shapes.h"
#include "framework.h"
#include "importer.h"
#include "paths.h"
#include "store.h"
#include "xalloc.h"

#define EVAL_MAX_RULES 64

struct eval_score {
	const char *rule;
	size_t tp, fp, fn;
};

static bool eval_verbose;

static void
eval_print_header(void)
{
	printf("  %-18s %5s %5s %5s %7s %7s %7s\n", "rule", "TP", "FP", "FN", "P", "R", "F1");
}

static void
eval_print_score(const struct eval_score *s)
{
	double p = s->tp + s->fp ? (double)s->tp / (double)(s->tp + s->fp) : 1.0;
	double r = s->tp + s->fn ? (double)s->tp / (double)(s->tp + s->fn) : 1.0;
	double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;

	printf("  %-18s %5zu %5zu %5zu %7.3f %7.3f %7.3f\n", s->rule, s->tp, s->fp, s->fn, p, r, f);
}

static struct checker *
eval_checker(const char *rules, bool no_spelling)
{
	struct checker_options o = { .rules = rules, .no_spelling = no_spelling, .user_words = "" };
	struct checker *ck;
	struct error err;

	if (checker_new(&o, &ck, &err) != 0) {
		fprintf(stderr, "eval: %s\n", err.msg);
		exit(3);
	}
	if (checker_warning(ck) != NULL)
		fprintf(stderr, "eval: warning: %s\n", checker_warning(ck));
	return ck;
}

/* Turns each two-character "\\n" of s into a newline, in place: a held-out
 * line can hold a heading or a pasted list (tests/data/heldout/README.md). */
static void
eval_unescape(char *s)
{
	char *w = s;

	for (; *s != '\0'; s++) {
		if (s[0] == '\\' && s[1] == 'n') {
			*w++ = '\n';
			s++;
		} else {
			*w++ = *s;
		}
	}
	*w = '\0';
}

/* Reads a TSV file of LABEL<TAB>SENTENCE lines; calls fn for each. */
static size_t
eval_tsv(const char *path, void (*fn)(char *labels, char *sentence, void *arg), void *arg)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, n = 0;
	ssize_t got;

	if (f == NULL) {
		fprintf(stderr, "eval: cannot read %s: %s\n", path, strerror(errno));
		exit(3);
	}
	while ((got = getline(&line, &cap, f)) > 0) {
		char *tab = strchr(line, '\t');

		if (line[got - 1] == '\n')
			line[--got] = '\0';
		if (tab == NULL)
			continue;
		*tab = '\0';
		eval_unescape(tab + 1);
		fn(line, tab + 1, arg);
		n++;
	}
	free(line);
	fclose(f);
	return n;
}

static bool
eval_has_rule(const struct findings *fs, const char *rule)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		if (strcmp(fs->items[i].rule, rule) == 0)
			return true;
	}
	return false;
}

static size_t
eval_count_rule(const struct findings *fs, const char *rule)
{
	size_t i, n = 0;

	for (i = 0; i < fs->n; i++)
		n += strcmp(fs->items[i].rule, rule) == 0;
	return n;
}

/* ---- passive.tsv --------------------------------------------------------- */

struct eval_passive {
	struct checker *ck;
	struct eval_score score;
	size_t n_pos;
};

static void
eval_passive_line(char *label, char *sentence, void *arg)
{
	struct eval_passive *ep = arg;
	struct findings fs;
	bool gold = strcmp(label, "passive") == 0, got;

	findings_init(&fs);
	checker_check_text(ep->ck, sentence, strlen(sentence), NULL, &fs);
	got = eval_has_rule(&fs, "passive");
	findings_free(&fs);
	ep->n_pos += gold;
	if (gold && got)
		ep->score.tp++;
	else if (!gold && got)
		ep->score.fp++;
	else if (gold && !got)
		ep->score.fn++;
	if (eval_verbose && gold != got)
		printf("    %s passive: %s\n", got ? "FP" : "FN", sentence);
}

static void
eval_passive(const char *data)
{
	struct eval_passive ep = { .ck = eval_checker("passive", true), .score = { "passive", 0, 0, 0 } };
	char *path = xasprintf("%s/passive.tsv", data);
	size_t n = eval_tsv(path, eval_passive_line, &ep);

	printf("passive voice: %s (%zu sentences, %zu passive)\n", path, n, ep.n_pos);
	eval_print_header();
	eval_print_score(&ep.score);
	checker_free(ep.ck);
	free(path);
}

/* ---- spelling.tsv: federal terms and typos, word by word ---------------- */

struct eval_spelling {
	struct checker *ck;
	struct eval_score score;
	size_t n_ok, n_typo;
};

/* A typo is a positive: the speller should flag it. A correct federal term
 * it flags is a false positive. */
static void
eval_spelling_line(char *label, char *word, void *arg)
{
	struct eval_spelling *es = arg;
	struct findings fs;
	bool gold = strcmp(label, "typo") == 0, got;

	findings_init(&fs);
	checker_check_text(es->ck, word, strlen(word), NULL, &fs);
	got = eval_has_rule(&fs, "spelling");
	findings_free(&fs);
	es->n_typo += gold;
	es->n_ok += !gold;
	if (gold && got)
		es->score.tp++;
	else if (!gold && got)
		es->score.fp++;
	else if (gold && !got)
		es->score.fn++;
	if (eval_verbose && gold != got)
		printf("    %s spelling: %s\n", got ? "FP (correct term flagged)" : "FN (typo accepted)", word);
}

static void
eval_spelling(const char *data)
{
	struct eval_spelling es = { .ck = eval_checker("spelling", false),
		.score = { "spelling", 0, 0, 0 } };
	char *path = xasprintf("%s/spelling.tsv", data);
	size_t n = eval_tsv(path, eval_spelling_line, &es);

	printf("\nspelling words: %s (%zu words: %zu correct federal terms, %zu typos)\n", path, n,
	    es.n_ok, es.n_typo);
	eval_print_header();
	eval_print_score(&es.score);
	printf("  correct terms flagged: %zu of %zu; typos accepted: %zu of %zu\n", es.score.fp,
	    es.n_ok, es.score.fn, es.n_typo);
	checker_free(es.ck);
	free(path);
}

/* ---- passive-suggest.tsv ------------------------------------------------ */

/* The kinds of passive suggestion (tests/data/README.md). */
static const char *const eval_sugg_kinds[] = { "writer", "agent", "self", "who", NULL };

struct eval_sugg {
	struct checker *ck;
	size_t n, right, wrong, missing, assigns;
	size_t per_kind[4][2];  /* [kind][0: right, 1: total] */
};

/* The kind of a passive suggestion, read from its wording. */
static const char *
eval_sugg_kind(const char *s)
{
	if (s == NULL)
		return "none";
	if (strncmp(s, "Make yourself the subject", 25) == 0)
		return "writer";
	if (strncmp(s, "Make '", 6) == 0)
		return "agent";
	if (strncmp(s, "Lead with what you did", 22) == 0)
		return "self";
	if (strncmp(s, "Say who", 7) == 0)
		return "who";
	return "other";
}

/* True when the suggestion has the writer do something: 'I <word>' with a
 * word, not "I ..." (which leaves the act to the writer to name). */
static bool
eval_sugg_assigns(const char *s)
{
	const char *p;

	for (p = s; p != NULL && (p = strstr(p, "I ")) != NULL; p += 2) {
		if ((p == s || p[-1] == '\'' || p[-1] == ' ' || p[-1] == '"') &&
		    p[2] >= 'a' && p[2] <= 'z')
			return true;
	}
	return false;
}

static void
eval_sugg_line(char *label, char *sentence, void *arg)
{
	struct eval_sugg *es = arg;
	struct findings fs;
	const char *sugg = NULL, *kind;
	size_t i, k;
	bool found = false;

	findings_init(&fs);
	checker_check_text(es->ck, sentence, strlen(sentence), NULL, &fs);
	for (i = 0; i < fs.n; i++) {
		if (strcmp(fs.items[i].rule, "passive") == 0) {
			sugg = fs.items[i].suggestion;
			found = true;
			break;
		}
	}
	es->n++;
	for (k = 0; eval_sugg_kinds[k] != NULL && strcmp(eval_sugg_kinds[k], label) != 0; k++)
		;
	kind = eval_sugg_kind(sugg);
	if (!found) {
		es->missing++;
	} else if (strcmp(kind, label) == 0) {
		es->right++;
	} else {
		es->wrong++;
	}
	if (eval_sugg_kinds[k] != NULL) {
		es->per_kind[k][1]++;
		es->per_kind[k][0] += found && strcmp(kind, label) == 0;
	}
	if (found && strcmp(label, "writer") != 0 && eval_sugg_assigns(sugg)) {
		es->assigns++;
		printf("    ASSIGNS AN ACT TO THE WRITER: %s -> %s\n", sentence, sugg);
	}
	if (eval_verbose && (!found || strcmp(kind, label) != 0))
		printf("    %s suggestion (%s expected): %s -> %s\n", found ? kind : "no", label,
		    sentence, sugg != NULL ? sugg : "(none)");
	findings_free(&fs);
}

static void
eval_suggestions(const char *data)
{
	struct eval_sugg es = { .ck = eval_checker("passive", true) };
	char *path = xasprintf("%s/passive-suggest.tsv", data);
	size_t k;

	eval_tsv(path, eval_sugg_line, &es);
	printf("\npassive suggestions: %s (%zu passive sentences, kind of suggestion labeled)\n",
	    path, es.n);
	for (k = 0; eval_sugg_kinds[k] != NULL; k++)
		printf("  %-7s %3zu of %3zu right\n", eval_sugg_kinds[k], es.per_kind[k][0],
		    es.per_kind[k][1]);
	printf("  right kind: %zu of %zu; wrong kind: %zu; no passive found: %zu\n", es.right,
	    es.n, es.wrong, es.missing);
	printf("  suggestions that assign an act to the writer: %zu (target 0)\n", es.assigns);
	checker_free(es.ck);
	free(path);
}

/* ---- grammar.tsv --------------------------------------------------------- */

static const char *const eval_grammar_kinds[] = {
	"agreement", "article", "doubled", "confusion", NULL
};

/* The kind of a grammar finding, read from its message. */
static const char *
eval_grammar_kind(const struct finding *f)
{
	if (strstr(f->message, "Doubled word") != NULL)
		return "doubled";
	if (strncmp(f->message, "Use 'a", 6) == 0)
		return "article";
	if (strstr(f->message, "agree") != NULL)
		return "agreement";
	return "confusion";
}

struct eval_grammar {
	struct checker *ck;
	struct eval_score scores[4];
};

static void
eval_grammar_line(char *label, char *sentence, void *arg)
{
	struct eval_grammar *eg = arg;
	struct findings fs;
	size_t i, k;

	findings_init(&fs);
	checker_check_text(eg->ck, sentence, strlen(sentence), NULL, &fs);
	for (k = 0; eval_grammar_kinds[k] != NULL; k++) {
		struct eval_score *s = &eg->scores[k];
		bool gold = strcmp(label, s->rule) == 0, got = false;

		for (i = 0; i < fs.n; i++)
			got |= strcmp(fs.items[i].rule, "grammar") == 0 &&
			    strcmp(eval_grammar_kind(&fs.items[i]), s->rule) == 0;
		if (gold && got)
			s->tp++;
		else if (!gold && got)
			s->fp++;
		else if (gold && !got)
			s->fn++;
		if (eval_verbose && gold != got)
			printf("    %s grammar/%s: %s\n", got ? "FP" : "FN", s->rule, sentence);
	}
	findings_free(&fs);
}

static void
eval_grammar(const char *data)
{
	struct eval_grammar eg = { .ck = eval_checker("grammar", true) };
	struct eval_score all = { "(all grammar)", 0, 0, 0 };
	char *path = xasprintf("%s/grammar.tsv", data);
	size_t n, k;

	for (k = 0; eval_grammar_kinds[k] != NULL; k++)
		eg.scores[k] = (struct eval_score){ eval_grammar_kinds[k], 0, 0, 0 };
	n = eval_tsv(path, eval_grammar_line, &eg);
	printf("\ngrammar: %s (%zu sentences, by kind of slip)\n", path, n);
	eval_print_header();
	for (k = 0; eval_grammar_kinds[k] != NULL; k++) {
		eval_print_score(&eg.scores[k]);
		all.tp += eg.scores[k].tp;
		all.fp += eg.scores[k].fp;
		all.fn += eg.scores[k].fn;
	}
	eval_print_score(&all);
	checker_free(eg.ck);
	free(path);
}

/* ---- rules.tsv ----------------------------------------------------------- */

static const char *const eval_text_rules[] = {
	"spelling", "we_voice", "third_person", "acronym_undefined", "bureaucratic", "vague",
	"belief", "political", "disparaging", "cross_reference", "question", "long_sentence",
	"grammar", NULL
};

struct eval_rules {
	struct checker *ck;
	struct eval_score scores[EVAL_MAX_RULES];
	size_t n_rules;
	size_t acr_found, acr_fixed, acr_still;     /* acronym_undefined fixes */
};

/* Counts the acronym_undefined findings of fs on sentence, those with a
 * fix, and the fixes after which the sentence is still flagged there. */
static void
eval_acronym_fixes(struct eval_rules *er, const char *sentence, const struct findings *fs)
{
	size_t i, k, n = strlen(sentence);

	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->items[i];
		struct findings again;
		char *fixed;

		if (strcmp(f->rule, "acronym_undefined") != 0)
			continue;
		er->acr_found++;
		if (f->fix == NULL || f->fix_offset + f->fix_length > n)
			continue;
		er->acr_fixed++;
		fixed = xasprintf("%.*s%s%s", (int)f->fix_offset, sentence, f->fix,
		    sentence + f->fix_offset + f->fix_length);
		findings_init(&again);
		checker_check_text(er->ck, fixed, strlen(fixed), NULL, &again);
		for (k = 0; k < again.n; k++) {
			if (strcmp(again.items[k].rule, "acronym_undefined") == 0 &&
			    again.items[k].offset == f->offset) {
				er->acr_still++;
				if (eval_verbose)
					printf("    fix did not clear: %s\n", fixed);
				break;
			}
		}
		findings_free(&again);
		free(fixed);
	}
}

static bool
eval_label_has(const char *labels, const char *rule)
{
	size_t n = strlen(rule);
	const char *p = labels;

	while ((p = strstr(p, rule)) != NULL) {
		if ((p == labels || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
			return true;
		p += n;
	}
	return false;
}

static void
eval_rules_line(char *labels, char *sentence, void *arg)
{
	struct eval_rules *er = arg;
	struct findings fs;
	size_t i;

	findings_init(&fs);
	checker_check_text(er->ck, sentence, strlen(sentence), NULL, &fs);
	eval_acronym_fixes(er, sentence, &fs);
	for (i = 0; i < er->n_rules; i++) {
		struct eval_score *s = &er->scores[i];
		bool gold = eval_label_has(labels, s->rule), got = eval_has_rule(&fs, s->rule);

		if (gold && got)
			s->tp++;
		else if (!gold && got)
			s->fp++;
		else if (gold && !got)
			s->fn++;
		if (eval_verbose && gold != got)
			printf("    %s %s: %s\n", got ? "FP" : "FN", s->rule, sentence);
	}
	findings_free(&fs);
}

static void
eval_rules(const char *data)
{
	struct eval_rules er = { 0 };
	char *path = xasprintf("%s/rules.tsv", data);
	struct eval_score all = { "(all of these)", 0, 0, 0 };
	size_t n, i;

	er.ck = eval_checker(NULL, false);
	for (i = 0; eval_text_rules[i] != NULL; i++)
		er.scores[er.n_rules++] = (struct eval_score){ eval_text_rules[i], 0, 0, 0 };
	n = eval_tsv(path, eval_rules_line, &er);
	printf("\ntext rules: %s (%zu sentences, each checked alone with every rule)\n", path, n);
	eval_print_header();
	for (i = 0; i < er.n_rules; i++) {
		eval_print_score(&er.scores[i]);
		all.tp += er.scores[i].tp;
		all.fp += er.scores[i].fp;
		all.fn += er.scores[i].fn;
	}
	eval_print_score(&all);
	printf("  acronym_undefined fixes: %zu of %zu findings carry one; %zu leave the acronym "
	    "flagged (target 0)\n", er.acr_fixed, er.acr_found, er.acr_still);
	checker_free(er.ck);
	free(path);
}

/* ---- the sample narratives ----------------------------------------------- */

/* Imports a Markdown narrative into a scratch project; NULL when the
 * importer cannot. */
static struct store *
eval_import(const char *path, const struct framework_set *set, char *scratch)
{
	struct importer_report rep;
	struct store *st = NULL;
	struct error err;
	const struct framework *fw;
	char *text, *dbpath;
	size_t len;

	if (importer_read_file(path, &text, &len, &err) != 0) {
		fprintf(stderr, "eval: %s\n", err.msg);
		return NULL;
	}
	fw = importer_guess_framework(set, text, len, NULL);
	dbpath = xasprintf("%s/%s.ecq", scratch, strrchr(path, '/') + 1);
	memset(&rep, 0, sizeof rep);
	if (fw == NULL || store_create(dbpath, fw, "", &st, &err) != 0 ||
	    importer_import(st, text, len, &rep, &err) != 0) {
		fprintf(stderr, "eval: cannot import %s: %s\n", path, err.msg);
		store_close(st);
		st = NULL;
	}
	importer_report_free(&rep);
	free(dbpath);
	free(text);
	return st;
}

/* The text a finding points into. */
static const char *
eval_field_text(const struct project *p, const struct finding *f)
{
	if (f->example >= 0 && f->field >= 0 && f->field < EX_FIELD_COUNT) {
		const struct example *e = project_example_by_id(p, f->example);

		return e != NULL ? e->field[f->field] : NULL;
	}
	if (f->ecq >= 0 && (size_t)f->ecq < p->fw->n_ecqs && f->target != NULL &&
	    strncmp(f->target, "intro.", 6) == 0)
		return p->intro[f->ecq];
	return NULL;
}

/* True when finding f covers the snippet (or, for "-", is in that ECQ). */
static bool
eval_covers(const struct project *p, const struct finding *f, const char *rule, int ecq,
    const char *snippet)
{
	const char *text, *hit;
	size_t so, se;

	if (strcmp(f->rule, rule) != 0 || f->ecq != ecq)
		return false;
	if (strcmp(snippet, "-") == 0)
		return true;
	text = eval_field_text(p, f);
	if (text == NULL || (hit = strstr(text, snippet)) == NULL)
		return false;
	if (f->length == 0)
		return true;    /* the whole field */
	/* Any occurrence of the snippet overlapping the finding's span. */
	for (; hit != NULL; hit = strstr(hit + 1, snippet)) {
		so = (size_t)(hit - text);
		se = so + strlen(snippet);
		if (f->offset < se && so < f->offset + f->length)
			return true;
	}
	return false;
}

static void
eval_print_finding(const char *prefix, const struct project *p, const struct finding *f)
{
	const char *text = eval_field_text(p, f);

	printf("    %s %s ECQ %d: %s", prefix, f->rule, f->ecq + 1, f->message);
	if (text != NULL && f->length > 0 && f->offset + f->length <= strlen(text))
		printf(" (\"%.*s\")", (int)(f->length > 60 ? 60 : f->length), text + f->offset);
	printf("\n");
}

static void
eval_narratives(const char *data)
{
	struct framework_set set;
	struct error err;
	struct store *clean, *flawed;
	struct checker *ck;
	struct findings fs;
	char *dir = paths_data_file("prompts"), *path, scratch[] = "/tmp/ecqeval.XXXXXX";
	char *line = NULL;
	size_t cap = 0, i, n_expected = 0, n_found = 0, n_other = 0;
	bool *used;
	FILE *f;
	ssize_t got;

	if (framework_set_load(dir, &set, &err) != 0) {
		fprintf(stderr, "eval: %s\n", err.msg);
		exit(3);
	}
	free(dir);
	if (mkdtemp(scratch) == NULL) {
		fprintf(stderr, "eval: cannot create a scratch directory: %s\n", strerror(errno));
		exit(3);
	}
	ck = eval_checker(NULL, false);

	path = xasprintf("%s/narrative-clean.md", data);
	clean = eval_import(path, &set, scratch);
	if (clean != NULL) {
		findings_init(&fs);
		checker_check_project(ck, store_project(clean), &fs);
		printf("\n%s: %zu findings (target 0), %zu of them spelling\n", path, fs.n,
		    eval_count_rule(&fs, "spelling"));
		for (i = 0; i < fs.n; i++)
			eval_print_finding("unexpected", store_project(clean), &fs.items[i]);
		findings_free(&fs);
		store_close(clean);
	}
	free(path);

	path = xasprintf("%s/narrative-flawed.md", data);
	flawed = eval_import(path, &set, scratch);
	free(path);
	if (flawed != NULL) {
		const struct project *p = store_project(flawed);

		findings_init(&fs);
		checker_check_project(ck, p, &fs);
		used = xcalloc(fs.n + 1, sizeof *used);
		path = xasprintf("%s/narrative-flawed.expected", data);
		f = fopen(path, "r");
		if (f == NULL) {
			fprintf(stderr, "eval: cannot read %s: %s\n", path, strerror(errno));
			exit(3);
		}
		printf("\n%s:\n", path);
		while ((got = getline(&line, &cap, f)) > 0) {
			char *rule = line, *num, *snippet;
			bool found = false;

			if (line[got - 1] == '\n')
				line[got - 1] = '\0';
			if ((num = strchr(rule, '\t')) == NULL || (snippet = strchr(num + 1, '\t')) == NULL)
				continue;
			*num++ = '\0';
			*snippet++ = '\0';
			n_expected++;
			for (i = 0; i < fs.n; i++) {
				if (eval_covers(p, &fs.items[i], rule, atoi(num) - 1, snippet)) {
					found = true;
					used[i] = true;
				}
			}
			n_found += found;
			printf("    %-5s %-20s ECQ %s  %s\n", found ? "found" : "MISSED", rule, num, snippet);
		}
		fclose(f);
		for (i = 0; i < fs.n; i++) {
			if (!used[i]) {
				n_other++;
				if (eval_verbose)
					eval_print_finding("other", p, &fs.items[i]);
			}
		}
		printf("  known violations found: %zu of %zu; other findings: %zu%s\n", n_found,
		    n_expected, n_other, eval_verbose || n_other == 0 ? "" : " (-v lists them)");
		free(used);
		free(path);
		findings_free(&fs);
		store_close(flawed);
	}
	free(line);
	checker_free(ck);
	framework_set_free(&set);
	path = xasprintf("rm -rf '%s'", scratch);
	if (system(path) != 0)
		fprintf(stderr, "eval: could not remove %s\n", scratch);
	free(path);
}

/* ---- held-out results.tsv: unquantified_result, example by example ------ */

struct eval_results {
	const struct framework *fw;
	struct checker *ck;
	struct eval_score score;
	size_t n_pos, n_lost;
};

/* Builds a one-example draft whose Result is text and runs
 * unquantified_result on it; a Result the importer does not keep whole is
 * counted apart (n_lost), not scored. */
static void
eval_results_line(char *label, char *text, void *arg)
{
	struct eval_results *er = arg;
	struct importer_report rep;
	struct project *p = NULL;
	struct findings fs;
	struct error err;
	const struct example *e;
	bool gold = strcmp(label, "unquantified") == 0, got;
	char *draft = xasprintf("ECQ 1: Leading Change\n\nI lead change.\n\n"
	    "Example 1: A story (2022-01 to 2023-06)\n\nChallenge: The office had a problem.\n\n"
	    "Action: I worked on it.\n\nResult:\n%s\n", text);

	memset(&rep, 0, sizeof rep);
	if (importer_build(er->fw, draft, strlen(draft), &p, &rep, &err) != 0 ||
	    (e = project_example_at(p, 0, 0)) == NULL || strstr(e->field[EX_RESULT],
	    text + (strrchr(text, '\n') != NULL ? strrchr(text, '\n') - text + 1 : 0)) == NULL) {
		er->n_lost++;
		if (eval_verbose)
			printf("    result not imported whole: %s\n", text);
		goto out;
	}
	findings_init(&fs);
	checker_check_project(er->ck, p, &fs);
	got = eval_has_rule(&fs, "unquantified_result");
	findings_free(&fs);
	er->n_pos += gold;
	if (gold && got)
		er->score.tp++;
	else if (!gold && got)
		er->score.fp++;
	else if (gold && !got)
		er->score.fn++;
	if (eval_verbose && gold != got)
		printf("    %s unquantified_result: %s\n", got ? "FP" : "FN", text);
out:
	project_free(p);
	importer_report_free(&rep);
	free(draft);
}

static void
eval_results(const char *data, const struct framework *fw)
{
	struct eval_results er = { .fw = fw, .ck = eval_checker("unquantified_result", true),
		.score = { "unquantified_result", 0, 0, 0 } };
	char *path = xasprintf("%s/results.tsv", data);
	size_t n = eval_tsv(path, eval_results_line, &er);

	printf("\nresults: %s (%zu Results, %zu without a figure)\n", path, n, er.n_pos);
	eval_print_header();
	eval_print_score(&er.score);
	if (er.n_lost > 0)
		printf("  Results the importer did not keep whole (not scored): %zu\n", er.n_lost);
	checker_free(er.ck);
	free(path);
}

/* The held-out set (tests/data/heldout/README.md): half A was used to find
 * the rules' errors, half B and the third set C only to measure; each is
 * printed on its own. */
static void
eval_heldout(const char *data)
{
	static const char *const halves[] = { "a", "b", "c", NULL };
	static const char *const names[] = { "half A (tuning half)", "half B (measuring half)",
		"set C (new voices, measuring only)" };
	struct framework_set set;
	struct error err;
	char *dir = paths_data_file("prompts"), *heldout = xasprintf("%s/heldout", data), *half;
	const struct framework *fw;
	size_t i;

	if (framework_set_load(dir, &set, &err) != 0) {
		fprintf(stderr, "eval: %s\n", err.msg);
		exit(3);
	}
	free(dir);
	fw = framework_set_find(&set, "ses-2010");
	if (fw == NULL) {
		fprintf(stderr, "eval: no ses-2010 framework\n");
		exit(3);
	}
	for (i = 0; halves[i] != NULL; i++) {
		half = xasprintf("%s/%s", heldout, halves[i]);
		printf("\n==== held-out %s: written outside the rules' tuning ====\n\n",
		    names[i]);
		eval_passive(half);
		eval_rules(half);
		eval_results(half, fw);
		free(half);
	}
	printf("\n==== held-out drafts ====");
	eval_import_structure(heldout, eval_verbose);
	framework_set_free(&set);
	free(heldout);
}

int
main(int argc, char **argv)
{
	const char *data;
	int i = 1;
	bool drafts_only = false;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-v") == 0)
			eval_verbose = true;
		else if (strcmp(argv[i], "--drafts") == 0)
			drafts_only = true;     /* `make eval-drafts` */
		else
			break;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: eval [-v] [--drafts] DATA_DIR (tests/data)\n");
		return 2;
	}
	data = argv[i];
	if (drafts_only) {
		eval_drafts(data, eval_verbose);
		return 0;
	}
	eval_passive(data);
	eval_suggestions(data);
	eval_rules(data);
	eval_grammar(data);
	eval_spelling(data);
	eval_narratives(data);
	eval_import_structure(data, eval_verbose);
	eval_shapes(data, eval_verbose);
	eval_drafts(data, eval_verbose);
	eval_heldout(data);
	return 0;
}
