/* SPDX-License-Identifier: MIT */
/*
 * eval_shapes.c: precision and recall of the résumé rules (first_person,
 * action_verb, unquantified_result, bureaucratic) on labeled résumé lines,
 * and of the text rules a card keeps (spelling, we_voice, passive,
 * bureaucratic; first_person must never fire on a card) on labeled cards,
 * each checked alone the way `check` checks it in a 2025 project.
 */
#include "config.h"
#include "eval_shapes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "checks/card_rules.h"
#include "framework.h"
#include "resume.h"
#include "xalloc.h"

struct shape_score {
	const char *rule;
	size_t tp, fp, fn;
};

struct shape_eval {
	struct checker *ck;
	struct project p;
	struct example ex;
	bool card;              /* cards, else résumé lines */
	bool verbose;
	struct shape_score scores[8];
	size_t n_scores;
	size_t n_lines;
};

static void
shape_print(const struct shape_score *s)
{
	double p = s->tp + s->fp ? (double)s->tp / (double)(s->tp + s->fp) : 1.0;
	double r = s->tp + s->fn ? (double)s->tp / (double)(s->tp + s->fn) : 1.0;
	double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;

	printf("  %-20s %5zu %5zu %5zu %7.3f %7.3f %7.3f\n", s->rule, s->tp, s->fp, s->fn, p, r, f);
}

/* Whether the comma-separated labels name rule. */
static bool
shape_labeled(const char *labels, const char *rule)
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

static bool
shape_found(const struct findings *fs, const char *rule)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (strcmp(fs->items[i].rule, rule) == 0)
			return true;
	return false;
}

/* "\n" in a card's line is a paragraph break. */
static void
shape_unescape(char *s)
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

static void
shape_line(struct shape_eval *se, char *labels, char *text)
{
	struct findings fs;
	size_t i;

	findings_init(&fs);
	if (se->card) {
		shape_unescape(text);
		card_check(se->ck, se->p.fw, &se->ex, text, 130, &fs);
	} else {
		resume_check_line(se->ck, &se->p, &se->ex, text, -1, &fs);
	}
	for (i = 0; i < se->n_scores; i++) {
		struct shape_score *s = &se->scores[i];
		bool gold = shape_labeled(labels, s->rule), got = shape_found(&fs, s->rule);

		s->tp += gold && got;
		s->fp += !gold && got;
		s->fn += gold && !got;
		if (se->verbose && gold != got)
			printf("    %s %s: %s\n", got ? "FP" : "FN", s->rule, text);
	}
	se->n_lines++;
	findings_free(&fs);
}

static void
shape_file(struct shape_eval *se, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *tab;
	size_t cap = 0;
	ssize_t got;

	if (f == NULL) {
		fprintf(stderr, "eval: cannot read %s: %s\n", path, strerror(errno));
		exit(3);
	}
	while ((got = getline(&line, &cap, f)) > 0) {
		if (line[got - 1] == '\n')
			line[--got] = '\0';
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		*tab = '\0';
		shape_line(se, line, tab + 1);
	}
	free(line);
	fclose(f);
}

static void
shape_report(struct shape_eval *se, const char *title, const char *path)
{
	struct shape_score all = { "(all of these)", 0, 0, 0 };
	size_t i;

	printf("\n%s: %s (%zu texts, each checked alone)\n", title, path, se->n_lines);
	printf("  %-20s %5s %5s %5s %7s %7s %7s\n", "rule", "TP", "FP", "FN", "P", "R", "F1");
	for (i = 0; i < se->n_scores; i++) {
		shape_print(&se->scores[i]);
		all.tp += se->scores[i].tp;
		all.fp += se->scores[i].fp;
		all.fn += se->scores[i].fn;
	}
	shape_print(&all);
}

void
eval_shapes(const char *data, bool verbose)
{
	static const char *const resume_rules[] = { "first_person", "action_verb",
		"unquantified_result", "bureaucratic", NULL };
	static const char *const card_rules[] = { "spelling", "we_voice", "passive",
		"bureaucratic", "first_person", NULL };
	struct checker_options o = { .user_words = "" };
	struct framework_set set;
	const struct framework *fw;
	struct shape_eval se;
	struct error err;
	char *path;
	size_t i;
	int pass;

	if (framework_set_load_all(&set, &err) != 0) {
		fprintf(stderr, "eval: %s\n", err.msg);
		exit(3);
	}
	fw = framework_set_find(&set, "ses-2025");
	if (fw == NULL) {
		fprintf(stderr, "eval: no framework ses-2025\n");
		exit(3);
	}
	for (pass = 0; pass < 2; pass++) {
		memset(&se, 0, sizeof se);
		if (checker_new(&o, &se.ck, &err) != 0) {
			fprintf(stderr, "eval: %s\n", err.msg);
			exit(3);
		}
		checker_set_framework(se.ck, fw);
		se.p.fw = (struct framework *)fw;
		se.ex.id = 1;
		se.ex.field[EX_RESULT] = (char *)"";
		se.card = pass == 1;
		se.verbose = verbose;
		for (i = 0; (se.card ? card_rules : resume_rules)[i] != NULL; i++)
			se.scores[se.n_scores++] = (struct shape_score){
				(se.card ? card_rules : resume_rules)[i], 0, 0, 0 };
		path = xasprintf("%s/%s", data, se.card ? "card-texts.tsv" : "resume-lines.tsv");
		shape_file(&se, path);
		shape_report(&se, se.card ? "interview cards (first_person: never)" :
		    "résumé lines", path);
		free(path);
		checker_free(se.ck);
	}
	framework_set_free(&set);
}
