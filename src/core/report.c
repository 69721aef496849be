/* SPDX-License-Identifier: MIT */
/*
 * report.c: the coordinator's roll-up: finding the project files, reading
 * each read-only into one small row, sorting, totals and the text table.
 * Prints nothing.
 */
#include "config.h"
#include "report.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistr.h>
#include <uniwidth.h>

#include "checker.h"
#include "layout.h"
#include "store.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

#define NAME_WIDTH_MAX 24

int
report_sort_parse(const char *s)
{
	static const char *const keys[] = { "name", "file", "edited", "words", "findings", "step" };
	size_t i;

	for (i = 0; i < sizeof keys / sizeof *keys; i++)
		if (strcasecmp(s, keys[i]) == 0)
			return (int)i;
	return -1;
}

/* ---- finding the files ---------------------------------------------------- */

struct pathlist {
	char **items;
	size_t n, cap;
};

static void
pathlist_add(struct pathlist *l, char *path)
{
	if (l->n + 1 >= l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->items = xreallocarray(l->items, l->cap, sizeof *l->items);
	}
	l->items[l->n++] = path;
	l->items[l->n] = NULL;
}

static bool
is_project_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".ecq") == 0;
}

/* Adds the *.ecq files of dir (and, depth > 0, of its subfolders). */
static int
scan_dir(struct pathlist *l, const char *dir, int depth, struct error *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	if (d == NULL)
		return error_set(err, ERR_IO, "cannot list %s: %s", dir, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		struct stat sb;
		char *path;

		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
		if (stat(path, &sb) != 0) {
			/* A dangling link named *.ecq still gets its row and reason. */
			if (is_project_name(de->d_name))
				pathlist_add(l, path);
			else
				free(path);
			continue;
		}
		if (S_ISDIR(sb.st_mode) && depth > 0) {
			/* A subfolder we may not enter is skipped, not fatal. */
			struct error sub;

			scan_dir(l, path, depth - 1, &sub);
			free(path);
		} else if (!S_ISDIR(sb.st_mode) && is_project_name(de->d_name)) {
			pathlist_add(l, path);
		} else {
			free(path);
		}
	}
	closedir(d);
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
report_paths(char *const *args, size_t n, char ***out, size_t *n_out, struct error *err)
{
	struct pathlist l = { NULL, 0, 0 };
	size_t i;

	*out = NULL;
	*n_out = 0;
	for (i = 0; i < n; i++) {
		struct stat sb;

		if (stat(args[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
			size_t from = l.n;

			if (scan_dir(&l, args[i], 1, err) != 0) {
				l.items = l.items != NULL ? l.items : xcalloc(1, sizeof *l.items);
				report_paths_free(l.items);
				return -1;
			}
			qsort(l.items + from, l.n - from, sizeof *l.items, cmp_str);
		} else {
			pathlist_add(&l, xstrdup(args[i]));
		}
	}
	if (l.items == NULL)
		l.items = xcalloc(1, sizeof *l.items);
	*out = l.items;
	*n_out = l.n;
	return 0;
}

void
report_paths_free(char **paths)
{
	size_t i;

	if (paths == NULL)
		return;
	for (i = 0; paths[i] != NULL; i++)
		free(paths[i]);
	free(paths);
}

/* ---- one row -------------------------------------------------------------- */

/* The file's name without folders and ".ecq". */
static char *
file_stem(const char *path)
{
	const char *b = strrchr(path, '/');
	size_t n;

	b = b != NULL ? b + 1 : path;
	n = strlen(b);
	if (n > 4 && strcmp(b + n - 4, ".ecq") == 0)
		n -= 4;
	return xstrndup(b, n);
}

static void
count(const struct project *p, struct report_row *row)
{
	size_t e, i;
	int f;

	row->n_ecqs = p->fw->n_ecqs < REPORT_MAX_ECQS ? p->fw->n_ecqs : REPORT_MAX_ECQS;
	for (e = 0; e < p->fw->n_ecqs; e++) {
		size_t w = text_count_words(p->intro[e], strlen(p->intro[e]));

		if (e < REPORT_MAX_ECQS)
			row->words[e] += w;
		row->total_words += w;
	}
	for (i = 0; i < p->n_examples; i++) {
		const struct example *ex = &p->examples[i];

		if (ex->ecq < 0 || (size_t)ex->ecq >= p->fw->n_ecqs)
			continue;
		row->total_examples++;
		if ((size_t)ex->ecq < REPORT_MAX_ECQS)
			row->examples[ex->ecq]++;
		/* Counted as check and the word budget count: dates are not words. */
		for (f = EX_TITLE; f < EX_FIELD_COUNT; f++) {
			size_t w;

			if (f == EX_START || f == EX_END)
				continue;
			w = text_count_words(ex->field[f], strlen(ex->field[f]));
			if ((size_t)ex->ecq < REPORT_MAX_ECQS)
				row->words[ex->ecq] += w;
			row->total_words += w;
		}
	}
	for (i = 0; i < p->n_comments; i++)
		row->open_comments += p->comments[i].resolved == 0;
}

void
report_row_read(struct checker *ck, const char *path, const struct report_options *o,
    struct report_row *row)
{
	struct store *st = NULL;
	const struct project *p;
	struct layout_result lr;
	struct findings fs;
	struct error err;
	char *step;
	size_t i;

	memset(row, 0, sizeof *row);
	row->path = xstrdup(path);
	row->pages = -1;
	row->plan_step = -1;
	findings_init(&fs);
	error_clear(&err);
	if (store_open(path, STORE_READONLY, &st, &err) != 0) {
		row->name = file_stem(path);
		row->error = xstrdup(err.msg[0] ? err.msg : "cannot be read");
		return;
	}
	p = store_project(st);
	row->name = p->candidate != NULL && p->candidate[0] != '\0' ? xstrdup(p->candidate) :
	    file_stem(path);
	row->framework = xstrdup(p->fw->id);
	row->modified = xstrdup(p->modified != NULL ? p->modified : "");
	row->plan = store_get_setting(st, "plan.name");
	step = store_get_setting(st, "plan.step");
	if (step != NULL) {
		char *end;
		long v = strtol(step, &end, 10);

		if (end != step && *end == '\0' && v >= 0 && v < 100000)
			row->plan_step = (int)v;
		free(step);
	}
	count(p, row);
	if (o->findings && ck != NULL) {
		checker_set_framework(ck, p->fw);
		checker_check_project(ck, p, &fs);
	}
	if (o->pages) {
		memset(&lr, 0, sizeof lr);
		/* A fresh cache each time: a shared one would keep every file's
		 * layout and memory would grow with the cohort. */
		if (layout_pages(NULL, p, NULL, &lr, &err) == 0) {
			row->pages = lr.pages;
			if (o->findings && ck != NULL)
				layout_page_limit_findings(&lr, p, &fs);
		}
		layout_result_free(&lr);
	}
	if (o->findings && ck != NULL) {
		row->have_findings = true;
		for (i = 0; i < fs.n; i++)
			row->findings[fs.items[i].severity]++;
	}
	findings_free(&fs);
	store_close(st);
}

void
report_row_free(struct report_row *row)
{
	if (row == NULL)
		return;
	free(row->path);
	free(row->error);
	free(row->name);
	free(row->framework);
	free(row->plan);
	free(row->modified);
	memset(row, 0, sizeof *row);
}

/* ---- sorting and totals ---------------------------------------------------- */

static enum report_sort sort_key;

static size_t
n_findings(const struct report_row *r)
{
	return r->findings[0] + r->findings[1] + r->findings[2];
}

static int
cmp_rows(const void *a, const void *b)
{
	const struct report_row *x = a, *y = b;
	int c = 0;

	if ((x->error != NULL) != (y->error != NULL))
		return x->error != NULL ? 1 : -1;
	switch (sort_key) {
	case REPORT_SORT_NAME:
		break;
	case REPORT_SORT_FILE:
		c = strcmp(x->path, y->path);
		break;
	case REPORT_SORT_EDITED:        /* most recent first */
		c = strcmp(y->modified ? y->modified : "", x->modified ? x->modified : "");
		break;
	case REPORT_SORT_WORDS:         /* fewest first: who needs help */
		c = x->total_words < y->total_words ? -1 : x->total_words > y->total_words;
		break;
	case REPORT_SORT_FINDINGS:      /* most first */
		c = n_findings(x) > n_findings(y) ? -1 : n_findings(x) < n_findings(y);
		break;
	case REPORT_SORT_STEP:          /* furthest behind first */
		c = x->plan_step < y->plan_step ? -1 : x->plan_step > y->plan_step;
		break;
	}
	if (c == 0)
		c = strcasecmp(x->name, y->name);
	if (c == 0)
		c = strcmp(x->name, y->name);
	if (c == 0)
		c = strcmp(x->path, y->path);
	return c;
}

void
report_sort(struct report_row *rows, size_t n, enum report_sort key)
{
	sort_key = key;
	qsort(rows, n, sizeof *rows, cmp_rows);
}

void
report_totals(const struct report_row *rows, size_t n, struct report_row *total, size_t *n_read)
{
	size_t i, e;
	bool pages = true;

	memset(total, 0, sizeof *total);
	total->name = xstrdup("TOTAL");
	total->path = xstrdup("");
	total->plan_step = -1;
	total->pages = 0;
	*n_read = 0;
	for (i = 0; i < n; i++) {
		const struct report_row *r = &rows[i];

		if (r->error != NULL)
			continue;
		(*n_read)++;
		if (r->n_ecqs > total->n_ecqs)
			total->n_ecqs = r->n_ecqs;
		for (e = 0; e < r->n_ecqs; e++) {
			total->examples[e] += r->examples[e];
			total->words[e] += r->words[e];
		}
		total->total_examples += r->total_examples;
		total->total_words += r->total_words;
		if (r->pages >= 0)
			total->pages += r->pages;
		else
			pages = false;
		total->have_findings = total->have_findings || r->have_findings;
		for (e = 0; e < 3; e++)
			total->findings[e] += r->findings[e];
		total->open_comments += r->open_comments;
		if (r->modified != NULL && (total->modified == NULL || strcmp(r->modified, total->modified) > 0)) {
			free(total->modified);
			total->modified = xstrdup(r->modified);
		}
	}
	if (!pages || *n_read == 0)
		total->pages = -1;
}

/* ---- the text table -------------------------------------------------------- */

/* Appends s to b in exactly width columns (cut or padded; right-aligned
 * when right), with control characters and invalid UTF-8 shown as '?'.
 * width 0: all of s, unpadded. */
static void
put_cell(struct strbuf *b, const char *s, size_t width, bool right)
{
	struct strbuf cell = { NULL, 0, 0 };
	const uint8_t *p = (const uint8_t *)(s != NULL ? s : "");
	size_t used = 0, pad;

	strbuf_add(&cell, "", 0);
	while (*p != '\0') {
		ucs4_t uc;
		int n = u8_mbtouc(&uc, p, u8_strlen(p));
		int w;

		if (uc == 0xFFFD && !(n == 3 && p[0] == 0xEF && p[1] == 0xBF && p[2] == 0xBD))
			uc = '?';       /* invalid UTF-8 */
		if (uc < 0x20 || (uc >= 0x7F && uc < 0xA0))
			uc = '?';
		w = uc_width(uc, "UTF-8");
		if (w < 0)
			w = 1;
		if (width > 0 && used + (size_t)w > width)
			break;
		if (uc == '?') {
			strbuf_add(&cell, "?", 1);
		} else {
			uint8_t buf[6];
			int k = u8_uctomb(buf, uc, sizeof buf);

			strbuf_add(&cell, (const char *)buf, k > 0 ? (size_t)k : 0);
		}
		used += (size_t)w;
		p += n > 0 ? n : 1;
	}
	pad = width > used ? width - used : 0;
	if (right)
		while (pad-- > 0)
			strbuf_add(b, " ", 1);
	strbuf_add(b, cell.s, cell.len);
	if (!right)
		while (pad-- > 0)
			strbuf_add(b, " ", 1);
	free(cell.s);
}

static void
put_num(struct strbuf *b, long long v, size_t width)
{
	char buf[32];

	if (v < 0)
		snprintf(buf, sizeof buf, "-");
	else
		snprintf(buf, sizeof buf, "%lld", v);
	put_cell(b, buf, width, true);
}

static size_t
cell_width(const char *s)
{
	struct strbuf b = { NULL, 0, 0 };
	size_t w;

	put_cell(&b, s, 0, false);
	w = u8_strwidth((const uint8_t *)(b.s != NULL ? b.s : ""), "UTF-8");
	free(b.s);
	return w;
}

/* Column widths shared by the header and the rows. */
struct widths {
	size_t name, framework, plan;
	size_t n_ecqs;
};

static void
format_row(struct strbuf *b, const struct report_row *r, const struct widths *w)
{
	char buf[64];
	size_t e;

	put_cell(b, r->name, w->name, false);
	strbuf_add(b, "  ", 2);
	if (r->error != NULL) {
		strbuf_add(b, "cannot read: ", 13);
		put_cell(b, r->error, 0, false);
		return;
	}
	put_cell(b, r->framework, w->framework, false);
	strbuf_add(b, "  ", 2);
	if (r->plan != NULL && r->plan_step >= 0)
		snprintf(buf, sizeof buf, "%.40s %d", r->plan, r->plan_step + 1);
	else if (r->plan != NULL)
		snprintf(buf, sizeof buf, "%.40s", r->plan);
	else
		snprintf(buf, sizeof buf, "%s", r->path[0] != '\0' ? "-" : "");
	put_cell(b, buf, w->plan, false);
	for (e = 0; e < w->n_ecqs; e++) {
		if (e < r->n_ecqs)
			snprintf(buf, sizeof buf, "%zu/%zu", r->examples[e], r->words[e]);
		else
			snprintf(buf, sizeof buf, "-");
		strbuf_add(b, " ", 1);
		put_cell(b, buf, 9, true);
	}
	strbuf_add(b, " ", 1);
	put_num(b, (long long)r->total_words, 6);
	strbuf_add(b, " ", 1);
	put_num(b, r->pages, 5);
	for (e = 3; e-- > 0;) {
		strbuf_add(b, " ", 1);
		put_num(b, r->have_findings ? (long long)r->findings[e] : -1, 4);
	}
	strbuf_add(b, " ", 1);
	put_num(b, (long long)r->open_comments, 4);
	strbuf_add(b, "  ", 2);
	/* "2026-12-01T09:31:02Z" as "2026-12-01 09:31" */
	snprintf(buf, sizeof buf, "%.16s", r->modified != NULL ? r->modified : "");
	if (strlen(buf) > 10 && buf[10] == 'T')
		buf[10] = ' ';
	put_cell(b, buf, 0, false);
}

char **
report_lines(const struct report_row *rows, size_t n, const struct report_row *total)
{
	struct widths w = { 4, 9, 4, 0 };
	struct strbuf b = { NULL, 0, 0 };
	char **lines = xcalloc(n + 3, sizeof *lines);
	char buf[32];
	size_t i, e, k = 0;

	for (i = 0; i < n; i++) {
		size_t nw = cell_width(rows[i].name);
		const struct report_row *r = &rows[i];

		w.name = nw > w.name ? nw : w.name;
		if (r->error != NULL)
			continue;
		nw = cell_width(r->framework);
		w.framework = nw > w.framework ? nw : w.framework;
		nw = r->plan != NULL ? cell_width(r->plan) + 6 : 0;
		w.plan = nw > w.plan ? nw : w.plan;
		w.n_ecqs = r->n_ecqs > w.n_ecqs ? r->n_ecqs : w.n_ecqs;
	}
	w.name = w.name > NAME_WIDTH_MAX ? NAME_WIDTH_MAX : w.name;
	w.plan = w.plan > 46 ? 46 : w.plan;
	if (w.n_ecqs == 0)
		w.n_ecqs = 5;

	put_cell(&b, "NAME", w.name, false);
	strbuf_add(&b, "  ", 2);
	put_cell(&b, "FRAMEWORK", w.framework, false);
	strbuf_add(&b, "  ", 2);
	put_cell(&b, "PLAN", w.plan, false);
	for (e = 0; e < w.n_ecqs; e++) {
		snprintf(buf, sizeof buf, "ECQ%zu ex/w", e + 1);
		strbuf_add(&b, " ", 1);
		put_cell(&b, buf, 9, true);
	}
	strbuf_add(&b, " ", 1);
	put_cell(&b, "WORDS", 6, true);
	strbuf_add(&b, " ", 1);
	put_cell(&b, "PAGES", 5, true);
	strbuf_add(&b, "  ERR WARN INFO  CMT  EDITED", 28);
	lines[k++] = b.s;
	for (i = 0; i < n; i++) {
		memset(&b, 0, sizeof b);
		strbuf_add(&b, "", 0);
		format_row(&b, &rows[i], &w);
		lines[k++] = b.s;
	}
	if (total != NULL) {
		memset(&b, 0, sizeof b);
		strbuf_add(&b, "", 0);
		format_row(&b, total, &w);
		lines[k++] = b.s;
	}
	lines[k] = NULL;
	return lines;
}

void
report_lines_free(char **lines)
{
	size_t i;

	if (lines == NULL)
		return;
	for (i = 0; lines[i] != NULL; i++)
		free(lines[i]);
	free(lines);
}
