/* SPDX-License-Identifier: MIT */
/*
 * eval_import.c: the import-structure part of `make eval`. Reads each draft
 * named in tests/data/drafts/structure.key, builds it in memory as `check
 * DRAFT` does, and scores what was found against the key: the framework,
 * the number of examples in each ECQ, the CCAR parts and the start date of
 * each example, and whether any prose under an ECQ fell out of the counts
 * (into the unsorted note). Prints figures only; -v lists every miss.
 */
#include "config.h"
#include "eval_import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "framework.h"
#include "importer.h"
#include "paths.h"
#include "xalloc.h"

/* One draft as imported. */
struct eval_draft {
	char *name;
	const struct framework *fw;
	struct project *p;
	struct importer_report rep;
	bool *ecq_in_key;       /* [fw->n_ecqs] */
};

struct eval_tally {
	size_t right[5], total[5];
};

enum { EV_FRAMEWORK, EV_ECQ, EV_PARTS, EV_DATES, EV_KEPT };
static const char *const eval_what[] = {
	"framework", "examples per ECQ", "CCAR parts", "example dates", "nothing unsorted"
};

static void
eval_score(struct eval_tally *t, int what, bool ok, bool verbose, const char *draft,
    const char *detail)
{
	t->total[what]++;
	t->right[what] += ok;
	if (!ok && verbose)
		printf("    miss %s: %s: %s\n", draft, eval_what[what], detail);
}

static void
eval_draft_free(struct eval_draft *d)
{
	if (d->name == NULL)
		return;
	project_free(d->p);
	importer_report_free(&d->rep);
	free(d->ecq_in_key);
	free(d->name);
	memset(d, 0, sizeof *d);
}

/* Scores what the key does not list: ECQs found with examples that the key
 * does not expect, and prose under an ECQ that went to the unsorted note. */
static void
eval_draft_finish(struct eval_draft *d, struct eval_tally *t, bool verbose)
{
	size_t i, first_ecq = (size_t)-1, lost = 0;
	char buf[160];

	if (d->name == NULL)
		return;
	for (i = 0; i < d->fw->n_ecqs; i++) {
		if (d->ecq_in_key[i] || project_example_at(d->p, (int)i, 0) == NULL)
			continue;
		snprintf(buf, sizeof buf, "ECQ %zu has examples the key does not list", i + 1);
		eval_score(t, EV_ECQ, false, verbose, d->name, buf);
	}
	for (i = 0; i < d->rep.n_items; i++) {
		const struct importer_item *it = &d->rep.items[i];

		if (it->kind == IMPORTER_ECQ && first_ecq == (size_t)-1)
			first_ecq = it->line;
		if (it->kind == IMPORTER_UNSORTED && first_ecq != (size_t)-1)
			lost++;
	}
	snprintf(buf, sizeof buf, "%zu line%s under an ECQ went to the unsorted note", lost,
	    lost == 1 ? "" : "s");
	eval_score(t, EV_KEPT, lost == 0, verbose, d->name, buf);
	eval_draft_free(d);
}

static bool
eval_draft_load(struct eval_draft *d, const struct framework_set *set, const char *dir,
    const char *name)
{
	char *path = xasprintf("%s/%s", dir, name), *text;
	struct error err;
	size_t len;

	memset(d, 0, sizeof *d);
	if (importer_read_file(path, &text, &len, &err) != 0) {
		fprintf(stderr, "eval: %s\n", err.msg);
		free(path);
		return false;
	}
	free(path);
	d->fw = importer_guess_framework(set, text, len, NULL);
	if (d->fw == NULL || importer_build(d->fw, text, len, &d->p, &d->rep, &err) != 0) {
		fprintf(stderr, "eval: cannot build %s\n", name);
		importer_report_free(&d->rep);
		free(text);
		return false;
	}
	free(text);
	d->name = xstrdup(name);
	d->ecq_in_key = xcalloc(d->fw->n_ecqs + 1, sizeof *d->ecq_in_key);
	return true;
}

static size_t
eval_examples_in(const struct project *p, int ecq)
{
	size_t n = 0;

	while (project_example_at(p, ecq, n) != NULL)
		n++;
	return n;
}

/* "CXAR": the CCAR parts an example has. */
static void
eval_parts(const struct example *e, char out[8])
{
	static const char letters[] = { 'C', 'X', 'A', 'R' };
	size_t n = 0;
	int f;

	for (f = EX_CHALLENGE; f <= EX_RESULT; f++)
		if (e->field[f] != NULL && e->field[f][0] != '\0')
			out[n++] = letters[f - EX_CHALLENGE];
	if (n == 0)
		out[n++] = '-';
	out[n] = '\0';
}

static void
eval_key_line(struct eval_draft *d, struct eval_tally *t, bool verbose, char **col, int n)
{
	char buf[200];

	if (n >= 3 && strcmp(col[1], "framework") == 0) {
		snprintf(buf, sizeof buf, "expected %s, chose %s", col[2], d->fw->id);
		eval_score(t, EV_FRAMEWORK, strcmp(d->fw->id, col[2]) == 0, verbose, d->name, buf);
	} else if (n >= 4 && strcmp(col[1], "ecq") == 0) {
		int ecq = atoi(col[2]) - 1;
		size_t want = (size_t)atoi(col[3]), got;

		if (ecq < 0 || (size_t)ecq >= d->fw->n_ecqs) {
			eval_score(t, EV_ECQ, false, verbose, d->name, "ECQ not in the chosen framework");
			return;
		}
		d->ecq_in_key[ecq] = true;
		got = eval_examples_in(d->p, ecq);
		snprintf(buf, sizeof buf, "ECQ %d: expected %zu examples, found %zu", ecq + 1, want, got);
		eval_score(t, EV_ECQ, got == want, verbose, d->name, buf);
	} else if (n >= 5 && strcmp(col[1], "example") == 0) {
		int ecq = atoi(col[2]) - 1;
		const char *dot = strchr(col[2], '.');
		size_t k = dot != NULL ? (size_t)atoi(dot + 1) - 1 : 0;
		const struct example *e = ecq >= 0 && (size_t)ecq < d->fw->n_ecqs ?
		    project_example_at(d->p, ecq, k) : NULL;
		char parts[8], start[8];

		if (e == NULL) {
			snprintf(buf, sizeof buf, "example %s not found", col[2]);
			eval_score(t, EV_PARTS, false, verbose, d->name, buf);
			eval_score(t, EV_DATES, false, verbose, d->name, buf);
			return;
		}
		eval_parts(e, parts);
		snprintf(buf, sizeof buf, "example %s: expected parts %s, found %s", col[2], col[3], parts);
		eval_score(t, EV_PARTS, strcmp(parts, col[3]) == 0, verbose, d->name, buf);
		snprintf(start, sizeof start, "%.4s", e->field[EX_START][0] != '\0' ? e->field[EX_START] : "-");
		snprintf(buf, sizeof buf, "example %s: expected start %s, found %s", col[2], col[4], start);
		eval_score(t, EV_DATES, strcmp(start, col[4]) == 0, verbose, d->name, buf);
	}
}

void
eval_import_structure(const char *data, bool verbose)
{
	struct framework_set set;
	struct eval_tally t;
	struct eval_draft d;
	struct error err;
	char *dir = paths_data_file("prompts"), *drafts, *key, *line = NULL;
	size_t cap = 0, right = 0, total = 0, n_drafts = 0;
	ssize_t got;
	FILE *f;
	int i;

	memset(&t, 0, sizeof t);
	memset(&d, 0, sizeof d);
	if (framework_set_load(dir, &set, &err) != 0) {
		fprintf(stderr, "eval: %s\n", err.msg);
		exit(3);
	}
	free(dir);
	drafts = xasprintf("%s/drafts", data);
	key = xasprintf("%s/structure.key", drafts);
	f = fopen(key, "r");
	if (f == NULL) {
		fprintf(stderr, "eval: cannot read %s: %s\n", key, strerror(errno));
		exit(3);
	}
	printf("\nimport structure (%s):\n", key);
	while ((got = getline(&line, &cap, f)) > 0) {
		char *col[6], *s = line;
		int n = 0;

		if (line[got - 1] == '\n')
			line[got - 1] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		while (n < 6 && s != NULL) {
			col[n++] = s;
			s = strchr(s, '\t');
			if (s != NULL)
				*s++ = '\0';
		}
		if (d.name == NULL || strcmp(d.name, col[0]) != 0) {
			eval_draft_finish(&d, &t, verbose);
			if (!eval_draft_load(&d, &set, drafts, col[0]))
				continue;
			n_drafts++;
		}
		eval_key_line(&d, &t, verbose, col, n);
	}
	eval_draft_finish(&d, &t, verbose);
	fclose(f);
	for (i = 0; i < 5; i++) {
		printf("  %-18s %4zu of %4zu\n", eval_what[i], t.right[i], t.total[i]);
		right += t.right[i];
		total += t.total[i];
	}
	printf("  import structure: %zu drafts, %zu of %zu right (%.1f%%, target 95%%)%s\n",
	    n_drafts, right, total, total ? 100.0 * (double)right / (double)total : 100.0,
	    verbose || right == total ? "" : " (-v lists the misses)");
	free(line);
	free(key);
	free(drafts);
	framework_set_free(&set);
}
