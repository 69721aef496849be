/* SPDX-License-Identifier: MIT */
/*
 * plan.c: reads workshop plans (INI, through inisrc.c, so every error names
 * the file and the line), checks that each step names what it needs, expands
 * steps for every ECQ, and does the clock arithmetic. Never prints.
 */
#include "config.h"
#include "plan.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "bounded.h"
#include "framework.h"
#include "inisrc.h"
#include "xalloc.h"

static const char *const open_names[PLAN_OPEN_COUNT] = {
	[PLAN_NAME] = "name",
	[PLAN_DEFINITION] = "definition",
	[PLAN_QUESTIONS] = "questions",
	[PLAN_EXAMPLES] = "examples",
	[PLAN_TITLE] = "title",
	[PLAN_DATES] = "dates",
	[PLAN_COMPETENCIES] = "competencies",
	[PLAN_CHALLENGE] = "challenge",
	[PLAN_CONTEXT] = "context",
	[PLAN_ACTION] = "action",
	[PLAN_RESULT] = "result",
	[PLAN_ECQ_REVIEW] = "ecq-review",
	[PLAN_REVIEW] = "review",
	[PLAN_EXPORT] = "export",
	[PLAN_BREAK] = "break",
	[PLAN_CARD] = "card",
	[PLAN_REHEARSE] = "rehearse",
	[PLAN_RESUME] = "resume",
};

static const char *const open_labels[PLAN_OPEN_COUNT] = {
	[PLAN_NAME] = "Name and position",
	[PLAN_DEFINITION] = "Definition",
	[PLAN_QUESTIONS] = "Focus questions",
	[PLAN_EXAMPLES] = "Examples",
	[PLAN_TITLE] = "Title",
	[PLAN_DATES] = "Dates",
	[PLAN_COMPETENCIES] = "Competencies",
	[PLAN_CHALLENGE] = "Challenge",
	[PLAN_CONTEXT] = "Context",
	[PLAN_ACTION] = "Action",
	[PLAN_RESULT] = "Result",
	[PLAN_ECQ_REVIEW] = "ECQ review",
	[PLAN_REVIEW] = "The whole review",
	[PLAN_EXPORT] = "Export",
	[PLAN_BREAK] = "Break",
	[PLAN_CARD] = "Interview card",
	[PLAN_REHEARSE] = "Rehearsal",
	[PLAN_RESUME] = "Résumé",
};

struct parse {
	struct ini_src src;
	struct plan *plan;
	struct plan_step *step;         /* section being filled, or NULL */
	bool in_plan;                   /* in [plan] */
	bool seen_plan;
	bool has_open, has_ecq;         /* of the current step */
	bool has_framework;
	unsigned seen_sections;
	char last_key[64];
};

#define fail(p, ...) ini_src_fail(&(p)->src, __VA_ARGS__)

const char *
plan_open_name(enum plan_open o)
{
	return (int)o >= 0 && o < PLAN_OPEN_COUNT ? open_names[o] : "";
}

bool
plan_open_is_example(enum plan_open o)
{
	return o >= PLAN_TITLE && o <= PLAN_RESULT;
}

bool
plan_open_has_example(enum plan_open o)
{
	return plan_open_is_example(o) || o == PLAN_CARD || o == PLAN_REHEARSE;
}

static bool
open_needs_ecq(enum plan_open o)
{
	return o == PLAN_DEFINITION || o == PLAN_QUESTIONS || o == PLAN_EXAMPLES
	    || o == PLAN_ECQ_REVIEW || plan_open_has_example(o);
}

static int
set_text(struct parse *p, char **dst, const char *value)
{
	if (p->src.continuation && *dst != NULL)
		ini_src_append(dst, value);
	else if (*dst != NULL)
		return fail(p, "'%s' is given twice", p->last_key);
	else
		*dst = xstrdup(value);
	return 1;
}

/* A whole decimal number in [lo, hi]; -1 otherwise. */
static long
parse_number(const char *s, long lo, long hi)
{
	char *end;
	long v;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < lo || v > hi)
		return -1;
	return v;
}

static int
handle_plan(struct parse *p, const char *name, const char *value)
{
	struct plan *pl = p->plan;

	if (strcmp(name, "title") == 0)
		return set_text(p, &pl->title, value);
	if (strcmp(name, "about") == 0)
		return set_text(p, &pl->about, value);
	if (strcmp(name, "framework") == 0) {
		if (p->has_framework)
			return fail(p, "'framework' is given twice");
		p->has_framework = true;
		if (strcmp(value, "any") == 0)
			return 1;
		if (*value == '\0' || strchr(value, ' ') != NULL)
			return fail(p, "framework must be a framework id (e.g. ses-2025) or 'any'");
		pl->framework = xstrdup(value);
		return 1;
	}
	return fail(p, "unknown key '%s' in [plan] (title, framework, about)", name);
}

static int
parse_ecq(struct parse *p, const char *value)
{
	struct plan_step *s = p->step;
	const char *dash = strchr(value, '-');
	char first[16];
	long a, b;

	if (p->has_ecq)
		return fail(p, "'ecq' is given twice");
	p->has_ecq = true;
	if (strcmp(value, "each") == 0) {
		s->ecq = 0;
		s->ecq_last = -2;
		return 1;
	}
	if (dash == NULL) {
		a = parse_number(value, 1, 99);
		b = a;
	} else {
		if ((size_t)(dash - value) >= sizeof first)
			a = -1;
		else {
			memcpy(first, value, (size_t)(dash - value));
			first[dash - value] = '\0';
			a = parse_number(first, 1, 99);
		}
		b = parse_number(dash + 1, 1, 99);
	}
	if (a < 0 || b < 0 || b < a)
		return fail(p, "ecq must be 'each', a number (1 for the first ECQ) or a range "
		    "like 2-3, not '%s'", value);
	s->ecq = (int)a - 1;
	s->ecq_last = (int)b - 1;
	return 1;
}

static int
handle_step(struct parse *p, const char *name, const char *value)
{
	struct plan_step *s = p->step;
	long v;
	int i;

	if (strcmp(name, "say") == 0)
		return set_text(p, &s->say, value);
	if (strcmp(name, "open") == 0) {
		if (p->has_open)
			return fail(p, "'open' is given twice");
		for (i = 0; i < PLAN_OPEN_COUNT; i++)
			if (strcmp(value, open_names[i]) == 0) {
				s->open = (enum plan_open)i;
				p->has_open = true;
				return 1;
			}
		return fail(p, "cannot open '%s': use name, definition, questions, examples, "
		    "title, dates, competencies, challenge, context, action, result, ecq-review, "
		    "review, export, break, card, rehearse or resume", value);
	}
	if (strcmp(name, "minutes") == 0) {
		v = parse_number(value, 0, PLAN_MAX_MINUTES);
		if (v < 0)
			return fail(p, "minutes must be a whole number from 0 to %d, not '%s'",
			    PLAN_MAX_MINUTES, value);
		s->minutes = (int)v;
		return 1;
	}
	if (strcmp(name, "ecq") == 0)
		return parse_ecq(p, value);
	if (strcmp(name, "session") == 0) {
		if (strcmp(value, "new") != 0)
			return fail(p, "session can only be 'new' (a new session starts here), not '%s'",
			    value);
		s->session = true;
		return 1;
	}
	if (strcmp(name, "example") == 0) {
		v = parse_number(value, 1, 2);
		if (v < 0)
			return fail(p, "example must be 1 or 2, not '%s'", value);
		s->example = (int)v - 1;
		return 1;
	}
	if (strcmp(name, "optional") == 0) {
		if (strcmp(value, "yes") == 0)
			s->optional = true;
		else if (strcmp(value, "no") == 0)
			s->optional = false;
		else
			return fail(p, "optional must be yes or no, not '%s'", value);
		return 1;
	}
	if (strcmp(name, "shape") == 0) {
		for (i = 0; i < DOC_SHAPES; i++)
			if (strcmp(value, framework_doc_shape_name((enum doc_shape)i)) == 0) {
				s->shape = i;
				return 1;
			}
		return fail(p, "shape must be narrative, resume or interview, not '%s'", value);
	}
	return fail(p, "unknown key '%s' in [step %d] (open, say, minutes, ecq, example, "
	    "optional, session, shape)", name, s->number);
}

/* Sentences in an instruction: an end mark followed by the end or a space
 * and a capital letter ("e.g. the" does not end one). */
static int
count_sentences(const char *s)
{
	int n = 0;
	const char *q;

	for (; *s != '\0'; s++) {
		if (*s != '.' && *s != '?' && *s != '!')
			continue;
		q = s + 1;
		while (*q == '"' || *q == ')')
			q++;
		if (*q == '\0') {
			n++;
			continue;
		}
		if (*q != ' ' && *q != '\n')
			continue;
		while (*q == ' ' || *q == '\n')
			q++;
		if (*q == '\0' || isupper((unsigned char)*q))
			n++;
	}
	return n;
}

/* Checks the step just finished: what it opens needs (or must not have)
 * an ECQ and an example, and an instruction of one to three sentences. */
static int
finish_step(struct parse *p)
{
	struct plan_step *s = p->step;
	const char *o;
	int n;

	if (s == NULL)
		return 0;
	p->step = NULL;
	o = plan_open_name(s->open);
#define step_fail(...) error_set(p->src.err, ERR_FORMAT, __VA_ARGS__)
	if (!p->has_open)
		return step_fail("%s:%d: [step %d] has no 'open' (what the step opens)",
		    p->src.name, s->line, s->number);
	if (s->say == NULL || *s->say == '\0')
		return step_fail("%s:%d: [step %d] has no 'say' (the instruction for the room)",
		    p->src.name, s->line, s->number);
	n = count_sentences(s->say);
	if (n > 3)
		return step_fail("%s:%d: [step %d]: 'say' has %d sentences; keep it to one to three",
		    p->src.name, s->line, s->number, n);
	if (open_needs_ecq(s->open) && !p->has_ecq)
		return step_fail("%s:%d: [step %d] opens %s but names no ECQ (ecq = each, a number "
		    "or a range)", p->src.name, s->line, s->number, o);
	if (!open_needs_ecq(s->open) && p->has_ecq)
		return step_fail("%s:%d: [step %d] opens %s, which belongs to no ECQ; remove 'ecq'",
		    p->src.name, s->line, s->number, o);
	if (plan_open_has_example(s->open) && s->example < 0)
		return step_fail("%s:%d: [step %d] opens %s but names no example (example = 1 or 2)",
		    p->src.name, s->line, s->number, o);
	if (!plan_open_has_example(s->open) && s->example >= 0)
		return step_fail("%s:%d: [step %d] opens %s, which belongs to no example; remove "
		    "'example'", p->src.name, s->line, s->number, o);
	if (s->session && s->ecq >= 0 && s->ecq_last != s->ecq)
		return step_fail("%s:%d: [step %d]: a new session cannot start on a step repeated "
		    "for several ECQs; put it on a step before them", p->src.name, s->line, s->number);
	if (s->optional && s->example < 0)
		return step_fail("%s:%d: [step %d]: 'optional' needs an example", p->src.name,
		    s->line, s->number);
#undef step_fail
	return 0;
}

/* An error about a section header: names the header's line, not the line
 * of the first key below it, where libinih tells us about the section. */
static int section_fail(struct parse *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
section_fail(struct parse *p, const char *fmt, ...)
{
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (!p->src.failed)
		error_set(p->src.err, ERR_FORMAT, "%s:%d: %s", p->src.name, p->src.section_line, what);
	p->src.failed = true;
	return 0;
}

static int
enter_section(struct parse *p, const char *section)
{
	struct plan *pl = p->plan;
	struct plan_step *s;
	long num;

	if (finish_step(p) != 0) {
		p->src.failed = true;
		return 0;
	}
	p->seen_sections = p->src.sections;
	p->last_key[0] = '\0';
	p->in_plan = false;
	p->has_open = p->has_ecq = false;
	if (strcmp(section, "plan") == 0) {
		if (p->seen_plan)
			return section_fail(p, "section [plan] appears twice");
		p->seen_plan = p->in_plan = true;
		return 1;
	}
	if (strncmp(section, "step ", 5) != 0)
		return section_fail(p, "unknown section [%s]; a plan has [plan] and [step 1], [step 2]...",
		    section);
	num = parse_number(section + 5, 1, PLAN_MAX_STEPS);
	if (num < 0)
		return section_fail(p, "[%s]: a step's number is a whole number, like [step 3]", section);
	if ((size_t)num != pl->n_steps + 1)
		return section_fail(p, "[%s] comes after [step %zu]; number the steps 1, 2, 3... in order",
		    section, pl->n_steps);
	pl->steps = xreallocarray(pl->steps, pl->n_steps + 1, sizeof *pl->steps);
	s = &pl->steps[pl->n_steps++];
	memset(s, 0, sizeof *s);
	s->ecq = -1;
	s->ecq_last = -1;
	s->example = -1;
	s->shape = -1;
	s->number = (int)num;
	s->line = p->src.section_line;
	p->step = s;
	return 1;
}

static int
handler(void *user, const char *section, const char *name, const char *value)
{
	struct parse *p = user;
	int rc;

	if (p->src.failed)
		return 1;
	if (u8_check((const uint8_t *)value, strlen(value)) != NULL)
		return fail(p, "%s", "text is not valid UTF-8");
	if (section[0] == '\0')
		return fail(p, "'%s' comes before any [section]", name);
	if (p->src.sections != p->seen_sections)
		if (!enter_section(p, section))
			return 0;
	if (p->src.continuation && strcmp(name, p->last_key) != 0)
		p->src.continuation = false;
	if (p->in_plan)
		rc = handle_plan(p, name, value);
	else if (p->step != NULL)
		rc = handle_step(p, name, value);
	else
		rc = fail(p, "'%s' is outside any [step N]", name);
	snprintf(p->last_key, sizeof p->last_key, "%s", name);
	return rc;
}

static int
validate(struct parse *p)
{
	struct plan *pl = p->plan;

	if (finish_step(p) != 0)
		return -1;
	if (!p->seen_plan)
		return error_set(p->src.err, ERR_FORMAT, "%s: no [plan] section (title, framework)",
		    p->src.name);
	if (pl->title == NULL)
		return error_set(p->src.err, ERR_FORMAT, "%s: [plan] has no title", p->src.name);
	if (!p->has_framework)
		return error_set(p->src.err, ERR_FORMAT, "%s: [plan] has no framework (an id such "
		    "as ses-2025, or any)", p->src.name);
	if (pl->n_steps == 0)
		return error_set(p->src.err, ERR_FORMAT, "%s: the plan has no [step 1]", p->src.name);
	if (pl->about == NULL)
		pl->about = xstrdup("");
	return 0;
}

int
plan_parse(const char *text, size_t len, const char *name, struct plan *out,
    struct error *err)
{
	struct parse p;

	memset(out, 0, sizeof *out);
	memset(&p, 0, sizeof p);
	p.src.text = text;
	p.src.len = len;
	p.src.name = name;
	p.src.err = err;
	p.plan = out;
	if (ini_src_run(&p.src, handler, &p) != 0 || validate(&p) != 0) {
		plan_free(out);
		return -1;
	}
	return 0;
}

int
plan_load_file(const char *path, struct plan *out, struct error *err)
{
	FILE *f;
	char *buf = NULL;
	size_t len = 0;
	int rc;

	memset(out, 0, sizeof *out);
	f = fopen(path, "rb");
	if (f == NULL)
		return error_set(err, ERR_NOTFOUND, "cannot read the plan %s: %s", path,
		    strerror(errno));
	rc = bounded_read(f, path, "a plan file", BOUNDED_FRAMEWORK_MAX, &buf, &len, err);
	fclose(f);
	if (rc != 0)
		return -1;
	rc = plan_parse(buf, len, path, out, err);
	free(buf);
	return rc;
}

char *
plan_path(const char *ref, const char *data_dir)
{
	size_t n = strlen(ref);

	if (strchr(ref, '/') != NULL || (n > 4 && strcmp(ref + n - 4, ".ini") == 0))
		return xstrdup(ref);
	return xasprintf("%s/prompts/plans/%s.ini", data_dir, ref);
}

static void
push_step(struct plan *out, const struct plan_step *s, int ecq)
{
	struct plan_step *d;

	out->steps = xreallocarray(out->steps, out->n_steps + 1, sizeof *out->steps);
	d = &out->steps[out->n_steps++];
	*d = *s;
	d->ecq = ecq;
	d->ecq_last = ecq;
	d->say = xstrdup(s->say);
}

int
plan_expand(const struct plan *in, const char *name, const char *fw_id, size_t n_ecqs,
    struct plan *out, struct error *err)
{
	return plan_expand_shapes(in, name, fw_id, n_ecqs, ~0u, out, err);
}

int
plan_expand_shapes(const struct plan *in, const char *name, const char *fw_id,
    size_t n_ecqs, unsigned shapes, struct plan *out, struct error *err)
{
	size_t i, j, k;
	int first, last, e;

	memset(out, 0, sizeof *out);
	if (in->framework != NULL && fw_id != NULL && strcmp(in->framework, fw_id) != 0)
		return error_set(err, ERR_USAGE, "the plan %s is for the %s framework and this "
		    "project uses %s; choose a plan for %s or one for any framework (self-paced)",
		    name, in->framework, fw_id, fw_id);
	for (i = 0; i < in->n_steps; i = j) {
		const struct plan_step *s = &in->steps[i];

		if (s->ecq < 0) {
			if (s->shape < 0 || (shapes & (1u << s->shape)))
				push_step(out, s, -1);
			j = i + 1;
			continue;
		}
		for (j = i + 1; j < in->n_steps && in->steps[j].ecq == s->ecq
		    && in->steps[j].ecq_last == s->ecq_last; j++)
			;
		first = s->ecq;
		last = s->ecq_last == -2 ? (int)n_ecqs - 1 : s->ecq_last;
		if (last >= (int)n_ecqs) {
			plan_free(out);
			return error_set(err, ERR_FORMAT, "%s:%d: [step %d] names ECQ %d, but the "
			    "framework %s has %zu", name, s->line, s->number, last + 1,
			    fw_id != NULL ? fw_id : "", n_ecqs);
		}
		for (e = first; e <= last; e++)
			for (k = i; k < j; k++) {
				if (out->n_steps >= PLAN_MAX_STEPS) {
					plan_free(out);
					return error_set(err, ERR_FORMAT, "%s: more than %d steps once "
					    "repeated for every ECQ", name, PLAN_MAX_STEPS);
				}
				if (in->steps[k].shape >= 0
				    && !(shapes & (1u << in->steps[k].shape)))
					continue;       /* a shape this framework does not ask for */
				push_step(out, &in->steps[k], e);
			}
	}
	out->title = xstrdup(in->title);
	out->framework = in->framework != NULL ? xstrdup(in->framework) : NULL;
	out->about = xstrdup(in->about != NULL ? in->about : "");
	return 0;
}

void
plan_free(struct plan *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->n_steps; i++)
		free(p->steps[i].say);
	free(p->steps);
	free(p->title);
	free(p->framework);
	free(p->about);
	memset(p, 0, sizeof *p);
}

void
plan_step_label(const struct plan_step *s, char *buf, size_t n)
{
	const char *what = (int)s->open >= 0 && s->open < PLAN_OPEN_COUNT ? open_labels[s->open] : "";

	if (s->ecq >= 0 && s->example >= 0)
		snprintf(buf, n, "ECQ %d, example %d: %s", s->ecq + 1, s->example + 1, what);
	else if (s->ecq >= 0)
		snprintf(buf, n, "ECQ %d: %s", s->ecq + 1, what);
	else
		snprintf(buf, n, "%s", what);
}

size_t
plan_session_first(const struct plan *p, size_t k)
{
	size_t i;

	if (k >= p->n_steps)
		k = p->n_steps > 0 ? p->n_steps - 1 : 0;
	for (i = k; i > 0; i--)
		if (p->steps[i].session)
			return i;
	return 0;
}

long
plan_offset_minutes(const struct plan *p, size_t k)
{
	long m = 0;
	size_t i;

	for (i = plan_session_first(p, k); i < k && i < p->n_steps; i++)
		m += p->steps[i].minutes;
	return m;
}

bool
plan_is_timed(const struct plan *p)
{
	size_t i;

	for (i = 0; i < p->n_steps; i++)
		if (p->steps[i].minutes > 0)
			return true;
	return false;
}

size_t
plan_room_step(const struct plan *p, size_t k, long long elapsed)
{
	long long end = 0;
	size_t i = plan_session_first(p, k);

	if (elapsed < 0)
		return i;
	for (; i < p->n_steps; i++) {
		if (i > k && p->steps[i].session)
			return i;       /* this session is over */
		end += (long long)p->steps[i].minutes * 60;
		if (elapsed < end)
			return i;
	}
	return p->n_steps;
}

int
plan_parse_start(const char *hhmm, time_t now, time_t *out, struct error *err)
{
	struct tm tm;
	long h, m;
	const char *colon = strchr(hhmm, ':');
	char hours[4];

	if (colon == NULL || colon - hhmm < 1 || colon - hhmm > 2 || strlen(colon + 1) != 2)
		goto bad;
	memcpy(hours, hhmm, (size_t)(colon - hhmm));
	hours[colon - hhmm] = '\0';
	h = parse_number(hours, 0, 23);
	m = parse_number(colon + 1, 0, 59);
	if (h < 0 || m < 0)
		goto bad;
	if (localtime_r(&now, &tm) == NULL)
		goto bad;
	tm.tm_hour = (int)h;
	tm.tm_min = (int)m;
	tm.tm_sec = 0;
	tm.tm_isdst = -1;
	*out = mktime(&tm);
	if (*out == (time_t)-1)
		goto bad;
	return 0;
bad:
	return error_set(err, ERR_USAGE, "--plan-start wants a time of day as HH:MM (e.g. 09:00), "
	    "not '%s'", hhmm);
}
