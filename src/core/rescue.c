/* SPDX-License-Identifier: MIT */
/*
 * rescue.c: writing, reading, finding and applying rescue files (see
 * rescue.h for the format and the places). It must never replace a file,
 * follow a planted link, or leave a half-written rescue file behind; and
 * like all of core it prints nothing.
 */
#include "config.h"
#include "rescue.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <unistr.h>

#include "strbuf.h"
#include "xalloc.h"

#define RESCUE_MAGIC "ecqcoach rescue file 1"
#define RESCUE_SUFFIX ".rescue"
#define RESCUE_MAX_NAMES 1000   /* NAME.rescue-2 ... before giving up */

/* ---- building ------------------------------------------------------------ */

/* An absolute form of path: resolved when it exists. */
static char *
rescue_abs(const char *path)
{
	char buf[PATH_MAX], cwd[PATH_MAX];

	if (realpath(path, buf) != NULL)
		return xstrdup(buf);
	if (path[0] == '/' || getcwd(cwd, sizeof cwd) == NULL)
		return xstrdup(path);
	return xasprintf("%s/%s", cwd, path);
}

/* A copy with line breaks and other control characters as spaces, so it
 * stays on its header line. */
static char *
rescue_one_line(const char *s)
{
	char *c = xstrdup(s), *p;

	for (p = c; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return c;
}

void
rescue_init(struct rescue *r, const char *project)
{
	time_t now = time(NULL);
	struct tm tm;
	char buf[32];

	memset(r, 0, sizeof *r);
	r->project = rescue_abs(project);
	gmtime_r(&now, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	r->time = xstrdup(buf);
}

void
rescue_add(struct rescue *r, const char *target, const char *label,
    const char *text, size_t len)
{
	struct rescue_entry *e;

	r->entries = xreallocarray(r->entries, r->n + 1, sizeof *r->entries);
	e = &r->entries[r->n++];
	e->target = rescue_one_line(target);
	e->label = rescue_one_line(label);
	e->text = xmalloc(len + 1);
	memcpy(e->text, text, len);
	e->text[len] = '\0';
	e->len = len;
}

void
rescue_free(struct rescue *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->entries[i].target);
		free(r->entries[i].label);
		free(r->entries[i].text);
	}
	free(r->entries);
	free(r->project);
	free(r->time);
	memset(r, 0, sizeof *r);
}

/* ---- targets and labels -------------------------------------------------- */

enum rescue_kind { RK_INTRO, RK_NOTE, RK_EXAMPLE, RK_CARD, RK_RESUME, RK_CANDIDATE,
	RK_POSITION, RK_POS_FIELD, RK_UNSORTED };

struct rescue_target {
	enum rescue_kind kind;
	int ecq, question;
	int64_t example;        /* RK_EXAMPLE, RK_CARD, RK_RESUME; RK_POS_FIELD:
	                         * the position's id */
	enum example_field field;
	enum position_field pos_field;  /* RK_POS_FIELD */
};

/* Parses a revision target; only the exact form store.h gives is taken
 * (numbers are printed back and compared, so "note.01.2" is refused). */
static int
rescue_target_parse(const char *s, struct rescue_target *t)
{
	char back[96];
	long long id;
	int a, b, f;
	char *name;

	memset(t, 0, sizeof *t);
	if (strcmp(s, "meta.candidate") == 0) {
		t->kind = RK_CANDIDATE;
		return 0;
	}
	if (strcmp(s, "meta.position") == 0) {
		t->kind = RK_POSITION;
		return 0;
	}
	if (strcmp(s, "unsorted") == 0) {
		t->kind = RK_UNSORTED;
		return 0;
	}
	if (sscanf(s, "intro.%d", &a) == 1 && a >= 0) {
		snprintf(back, sizeof back, "intro.%d", a);
		if (strcmp(back, s) != 0)
			return -1;
		t->kind = RK_INTRO;
		t->ecq = a;
		return 0;
	}
	if (sscanf(s, "note.%d.%d", &a, &b) == 2 && a >= 0 && b >= 0) {
		snprintf(back, sizeof back, "note.%d.%d", a, b);
		if (strcmp(back, s) != 0)
			return -1;
		t->kind = RK_NOTE;
		t->ecq = a;
		t->question = b;
		return 0;
	}
	if (sscanf(s, "position.%lld.", &id) == 1 && id > 0) {
		/* a field of a position on the résumé */
		for (f = 0; f < POS_FIELD_COUNT; f++) {
			bool same;

			name = store_position_target((int64_t)id, (enum position_field)f);
			same = strcmp(name, s) == 0;
			free(name);
			if (same) {
				t->kind = RK_POS_FIELD;
				t->example = (int64_t)id;
				t->pos_field = (enum position_field)f;
				return 0;
			}
		}
		return -1;
	}
	if (sscanf(s, "example.%lld.", &id) == 1 && id > 0) {
		/* the interview card and the résumé line the coach edits too */
		snprintf(back, sizeof back, "example.%lld.card", id);
		if (strcmp(back, s) == 0) {
			t->kind = RK_CARD;
			t->example = (int64_t)id;
			return 0;
		}
		snprintf(back, sizeof back, "example.%lld.resume", id);
		if (strcmp(back, s) == 0) {
			t->kind = RK_RESUME;
			t->example = (int64_t)id;
			return 0;
		}
		for (f = 0; f < EX_FIELD_COUNT; f++) {
			bool same;

			name = store_example_target((int64_t)id, (enum example_field)f);
			same = strcmp(name, s) == 0;
			free(name);
			if (same) {
				t->kind = RK_EXAMPLE;
				t->example = (int64_t)id;
				t->field = (enum example_field)f;
				return 0;
			}
		}
	}
	return -1;
}

/* The ECQ's title, or NULL when p has no such ECQ. */
static const char *
rescue_ecq_title(const struct project *p, int ecq)
{
	if (p == NULL || p->fw == NULL || ecq < 0 || (size_t)ecq >= p->fw->n_ecqs)
		return NULL;
	return p->fw->ecqs[ecq].title;
}

char *
rescue_label(const struct project *p, const char *target)
{
	struct rescue_target t;
	const struct example *ex;
	const struct position *pos;
	const char *title;
	char *label = NULL;

	if (rescue_target_parse(target, &t) != 0)
		return xstrdup(target);
	switch (t.kind) {
	case RK_CANDIDATE:
		return xstrdup("Candidate's name");
	case RK_POSITION:
		return xstrdup("Position");
	case RK_UNSORTED:
		return xstrdup("Unsorted text");
	case RK_INTRO:
		if ((title = rescue_ecq_title(p, t.ecq)) != NULL)
			label = xasprintf("ECQ %d (%s), introduction", t.ecq + 1, title);
		break;
	case RK_NOTE:
		if ((title = rescue_ecq_title(p, t.ecq)) != NULL)
			label = xasprintf("ECQ %d (%s), answer to focus question %d",
			    t.ecq + 1, title, t.question + 1);
		break;
	case RK_EXAMPLE:
		ex = p != NULL ? project_example_by_id(p, t.example) : NULL;
		if (ex != NULL && (title = rescue_ecq_title(p, ex->ecq)) != NULL)
			label = xasprintf("ECQ %d (%s), example %d \"%.60s\", %s", ex->ecq + 1,
			    title, ex->position + 1, ex->field[EX_TITLE],
			    project_field_name(t.field));
		break;
	case RK_CARD:
		ex = p != NULL ? project_example_by_id(p, t.example) : NULL;
		if (ex != NULL && (title = rescue_ecq_title(p, ex->ecq)) != NULL)
			label = xasprintf("ECQ %d (%s), example %d \"%.60s\", interview card",
			    ex->ecq + 1, title, ex->position + 1, ex->field[EX_TITLE]);
		break;
	case RK_RESUME:
		ex = p != NULL ? project_example_by_id(p, t.example) : NULL;
		if (ex != NULL && (title = rescue_ecq_title(p, ex->ecq)) != NULL)
			label = xasprintf("ECQ %d (%s), example %d \"%.60s\", résumé line",
			    ex->ecq + 1, title, ex->position + 1, ex->field[EX_TITLE]);
		break;
	case RK_POS_FIELD:
		pos = p != NULL ? project_position_by_id(p, t.example) : NULL;
		if (pos != NULL)
			label = xasprintf("Résumé, position %d \"%.60s\", %s", pos->seq + 1,
			    pos->field[POS_TITLE], project_position_field_name(t.pos_field));
		break;
	}
	return label != NULL ? label : xstrdup(target);
}

/* ---- the format ---------------------------------------------------------- */

static void
sb_puts(struct strbuf *b, const char *s)
{
	strbuf_add(b, s, strlen(s));
}

static void
sb_printf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
sb_printf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		s = xstrdup("");    /* vasprintf only fails when memory runs out */
	sb_puts(b, s);
	free(s);
}

char *
rescue_format(const struct rescue *r, size_t *len_out)
{
	struct strbuf b = { NULL, 0, 0 };
	char *project = rescue_one_line(r->project);
	size_t i;

	sb_puts(&b, RESCUE_MAGIC "\n");
	sb_puts(&b, "# Text ecqcoach could not save into its project. Put it back with:\n");
	sb_printf(&b, "#   ecqcoach recover '%s' --apply THIS-FILE\n", project);
	sb_puts(&b, "# Each text below is given whole, byte for byte, after its length.\n");
	sb_printf(&b, "project: %s\n", project);
	sb_printf(&b, "time: %s\n", r->time);
	sb_printf(&b, "entries: %zu\n\n", r->n);
	for (i = 0; i < r->n; i++) {
		const struct rescue_entry *e = &r->entries[i];

		sb_printf(&b, "=== entry %zu of %zu\n", i + 1, r->n);
		sb_printf(&b, "target: %s\n", e->target);
		sb_printf(&b, "label: %s\n", e->label);
		sb_printf(&b, "bytes: %zu\n", e->len);
		strbuf_add(&b, e->text, e->len);
		sb_printf(&b, "\n=== end of entry %zu\n\n", i + 1);
	}
	free(project);
	*len_out = b.len;
	return b.s;
}

/* A reader over the file's bytes that counts lines for messages. */
struct rescue_cur {
	const char *p, *end;
	const char *name;
	int line;
};

static int
rescue_bad(struct rescue_cur *c, struct error *err, const char *what)
{
	return error_set(err, ERR_FORMAT, "%s:%d: not a rescue file ecqcoach can read: %s",
	    c->name, c->line, what);
}

/* The next line without its newline (a copy; caller frees), or NULL when
 * there is no complete line left. */
static char *
rescue_line(struct rescue_cur *c)
{
	const char *nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
	char *s;

	if (nl == NULL)
		return NULL;
	s = xstrndup(c->p, (size_t)(nl - c->p));
	if (strlen(s) != (size_t)(nl - c->p)) {     /* a NUL inside */
		free(s);
		return NULL;
	}
	c->p = nl + 1;
	c->line++;
	return s;
}

/* Reads "KEY: VALUE" and returns a copy of VALUE, or NULL. */
static char *
rescue_field(struct rescue_cur *c, const char *key)
{
	char *line = rescue_line(c), *v = NULL;
	size_t k = strlen(key);

	if (line != NULL && strncmp(line, key, k) == 0 && line[k] == ':' && line[k + 1] == ' ')
		v = xstrdup(line + k + 2);
	free(line);
	return v;
}

/* Reads a line that must be exactly want. */
static bool
rescue_expect(struct rescue_cur *c, const char *want)
{
	char *line = rescue_line(c);
	bool ok = line != NULL && strcmp(line, want) == 0;

	free(line);
	return ok;
}

/* A decimal count without sign or leading zeros, at most max. */
static bool
rescue_count(const char *s, size_t max, size_t *out)
{
	size_t v = 0;

	if (s == NULL || *s == '\0' || (s[0] == '0' && s[1] != '\0'))
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > (max - (size_t)(*s - '0')) / 10)
			return false;
		v = v * 10 + (size_t)(*s - '0');
	}
	*out = v;
	return true;
}

static bool
rescue_utf8(const char *s, size_t n)
{
	return u8_check((const uint8_t *)s, n) == NULL;
}

static int
rescue_parse_entry(struct rescue_cur *c, size_t i, size_t n, struct rescue *out,
    struct error *err)
{
	struct rescue_target t;
	char want[96], *target = NULL, *label = NULL, *bytes = NULL;
	size_t len, k;
	int rc = -1;

	snprintf(want, sizeof want, "=== entry %zu of %zu", i + 1, n);
	if (!rescue_expect(c, want)) {
		rescue_bad(c, err, "expected the line '=== entry N of M'");
		goto out;
	}
	if ((target = rescue_field(c, "target")) == NULL || rescue_target_parse(target, &t) != 0) {
		rescue_bad(c, err, "expected 'target: ' and a place in the project");
		goto out;
	}
	if ((label = rescue_field(c, "label")) == NULL || !rescue_utf8(label, strlen(label))) {
		rescue_bad(c, err, "expected 'label: ' and UTF-8 text");
		goto out;
	}
	bytes = rescue_field(c, "bytes");
	if (!rescue_count(bytes, RESCUE_MAX_FILE, &len) || len > (size_t)(c->end - c->p)) {
		rescue_bad(c, err, "expected 'bytes: ' and the length of the text that follows");
		goto out;
	}
	if (memchr(c->p, '\0', len) != NULL || !rescue_utf8(c->p, len)) {
		rescue_bad(c, err, "the text is not valid UTF-8");
		goto out;
	}
	rescue_add(out, target, label, c->p, len);
	for (k = 0; k < len; k++)
		if (c->p[k] == '\n')
			c->line++;
	c->p += len;
	snprintf(want, sizeof want, "=== end of entry %zu", i + 1);
	if (!rescue_expect(c, "") || !rescue_expect(c, want) || !rescue_expect(c, "")) {
		rescue_bad(c, err, "the text is not followed by '=== end of entry N' "
		    "(the file was cut short or changed by hand)");
		goto out;
	}
	rc = 0;
out:
	free(target);
	free(label);
	free(bytes);
	return rc;
}

int
rescue_parse(const char *buf, size_t len, const char *name, struct rescue *out,
    struct error *err)
{
	struct rescue_cur c = { buf, buf + len, name, 0 };
	char *line = NULL, *count = NULL;
	size_t n, i;

	memset(out, 0, sizeof *out);
	if (!rescue_expect(&c, RESCUE_MAGIC))
		return rescue_bad(&c, err, "it does not start with '" RESCUE_MAGIC "'");
	/* comment lines, then project, time and the number of entries */
	for (;;) {
		const char *at = c.p;
		int ln = c.line;

		line = rescue_line(&c);
		if (line == NULL || line[0] != '#') {
			free(line);
			c.p = at;
			c.line = ln;
			break;
		}
		free(line);
	}
	if ((out->project = rescue_field(&c, "project")) == NULL) {
		rescue_bad(&c, err, "expected 'project: '");
		goto fail;
	}
	if ((out->time = rescue_field(&c, "time")) == NULL
	    || !rescue_utf8(out->time, strlen(out->time))) {
		rescue_bad(&c, err, "expected 'time: '");
		goto fail;
	}
	count = rescue_field(&c, "entries");
	if (!rescue_count(count, RESCUE_MAX_FILE, &n) || !rescue_expect(&c, "")) {
		rescue_bad(&c, err, "expected 'entries: ' and a number, then an empty line");
		goto fail;
	}
	for (i = 0; i < n; i++)
		if (rescue_parse_entry(&c, i, n, out, err) != 0)
			goto fail;
	if (c.p != c.end) {
		rescue_bad(&c, err, "more follows the last entry");
		goto fail;
	}
	free(count);
	return 0;
fail:
	free(count);
	rescue_free(out);
	return -1;
}

/* ---- files --------------------------------------------------------------- */

char *
rescue_state_dir(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/ecqcoach", xdg);
	if (home != NULL && home[0] == '/')
		return xasprintf("%s/.local/state/ecqcoach", home);
	return NULL;
}

/* Creates dir and its missing parents (0700) and opens it; refuses a
 * folder someone else owns. Returns a descriptor or -1 with errno. */
static int
rescue_open_state_dir(const char *dir)
{
	char *p = xstrdup(dir), *s;
	struct stat sb;
	int fd, e;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			e = errno;
			free(p);
			errno = e;
			return -1;
		}
		*s = '/';
	}
	if (mkdir(p, 0700) != 0 && errno != EEXIST) {
		e = errno;
		free(p);
		errno = e;
		return -1;
	}
	free(p);
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &sb) != 0 || sb.st_uid != geteuid() || (sb.st_mode & 022) != 0) {
		close(fd);
		errno = EPERM;
		return -1;
	}
	return fd;
}

static int
rescue_write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Writes text to a new file BASE.rescue (or BASE.rescue-N) in the folder
 * dfd; *name_out gets the name used. Returns 0 or an errno value. */
static int
rescue_write_in(int dfd, const char *base, const char *text, size_t len, char **name_out)
{
	int i, fd, e;
	char *name;

	for (i = 1; i <= RESCUE_MAX_NAMES; i++) {
		name = i == 1 ? xasprintf("%s" RESCUE_SUFFIX, base)
		    : xasprintf("%s" RESCUE_SUFFIX "-%d", base, i);
		/* O_EXCL never opens an existing file, nor follows a link */
		fd = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0) {
			e = errno;
			free(name);
			if (e == EEXIST)
				continue;
			return e;
		}
		if (rescue_write_all(fd, text, len) != 0 || fsync(fd) != 0) {
			e = errno;
			close(fd);
			unlinkat(dfd, name, 0);
			free(name);
			return e;
		}
		if (close(fd) != 0) {
			e = errno;
			unlinkat(dfd, name, 0);
			free(name);
			return e;
		}
		(void)fsync(dfd);
		*name_out = name;
		return 0;
	}
	return EEXIST;
}

/* Splits an absolute path into a folder and a last part (both new). */
static void
rescue_split(const char *abs, char **dir, char **base)
{
	const char *slash = strrchr(abs, '/');

	if (slash == NULL) {
		*dir = xstrdup(".");
		*base = xstrdup(abs);
	} else {
		*dir = slash == abs ? xstrdup("/") : xstrndup(abs, (size_t)(slash - abs));
		*base = xstrdup(slash + 1);
	}
}

int
rescue_write(const struct rescue *r, char **path_out, struct error *err)
{
	char *text, *dir, *base, *name = NULL, *state;
	size_t len;
	int dfd, e1, e2 = 0, rc = -1;

	text = rescue_format(r, &len);
	rescue_split(r->project, &dir, &base);
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	e1 = dfd < 0 ? errno : rescue_write_in(dfd, base, text, len, &name);
	if (dfd >= 0)
		close(dfd);
	if (e1 == 0) {
		*path_out = strcmp(dir, "/") == 0 ? xasprintf("/%s", name)
		    : xasprintf("%s/%s", dir, name);
		rc = 0;
		goto out;
	}
	state = rescue_state_dir();
	if (state == NULL) {
		error_set(err, ERR_IO, "cannot write a rescue file beside %s (%s), and "
		    "neither XDG_STATE_HOME nor HOME names a folder for one",
		    r->project, strerror(e1));
		goto out;
	}
	dfd = rescue_open_state_dir(state);
	e2 = dfd < 0 ? errno : rescue_write_in(dfd, base, text, len, &name);
	if (dfd >= 0)
		close(dfd);
	if (e2 == 0) {
		*path_out = xasprintf("%s/%s", state, name);
		rc = 0;
	} else {
		error_set(err, ERR_IO, "cannot write a rescue file beside %s (%s) nor in "
		    "%s (%s); free some disk space", r->project, strerror(e1), state,
		    strerror(e2));
	}
	free(state);
out:
	free(name);
	free(dir);
	free(base);
	free(text);
	return rc;
}

int
rescue_read(const char *path, struct rescue *out, struct error *err)
{
	struct stat sb;
	char *buf = NULL;
	size_t got = 0;
	ssize_t n;
	int fd, rc = -1;

	memset(out, 0, sizeof *out);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return error_set(err, ERR_IO, "cannot open %s: %s", path, strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		error_set(err, ERR_IO, "%s is not a regular file", path);
		goto out;
	}
	if (sb.st_size > RESCUE_MAX_FILE) {
		error_set(err, ERR_FORMAT, "%s is larger than any rescue file ecqcoach writes", path);
		goto out;
	}
	buf = xmalloc((size_t)sb.st_size + 1);
	while (got < (size_t)sb.st_size) {
		n = read(fd, buf + got, (size_t)sb.st_size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			error_set(err, ERR_IO, "cannot read %s: %s", path, strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	rc = rescue_parse(buf, got, path, out, err);
out:
	free(buf);
	close(fd);
	return rc;
}

/* True for BASE.rescue and BASE.rescue-N (not yet used). */
static bool
rescue_name_matches(const char *name, const char *base)
{
	size_t b = strlen(base), s = strlen(RESCUE_SUFFIX);
	const char *rest;

	if (strncmp(name, base, b) != 0 || strncmp(name + b, RESCUE_SUFFIX, s) != 0)
		return false;
	rest = name + b + s;
	if (*rest == '\0')
		return true;
	if (*rest++ != '-' || *rest == '\0')
		return false;
	for (; *rest; rest++)
		if (*rest < '0' || *rest > '9')
			return false;
	return true;
}

struct rescue_found {
	char *path;
	time_t mtime;
};

/* Adds the matching rescue files of folder dir; with project set, only
 * those whose header names it. */
static void
rescue_scan(const char *dir, const char *base, const char *project,
    struct rescue_found **list, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct stat sb;
	struct rescue r;
	struct error err;
	char *path;
	bool keep;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (!rescue_name_matches(de->d_name, base))
			continue;
		path = strcmp(dir, "/") == 0 ? xasprintf("/%s", de->d_name)
		    : xasprintf("%s/%s", dir, de->d_name);
		keep = lstat(path, &sb) == 0 && S_ISREG(sb.st_mode);
		if (keep && project != NULL) {
			keep = rescue_read(path, &r, &err) == 0 && strcmp(r.project, project) == 0;
			rescue_free(&r);
		}
		if (!keep) {
			free(path);
			continue;
		}
		*list = xreallocarray(*list, *n + 1, sizeof **list);
		(*list)[*n].path = path;
		(*list)[*n].mtime = sb.st_mtime;
		(*n)++;
	}
	closedir(d);
}

static int
rescue_newest_first(const void *a, const void *b)
{
	const struct rescue_found *x = a, *y = b;

	if (x->mtime != y->mtime)
		return x->mtime < y->mtime ? 1 : -1;
	return strcmp(y->path, x->path);
}

int
rescue_list(const char *project_path, char ***paths_out, size_t *n_out, struct error *err)
{
	char *abs = rescue_abs(project_path), *dir, *base, *state = rescue_state_dir();
	struct rescue_found *found = NULL;
	size_t n = 0, i;
	char **paths;

	(void)err;
	rescue_split(abs, &dir, &base);
	rescue_scan(dir, base, NULL, &found, &n);
	if (state != NULL && strcmp(state, dir) != 0)
		rescue_scan(state, base, abs, &found, &n);
	if (n > 1)
		qsort(found, n, sizeof *found, rescue_newest_first);
	paths = xcalloc(n + 1, sizeof *paths);
	for (i = 0; i < n; i++)
		paths[i] = found[i].path;
	free(found);
	free(state);
	free(dir);
	free(base);
	free(abs);
	*paths_out = paths;
	*n_out = n;
	return 0;
}

void
rescue_paths_free(char **paths)
{
	char **p;

	if (paths == NULL)
		return;
	for (p = paths; *p != NULL; p++)
		free(*p);
	free(paths);
}

int
rescue_mark_used(const char *path, char **new_path_out, struct error *err)
{
	char *to;
	int i;

	for (i = 1; i <= RESCUE_MAX_NAMES; i++) {
		to = i == 1 ? xasprintf("%s.used", path) : xasprintf("%s.used-%d", path, i);
		/* a link never replaces a file, unlike rename */
		if (link(path, to) == 0) {
			if (unlink(path) != 0) {
				error_set(err, ERR_IO, "cannot rename %s to %s: %s", path, to,
				    strerror(errno));
				unlink(to);
				free(to);
				return -1;
			}
			if (new_path_out != NULL)
				*new_path_out = to;
			else
				free(to);
			return 0;
		}
		if (errno != EEXIST) {
			error_set(err, ERR_IO, "cannot rename %s to %s: %s", path, to,
			    strerror(errno));
			free(to);
			return -1;
		}
		free(to);
	}
	return error_set(err, ERR_IO, "cannot rename %s: too many used rescue files beside it",
	    path);
}

/* ---- applying ------------------------------------------------------------ */

/* Appends an entry whose place is gone to the project's unsorted text. */
static int
rescue_to_unsorted(struct store *st, const struct rescue *r, const struct rescue_entry *e,
    struct error *err)
{
	const char *old = store_project(st)->unsorted;
	char *text;
	int rc;

	text = xasprintf("%s%s[Rescued %s: %s]\n%s", old, *old != '\0' ? "\n\n" : "",
	    r->time, e->label, e->text);
	rc = store_set_unsorted(st, text, err);
	free(text);
	return rc;
}

/* The text now at target t, or NULL when the project has no such place. */
static const char *
rescue_current(const struct project *p, const struct rescue_target *t)
{
	const struct example *ex;
	const struct position *pos;

	switch (t->kind) {
	case RK_CANDIDATE:
		return p->candidate;
	case RK_POSITION:
		return p->position;
	case RK_UNSORTED:
		return p->unsorted;
	case RK_INTRO:
		return rescue_ecq_title(p, t->ecq) != NULL ? p->intro[t->ecq] : NULL;
	case RK_NOTE:
		if (rescue_ecq_title(p, t->ecq) == NULL
		    || (size_t)t->question >= p->fw->ecqs[t->ecq].questions.n)
			return NULL;
		return p->notes[t->ecq][t->question];
	case RK_EXAMPLE:
		ex = project_example_by_id(p, t->example);
		return ex != NULL ? ex->field[t->field] : NULL;
	case RK_CARD:
		ex = project_example_by_id(p, t->example);
		return ex != NULL ? project_example_card(ex) : NULL;
	case RK_RESUME:
		ex = project_example_by_id(p, t->example);
		return ex != NULL ? project_example_resume(ex) : NULL;
	case RK_POS_FIELD:
		pos = project_position_by_id(p, t->example);
		return pos != NULL ? pos->field[t->pos_field] : NULL;
	}
	return NULL;
}

int
rescue_apply(struct store *st, const struct rescue *r, size_t *placed_out,
    size_t *unsorted_out, struct error *err)
{
	struct rescue_target t;
	const char *now;
	size_t i, placed = 0, unsorted = 0;
	int rc = 0;

	/* A restore replaces text on purpose: what it replaces must be kept. */
	store_new_burst(st);
	for (i = 0; i < r->n && rc == 0; i++) {
		const struct rescue_entry *e = &r->entries[i];

		if (rescue_target_parse(e->target, &t) != 0
		    || (now = rescue_current(store_project(st), &t)) == NULL) {
			rc = rescue_to_unsorted(st, r, e, err);
			unsorted += rc == 0;
			continue;
		}
		placed++;
		if (strcmp(now, e->text) == 0)
			continue;       /* already there: no revision for nothing */
		switch (t.kind) {
		case RK_CANDIDATE: rc = store_set_candidate(st, e->text, err); break;
		case RK_POSITION: rc = store_set_position(st, e->text, err); break;
		case RK_UNSORTED: rc = store_set_unsorted(st, e->text, err); break;
		case RK_INTRO: rc = store_set_intro(st, t.ecq, e->text, err); break;
		case RK_NOTE: rc = store_set_note(st, t.ecq, t.question, e->text, err); break;
		case RK_EXAMPLE:
			rc = store_set_example_field(st, t.example, t.field, e->text, err);
			break;
		case RK_CARD:
			rc = store_set_example_card(st, t.example, e->text, err);
			break;
		case RK_RESUME:
			rc = store_set_example_resume(st, t.example, e->text, err);
			break;
		case RK_POS_FIELD:
			rc = store_set_position_field(st, t.example, t.pos_field, e->text, err);
			break;
		}
		if (rc != 0)
			placed--;
	}
	if (placed_out != NULL)
		*placed_out = placed;
	if (unsorted_out != NULL)
		*unsorted_out = unsorted;
	return rc;
}
