/* SPDX-License-Identifier: MIT */
/*
 * project_rules.c: the rules that look at a whole narrative (examples per
 * ECQ, dates, duplicates, budgets, pasted definitions, CCAR completeness).
 * Limits come from the project's framework; word lists from dictionaries/.
 * Prints nothing and keeps no state between calls.
 */
#include "config.h"
#include "checks/project_rules.h"
#include "checks/project_run.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store.h"
#include "text.h"
#include "xalloc.h"

static const struct rule_info info[] = {
	{ "unquantified_result", SEV_WARNING,
	  "a Result with no number, percentage, amount or time", true },
	{ "too_many_examples", SEV_ERROR,
	  "more examples in an ECQ than the framework allows", true },
	{ "duplicate_example", SEV_WARNING,
	  "the same story told in two ECQs", true },
	{ "example_too_old", SEV_WARNING,
	  "an example that ended longer ago than the framework allows", true },
	{ "intro_too_long", SEV_WARNING,
	  "an introduction with more paragraphs than the framework allows", true },
	{ "definition_included", SEV_WARNING,
	  "OPM's definition of an ECQ pasted into the narrative", true },
	{ "missing_part", SEV_WARNING,
	  "an empty Challenge, Context, Action or Result, or a missing title, date or example",
	  true },
	{ "competency_coverage", SEV_WARNING,
	  "an ECQ whose examples show fewer than half of its competencies", true },
	{ "word_budget", SEV_WARNING,
	  "an ECQ far over its share of the narrative's words", true },
	{ NULL, SEV_INFO, NULL, false }
};

const struct rule_info *
project_rules_info(void)
{
	return info;
}

/* ---- emitting ----------------------------------------------------------- */

void
project_rules_emit(struct findings *out, const char *rule, enum severity sev,
    const struct where *w, const char *suggestion, const char *fmt, ...)
{
	struct finding f;
	char *target = NULL;
	va_list ap;
	int n;

	memset(&f, 0, sizeof f);
	f.rule = rule;
	f.severity = sev;
	f.ecq = w->ecq;
	f.example = w->example;
	f.field = w->field;
	f.offset = w->offset;
	f.length = w->length;
	if (w->example >= 0 && w->field >= 0)
		target = store_example_target(w->example, (enum example_field)w->field);
	else if (w->example < 0 && w->ecq >= 0 && w->field == FIELD_INTRO)
		target = xasprintf("intro.%d", w->ecq);
	f.target = target;
	if (w->field == FIELD_INTRO)
		f.field = -1;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	f.message = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	va_start(ap, fmt);
	vsnprintf(f.message, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	va_end(ap);
	f.suggestion = (char *)suggestion;
	findings_add(out, &f);
	free(f.message);
	free(target);
}

/* ---- words -------------------------------------------------------------- */

void
project_rules_words(const char *text, struct words *ws)
{
	struct text_doc doc;
	size_t i;

	memset(ws, 0, sizeof *ws);
	text_analyze(text, strnlen(text, STORE_MAX_TEXT), &doc);
	ws->w = xreallocarray(NULL, doc.n_toks + 1, sizeof *ws->w);
	ws->off = xreallocarray(NULL, doc.n_toks + 1, sizeof *ws->off);
	ws->len = xreallocarray(NULL, doc.n_toks + 1, sizeof *ws->len);
	for (i = 0; i < doc.n_toks; i++) {
		if (doc.toks[i].kind != TOK_WORD && doc.toks[i].kind != TOK_NUMBER)
			continue;
		ws->w[ws->n] = text_tok_lower(&doc, i);
		ws->off[ws->n] = doc.toks[i].off;
		ws->len[ws->n] = doc.toks[i].len;
		ws->n++;
	}
	text_doc_free(&doc);
}

void
project_rules_words_free(struct words *ws)
{
	size_t i;

	for (i = 0; i < ws->n; i++)
		free(ws->w[i]);
	free(ws->w);
	free(ws->off);
	free(ws->len);
	memset(ws, 0, sizeof *ws);
}

uint64_t
project_rules_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/* ---- quantities --------------------------------------------------------- */

bool
project_rules_has_quantity(const char *text, const struct wordlists *lists)
{
	const struct wordlist *qw = lists != NULL ? wordlists_get(lists, "quantity-words") : NULL;
	struct text_doc doc;
	size_t i;
	bool found = false;

	text_analyze(text, strnlen(text, STORE_MAX_TEXT), &doc);
	for (i = 0; i < doc.n_toks && !found; i++) {
		const struct token *t = &doc.toks[i];
		const char *repl;

		if (t->kind == TOK_NUMBER || (t->kind == TOK_WORD && (t->flags & TOKF_DIGIT)))
			found = true;
		else if (t->kind == TOK_PUNCT && t->len == 1 &&
		    (text[t->off] == '%' || text[t->off] == '$'))
			found = true;
		else if (t->kind == TOK_WORD && qw != NULL && wordlist_match(qw, &doc, i, &repl) > 0)
			found = true;
	}
	text_doc_free(&doc);
	return found;
}

/* ---- rules -------------------------------------------------------------- */

const char *
project_rules_ecq_title(const struct run *r, int ecq)
{
	return ecq >= 0 && (size_t)ecq < r->fw->n_ecqs ? r->fw->ecqs[ecq].title : "?";
}

bool
project_rules_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

static void
rule_unquantified(const struct run *r)
{
	size_t i;

	for (i = 0; i < r->p->n_examples; i++) {
		const struct example *ex = &r->p->examples[i];
		struct where w = { ex->ecq, ex->id, EX_RESULT, 0, strlen(ex->field[EX_RESULT]) };

		if (project_rules_blank(ex->field[EX_RESULT]) || project_rules_has_quantity(ex->field[EX_RESULT], r->lists))
			continue;
		project_rules_emit(r->out, "unquantified_result", SEV_WARNING, &w,
		    "Add a measure: how many, how much, what percentage, how fast",
		    "The Result has no number, percentage, amount or time span");
	}
}

static void
rule_too_many(const struct run *r)
{
	int max = (int)framework_rule(r->fw, "max_examples_per_ecq", 2);
	size_t e;

	for (e = 0; e < r->fw->n_ecqs; e++) {
		size_t n = project_count_examples(r->p, (int)e);
		const struct example *ex;
		struct where w;

		if (max <= 0 || n <= (size_t)max)
			continue;
		ex = project_example_at(r->p, (int)e, (size_t)max);
		w = (struct where){ (int)e, ex != NULL ? ex->id : -1, -1, 0, 0 };
		project_rules_emit(r->out, "too_many_examples", SEV_ERROR, &w,
		    "Keep the strongest examples and remove the others",
		    "ECQ %zu (%s) has %zu examples; the limit is %d", e + 1,
		    project_rules_ecq_title(r, (int)e), n, max);
	}
}

static bool
blank_n(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isspace((unsigned char)s[i]))
			return false;
	return true;
}

/* Counts the paragraphs of s (one non-blank line each, as the editor stores
 * them; blank lines between them do not count) and sets *off_k to where
 * paragraph k (0-based) starts, or to strlen(s) when there are fewer. */
static size_t
count_paragraphs(const char *s, size_t k, size_t *off_k)
{
	size_t n = 0;
	const char *line = s;

	*off_k = strlen(s);
	while (*line != '\0') {
		const char *eol = strchr(line, '\n');
		size_t len = eol != NULL ? (size_t)(eol - line) : strlen(line);

		if (!blank_n(line, len)) {
			if (n == k)
				*off_k = (size_t)(line - s);
			n++;
		}
		if (eol == NULL)
			break;
		line = eol + 1;
	}
	return n;
}

static void
rule_intro(const struct run *r)
{
	int max = (int)framework_rule(r->fw, "max_intro_paragraphs", 2);
	size_t e, n, off;

	if (max <= 0)
		return;
	for (e = 0; e < r->fw->n_ecqs; e++) {
		const char *intro = r->p->intro[e];
		struct where w;

		n = count_paragraphs(intro, (size_t)max, &off);
		if (n <= (size_t)max)
			continue;
		w = (struct where){ (int)e, -1, FIELD_INTRO, off, strlen(intro) - off };
		project_rules_emit(r->out, "intro_too_long", SEV_WARNING, &w,
		    "Keep the introduction to its main points; it counts toward the page limit",
		    "The introduction has %zu paragraphs; the limit is %d", n, max);
	}
}

/* True when text is only a placeholder ("TBD", "[to be written]"). */
static bool
placeholder(const struct run *r, const char *text)
{
	const struct wordlist *l = r->lists != NULL ? wordlists_get(r->lists, "placeholders") : NULL;
	char buf[64];
	size_t a = 0, b = strlen(text), n = 0;
	bool space = false;

	if (l == NULL)
		return false;
	while (a < b && (isspace((unsigned char)text[a]) || strchr("[(*_", text[a]) != NULL))
		a++;
	while (b > a && (isspace((unsigned char)text[b - 1]) || strchr("])*_.!:", text[b - 1]) != NULL))
		b--;
	if (a == b)
		return b < strlen(text) && strchr(text, '.') != NULL;   /* "..." */
	if (b - a >= sizeof buf)
		return false;
	for (; a < b; a++) {
		if (isspace((unsigned char)text[a])) {
			space = true;
			continue;
		}
		if (space && n > 0)
			buf[n++] = ' ';
		space = false;
		buf[n++] = (char)tolower((unsigned char)text[a]);
	}
	buf[n] = '\0';
	return wordlist_contains(l, buf);
}

static void
rule_missing(const struct run *r)
{
	int min = (int)framework_rule(r->fw, "min_examples_per_ecq", 1);
	size_t e, i;
	int f;

	for (e = 0; e < r->fw->n_ecqs; e++) {
		struct where w = { (int)e, -1, -1, 0, 0 };

		if (min > 0 && project_count_examples(r->p, (int)e) == 0)
			project_rules_emit(r->out, "missing_part", SEV_WARNING, &w,
			    "Add an example in the Challenge, Context, Action, Result model",
			    "ECQ %zu (%s) has no example", e + 1, project_rules_ecq_title(r, (int)e));
	}
	for (i = 0; i < r->p->n_examples; i++) {
		const struct example *ex = &r->p->examples[i];
		struct where w = { ex->ecq, ex->id, EX_TITLE, 0, 0 };

		if (project_rules_blank(ex->field[EX_TITLE]) || placeholder(r, ex->field[EX_TITLE]))
			project_rules_emit(r->out, "missing_part", SEV_INFO, &w,
			    "Give the example a short title naming the accomplishment",
			    "The example has no title");
		for (f = EX_CHALLENGE; f <= EX_RESULT; f++) {
			const char *hint = r->fw->ccar[f - EX_CHALLENGE];

			if (!project_rules_blank(ex->field[f]) && !placeholder(r, ex->field[f]))
				continue;
			w.field = f;
			w.length = strlen(ex->field[f]);
			project_rules_emit(r->out, "missing_part", SEV_WARNING, &w,
			    hint != NULL && hint[0] != '\0' ? hint : NULL,
			    project_rules_blank(ex->field[f]) ? "The %s is empty" : "The %s is only a placeholder",
			    project_field_name((enum example_field)f));
		}
	}
}

static bool
claims(const struct strlist *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcasecmp(l->items[i], name) == 0)
			return true;
	return false;
}

static void
rule_coverage(const struct run *r)
{
	double min = framework_rule(r->fw, "min_competency_coverage", 0.5);
	size_t e, c, i;

	for (e = 0; e < r->fw->n_ecqs; e++) {
		const struct strlist *comps = &r->fw->ecqs[e].competencies;
		size_t shown = 0, len = 0;
		bool tagged = false;
		char *missing;
		struct where w = { (int)e, -1, -1, 0, 0 };

		if (comps->n == 0 || project_count_examples(r->p, (int)e) == 0)
			continue;
		for (c = 0; c < comps->n; c++)
			len += strlen(comps->items[c]) + 2;
		missing = xcalloc(1, len + 1);
		for (c = 0; c < comps->n; c++) {
			bool found = false;

			for (i = 0; i < r->p->n_examples && !found; i++) {
				if (r->p->examples[i].ecq != (int)e)
					continue;
				if (r->p->examples[i].competencies.n > 0)
					tagged = true;
				if (claims(&r->p->examples[i].competencies, comps->items[c]))
					found = true;
			}
			if (found) {
				shown++;
			} else {
				if (missing[0] != '\0')
					strcat(missing, ", ");
				strcat(missing, comps->items[c]);
			}
		}
		/* Untagged examples cannot be judged (a draft has no tags unless it
		 * has "Competencies:" lines); the review asks the user instead. */
		if (tagged && (double)shown < min * (double)comps->n)
			project_rules_emit(r->out, "competency_coverage", SEV_WARNING, &w,
			    "Mark the competencies each example shows, and show more of them",
			    "The examples of ECQ %zu (%s) show %zu of its %zu competencies; not shown: %s",
			    e + 1, project_rules_ecq_title(r, (int)e), shown, comps->n, missing);
		free(missing);
	}
}

static size_t
count_words(const char *s)
{
	return text_count_words(s, strnlen(s, STORE_MAX_TEXT));
}

static void
rule_budget(const struct run *r)
{
	double tol = framework_rule(r->fw, "word_budget_tolerance", 1.5);
	size_t n = r->fw->n_ecqs, e, i, total = 0;
	size_t *words;
	int f;

	if (n < 2 || tol <= 0)
		return;
	words = xcalloc(n, sizeof *words);
	for (e = 0; e < n; e++)
		words[e] = count_words(r->p->intro[e]);
	for (i = 0; i < r->p->n_examples; i++) {
		const struct example *ex = &r->p->examples[i];

		if (ex->ecq < 0 || (size_t)ex->ecq >= n)
			continue;
		for (f = EX_TITLE; f < EX_FIELD_COUNT; f++)
			if (f != EX_START && f != EX_END)
				words[ex->ecq] += count_words(ex->field[f]);
	}
	/* A share only means something once every ECQ has been written. */
	for (e = 0; e < n; e++) {
		if (words[e] == 0)
			goto done;
		total += words[e];
	}
	for (e = 0; e < n; e++) {
		double share = (double)total / (double)n;
		struct where w = { (int)e, -1, -1, 0, 0 };

		if ((double)words[e] > tol * share)
			project_rules_emit(r->out, "word_budget", SEV_WARNING, &w,
			    "Cut this ECQ down, or give the others more room",
			    "ECQ %zu (%s) has %zu words, %.1f times its share of %.0f "
			    "(the narrative has %zu words)", e + 1, project_rules_ecq_title(r, (int)e),
			    words[e], (double)words[e] / share, share, total);
	}
done:
	free(words);
}

/* "Today": $ECQCOACH_TODAY (YYYY-MM-DD, for tests and for judging a
 * narrative as of a deadline) when set and valid, else the clock. */
static time_t
today(void)
{
	const char *s = getenv("ECQCOACH_TODAY");
	struct tm tm;
	int y, m, d;

	if (s != NULL && sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3 && y >= 1970 &&
	    m >= 1 && m <= 12 && d >= 1 && d <= 31) {
		memset(&tm, 0, sizeof tm);
		tm.tm_year = y - 1900;
		tm.tm_mon = m - 1;
		tm.tm_mday = d;
		tm.tm_hour = 12;
		return timegm(&tm);
	}
	return time(NULL);
}

void
project_rules_run(const struct project *p, const struct wordlists *lists, time_t now,
    struct findings *out)
{
	struct run r;

	if (p == NULL || p->fw == NULL)
		return;
	r.p = p;
	r.fw = p->fw;
	r.lists = lists;
	r.now = now != 0 ? now : today();
	r.out = out;
	rule_unquantified(&r);
	rule_too_many(&r);
	similarity_check_duplicates(&r);
	example_dates_check(&r);
	rule_intro(&r);
	definition_check(&r);
	rule_missing(&r);
	rule_coverage(&r);
	rule_budget(&r);
}
