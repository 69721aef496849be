/* SPDX-License-Identifier: MIT */
/*
 * eval_drafts.c: the drafts part of `make eval`. The coach drafts a résumé
 * line (resume_draft) and an interview card (card_draft) from an example;
 * a draft the coach's own rules flag teaches the writer the wrong thing.
 * For every example with text in both demo projects and in the sample
 * drafts (imported in memory, as `check DRAFT` does), drafts both shapes,
 * checks them as `check` does (resume_check_line with a real checker and
 * the lines as laid out; card_check at 130 words a minute against the
 * project's interview budget) and counts the findings per rule. Beside
 * the rules it counts what no rule names but a draft must never do: a
 * pronoun in a résumé line ("I", "my", "we", "our", "us"), a doubled word,
 * a number cut from its unit ("$4.6" from "$4.6 million"), a draft that
 * ends on a function word ("... when."), brackets or quotes left open, a
 * card that leaves out a Result the example has, an opening of more than
 * one line's worth. Prints figures only; -v prints every draft and its
 * findings.
 */
#include "config.h"
#include "eval_drafts.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "card.h"
#include "checker.h"
#include "checks/card_rules.h"
#include "checks/ruleutil.h"
#include "demo.h"
#include "framework.h"
#include "importer.h"
#include "layout.h"
#include "paths.h"
#include "resume.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

/* The words an opening line may have before it is more than "one line". */
#define EVAL_OPENING_WORDS 40

struct dr_count {
	char *rule;
	size_t n;
};

/* Findings per rule (the coach's) or per defect (the eval's own). */
struct dr_counts {
	struct dr_count *items;
	size_t n;
};

struct dr_tally {
	size_t made, flagged, empty;
	size_t inherited;               /* findings on words the example has */
	size_t unavoidable;             /* unquantified_result on an example
	                                 * with no figure at all */
	struct dr_counts rules, defects;
	size_t lines_hist[5];           /* 1, 2, 3, 4, 5+ lines as laid out */
	size_t lines_hist_big[5];       /* the same at 12 pt and 1-inch margins */
	size_t time_under, time_in, time_over, time_short_text;
	double *secs;
	size_t n_secs;
};

static void
dr_count(struct dr_counts *c, const char *rule)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->items[i].rule, rule) == 0) {
			c->items[i].n++;
			return;
		}
	c->items = xreallocarray(c->items, c->n + 1, sizeof *c->items);
	c->items[c->n].rule = xstrdup(rule);
	c->items[c->n++].n = 1;
}

static void
dr_counts_free(struct dr_counts *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->items[i].rule);
	free(c->items);
}

static int
dr_count_cmp(const void *a, const void *b)
{
	const struct dr_count *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->rule, y->rule);
}

static void
dr_counts_print(struct dr_counts *c, const char *what)
{
	size_t i, total = 0;

	if (c->n > 0)
		qsort(c->items, c->n, sizeof *c->items, dr_count_cmp);
	for (i = 0; i < c->n; i++)
		total += c->items[i].n;
	printf("    %s: %zu\n", what, total);
	for (i = 0; i < c->n; i++)
		printf("      %-30s %4zu\n", c->items[i].rule, c->items[i].n);
}

/* ---- the eval's own checks ------------------------------------------------ */

static bool
dr_figure(const struct text_doc *d, size_t t)
{
	return d->toks[t].kind == TOK_NUMBER || (d->toks[t].flags & TOKF_DIGIT) != 0;
}

static bool
dr_same_tok(const struct text_doc *a, size_t i, const struct text_doc *b, size_t j)
{
	return a->toks[i].len == b->toks[j].len && memcmp(a->text + a->toks[i].off,
	    b->text + b->toks[j].off, a->toks[i].len) == 0;
}

/* The word token after t, or (size_t)-1. */
static size_t
dr_next_word(const struct text_doc *d, size_t t)
{
	for (t++; t < d->n_toks; t++)
		if (d->toks[t].kind == TOK_WORD)
			return t;
	return (size_t)-1;
}

/* Whether figure t of draft stands in one of the fields of ex before a
 * unit word ("million", "percent", "hours") that the draft leaves out. */
static bool
dr_unit_cut(const struct text_doc *draft, size_t t, const struct example *ex)
{
	static const char *const units[] = { "million", "billion", "thousand", "trillion",
		"percent", "percentage", NULL };
	struct text_doc src;
	size_t f, j, u, dn;
	bool cut = false;

	/* a figure the draft follows with a word keeps a unit of its own */
	if (t + 1 < draft->n_toks && draft->toks[t + 1].kind == TOK_WORD)
		return false;
	dn = (size_t)-1;
	for (f = EX_CHALLENGE; f <= EX_RESULT && !cut; f++) {
		text_analyze(ex->field[f], strlen(ex->field[f]), &src);
		for (j = 0; j + 1 < src.n_toks && !cut; j++) {
			if (!dr_figure(&src, j) || !dr_same_tok(draft, t, &src, j))
				continue;
			u = j + 1;
			if (src.toks[u].kind != TOK_WORD || !ruleutil_tok_in(&src, u, units))
				continue;
			cut = dn == (size_t)-1 || !dr_same_tok(draft, dn, &src, u);
		}
		text_doc_free(&src);
	}
	return cut;
}

/* Whether the example ends a sentence or clause on word t of d too ("the
 * year before."): the writer's own ending, not one the draft cut. */
static bool
dr_ends_so(const struct example *ex, const struct text_doc *d, size_t t)
{
	char *end[2];
	bool got = false;
	int f, k;

	end[0] = xasprintf("%.*s.", (int)d->toks[t].len, d->text + d->toks[t].off);
	end[1] = xasprintf("%.*s,", (int)d->toks[t].len, d->text + d->toks[t].off);
	for (f = EX_CHALLENGE; f <= EX_RESULT && !got; f++)
		for (k = 0; k < 2 && !got; k++)
			got = strstr(ex->field[f], end[k]) != NULL;
	free(end[0]);
	free(end[1]);
	return got;
}

/* The eval's checks of a draft; résumé: a résumé line, else a card. */
static void
dr_defects(const char *text, const struct example *ex, bool resume, struct dr_counts *out,
    size_t *n_out, bool verbose)
{
	static const char *const pronouns[] = { "i", "my", "me", "we", "our", "us", "myself",
		NULL };
	struct text_doc d;
	size_t t, nx, last = (size_t)-1, open_par = 0, quotes = 0;
	char low[64];
	bool pron = false, dbl = false, cut = false;

	text_analyze(text, strlen(text), &d);
	for (t = 0; t < d.n_toks; t++) {
		if (d.toks[t].kind == TOK_WORD) {
			last = t;
			if (resume && ruleutil_tok_in(&d, t, pronouns))
				pron = true;
			nx = dr_next_word(&d, t);
			if (nx == t + 1 && ruleutil_lower(&d, t, low, sizeof low) > 0 &&
			    ruleutil_is(&d, nx, low))
				dbl = true;
		}
		if (d.toks[t].kind == TOK_NUMBER)
			last = t;
		if (dr_figure(&d, t) && !cut && dr_unit_cut(&d, t, ex))
			cut = true;
		if (ruleutil_punct(&d, t, '('))
			open_par++;
		if (ruleutil_punct(&d, t, ')') && open_par > 0)
			open_par--;
		if (ruleutil_punct(&d, t, '"'))
			quotes++;
	}
#define DEFECT(cond, name) do { if (cond) { dr_count(out, name); ++*n_out; \
		if (verbose) printf("      ! %s\n", name); } } while (0)
	DEFECT(pron, "pronoun (I, my, we, our, us)");
	DEFECT(dbl, "doubled word");
	DEFECT(cut, "number cut from its unit");
	DEFECT(last != (size_t)-1 && d.toks[last].kind == TOK_WORD &&
	    ruleutil_lower(&d, last, low, sizeof low) > 0 && ruleutil_function_word(low) &&
	    !dr_ends_so(ex, &d, last), "ends on a function word");
	DEFECT(open_par > 0 || quotes % 2 != 0, "bracket or quote left open");
	DEFECT(d.n_words > 0 && text[strlen(text) - 1] != '.' && text[strlen(text) - 1] != '!' &&
	    text[strlen(text) - 1] != ')' && text[strlen(text) - 1] != '"' &&
	    text[strlen(text) - 1] != ']',
	    "no closing period");
	if (!resume) {
		size_t open = strcspn(text, "\n");

		DEFECT(text_count_words(text, open) > EVAL_OPENING_WORDS,
		    "opening over one line");
	}
#undef DEFECT
	text_doc_free(&d);
}

/* ---- one project -------------------------------------------------------- */

static bool
dr_has_text(const struct example *ex)
{
	int f;

	for (f = EX_CHALLENGE; f <= EX_RESULT; f++)
		if (ex->field[f][strspn(ex->field[f], " \t\r\n")] != '\0')
			return true;
	return false;
}

static bool
dr_has_figure(const struct example *ex)
{
	struct text_doc d;
	size_t t;
	bool got = false;
	int f;

	for (f = EX_CHALLENGE; f <= EX_RESULT && !got; f++) {
		text_analyze(ex->field[f], strlen(ex->field[f]), &d);
		for (t = 0; t < d.n_toks && !got; t++)
			got = dr_figure(&d, t);
		text_doc_free(&d);
	}
	return got;
}

/* The seconds the example's Challenge, Context, Action and Result take to
 * say: what a card drafted from them could reach at most. */
static double
dr_text_secs(const struct example *ex)
{
	double s = 0;
	int f;

	for (f = EX_CHALLENGE; f <= EX_RESULT; f++)
		s += card_seconds(ex->field[f], 130);
	return s;
}

/* The findings of fs on a span of text that the example's Challenge,
 * Context, Action or Result says word for word: the writer's own words,
 * which the draft keeps. */
static size_t
dr_inherited(const struct findings *fs, const char *text, const struct example *ex)
{
	size_t i, n = 0;
	int f;

	for (i = 0; i < fs->n; i++) {
		const struct finding *x = &fs->items[i];
		char *span;

		if (x->length == 0 || x->offset + x->length > strlen(text))
			continue;
		span = xstrndup(text + x->offset, x->length);
		for (f = EX_CHALLENGE; f <= EX_RESULT; f++)
			if (strstr(ex->field[f], span) != NULL) {
				n++;
				break;
			}
		free(span);
	}
	return n;
}

static void
dr_print_findings(const char *what, const char *name, const struct example *ex,
    const char *text, const struct findings *fs)
{
	size_t i;

	printf("    %s %s ECQ %d #%lld: %s\n", what, name, ex->ecq + 1, (long long)ex->id, text);
	for (i = 0; i < fs->n; i++)
		printf("      - %s: %s\n", fs->items[i].rule, fs->items[i].message);
}

static void
dr_project(const char *name, const struct project *p, struct layout_cache *lc,
    struct dr_tally *rt, struct dr_tally *ct, bool verbose)
{
	struct checker_options o = { .user_words = "" };
	struct resume_settings rs;
	struct layout_result r;
	struct checker *ck;
	struct project view;
	struct error err;
	char **res, **card;
	int *lines = NULL, *big = NULL;
	size_t i, k;

	if (checker_new(&o, &ck, &err) != 0) {
		fprintf(stderr, "eval: %s\n", err.msg);
		exit(3);
	}
	checker_set_framework(ck, p->fw);
	checker_set_words(ck, &p->words);
	checker_set_candidate(ck, p->candidate);
	res = xcalloc(p->n_examples + 1, sizeof *res);
	card = xcalloc(p->n_examples + 1, sizeof *card);
	/* the résumé with every line drafted, laid out as the meter does */
	view = *p;
	view.examples = xcalloc(p->n_examples + 1, sizeof *view.examples);
	for (i = 0; i < p->n_examples; i++) {
		view.examples[i] = p->examples[i];
		if (!dr_has_text(&p->examples[i])) {
			res[i] = xstrdup("");
			card[i] = xstrdup("");
		} else {
			res[i] = resume_draft(&p->examples[i]);
			card[i] = card_draft(&p->examples[i]);
		}
		view.examples[i].resume = res[i];
		view.examples[i].card = card[i];
	}
	resume_settings_default(&rs);
	memset(&r, 0, sizeof r);
	if (resume_layout(lc, &view, &rs, NULL, &r, &lines, &err) != 0) {
		fprintf(stderr, "eval: cannot lay out the résumé of %s: %s\n", name, err.msg);
		exit(3);
	}
	layout_result_free(&r);
	/* the largest font and margins a résumé may have */
	rs.font_pt = RESUME_FONT_MAX;
	rs.margin_in = RESUME_MARGIN_MAX;
	memset(&r, 0, sizeof r);
	if (resume_layout(lc, &view, &rs, NULL, &r, &big, &err) != 0) {
		fprintf(stderr, "eval: cannot lay out the résumé of %s: %s\n", name, err.msg);
		exit(3);
	}
	layout_result_free(&r);
	for (i = 0; i < p->n_examples; i++) {
		const struct example *ex = &view.examples[i];
		struct findings fs;
		size_t nd = 0;
		double secs;

		if (!dr_has_text(ex)) {
			rt->empty++;
			ct->empty++;
			continue;
		}
		/* the résumé line */
		findings_init(&fs);
		resume_check_line(ck, &view, ex, res[i], lines[i], &fs);
		rt->made++;
		for (k = 0; k < fs.n; k++) {
			dr_count(&rt->rules, fs.items[k].rule);
			if (strcmp(fs.items[k].rule, "unquantified_result") == 0 && !dr_has_figure(ex))
				rt->unavoidable++;
		}
		rt->inherited += dr_inherited(&fs, res[i], ex);
		rt->flagged += fs.n > 0;
		rt->lines_hist[lines[i] < 1 ? 0 : lines[i] > 5 ? 4 : lines[i] - 1]++;
		rt->lines_hist_big[big[i] < 1 ? 0 : big[i] > 5 ? 4 : big[i] - 1]++;
		if (verbose)
			dr_print_findings("résumé", name, ex, res[i], &fs);
		dr_defects(res[i], ex, true, &rt->defects, &nd, verbose);
		findings_free(&fs);
		/* the card */
		findings_init(&fs);
		card_check(ck, p->fw, ex, card[i], 130, &fs);
		ct->made++;
		for (k = 0; k < fs.n; k++)
			dr_count(&ct->rules, fs.items[k].rule);
		ct->inherited += dr_inherited(&fs, card[i], ex);
		ct->flagged += fs.n > 0;
		secs = card_seconds(card[i], 130);
		ct->secs = xreallocarray(ct->secs, ct->n_secs + 1, sizeof *ct->secs);
		ct->secs[ct->n_secs++] = secs;
		if (secs < p->fw->docs.interview_min_seconds - 0.5) {
			ct->time_under++;
			ct->time_short_text += dr_text_secs(ex) < p->fw->docs.interview_min_seconds;
		} else if (secs > p->fw->docs.interview_max_seconds + 0.5)
			ct->time_over++;
		else
			ct->time_in++;
		if (verbose) {
			char clock[16];

			card_clock(secs, clock, sizeof clock);
			printf("    card %s ECQ %d #%lld (%s, example text %.0f s):\n%s\n", name,
			    ex->ecq + 1, (long long)ex->id, clock, dr_text_secs(ex), card[i]);
			for (k = 0; k < fs.n; k++)
				printf("      - %s: %s\n", fs.items[k].rule, fs.items[k].message);
		}
		nd = 0;
		dr_defects(card[i], ex, false, &ct->defects, &nd, verbose);
		findings_free(&fs);
	}
	for (i = 0; i < p->n_examples; i++) {
		free(res[i]);
		free(card[i]);
	}
	free(res);
	free(card);
	free(lines);
	free(big);
	free(view.examples);
	checker_free(ck);
}

/* ---- the sources ---------------------------------------------------------- */

static void
dr_demo(const struct framework_set *set, const char *id, const char *scratch,
    struct layout_cache *lc, struct dr_tally *rt, struct dr_tally *ct, bool verbose)
{
	const struct framework *fw = framework_set_find(set, id);
	char *rel = xasprintf("prompts/demo/%s.ini", id), *demo = paths_data_file(rel);
	char *path = xasprintf("%s/demo-%s.ecq", scratch, id), *name = xasprintf("demo-%s", id);
	struct store *st;
	struct error err;

	if (fw == NULL || demo_create(demo, fw, path, &st, &err) != 0) {
		fprintf(stderr, "eval: cannot make the %s demo: %s\n", id,
		    fw == NULL ? "no such framework" : err.msg);
		exit(3);
	}
	dr_project(name, store_project(st), lc, rt, ct, verbose);
	store_close(st);
	remove(path);
	free(rel);
	free(demo);
	free(path);
	free(name);
}

static int
dr_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every draft in dir (not its structure.key), imported in memory. */
static size_t
dr_dir(const struct framework_set *set, const char *dir, struct layout_cache *lc,
    struct dr_tally *rt, struct dr_tally *ct, bool verbose)
{
	struct importer_report rep;
	struct dirent *e;
	struct project *p;
	struct error err;
	char **names = NULL, *path, *text;
	size_t n = 0, i, len;
	DIR *d = opendir(dir);

	if (d == NULL) {
		fprintf(stderr, "eval: cannot read %s: %s\n", dir, strerror(errno));
		exit(3);
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || strcmp(e->d_name, "structure.key") == 0)
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, dr_name_cmp);
	for (i = 0; i < n; i++) {
		const struct framework *fw;

		path = xasprintf("%s/%s", dir, names[i]);
		if (importer_read_file(path, &text, &len, &err) != 0) {
			fprintf(stderr, "eval: %s\n", err.msg);
			exit(3);
		}
		fw = importer_guess_framework(set, text, len, NULL);
		memset(&rep, 0, sizeof rep);
		if (fw == NULL || importer_build(fw, text, len, &p, &rep, &err) != 0) {
			fprintf(stderr, "eval: cannot import %s\n", path);
			exit(3);
		}
		dr_project(names[i], p, lc, rt, ct, verbose);
		project_free(p);
		importer_report_free(&rep);
		free(text);
		free(path);
		free(names[i]);
	}
	free(names);
	return n;
}

static int
dr_double_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
dr_report(struct dr_tally *t, bool resume)
{
	char a[16], b[16], c[16];

	printf("  %s: %zu drafted (%zu examples with no text left out), %zu with a finding "
	    "of the coach's rules\n", resume ? "résumé lines" : "cards", t->made, t->empty,
	    t->flagged);
	dr_counts_print(&t->rules, "findings by rule");
	printf("    (of them on words the example itself says: %zu)\n", t->inherited);
	if (resume)
		printf("    (unquantified_result on an example with no figure at all: %zu)\n",
		    t->unavoidable);
	dr_counts_print(&t->defects, "defects no rule names");
	if (resume) {
		printf("    lines as laid out (10 pt, 0.5-inch margins): 1: %zu, 2: %zu, 3: %zu, "
		    "4: %zu, 5 or more: %zu\n", t->lines_hist[0], t->lines_hist[1],
		    t->lines_hist[2], t->lines_hist[3], t->lines_hist[4]);
		printf("    lines as laid out (12 pt, 1-inch margins):   1: %zu, 2: %zu, 3: %zu, "
		    "4: %zu, 5 or more: %zu\n", t->lines_hist_big[0], t->lines_hist_big[1],
		    t->lines_hist_big[2], t->lines_hist_big[3], t->lines_hist_big[4]);
		return;
	}
	if (t->n_secs > 0) {
		qsort(t->secs, t->n_secs, sizeof *t->secs, dr_double_cmp);
		card_clock(t->secs[0], a, sizeof a);
		card_clock(t->secs[t->n_secs / 2], b, sizeof b);
		card_clock(t->secs[t->n_secs - 1], c, sizeof c);
		printf("    time at 130 wpm: shortest %s, median %s, longest %s\n", a, b, c);
	}
	printf("    under the budget: %zu (%zu of them from an example too short to fill it), "
	    "within: %zu, over: %zu\n", t->time_under, t->time_short_text, t->time_in,
	    t->time_over);
}

void
eval_drafts(const char *data, bool verbose)
{
	struct framework_set set;
	struct dr_tally rt, ct;
	struct layout_cache *lc = layout_cache_new();
	struct error err;
	char scratch[] = "/tmp/ecqeval-drafts.XXXXXX", *dir;
	size_t n1, n2;

	memset(&rt, 0, sizeof rt);
	memset(&ct, 0, sizeof ct);
	if (framework_set_load_all(&set, &err) != 0) {
		fprintf(stderr, "eval: %s\n", err.msg);
		exit(3);
	}
	if (mkdtemp(scratch) == NULL) {
		fprintf(stderr, "eval: cannot create a scratch directory: %s\n", strerror(errno));
		exit(3);
	}
	dr_demo(&set, "ses-2025", scratch, lc, &rt, &ct, verbose);
	dr_demo(&set, "ses-2010", scratch, lc, &rt, &ct, verbose);
	dir = xasprintf("%s/drafts", data);
	n1 = dr_dir(&set, dir, lc, &rt, &ct, verbose);
	free(dir);
	dir = xasprintf("%s/heldout/drafts", data);
	n2 = dr_dir(&set, dir, lc, &rt, &ct, verbose);
	free(dir);
	rmdir(scratch);
	printf("\ndrafts the coach writes, checked by its own rules (2 demos, %zu drafts, "
	    "%zu held-out drafts; target: no finding a draft could avoid)%s\n", n1, n2,
	    verbose ? "" : " (-v prints every draft)");
	dr_report(&rt, true);
	dr_report(&ct, false);
	dr_counts_free(&rt.rules);
	dr_counts_free(&rt.defects);
	dr_counts_free(&ct.rules);
	dr_counts_free(&ct.defects);
	free(ct.secs);
	layout_cache_free(lc);
	framework_set_free(&set);
}
