/* SPDX-License-Identifier: MIT */
/*
 * bench/export.c: times what issue 5 promises: a 10-page narrative exported
 * to PDF (target under 200 ms) and the page meter after one edit with the
 * layout cache (target under 20 ms). Prints figures; not a test.
 * Usage: bench/export [SRCDIR]   (SRCDIR holds prompts/; default ".")
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export.h"
#include "layout.h"
#include "layout_fixture.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

#define RUNS 15

int
main(int argc, char **argv)
{
	const char *srcdir = argc > 1 ? argv[1] : ".";
	char dir[] = "/tmp/ecqbench.XXXXXX", path[256], cmd[300];
	double t[RUNS], t0, cold;
	struct layout_cache *c;
	struct layout_result r;
	struct export_output out;
	struct error err;
	struct store *st;
	const struct example *ex;
	int i, sent, paras = 2;
	size_t laid, reused;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/bench.ecq", dir);
	/* Grow the CCAR parts until the narrative fills exactly 10 pages
	 * (or, failing that, first passes 10). */
	st = NULL;
	for (sent = 2; sent <= 20 && st == NULL; sent++) {
		for (paras = 1; paras <= 3; paras++) {
			int pages;

			remove(path);
			st = fixture_project(srcdir, path, paras, sent, &err);
			if (st == NULL) {
				fprintf(stderr, "bench: %s\n", err.msg);
				return 1;
			}
			if (layout_pages(NULL, store_project(st), NULL, &r, &err) != 0) {
				fprintf(stderr, "bench: %s\n", err.msg);
				return 1;
			}
			pages = r.pages;
			layout_result_free(&r);
			if (pages == 10 || (pages > 10 && sent == 20))
				break;
			store_close(st);
			st = NULL;
		}
	}
	if (st == NULL) {
		fprintf(stderr, "bench: no fixture of 10 pages\n");
		return 1;
	}
	sent--;

	/* PDF export, the first run paying for fontconfig, then warm runs. */
	t0 = now_ms();
	if (export_render(NULL, store_project(st), EXPORT_PDF, NULL, &out, &err) != 0) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	cold = now_ms() - t0;
	printf("narrative: %d pages, %zu bytes of PDF\n", out.pages, out.len);
	export_output_free(&out);
	for (i = 0; i < RUNS; i++) {
		t0 = now_ms();
		export_render(NULL, store_project(st), EXPORT_PDF, NULL, &out, &err);
		t[i] = now_ms() - t0;
		export_output_free(&out);
	}
	qsort(t, RUNS, sizeof(t[0]), cmp_double);
	printf("export to PDF: first %.1f ms, median %.1f ms, max %.1f ms "
	    "(target < 200 ms)\n", cold, t[RUNS / 2], t[RUNS - 1]);

	/* Page meter: layout with the cache after one edit. */
	c = layout_cache_new();
	layout_pages(c, store_project(st), NULL, &r, &err);
	layout_result_free(&r);
	ex = project_example_at(store_project(st), 2, 0);
	for (i = 0; i < RUNS; i++) {
		char *text = fixture_text(paras, sent, 1000 + i);

		if (store_set_example_field(st, ex->id, EX_ACTION, text, &err) != 0) {
			fprintf(stderr, "bench: %s\n", err.msg);
			return 1;
		}
		free(text);
		ex = project_example_at(store_project(st), 2, 0);
		t0 = now_ms();
		layout_pages(c, store_project(st), NULL, &r, &err);
		t[i] = now_ms() - t0;
		layout_result_free(&r);
	}
	qsort(t, RUNS, sizeof(t[0]), cmp_double);
	layout_cache_stats(c, &laid, &reused);
	printf("page meter after one edit (cached): median %.2f ms, max %.2f ms "
	    "(target < 20 ms; %zu ECQs laid out, %zu reused)\n",
	    t[RUNS / 2], t[RUNS - 1], laid, reused);
	layout_cache_free(c);

	for (i = 0; i < RUNS; i++) {
		t0 = now_ms();
		layout_pages(NULL, store_project(st), NULL, &r, &err);
		t[i] = now_ms() - t0;
		layout_result_free(&r);
	}
	qsort(t, RUNS, sizeof(t[0]), cmp_double);
	printf("page meter without the cache: median %.2f ms\n", t[RUNS / 2]);

	store_close(st);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}
