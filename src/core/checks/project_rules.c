/* SPDX-License-Identifier: MIT */
/*
 * project_rules.c: the rules that look at a whole narrative: their table,
 * the run that calls them in order, and what they share (emitting a
 * finding, the words of a text). The rules themselves are in similarity.c,
 * example_dates.c, definition.c, parts.c and proportions.c (project_run.h).
 * Limits come from the project's framework; word lists from dictionaries/.
 * Prints nothing and keeps no state between calls.
 */
#include "config.h"
#include "checks/project_rules.h"
#include "checks/project_run.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hash.h"
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
	return hash_bytes(s, strlen(s));
}

/* ---- shared by the rules ------------------------------------------------ */

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

/* ---- the run ------------------------------------------------------------ */

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
	parts_check_unquantified(&r);
	proportions_check_too_many(&r);
	similarity_check_duplicates(&r);
	example_dates_check(&r);
	proportions_check_intro(&r);
	definition_check(&r);
	parts_check_missing(&r);
	parts_check_coverage(&r);
	proportions_check_budget(&r);
}
