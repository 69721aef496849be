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
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unistr.h>
#include <uniwidth.h>

#include "checker.h"
#include "layout.h"
#include "reportcache.h"
#include "resume.h"
#include "shapes.h"
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
	size_t have[DOC_SHAPES], e, i;
	int f;

	/* the résumé lines and cards as the dashboard and `show` count them
	 * (shapes_compute's have[], without what the row does not show) */
	shapes_count(p, have);
	row->asks_resume = shapes_used(p->fw, DOC_RESUME);
	row->asks_cards = shapes_used(p->fw, DOC_INTERVIEW);
	row->resume_lines = row->asks_resume ? have[DOC_RESUME] : 0;
	row->cards = row->asks_cards ? have[DOC_INTERVIEW] : 0;
	row->resume_of = row->asks_resume ? p->n_examples : 0;
	row->cards_of = row->asks_cards ? p->n_examples : 0;

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

static void
row_read_direct(struct checker *ck, const char *path, const struct report_options *o,
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
	/* The rules, the project rules and the counts segment each text
	 * several times: once is enough (forgotten with the project). */
	if (o->findings && ck != NULL)
		text_memo_begin();
	count(p, row);
	if (o->findings && ck != NULL) {
		checker_set_framework(ck, p->fw);
		checker_load_shapes(ck, st);    /* card_time at the project's pace */
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
		if (o->findings && ck != NULL) {
			struct resume_settings rs;

			/* as check: the résumé lines' length from their layout */
			checker_resume_settings(ck, &rs);
			(void)resume_length_check(NULL, p, &rs, &fs, &err);
		}
	}
	if (o->findings && ck != NULL) {
		row->have_findings = true;
		for (i = 0; i < fs.n; i++)
			row->findings[fs.items[i].severity]++;
	}
	findings_free(&fs);
	if (o->findings && ck != NULL)
		text_memo_end();
	store_close(st);
}

void
report_row_read(struct checker *ck, const char *path, const struct report_options *o,
    struct report_row *row)
{
	struct report_cache_key key;

	if (o->cache == NULL) {
		row_read_direct(ck, path, o, row);
		return;
	}
	report_cache_key_make(o->cache, path, &key);
	if (!report_cache_get(o->cache, &key, path, row)) {
		row_read_direct(ck, path, o, row);
		report_cache_put(o->cache, &key, path, row);
	}
	report_cache_key_free(&key);
}

/* ---- rows as text ----------------------------------------------------------- */

/* Appends "tag value\n", the value with '\\' and newlines escaped; a NULL
 * value is left out (and so decodes as NULL). */
static void
put_str(struct strbuf *b, const char *tag, const char *v)
{
	const char *p;

	if (v == NULL)
		return;
	strbuf_add(b, tag, strlen(tag));
	strbuf_add(b, " ", 1);
	for (p = v; *p != '\0'; p++) {
		if (*p == '\\')
			strbuf_add(b, "\\\\", 2);
		else if (*p == '\n')
			strbuf_add(b, "\\n", 2);
		else
			strbuf_add(b, p, 1);
	}
	strbuf_add(b, "\n", 1);
}

static void
put_int(struct strbuf *b, const char *tag, long long v)
{
	char buf[64];
	int k = snprintf(buf, sizeof buf, "%s %lld\n", tag, v);

	strbuf_add(b, buf, (size_t)k);
}

char *
report_row_encode(const struct report_row *row)
{
	struct strbuf b = { NULL, 0, 0 };
	char tag[16];
	size_t e;

	strbuf_add(&b, "", 0);
	put_str(&b, "name", row->name);
	put_str(&b, "error", row->error);
	put_str(&b, "framework", row->framework);
	put_str(&b, "plan", row->plan);
	put_str(&b, "modified", row->modified);
	put_int(&b, "plan_step", row->plan_step);
	put_int(&b, "n_ecqs", (long long)row->n_ecqs);
	for (e = 0; e < row->n_ecqs && e < REPORT_MAX_ECQS; e++) {
		snprintf(tag, sizeof tag, "examples%zu", e);
		put_int(&b, tag, (long long)row->examples[e]);
		snprintf(tag, sizeof tag, "words%zu", e);
		put_int(&b, tag, (long long)row->words[e]);
	}
	put_int(&b, "total_examples", (long long)row->total_examples);
	put_int(&b, "total_words", (long long)row->total_words);
	put_int(&b, "pages", row->pages);
	put_int(&b, "have_findings", row->have_findings);
	for (e = 0; e < 3; e++) {
		snprintf(tag, sizeof tag, "findings%zu", e);
		put_int(&b, tag, (long long)row->findings[e]);
	}
	put_int(&b, "open_comments", (long long)row->open_comments);
	put_int(&b, "asks_resume", row->asks_resume);
	put_int(&b, "asks_cards", row->asks_cards);
	put_int(&b, "resume_lines", (long long)row->resume_lines);
	put_int(&b, "cards", (long long)row->cards);
	put_int(&b, "resume_of", (long long)row->resume_of);
	put_int(&b, "cards_of", (long long)row->cards_of);
	put_int(&b, "end", REPORT_ROW_FORMAT);
	return b.s;
}

/* The value of line [v, end) unescaped, newly allocated. */
static char *
get_str(const char *v, const char *end)
{
	char *out = xmalloc((size_t)(end - v) + 1), *o = out;

	for (; v < end; v++) {
		if (*v == '\\' && v + 1 < end) {
			v++;
			*o++ = *v == 'n' ? '\n' : *v;
		} else {
			*o++ = *v;
		}
	}
	*o = '\0';
	return out;
}

/* Sets *out to the number in [v, end); false when it is not one. */
static bool
get_int(const char *v, const char *end, long long *out)
{
	char buf[32], *stop;
	size_t n = (size_t)(end - v);

	if (n == 0 || n >= sizeof buf)
		return false;
	memcpy(buf, v, n);
	buf[n] = '\0';
	errno = 0;
	*out = strtoll(buf, &stop, 10);
	return errno == 0 && *stop == '\0';
}

/* Sets the string or number field of row named by tag [t, te) from the
 * value [v, end); false for an unknown tag or a bad value. */
static bool
set_field(struct report_row *row, const char *t, size_t tn, const char *v, const char *end,
    bool *done)
{
	static const char *const strs[] = { "name", "error", "framework", "plan", "modified" };
	char **sp[] = { &row->name, &row->error, &row->framework, &row->plan, &row->modified };
	char tag[32];
	long long x;
	size_t i;
	unsigned k;

	if (tn >= sizeof tag)
		return false;
	memcpy(tag, t, tn);
	tag[tn] = '\0';
	for (i = 0; i < sizeof strs / sizeof *strs; i++) {
		if (strcmp(tag, strs[i]) == 0) {
			free(*sp[i]);
			*sp[i] = get_str(v, end);
			return true;
		}
	}
	if (!get_int(v, end, &x) || x < -1 || x > INT32_MAX)
		return false;
	if (strcmp(tag, "plan_step") == 0)
		row->plan_step = (int)x;
	else if (strcmp(tag, "n_ecqs") == 0 && x >= 0 && x <= REPORT_MAX_ECQS)
		row->n_ecqs = (size_t)x;
	else if (sscanf(tag, "examples%u", &k) == 1 && k < REPORT_MAX_ECQS && x >= 0)
		row->examples[k] = (size_t)x;
	else if (sscanf(tag, "words%u", &k) == 1 && k < REPORT_MAX_ECQS && x >= 0)
		row->words[k] = (size_t)x;
	else if (strcmp(tag, "total_examples") == 0 && x >= 0)
		row->total_examples = (size_t)x;
	else if (strcmp(tag, "total_words") == 0 && x >= 0)
		row->total_words = (size_t)x;
	else if (strcmp(tag, "pages") == 0)
		row->pages = (int)x;
	else if (strcmp(tag, "have_findings") == 0)
		row->have_findings = x != 0;
	else if (sscanf(tag, "findings%u", &k) == 1 && k < 3 && x >= 0)
		row->findings[k] = (size_t)x;
	else if (strcmp(tag, "open_comments") == 0 && x >= 0)
		row->open_comments = (size_t)x;
	else if (strcmp(tag, "asks_resume") == 0)
		row->asks_resume = x != 0;
	else if (strcmp(tag, "asks_cards") == 0)
		row->asks_cards = x != 0;
	else if (strcmp(tag, "resume_lines") == 0 && x >= 0)
		row->resume_lines = (size_t)x;
	else if (strcmp(tag, "cards") == 0 && x >= 0)
		row->cards = (size_t)x;
	else if (strcmp(tag, "resume_of") == 0 && x >= 0)
		row->resume_of = (size_t)x;
	else if (strcmp(tag, "cards_of") == 0 && x >= 0)
		row->cards_of = (size_t)x;
	else if (strcmp(tag, "end") == 0 && x == REPORT_ROW_FORMAT)
		*done = true;
	else
		return false;
	return true;
}

int
report_row_decode(const char *s, const char *path, struct report_row *row)
{
	bool done = false;

	memset(row, 0, sizeof *row);
	row->pages = -1;
	row->plan_step = -1;
	while (*s != '\0' && !done) {
		const char *end = strchr(s, '\n'), *sp;

		if (end == NULL)
			break;
		sp = memchr(s, ' ', (size_t)(end - s));
		if (sp == NULL || !set_field(row, s, (size_t)(sp - s), sp + 1, end, &done))
			break;
		s = end + 1;
	}
	if (!done || row->name == NULL || (row->error == NULL &&
	    (row->framework == NULL || row->modified == NULL))) {
		report_row_free(row);
		return -1;
	}
	row->path = xstrdup(path);
	return 0;
}

/* ---- reading many, in reader processes -------------------------------------- */

#define READERS_MAX 16
#define READER_MIN_FILES 4      /* fewer files than this each: not worth a process */

struct reader {
	pid_t pid;
	int fd;                 /* the read end of its pipe, or -1 at its end */
	struct strbuf in;       /* what it sent and was not yet taken */
	size_t consumed;
};

static int
write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* A reader process: reads todo[k], todo[k + step], ... and writes each as
 * "INDEX LENGTH\n" and its encoded row to fd. Never returns. */
static void
reader_main(struct checker *ck, char *const *paths, const size_t *todo, size_t n_todo,
    size_t k, size_t step, const struct report_options *o, int fd)
{
	struct report_options direct = *o;
	size_t i;

	direct.cache = NULL;
	for (i = k; i < n_todo; i += step) {
		struct report_row row;
		char head[64];
		char *text;
		int hn;

		row_read_direct(ck, paths[todo[i]], &direct, &row);
		text = report_row_encode(&row);
		hn = snprintf(head, sizeof head, "%zu %zu\n", todo[i], strlen(text));
		if (write_all(fd, head, (size_t)hn) != 0 || write_all(fd, text, strlen(text)) != 0)
			_exit(1);
		free(text);
		report_row_free(&row);
	}
	/* _exit: the parent's stdio buffers and atexit handlers are not ours. */
	_exit(0);
}

/* Takes the complete rows in r->in into rows[], marking got[]. */
static void
reader_take(struct reader *r, char *const *paths, size_t n, struct report_row *rows, bool *got)
{
	for (;;) {
		const char *s = r->in.s + r->consumed, *nl;
		size_t avail = r->in.len - r->consumed, idx, len;
		char *text;

		nl = avail > 0 ? memchr(s, '\n', avail) : NULL;
		if (nl == NULL || sscanf(s, "%zu %zu", &idx, &len) != 2)
			return;
		if ((size_t)(nl + 1 - s) + len > avail)
			return;
		if (idx < n && !got[idx]) {
			text = xstrndup(nl + 1, len);
			if (report_row_decode(text, paths[idx], &rows[idx]) == 0)
				got[idx] = true;
			free(text);
		}
		r->consumed += (size_t)(nl + 1 - s) + len;
	}
}

void
report_read_all(struct checker *ck, char *const *paths, size_t n,
    const struct report_options *o, int jobs, struct report_row *rows)
{
	struct report_cache_key *keys = xcalloc(n + 1, sizeof *keys);
	struct reader readers[READERS_MAX];
	struct report_options direct = *o;
	size_t *todo = xcalloc(n + 1, sizeof *todo);
	bool *got = xcalloc(n + 1, sizeof *got);
	size_t n_todo = 0, i, w, n_readers = 0;

	direct.cache = NULL;
	/* Keys are taken before any reading, so a change made meanwhile
	 * keeps the new row out of the cache. */
	for (i = 0; i < n; i++) {
		if (o->cache != NULL) {
			report_cache_key_make(o->cache, paths[i], &keys[i]);
			if (report_cache_get(o->cache, &keys[i], paths[i], &rows[i])) {
				got[i] = true;
				continue;
			}
		}
		todo[n_todo++] = i;
	}
	if (jobs > READERS_MAX)
		jobs = READERS_MAX;
	if (jobs > 1 && n_todo / READER_MIN_FILES < (size_t)jobs)
		jobs = (int)(n_todo / READER_MIN_FILES);
	fflush(NULL);   /* nothing buffered is written twice */
	for (w = 0; jobs > 1 && w < (size_t)jobs; w++) {
		int p[2];
		pid_t pid;

		if (pipe(p) != 0)
			break;
		pid = fork();
		if (pid < 0) {
			close(p[0]);
			close(p[1]);
			break;
		}
		if (pid == 0) {
			size_t k;

			close(p[0]);
			for (k = 0; k < n_readers; k++)
				close(readers[k].fd);
			reader_main(ck, paths, todo, n_todo, w, (size_t)jobs, o, p[1]);
		}
		close(p[1]);
		readers[n_readers].pid = pid;
		readers[n_readers].fd = p[0];
		memset(&readers[n_readers].in, 0, sizeof readers[n_readers].in);
		readers[n_readers].consumed = 0;
		n_readers++;
	}
	/* With fewer processes than planned (fork failed), the slices left
	 * over are read here below. */
	for (;;) {
		struct pollfd pfd[READERS_MAX];
		size_t who[READERS_MAX], np = 0, q;

		for (w = 0; w < n_readers; w++) {
			if (readers[w].fd >= 0) {
				pfd[np].fd = readers[w].fd;
				pfd[np].events = POLLIN;
				pfd[np].revents = 0;
				who[np++] = w;
			}
		}
		if (np == 0)
			break;
		if (poll(pfd, np, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (q = 0; q < np; q++) {
			struct reader *r = &readers[who[q]];
			char buf[65536];
			ssize_t k;

			if (pfd[q].revents == 0)
				continue;
			k = read(r->fd, buf, sizeof buf);
			if (k < 0 && (errno == EINTR || errno == EAGAIN))
				continue;
			if (k <= 0) {
				close(r->fd);
				r->fd = -1;
				continue;
			}
			strbuf_add(&r->in, buf, (size_t)k);
			reader_take(r, paths, n, rows, got);
		}
	}
	for (w = 0; w < n_readers; w++) {
		if (readers[w].fd >= 0)
			close(readers[w].fd);   /* poll failed: a reader stopped by EPIPE */
	}
	for (w = 0; w < n_readers; w++) {
		int status = 0;
		size_t k;

		while (waitpid(readers[w].pid, &status, 0) < 0 && errno == EINTR)
			;
		free(readers[w].in.s);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			continue;
		/* It died: the first row of its slice it did not send is the
		 * file it was reading. */
		for (k = w; k < n_todo; k += (size_t)jobs) {
			i = todo[k];
			if (got[i])
				continue;
			memset(&rows[i], 0, sizeof rows[i]);
			rows[i].path = xstrdup(paths[i]);
			rows[i].name = file_stem(paths[i]);
			rows[i].pages = -1;
			rows[i].plan_step = -1;
			rows[i].error = WIFSIGNALED(status) ?
			    xasprintf("reading it stopped ecqcoach (signal %d)", WTERMSIG(status)) :
			    xstrdup("reading it stopped ecqcoach");
			got[i] = true;
			break;
		}
	}
	for (i = 0; i < n_todo; i++) {
		size_t j = todo[i];

		if (!got[j]) {
			row_read_direct(ck, paths[j], &direct, &rows[j]);
			got[j] = true;
		}
		if (o->cache != NULL)
			report_cache_put(o->cache, &keys[j], paths[j], &rows[j]);
	}
	for (i = 0; i < n; i++)
		report_cache_key_free(&keys[i]);
	free(keys);
	free(todo);
	free(got);
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
		total->asks_resume = total->asks_resume || r->asks_resume;
		total->asks_cards = total->asks_cards || r->asks_cards;
		total->resume_lines += r->resume_lines;
		total->cards += r->cards;
		total->resume_of += r->resume_of;
		total->cards_of += r->cards_of;
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
	bool resume, cards;     /* some row's framework asks for them */
};

/* "5/8": n of a row's examples have the shape; "-" when its framework
 * does not ask for it. */
static void
put_shape(struct strbuf *b, bool asked, size_t n, size_t of, size_t width)
{
	char buf[48];

	if (asked)
		snprintf(buf, sizeof buf, "%zu/%zu", n, of);
	else
		snprintf(buf, sizeof buf, "-");
	strbuf_add(b, " ", 1);
	put_cell(b, buf, width, true);
}

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
	if (w->resume)
		put_shape(b, r->asks_resume, r->resume_lines, r->resume_of, 7);
	if (w->cards)
		put_shape(b, r->asks_cards, r->cards, r->cards_of, 7);
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
	struct widths w = { 4, 9, 4, 0, false, false };
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
		w.resume = w.resume || r->asks_resume;
		w.cards = w.cards || r->asks_cards;
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
	if (w.resume) {
		strbuf_add(&b, " ", 1);
		put_cell(&b, "RESUME", 7, true);
	}
	if (w.cards) {
		strbuf_add(&b, " ", 1);
		put_cell(&b, "CARDS", 7, true);
	}
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
