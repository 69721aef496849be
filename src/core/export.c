/* SPDX-License-Identifier: MIT */
/*
 * export.c: renders the narrative's blocks as PDF (pages drawn by
 * layout_draw_page), plain text or Markdown, and writes files atomically
 * (temporary file in the same folder, fsync, rename). Prints nothing.
 */
#include "config.h"
#include "export.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <unilbrk.h>
#include <uniwidth.h>

#include "comments.h"
#include "paths.h"
#include "safetext.h"
#include "xalloc.h"

void
export_options_init(struct export_options *o)
{
	memset(o, 0, sizeof(*o));
	layout_options_init(&o->layout);
	o->width = EXPORT_DEFAULT_WIDTH;
}

int
export_format_parse(const char *s)
{
	if (s == NULL)
		return -1;
	if (strcasecmp(s, "pdf") == 0)
		return EXPORT_PDF;
	if (strcasecmp(s, "text") == 0 || strcasecmp(s, "txt") == 0)
		return EXPORT_TEXT;
	if (strcasecmp(s, "markdown") == 0 || strcasecmp(s, "md") == 0)
		return EXPORT_MARKDOWN;
	return -1;
}

int
export_format_from_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash != NULL ? slash + 1 : path, '.');

	if (dot == NULL || dot[1] == '\0')
		return -1;
	dot++;
	if (strcasecmp(dot, "text") == 0 || strcasecmp(dot, "txt") == 0 ||
	    strcasecmp(dot, "pdf") == 0 || strcasecmp(dot, "md") == 0 ||
	    strcasecmp(dot, "markdown") == 0)
		return export_format_parse(dot);
	return -1;
}

void
export_output_free(struct export_output *out)
{
	if (out == NULL)
		return;
	free(out->data);
	free(out->warning);
	memset(out, 0, sizeof(*out));
}

/* ---- ASCII folding ------------------------------------------------------- */

struct fold_entry {
	gunichar c;
	char *to;
};

struct export_fold {
	struct fold_entry *items;
	size_t n;
};

static int
fold_cmp(const void *a, const void *b)
{
	gunichar x = ((const struct fold_entry *)a)->c;
	gunichar y = ((const struct fold_entry *)b)->c;

	return x < y ? -1 : x > y;
}

struct export_fold *
export_fold_load(const char *path, struct error *err)
{
	struct export_fold *f;
	gchar *text = NULL;
	gchar **lines;
	GError *gerr = NULL;
	size_t i, cap = 0;

	if (!g_file_get_contents(path, &text, NULL, &gerr)) {
		error_set(err, ERR_IO, "cannot read the ASCII fold table %s: %s",
		    path, gerr->message);
		g_error_free(gerr);
		return NULL;
	}
	f = xcalloc(1, sizeof(*f));
	lines = g_strsplit(text, "\n", -1);
	for (i = 0; lines[i] != NULL; i++) {
		char *line = lines[i], *tab, *end;
		unsigned long cp;

		line[strcspn(line, "\r")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		tab = strchr(line, '\t');
		if (strncasecmp(line, "U+", 2) != 0 || tab == NULL) {
			error_set(err, ERR_FORMAT, "%s:%zu: expected \"U+XXXX<TAB>"
			    "replacement\"", path, i + 1);
			goto fail;
		}
		cp = strtoul(line + 2, &end, 16);
		if (end != tab || cp == 0 || cp > 0x10ffff) {
			error_set(err, ERR_FORMAT, "%s:%zu: bad code point", path, i + 1);
			goto fail;
		}
		if (f->n == cap) {
			cap = cap ? cap * 2 : 32;
			f->items = xreallocarray(f->items, cap, sizeof(*f->items));
		}
		f->items[f->n].c = (gunichar)cp;
		f->items[f->n].to = xstrdup(tab + 1);
		f->n++;
	}
	qsort(f->items, f->n, sizeof(*f->items), fold_cmp);
	g_strfreev(lines);
	g_free(text);
	return f;
fail:
	g_strfreev(lines);
	g_free(text);
	export_fold_free(f);
	return NULL;
}

void
export_fold_free(struct export_fold *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++)
		free(f->items[i].to);
	free(f->items);
	free(f);
}

char *
export_fold_ascii(const struct export_fold *f, const char *s)
{
	GString *out = g_string_sized_new(strlen(s) + 1);
	const char *q;
	char *res;

	for (q = s; *q != '\0'; q = g_utf8_next_char(q)) {
		gunichar c = g_utf8_get_char(q);
		struct fold_entry key = { c, NULL }, *hit;
		char buf[8];
		gchar *nf, *r;
		size_t before;

		if (c < 0x80) {
			g_string_append_c(out, (char)c);
			continue;
		}
		hit = f != NULL ? bsearch(&key, f->items, f->n, sizeof(*f->items),
		    fold_cmp) : NULL;
		if (hit != NULL) {
			g_string_append(out, hit->to);
			continue;
		}
		/* "é" -> "e", "ﬁ" -> "fi": keep the ASCII of the decomposition. */
		buf[g_unichar_to_utf8(c, buf)] = '\0';
		nf = g_utf8_normalize(buf, -1, G_NORMALIZE_ALL);
		before = out->len;
		for (r = nf; r != NULL && *r != '\0'; r++)
			if ((unsigned char)*r < 0x80)
				g_string_append_c(out, *r);
		g_free(nf);
		if (out->len == before)
			g_string_append_c(out, '?');
	}
	res = xstrdup(out->str);
	g_string_free(out, TRUE);
	return res;
}

/* ---- wrapping ------------------------------------------------------------ */

/* Display width of s[0..len) without trailing blanks. */
static size_t
wrap_width(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return (size_t)u8_width((const uint8_t *)s, len, "UTF-8");
}

char *
export_wrap(const char *s, int width)
{
	size_t n = strlen(s), i, line_start = 0, last_break = 0;
	char *brk;
	GString *out;
	char *res;

	if (width <= 0 || n == 0)
		return xstrdup(s);
	brk = xmalloc(n);
	u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", brk);
	out = g_string_sized_new(n + n / (size_t)width + 2);
	/* Greedy: a line takes words while they fit; blanks at its end are
	 * free and dropped; a word longer than the width stands alone. */
	for (i = 1; i <= n; i++) {
		if (i < n && brk[i] != UC_BREAK_POSSIBLE && brk[i] != UC_BREAK_MANDATORY)
			continue;
		if (wrap_width(s + line_start, i - line_start) > (size_t)width &&
		    last_break > line_start) {
			size_t end = last_break;

			while (end > line_start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
				end--;
			g_string_append_len(out, s + line_start, (gssize)(end - line_start));
			g_string_append_c(out, '\n');
			line_start = last_break;
		}
		last_break = i;
	}
	{
		size_t end = n;

		while (end > line_start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
			end--;
		g_string_append_len(out, s + line_start, (gssize)(end - line_start));
	}
	free(brk);
	res = xstrdup(out->str);
	g_string_free(out, TRUE);
	return res;
}

/* ---- text and Markdown --------------------------------------------------- */

/* s on one line without surrounding white space; g_free it. */
static char *
one_line(const char *s)
{
	gchar *v = g_utf8_make_valid(s != NULL ? s : "", -1), *q;

	for (q = v; *q != '\0'; q++)
		if ((unsigned char)*q < 0x20 || *q == 0x7f)
			*q = ' ';
	return g_strstrip(v);
}

/* Escapes what Markdown would read as markup: inline emphasis, code, links
 * and HTML anywhere, headings, lists and quotes at the start. */
static void
md_append_escaped(GString *out, const char *s, bool line_start)
{
	const char *q = s;

	if (!line_start) {
		/* nothing to do at the start */
	} else if (*q == '#' || *q == '-' || *q == '+' || *q == '>' || *q == '=') {
		g_string_append_c(out, '\\');
	} else if (g_ascii_isdigit(*q)) {
		const char *d = q;

		while (g_ascii_isdigit(*d))
			d++;
		if (*d == '.' || *d == ')') {
			g_string_append_len(out, q, d - q);
			g_string_append_c(out, '\\');
			q = d;
		}
	}
	for (; *q != '\0'; q++) {
		if (strchr("\\`*_[]<", *q) != NULL)
			g_string_append_c(out, '\\');
		g_string_append_c(out, *q);
	}
}

static int
export_text_like(const struct project *p, enum export_format fmt,
    const struct export_options *o, struct export_output *out,
    struct error *err)
{
	struct export_fold *fold = NULL;
	struct layout_blocks b;
	GString *s = g_string_new(NULL);
	char *cand = NULL, *pos = NULL;
	size_t i;
	int width = fmt == EXPORT_TEXT ? o->width : 0;

	if (o->ascii) {
		char *path = o->fold_table != NULL ? xstrdup(o->fold_table) :
		    paths_data_file("dictionaries/ascii-fold.txt");

		fold = export_fold_load(path, err);
		free(path);
		if (fold == NULL) {
			g_string_free(s, TRUE);
			return -1;
		}
	}
#define FOLD(x) (fold != NULL ? export_fold_ascii(fold, (x)) : xstrdup(x))
	{
		char *c1 = one_line(p->candidate), *p1 = one_line(p->position);

		cand = FOLD(c1);
		pos = FOLD(p1);
		g_free(c1);
		g_free(p1);
	}
	if (!o->no_header && fmt == EXPORT_MARKDOWN) {
		if (*cand != '\0') {
			g_string_append(s, "# ");
			md_append_escaped(s, cand, false);
			g_string_append(s, "\n\n");
		}
		if (*pos != '\0') {
			md_append_escaped(s, pos, true);
			g_string_append(s, "\n\n");
		}
	} else if (!o->no_header) {
		char *w;

		if (*cand != '\0') {
			w = export_wrap(cand, width);
			g_string_append_printf(s, "%s\n", w);
			free(w);
		}
		if (*pos != '\0') {
			w = export_wrap(pos, width);
			g_string_append_printf(s, "%s\n", w);
			free(w);
		}
		if (*cand != '\0' || *pos != '\0')
			g_string_append_c(s, '\n');
	}
	layout_blocks_build(p, &o->layout, &b);
	for (i = 0; i < b.n; i++) {
		const struct layout_block *blk = &b.items[i];
		char *text = FOLD(blk->text);

		if (i > 0)
			g_string_append_c(s, '\n');
		if (fmt == EXPORT_MARKDOWN) {
			switch (blk->kind) {
			case LAYOUT_BLOCK_ECQ_HEADING:
				g_string_append(s, "## ");
				break;
			case LAYOUT_BLOCK_EXAMPLE_TITLE:
				g_string_append(s, "### ");
				break;
			default:
				break;
			}
			if (blk->label != NULL)
				g_string_append_printf(s, "**%s:** ", blk->label);
			md_append_escaped(s, text, blk->label == NULL &&
			    (blk->kind == LAYOUT_BLOCK_INTRO ||
			    blk->kind == LAYOUT_BLOCK_PARAGRAPH));
			g_string_append_c(s, '\n');
		} else {
			char *para = blk->label != NULL ?
			    xasprintf("%s: %s", blk->label, text) : xstrdup(text);
			char *wrapped = export_wrap(para, width);

			g_string_append(s, wrapped);
			g_string_append_c(s, '\n');
			free(wrapped);
			free(para);
		}
		free(text);
	}
#undef FOLD
	layout_blocks_free(&b);
	free(cand);
	free(pos);
	export_fold_free(fold);
	/* Control characters (ESC, CR, C1...) mean nothing in a narrative and
	 * would drive whatever terminal shows the file: dropped. */
	out->data = safetext_document(s->str, s->len, &out->len);
	g_string_free(s, TRUE);
	return 0;
}

/* ---- PDF ----------------------------------------------------------------- */

static cairo_status_t
pdf_sink(void *closure, const unsigned char *data, unsigned int len)
{
	GString *buf = closure;

	g_string_append_len(buf, (const gchar *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

int
export_pdf_draw(const struct layout_result *r, const char *title, const char *author,
    const char *subject, const char *creator, const char *header_left,
    const char *header_right, struct export_output *out, struct error *err)
{
	return export_pdf_draw_many(r, 1, title, author, subject, creator, header_left,
	    header_right, out, err);
}

int
export_pdf_draw_many(const struct layout_result *rs, size_t n, const char *title,
    const char *author, const char *subject, const char *creator, const char *header_left,
    const char *header_right, struct export_output *out, struct error *err)
{
	cairo_surface_t *surf;
	cairo_t *cr;
	cairo_status_t st;
	GString *buf;
	size_t i;
	int page, pages = 0, done = 0;

	if (n == 0)
		return error_set(err, ERR_USAGE, "nothing to draw");
	buf = g_string_new(NULL);
	surf = cairo_pdf_surface_create_for_stream(pdf_sink, buf, rs[0].page_width,
	    rs[0].page_height);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_AUTHOR, author);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_SUBJECT, subject);
	if (creator != NULL)
		cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, creator);
	cr = cairo_create(surf);
	for (i = 0; i < n; i++)
		pages += rs[i].pages;
	for (i = 0; i < n; i++) {
		/* one footer count across them all ("Page 3 of 5") */
		struct layout_result r = rs[i];

		if (n > 1) {
			r.page_offset = done;
			r.page_total = pages;
		}
		for (page = 1; page <= r.pages; page++) {
			layout_draw_page(&r, page, cr, header_left, header_right);
			cairo_show_page(cr);
		}
		done += r.pages;
	}
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	if (st != CAIRO_STATUS_SUCCESS) {
		g_string_free(buf, TRUE);
		return error_set(err, ERR_INTERNAL, "cairo could not draw the PDF: %s",
		    cairo_status_to_string(st));
	}
	out->pages = pages;
	for (i = 0; i < n; i++)
		if (rs[i].warning != NULL) {
			out->warning = xstrdup(rs[i].warning);
			break;
		}
	out->len = buf->len;
	out->data = xmalloc(buf->len + 1);
	memcpy(out->data, buf->str, buf->len + 1);
	g_string_free(buf, TRUE);
	return 0;
}

int
export_font_refused(const struct layout_result *r, const char *font, struct error *err)
{
	if (!r->font_missing)
		return 0;
	return error_set(err, ERR_NOTFOUND, "font \"%s\" is not installed, so the "
	    "PDF would not have the pages counted (fc-list lists the fonts; "
	    "%s); nothing was written", font != NULL ? font : LAYOUT_DEFAULT_FONT,
	    font == NULL || strncmp(font, "Liberation ", 11) == 0 ?
	    "apt-get install fonts-liberation2" : "choose another with --font");
}

static int
export_pdf(struct layout_cache *c, const struct project *p,
    const struct export_options *o, struct export_output *out,
    struct error *err)
{
	struct layout_result r;
	char *cand, *pos, *title;
	int rc;

	if (layout_pages(c, p, &o->layout, &r, err) != 0)
		return -1;
	if (export_font_refused(&r, o->layout.font, err) != 0) {
		layout_result_free(&r);
		return -1;
	}
	cand = one_line(p->candidate);
	pos = one_line(p->position);
	if (r.ecq >= 0)
		title = xasprintf("ECQ %d: %s%s%s", r.ecq + 1, p->fw->ecqs[r.ecq].title,
		    *cand ? " - " : "", cand);
	else
		title = xasprintf("Executive Core Qualifications%s%s",
		    *cand ? " - " : "", cand);
	rc = export_pdf_draw(&r, title, cand, *pos != '\0' ? pos : p->fw->title, o->creator,
	    o->no_header ? "" : cand, o->no_header ? "" : pos, out, err);
	free(title);
	g_free(cand);
	g_free(pos);
	layout_result_free(&r);
	return rc;
}

/* Adds the open review comments after the narrative (export --comments). */
static int
append_comments(const struct project *p, enum export_format fmt,
    const struct export_options *o, struct export_output *out)
{
	char *extra = comments_report(p, o->layout.ecq, fmt == EXPORT_MARKDOWN), *all;
	size_t n = strlen(extra);

	if (n > 0) {
		all = xmalloc(out->len + n + 1);
		memcpy(all, out->data, out->len);
		memcpy(all + out->len, extra, n + 1);
		free(out->data);
		out->data = all;
		out->len += n;
	}
	free(extra);
	return 0;
}

int
export_render(struct layout_cache *c, const struct project *p,
    enum export_format fmt, const struct export_options *o,
    struct export_output *out, struct error *err)
{
	struct export_options def;

	memset(out, 0, sizeof(*out));
	if (o == NULL) {
		export_options_init(&def);
		o = &def;
	}
	if (o->layout.ecq >= 0 && (size_t)o->layout.ecq >= p->fw->n_ecqs)
		return error_set(err, ERR_NOTFOUND, "there is no ECQ %d in %s",
		    o->layout.ecq + 1, p->fw->id);
	switch (fmt) {
	case EXPORT_PDF:
		return export_pdf(c, p, o, out, err);
	case EXPORT_TEXT:
	case EXPORT_MARKDOWN:
		if (export_text_like(p, fmt, o, out, err) != 0)
			return -1;
		return o->comments ? append_comments(p, fmt, o, out) : 0;
	}
	return error_set(err, ERR_USAGE, "unknown export format");
}

/* ---- writing files ----------------------------------------------------------- */

static int
write_all(int fd, const void *data, size_t len)
{
	const char *q = data;

	while (len > 0) {
		ssize_t w = write(fd, q, len);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		q += w;
		len -= (size_t)w;
	}
	return 0;
}

static bool
is_sqlite_file(const char *path)
{
	char head[16];
	bool yes = false;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return false;
	if (read(fd, head, sizeof(head)) == (ssize_t)sizeof(head))
		yes = memcmp(head, "SQLite format 3", 16) == 0;
	close(fd);
	return yes;
}

int
export_write_file(const char *path, const void *data, size_t len,
    const struct export_options *o, struct error *err)
{
	struct stat st, pst;
	char *target = NULL, *dir = NULL, *base = NULL, *tmp = NULL;
	bool exists;
	mode_t mode = 0666;
	int fd = -1, rc = -1, e;
	unsigned attempt;

	if (path == NULL || *path == '\0')
		return error_set(err, ERR_USAGE, "no output file given");
	/* Write through a symbolic link to the file it names, as cp(1) does,
	 * but not through one someone else planted (in /tmp, say): only a link
	 * of the user's own or of its folder's owner is followed, as the
	 * kernel's protected_symlinks rule has it. */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && st.st_uid != geteuid()) {
		char *ldir = g_path_get_dirname(path);
		bool trusted = stat(ldir, &pst) == 0 && pst.st_uid == st.st_uid;

		g_free(ldir);
		if (!trusted) {
			error_set(err, ERR_USAGE, "%s is a symbolic link made by another user "
			    "(uid %ld); ecqcoach does not write through it; remove it or choose "
			    "another name; nothing was written", path, (long)st.st_uid);
			goto out;
		}
	}
	target = realpath(path, NULL);
	if (target == NULL)
		target = xstrdup(path);
	exists = stat(target, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		error_set(err, ERR_USAGE, "%s is a directory; give a file name "
		    "(e.g. %s/narrative.pdf); nothing was written", path, path);
		goto out;
	}
	if (exists && o != NULL && o->protect != NULL && stat(o->protect, &pst) == 0 &&
	    pst.st_dev == st.st_dev && pst.st_ino == st.st_ino) {
		error_set(err, ERR_USAGE, "%s is the project itself; choose another "
		    "output file; nothing was written", path);
		goto out;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		/* A device or FIFO (/dev/stdout): there is nothing to rename over. */
		fd = open(target, O_WRONLY | O_CLOEXEC);
		if (fd < 0 || write_all(fd, data, len) != 0) {
			error_set(err, ERR_IO, "cannot write %s: %s", path, strerror(errno));
			goto out;
		}
		rc = 0;
		goto out;
	}
	if (exists && (o == NULL || !o->force) && is_sqlite_file(target)) {
		error_set(err, ERR_USAGE, "%s is a SQLite database (an ecqcoach "
		    "project?); use --force to replace it; nothing was written", path);
		goto out;
	}
	if (exists)
		mode = st.st_mode & 07777;
	dir = g_path_get_dirname(target);
	base = g_path_get_basename(target);
	for (attempt = 0; attempt < 100 && fd < 0; attempt++) {
		free(tmp);
		tmp = xasprintf("%s/.%s.%ld.%u.tmp", dir, base, (long)getpid(),
		    (unsigned)(g_random_int() % 1000000u));
		/* The mode is narrowed by the umask like any new file. */
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		error_set(err, ERR_IO, "cannot create %s: %s; nothing was written",
		    path, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto out;
	}
	if (write_all(fd, data, len) != 0 || fsync(fd) != 0 ||
	    (exists && fchmod(fd, mode) != 0)) {
		e = errno;
		error_set(err, ERR_IO, "cannot write %s: %s; nothing was written",
		    path, strerror(e));
		goto out;
	}
	e = close(fd);
	fd = -1;
	if (e != 0) {
		error_set(err, ERR_IO, "cannot write %s: %s; nothing was written",
		    path, strerror(errno));
		goto out;
	}
	if (rename(tmp, target) != 0) {
		error_set(err, ERR_IO, "cannot replace %s: %s; nothing was written",
		    path, strerror(errno));
		goto out;
	}
	free(tmp);
	tmp = NULL;
	{
		/* Make the rename itself durable; failure here loses nothing. */
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		if (dfd >= 0) {
			(void)fsync(dfd);
			close(dfd);
		}
	}
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	if (tmp != NULL) {
		unlink(tmp);
		free(tmp);
	}
	g_free(dir);
	g_free(base);
	free(target);
	return rc;
}

int
export_file(struct layout_cache *c, const struct project *p,
    enum export_format fmt, const struct export_options *o, const char *path,
    struct export_output *out, struct error *err)
{
	struct export_output tmp;
	int rc;

	rc = export_render(c, p, fmt, o, &tmp, err);
	if (rc == 0)
		rc = export_write_file(path, tmp.data, tmp.len, o, err);
	if (rc == 0 && out != NULL) {
		*out = tmp;
		free(out->data);
		out->data = NULL;
		out->len = 0;
	} else {
		export_output_free(&tmp);
	}
	return rc;
}
