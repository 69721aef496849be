/* SPDX-License-Identifier: MIT */
/*
 * bench/recheck.c: how long the engine takes to re-check one edited
 * paragraph, as the editor does on every keystroke (target: under 1 ms).
 * It types words into a paragraph of the clean sample narrative one
 * character at a time and times checker_check_text() after each keystroke,
 * with every rule and spelling on. Prints median, 95th percentile and
 * worst case. A benchmark, not a test.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checker.h"
#include "xalloc.h"

#define RECHECK_ROUNDS 3

static double
recheck_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int
recheck_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The longest "**Action:**" paragraph of the narrative, without its label. */
static char *
recheck_paragraph(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *best = NULL;
	size_t cap = 0;
	ssize_t got;

	if (f == NULL) {
		fprintf(stderr, "recheck: cannot read %s\n", path);
		exit(3);
	}
	while ((got = getline(&line, &cap, f)) > 0) {
		const char *label = "**Action:** ";

		if (strncmp(line, label, strlen(label)) != 0)
			continue;
		if (line[got - 1] == '\n')
			line[got - 1] = '\0';
		if (best == NULL || strlen(line + strlen(label)) > strlen(best)) {
			free(best);
			best = xstrdup(line + strlen(label));
		}
	}
	free(line);
	fclose(f);
	if (best == NULL) {
		fprintf(stderr, "recheck: no Action paragraph in %s\n", path);
		exit(3);
	}
	return best;
}

struct recheck_stats {
	double median, p95, worst;
	size_t n, findings;
};

/* Types the words one character at a time at the end of the paragraph,
 * re-checking after each keystroke. */
static struct recheck_stats
recheck_run(struct checker *ck, const char *para, const char *const *words)
{
	struct check_ctx ctx = { 0, 1, 5, "example.1.action" };
	struct recheck_stats st = { 0 };
	size_t cap = strlen(para) + 4096, len, n = 0, w, k, round;
	double *t = xcalloc(100000, sizeof *t);
	char *buf = xmalloc(cap);

	for (round = 0; round < RECHECK_ROUNDS; round++) {
		len = (size_t)snprintf(buf, cap, "%s", para);
		for (w = 0; words[w] != NULL; w++) {
			buf[len++] = ' ';
			for (k = 0; words[w][k] != '\0' && len + 2 < cap; k++) {
				struct findings fs;
				double t0;

				buf[len++] = words[w][k];
				buf[len] = '\0';
				findings_init(&fs);
				t0 = recheck_now_us();
				checker_check_text(ck, buf, len, &ctx, &fs);
				t[n++] = recheck_now_us() - t0;
				st.findings += fs.n;
				findings_free(&fs);
			}
		}
	}
	qsort(t, n, sizeof *t, recheck_cmp);
	st.n = n;
	st.median = t[n / 2];
	st.p95 = t[n * 95 / 100];
	st.worst = t[n - 1];
	free(t);
	free(buf);
	return st;
}

static void
recheck_print(const char *what, const struct recheck_stats *st)
{
	printf("  %-44s %6zu  %8.1f  %8.1f  %8.1f  %s\n", what, st->n, st->median, st->p95, st->worst,
	    st->p95 < 1000.0 ? "yes" : "NO");
}

int
main(int argc, char **argv)
{
	/* Words a candidate might type next, some misspelled on purpose. */
	static const char *const words[] = {
		"Then", "I", "negotiated", "a", "revised", "schedule", "with", "the", "contractor,",
		"recieved", "approval", "from", "the", "CFO,", "and", "utilized", "18", "volunteers",
		"to", "retest", "every", "managment", "report", "by", "June", "2023.", NULL
	};
	struct checker_options opt = { .user_words = "" };
	struct checker *ck;
	struct error err;
	struct recheck_stats st;
	char *path, *para;
	size_t n_words = 0;
	const char *p;

	if (argc < 2) {
		fprintf(stderr, "usage: recheck DATA_DIR (tests/data)\n");
		return 2;
	}
	path = xasprintf("%s/narrative-clean.md", argv[1]);
	para = recheck_paragraph(path);
	free(path);
	for (p = para; *p != '\0'; p++)
		n_words += (p == para || p[-1] == ' ') && *p != ' ';

	printf("re-check of one edited paragraph (%zu words, then 26 more typed a key at a time),\n"
	    "all rules and spelling, times in microseconds (target: under 1,000):\n", n_words);
	printf("  %-44s %6s  %8s  %8s  %8s  %s\n", "", "checks", "median", "p95", "worst", "< 1 ms");

	opt.no_suggestions = true;
	if (checker_new(&opt, &ck, &err) != 0) {
		fprintf(stderr, "recheck: %s\n", err.msg);
		return 3;
	}
	if (checker_warning(ck) != NULL)
		fprintf(stderr, "recheck: warning: %s\n", checker_warning(ck));
	st = recheck_run(ck, para, words);
	recheck_print("as the editor runs it (suggestions on demand)", &st);
	checker_free(ck);

	opt.no_suggestions = false;
	if (checker_new(&opt, &ck, &err) != 0) {
		fprintf(stderr, "recheck: %s\n", err.msg);
		return 3;
	}
	st = recheck_run(ck, para, words);
	recheck_print("with hunspell suggestions on every finding", &st);
	checker_free(ck);
	free(para);
	return 0;
}
