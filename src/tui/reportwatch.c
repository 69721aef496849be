/* SPDX-License-Identifier: MIT */
/*
 * reportwatch.c: the full-screen roll-up (`report --watch`). It draws the
 * table core/report.c makes, reads again only the files that changed
 * (inotify wakes it at once, a 2-second look at every file's size and
 * time catches the rest) and quits on q. It never writes a project.
 */
#include "config.h"
#include "reportwatch.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/inotify.h>
#endif

#include <curses.h>

#include "term.h"
#include "xalloc.h"

#define TICK_MS 2000

/* What a file looked like when its row was read. */
struct sig {
	long long size, mtime_ns, wal_size, wal_mtime_ns;
};

struct watch {
	char *const *args;
	size_t n_args;
	struct checker *ck;
	const struct report_options *o;
	int sort;
	struct report_row *rows;
	struct sig *sigs;
	size_t n;
	char **lines;
	size_t n_read;
	size_t top;             /* first table row shown */
	char updated[16];
	char problem[1100];
};

static volatile sig_atomic_t watch_stop, watch_winch;

static void
on_stop(int s)
{
	(void)s;
	watch_stop = 1;
}

static void
on_winch(int s)
{
	(void)s;
	watch_winch = 1;
}

static void
file_sig(const char *path, struct sig *s)
{
	struct stat sb;
	char *wal = xasprintf("%s-wal", path);

	memset(s, 0, sizeof *s);
	if (stat(path, &sb) == 0) {
		s->size = (long long)sb.st_size;
		s->mtime_ns = (long long)sb.st_mtim.tv_sec * 1000000000LL + sb.st_mtim.tv_nsec;
	} else {
		s->size = -1;
	}
	if (stat(wal, &sb) == 0) {
		s->wal_size = (long long)sb.st_size;
		s->wal_mtime_ns = (long long)sb.st_mtim.tv_sec * 1000000000LL + sb.st_mtim.tv_nsec;
	}
	free(wal);
}

/* Lists the files again and reads those that are new or changed. */
static void
reread(struct watch *w)
{
	struct report_row *rows, total;
	struct sig *sigs;
	struct error err;
	char **paths;
	size_t n, i, k;
	time_t now = time(NULL);
	struct tm tm;

	if (report_paths(w->args, w->n_args, &paths, &n, &err) != 0) {
		snprintf(w->problem, sizeof w->problem, "%s", err.msg);
		return;
	}
	w->problem[0] = '\0';
	rows = xcalloc(n + 1, sizeof *rows);
	sigs = xcalloc(n + 1, sizeof *sigs);
	for (i = 0; i < n; i++) {
		file_sig(paths[i], &sigs[i]);
		for (k = 0; k < w->n; k++) {
			if (w->rows[k].path != NULL && strcmp(w->rows[k].path, paths[i]) == 0 &&
			    memcmp(&w->sigs[k], &sigs[i], sizeof sigs[i]) == 0) {
				rows[i] = w->rows[k];
				memset(&w->rows[k], 0, sizeof w->rows[k]);
				break;
			}
		}
		if (k == w->n)
			report_row_read(w->ck, paths[i], w->o, &rows[i]);
	}
	for (k = 0; k < w->n; k++)
		report_row_free(&w->rows[k]);
	free(w->rows);
	free(w->sigs);
	report_paths_free(paths);
	/* Sorting moves the rows: carry each signature along by its row's
	 * path pointer, which the move keeps. */
	{
		char **keys = xcalloc(n + 1, sizeof *keys);
		struct sig *sorted = xcalloc(n + 1, sizeof *sorted);

		for (i = 0; i < n; i++)
			keys[i] = rows[i].path;
		report_sort(rows, n, (enum report_sort)w->sort);
		for (i = 0; i < n; i++)
			for (k = 0; k < n; k++)
				if (keys[k] == rows[i].path)
					sorted[i] = sigs[k];
		free(keys);
		free(sigs);
		sigs = sorted;
	}
	w->rows = rows;
	w->sigs = sigs;
	w->n = n;
	report_totals(rows, n, &total, &w->n_read);
	report_lines_free(w->lines);
	w->lines = report_lines(rows, n, &total);
	report_row_free(&total);
	localtime_r(&now, &tm);
	strftime(w->updated, sizeof w->updated, "%H:%M:%S", &tm);
}

/* Draws s from column left, cut at the screen's edge. */
static void
draw_line(int y, const char *s, size_t left)
{
	int x = 0, cols = COLS;
	size_t col = 0;
	mbstate_t ps;
	const char *p = s;

	memset(&ps, 0, sizeof ps);
	move(y, 0);
	while (*p != '\0' && x < cols) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, p, strlen(p), &ps);
		int wd;

		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			wc = L'?';
			k = 1;
			memset(&ps, 0, sizeof ps);
		}
		wd = wcwidth(wc);
		if (wd < 0)
			wd = 1;
		if (col >= left) {
			if (x + wd > cols)
				break;
			addnwstr(&wc, 1);
			x += wd;
		}
		col += (size_t)wd;
		p += k;
	}
	clrtoeol();
}

static void
draw(const struct watch *w, size_t left)
{
	static const char *const sorts[] = { "name", "file", "edited", "words", "findings", "step" };
	char title[512];
	size_t i, body, n_lines = 0;
	int y;

	erase();
	while (w->lines != NULL && w->lines[n_lines] != NULL)
		n_lines++;
	snprintf(title, sizeof title, " ecqcoach report: %zu project%s, %zu read, sorted by %s; "
	    "updated %s", w->n, w->n == 1 ? "" : "s", w->n_read, sorts[w->sort], w->updated);
	attron(term_attr(TP_TITLE, A_REVERSE));
	draw_line(0, title, 0);
	attroff(term_attr(TP_TITLE, A_REVERSE));
	if (w->problem[0] != '\0') {
		attron(term_attr(TP_BAD, A_BOLD));
		draw_line(1, w->problem, 0);
		attroff(term_attr(TP_BAD, A_BOLD));
	}
	y = 2;
	if (n_lines > 0) {
		attron(A_BOLD);
		draw_line(y++, w->lines[0], left);
		attroff(A_BOLD);
	}
	body = LINES > 5 ? (size_t)LINES - 5 : 1;
	for (i = w->top; i < w->n && i < w->top + body; i++) {
		bool bad = w->rows[i].error != NULL;

		if (bad)
			attron(term_attr(TP_BAD, 0));
		draw_line(y++, w->lines[i + 1], left);
		if (bad)
			attroff(term_attr(TP_BAD, 0));
	}
	if (n_lines > w->n + 1) {
		attron(A_BOLD);
		draw_line(LINES - 2, w->lines[w->n + 1], left);
		attroff(A_BOLD);
	}
	attron(term_attr(TP_HELP, A_REVERSE));
	draw_line(LINES - 1, " q quit  Up/Down PgUp/PgDn scroll  Left/Right pan  s sort  r read all again", 0);
	attroff(term_attr(TP_HELP, A_REVERSE));
	refresh();
}

/* Adds an inotify watch on each folder argument and its subfolders. */
static int
watch_dirs(char *const *args, size_t n)
{
#ifdef __linux__
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	size_t i;

	if (fd < 0)
		return -1;
	for (i = 0; i < n; i++) {
		struct stat sb;

		if (stat(args[i], &sb) == 0 && S_ISDIR(sb.st_mode))
			inotify_add_watch(fd, args[i], IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE |
			    IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB);
	}
	return fd;
#else
	(void)args;
	(void)n;
	return -1;
#endif
}

/* Reads and drops pending inotify events; true when there were any. */
static bool
drain(int fd)
{
	char buf[4096];
	bool any = false;

	if (fd < 0)
		return false;
	while (read(fd, buf, sizeof buf) > 0)
		any = true;
	return any;
}

int
reportwatch_run(char *const *args, size_t n, struct checker *ck,
    const struct report_options *o, enum report_sort sort, struct error *err)
{
	struct watch w;
	struct sigaction sa;
	size_t left = 0, k;
	int ifd;
	bool quit = false;

	if (term_check(err) != 0)
		return -1;
	memset(&w, 0, sizeof w);
	w.args = args;
	w.n_args = n;
	w.ck = ck;
	w.o = o;
	w.sort = (int)sort;
	/* A folder that cannot be listed is an error before the screen starts. */
	{
		char **paths;
		size_t np;

		if (report_paths(args, n, &paths, &np, err) != 0)
			return -1;
		report_paths_free(paths);
	}
	if (term_init(err) != 0)
		return -1;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_stop;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = on_winch;
	sigaction(SIGWINCH, &sa, NULL);
	ifd = watch_dirs(args, n);
	strcpy(w.updated, "...");
	draw(&w, left);
	reread(&w);
	draw(&w, left);
	while (!quit && !watch_stop) {
		struct pollfd pf[2];
		int np = 1, timeout = TICK_MS, r;
		wint_t ch;

		pf[0].fd = STDIN_FILENO;
		pf[0].events = POLLIN;
		if (ifd >= 0) {
			pf[1].fd = ifd;
			pf[1].events = POLLIN;
			np = 2;
		}
		r = poll(pf, (nfds_t)np, timeout);
		if (watch_winch) {
			watch_winch = 0;
			term_resize();
			draw(&w, left);
		}
		if (r == 0) {
			reread(&w);
			draw(&w, left);
			continue;
		}
		if (r < 0)
			continue;
		if (np == 2 && (pf[1].revents & POLLIN)) {
			/* Let a burst of saves settle, then read once. */
			napms(150);
			drain(ifd);
			reread(&w);
			draw(&w, left);
		}
		if (!(pf[0].revents & (POLLIN | POLLHUP)))
			continue;
		wtimeout(stdscr, 0);
		while ((r = wget_wch(stdscr, &ch)) != ERR) {
			size_t body = LINES > 5 ? (size_t)LINES - 5 : 1;

			if (r == OK && (ch == 'q' || ch == 'Q' || ch == 3 /* Ctrl-C */)) {
				quit = true;
				break;
			} else if (r == OK && (ch == 's' || ch == 'S')) {
				w.sort = (w.sort + 1) % 6;
				reread(&w);     /* unchanged files are not read again */
			} else if (r == OK && (ch == 'r' || ch == 'R')) {
				for (k = 0; k < w.n; k++)
					memset(&w.sigs[k], 0xff, sizeof w.sigs[k]);
				reread(&w);
			} else if (r == KEY_CODE_YES && ch == KEY_DOWN && w.top + 1 < w.n) {
				w.top++;
			} else if (r == KEY_CODE_YES && ch == KEY_UP && w.top > 0) {
				w.top--;
			} else if (r == KEY_CODE_YES && ch == KEY_NPAGE) {
				w.top = w.top + body < w.n ? w.top + body : (w.n > 0 ? w.n - 1 : 0);
			} else if (r == KEY_CODE_YES && ch == KEY_PPAGE) {
				w.top = w.top > body ? w.top - body : 0;
			} else if (r == KEY_CODE_YES && ch == KEY_RIGHT) {
				left += 8;
			} else if (r == KEY_CODE_YES && ch == KEY_LEFT) {
				left = left > 8 ? left - 8 : 0;
			} else if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
				term_resize();
			}
		}
		if (pf[0].revents & POLLHUP)
			quit = true;
		draw(&w, left);
	}
	term_restore();
	if (ifd >= 0)
		close(ifd);
	for (k = 0; k < w.n; k++)
		report_row_free(&w.rows[k]);
	free(w.rows);
	free(w.sigs);
	report_lines_free(w.lines);
	return 0;
}
