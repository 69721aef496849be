/* SPDX-License-Identifier: MIT */
/*
 * headless.c: TEST-ONLY virtual screen, scripted keys and screen dumps
 * (see headless.h). It reads the screen back with mvwin_wchnstr; it never
 * changes what the coach draws, only where its keys and clock come from.
 */
#include "config.h"
#include "tui/headless.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "store.h"
#include "tui/tui.h"
#include "xalloc.h"

#define HEADLESS_ROWS 30
#define HEADLESS_COLS 100
#define HEADLESS_KEY_MS 20      /* the virtual time a key takes */
#define HEADLESS_IDLE_MS 1000   /* one idle tick before a dump */
#define HEADLESS_IDLE_TICKS 4   /* ticks before a dump: checks, save, pages */

enum hl_kind { HL_KEY, HL_DUMP, HL_FINDINGS };

struct hl_event {
	enum hl_kind kind;
	wint_t ch;
	bool keycode;
	char *path;
};

static struct hl_event *hl_events;
static size_t hl_n, hl_next;
static int hl_idle_left = -1;   /* ticks of idleness left before the event */
static long long hl_clock = 1000000;
static struct tui *hl_tui;
static FILE *hl_out, *hl_in;

bool
headless_on(void)
{
	static int on = -1;

	if (on < 0) {
		const char *s = getenv("ECQCOACH_HEADLESS");

		on = s != NULL && *s != '\0';
	}
	return on == 1;
}

long long
headless_now(void)
{
	return hl_clock;
}

void
headless_attach(struct tui *t)
{
	hl_tui = t;
}

static void
hl_push(enum hl_kind kind, wint_t ch, bool keycode, const char *path)
{
	hl_events = xreallocarray(hl_events, hl_n + 1, sizeof *hl_events);
	hl_events[hl_n].kind = kind;
	hl_events[hl_n].ch = ch;
	hl_events[hl_n].keycode = keycode;
	hl_events[hl_n].path = path != NULL ? xstrdup(path) : NULL;
	hl_n++;
}

/* A <NAME> key; false when the name is unknown. */
static bool
hl_named(const char *name, size_t n)
{
	static const struct {
		const char *name;
		int code;
		bool keycode;
	} names[] = {
		{ "Enter", '\r', false }, { "Tab", '\t', false }, { "Esc", 27, false },
		{ "BS", 127, false }, { "Del", KEY_DC, true }, { "Up", KEY_UP, true },
		{ "Down", KEY_DOWN, true }, { "Left", KEY_LEFT, true }, { "Right", KEY_RIGHT, true },
		{ "Home", KEY_HOME, true }, { "End", KEY_END, true }, { "PgUp", KEY_PPAGE, true },
		{ "PgDn", KEY_NPAGE, true }, { "S-Tab", KEY_BTAB, true }, { "lt", '<', false },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strlen(names[i].name) == n && strncmp(names[i].name, name, n) == 0) {
			hl_push(HL_KEY, (wint_t)names[i].code, names[i].keycode, NULL);
			return true;
		}
	}
	if (n >= 2 && n <= 3 && name[0] == 'F' && atoi(name + 1) >= 1 && atoi(name + 1) <= 12) {
		hl_push(HL_KEY, (wint_t)KEY_F(atoi(name + 1)), true, NULL);
		return true;
	}
	if (n == 3 && name[0] == 'C' && name[1] == '-') {
		hl_push(HL_KEY, (wint_t)(name[2] & 0x1f), false, NULL);
		return true;
	}
	return false;
}

static int
hl_parse_line(const char *line, const char *script, int lineno, struct error *err)
{
	const char *p = line;
	mbstate_t st;

	if (*line == '#' || *line == '\0')
		return 0;
	if (strncmp(line, "dump ", 5) == 0) {
		hl_push(HL_DUMP, 0, false, line + 5);
		return 0;
	}
	if (strncmp(line, "findings ", 9) == 0) {
		hl_push(HL_FINDINGS, 0, false, line + 9);
		return 0;
	}
	memset(&st, 0, sizeof st);
	while (*p != '\0') {
		wchar_t wc;
		size_t n;
		const char *end;

		if (*p == '<' && (end = strchr(p, '>')) != NULL && hl_named(p + 1, (size_t)(end - p - 1))) {
			p = end + 1;
			continue;
		}
		n = mbrtowc(&wc, p, strlen(p), &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
			return error_set(err, ERR_USAGE, "%s:%d: not text in the locale", script, lineno);
		hl_push(HL_KEY, (wint_t)wc, false, NULL);
		p += n;
	}
	return 0;
}

int
headless_init(void **screen, struct error *err)
{
	const char *script = getenv("ECQCOACH_HEADLESS");
	char line[4096];
	int lineno = 0;
	FILE *f;
	SCREEN *s;

	f = fopen(script, "r");
	if (f == NULL)
		return error_set(err, ERR_IO, "cannot read %s: %s", script, strerror(errno));
	while (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (hl_parse_line(line, script, ++lineno, err) != 0) {
			fclose(f);
			return -1;
		}
	}
	fclose(f);
	hl_out = fopen("/dev/null", "w");
	hl_in = fopen("/dev/null", "r");
	if (hl_out == NULL || hl_in == NULL)
		return error_set(err, ERR_IO, "cannot open /dev/null");
	/* a fixed size whatever the terminal the test runs in */
	snprintf(line, sizeof line, "%d", HEADLESS_ROWS);
	setenv("LINES", line, 1);
	snprintf(line, sizeof line, "%d", HEADLESS_COLS);
	setenv("COLUMNS", line, 1);
	use_env(TRUE);
	s = newterm("xterm", hl_out, hl_in);
	if (s == NULL)
		return error_set(err, ERR_USAGE, "headless: cannot start curses on TERM=xterm");
	set_term(s);
	*screen = s;
	return 0;
}

/* Writes the screen as text, a row a line, and under a row with
 * underlined cells a line with ~ under them. */
static void
hl_dump(const char *path)
{
	cchar_t cells[HEADLESS_COLS + 1];
	FILE *f = fopen(path, "w");
	int y, x, rows, cols;

	if (f == NULL)
		return;
	getmaxyx(stdscr, rows, cols);
	if (cols > HEADLESS_COLS)
		cols = HEADLESS_COLS;
	for (y = 0; y < rows; y++) {
		char text[HEADLESS_COLS * MB_LEN_MAX + 1], marks[HEADLESS_COLS + 1];
		size_t tl = 0, ml = 0;
		bool any = false;
		int n = mvwin_wchnstr(stdscr, y, 0, cells, cols);

		for (x = 0; n != ERR && x < cols; x++) {
			wchar_t wch[CCHARW_MAX + 1];
			attr_t a;
			short pair;
			char mb[MB_LEN_MAX];
			size_t k;

			if (getcchar(&cells[x], wch, &a, &pair, NULL) == ERR || wch[0] == L'\0')
				wch[0] = L' ';
			k = wcrtomb(mb, wch[0], NULL);
			if (k == (size_t)-1) {
				mb[0] = '?';
				k = 1;
			}
			memcpy(text + tl, mb, k);
			tl += k;
			marks[ml++] = (a & A_UNDERLINE) ? '~' : ' ';
			any = any || (a & A_UNDERLINE);
		}
		while (tl > 0 && text[tl - 1] == ' ')
			tl--;
		text[tl] = '\0';
		while (ml > 0 && marks[ml - 1] == ' ')
			ml--;
		marks[ml] = '\0';
		fprintf(f, "%s\n", text);
		if (any)
			fprintf(f, "%s\n", marks);
	}
	fclose(f);
}

static void
hl_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(f, "\\u%04x", (unsigned char)*s);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

static void
hl_finding(FILE *f, const struct finding *fd)
{
	fprintf(f, "{\"rule\":");
	hl_json_string(f, fd->rule);
	fprintf(f, ",\"target\":");
	if (fd->target != NULL)
		hl_json_string(f, fd->target);
	else
		fprintf(f, "null");
	fprintf(f, ",\"offset\":%zu,\"length\":%zu}\n", fd->offset, fd->length);
}

/* The coach's findings as the screens show them: each narrative field's
 * live check (the editor's highlights), and the project rules' findings
 * from the owner (the review, the dashboard). */
static void
hl_findings(const char *path)
{
	struct tui *t = hl_tui;
	const struct project *p;
	const struct findings *pf;
	FILE *f;
	size_t e, k, i;
	int fld;

	if (t == NULL || (f = fopen(path, "w")) == NULL)
		return;
	(void)tui_save(t);
	p = tui_project(t);
	for (e = 0; e < p->fw->n_ecqs; e++) {
		struct tui_field *tf = tui_field_intro(t, (int)e);

		tui_field_check(t, tf);
		for (i = 0; i < tf->fs.n; i++)
			hl_finding(f, &tf->fs.items[i]);
		for (k = 0; k < project_count_examples(p, (int)e); k++) {
			int64_t id = project_example_at(p, (int)e, k)->id;

			for (fld = EX_TITLE; fld < EX_FIELD_COUNT; fld++) {
				if (fld == EX_START || fld == EX_END)
					continue;
				tf = tui_field_example(t, id, fld);
				if (tf == NULL)
					continue;
				tui_field_check(t, tf);
				for (i = 0; i < tf->fs.n; i++)
					hl_finding(f, &tf->fs.items[i]);
			}
			p = tui_project(t);
		}
	}
	pf = tui_project_findings(t);
	for (i = 0; i < pf->n; i++) {
		const struct rule_info *ri = checker_rule(pf->items[i].rule);

		if (ri == NULL || ri->project)
			hl_finding(f, &pf->items[i]);
	}
	fclose(f);
}

int
headless_read(wint_t *ch)
{
	struct hl_event *ev;

	for (;;) {
		if (hl_next >= hl_n) {
			/* the script is over: quit (and quit again past a box) */
			hl_clock += HEADLESS_KEY_MS;
			*ch = 'q' & 0x1f;
			return OK;
		}
		ev = &hl_events[hl_next];
		if (ev->kind == HL_KEY) {
			hl_next++;
			hl_clock += HEADLESS_KEY_MS;
			*ch = ev->ch;
			return ev->keycode ? KEY_CODE_YES : OK;
		}
		/* a dump: idle first, so what is due runs and is drawn */
		if (hl_idle_left < 0)
			hl_idle_left = HEADLESS_IDLE_TICKS;
		if (hl_idle_left > 0) {
			hl_idle_left--;
			hl_clock += HEADLESS_IDLE_MS;
			return ERR;
		}
		hl_idle_left = -1;
		hl_next++;
		if (ev->kind == HL_DUMP)
			hl_dump(ev->path);
		else
			hl_findings(ev->path);
	}
}

void
headless_free(void)
{
	size_t i;

	for (i = 0; i < hl_n; i++)
		free(hl_events[i].path);
	free(hl_events);
	hl_events = NULL;
	hl_n = hl_next = 0;
	if (hl_out != NULL)
		fclose(hl_out);
	if (hl_in != NULL)
		fclose(hl_in);
	hl_out = hl_in = NULL;
}
