/* SPDX-License-Identifier: MIT */
/*
 * importer.c: recognises the parts of a plain-text or Markdown ECQ draft
 * (headings, introductions, examples, dates, CCAR labels) line by line,
 * then writes them through the store. It records where every stored text
 * came from so `check` can report findings at draft lines. Prints nothing.
 */
#include "config.h"
#include "importer.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "bounded.h"
#include "docx.h"
#include "draftline.h"
#include "importer_parse.h"
#include "paths.h"
#include "strbuf.h"
#include "xalloc.h"

struct line {
	size_t off, len;        /* in the draft, without the line end */
};

/* True when s[i] is a backslash that escapes the ASCII punctuation after it. */
static bool
escaped_at(const char *s, size_t n, size_t i)
{
	return s[i] == '\\' && i + 1 < n && ispunct((unsigned char)s[i + 1]);
}

/* s[0..n) with its backslash escapes read; the caller frees it. */
static char *
unescape(const char *s, size_t n)
{
	char *o = xmalloc(n + 1);
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (escaped_at(s, n, i))
			i++;
		o[k++] = s[i];
	}
	o[k] = '\0';
	return o;
}

void
importer_piece_add(struct piece *p, size_t line, const char *text, size_t src, size_t len,
    bool new_para)
{
	while (len > 0 && draftline_is_space(text[src])) {
		src++;
		len--;
	}
	while (len > 0 && draftline_is_space(text[src + len - 1]))
		len--;
	if (len == 0) {
		if (p->text.len > 0)
			p->para_break = true;
		return;
	}
	if (p->text.len == 0 && p->line == 0)
		p->line = line;
	if (p->text.len > 0)
		strbuf_add(&p->text, p->para_break || new_para ? "\n" : " ", 1);
	/* Markdown's backslash escapes ("\*", "1\.", "\#", which ecqcoach's own
	 * export writes) are read as the character: one span per run between
	 * them, so offsets still map back to the draft. */
	while (len > 0) {
		size_t run = 0;

		while (run < len && !escaped_at(text + src, len, run))
			run++;
		if (run > 0) {
			p->spans = xreallocarray(p->spans, p->n_spans + 1, sizeof *p->spans);
			p->spans[p->n_spans++] = (struct importer_span){ p->text.len, src, run };
			strbuf_add(&p->text, text + src, run);
		}
		if (run < len)
			run++;  /* the backslash */
		src += run;
		len -= run;
	}
	p->para_break = false;
}

/* Sets a short field (title, date) from a span of the draft. */
static void
piece_set(struct piece *p, size_t line, const char *value, size_t src, size_t src_len)
{
	free(p->text.s);
	free(p->spans);
	memset(p, 0, sizeof *p);
	p->line = line;
	strbuf_add(&p->text, value, strlen(value));
	p->spans = xmalloc(sizeof *p->spans);
	p->spans[0] = (struct importer_span){ 0, src,
	    src_len < strlen(value) ? src_len : strlen(value) };
	p->n_spans = 1;
	if (p->spans[0].len == 0)
		p->spans[0].len = src_len;
}

static void
piece_free(struct piece *p)
{
	free(p->text.s);
	free(p->spans);
}

void
importer_item(struct parse *ps, enum importer_kind kind, size_t line, int ecq, int64_t ex,
    int field, const char *text, size_t len)
{
	struct importer_report *r = ps->rep;

	r->items = xreallocarray(r->items, r->n_items + 1, sizeof *r->items);
	r->items[r->n_items++] = (struct importer_item){ kind, line, ecq, ex, field,
	    xstrndup(text, len), false };
}

/* Starts an example in ECQ ecq; its index in ps->ex (example ids come when
 * it is written; until then items carry -(index + 2)). */
size_t
importer_new_example(struct parse *ps, int ecq, size_t line, size_t heading_src)
{
	struct pexample *e;

	ps->ex = xreallocarray(ps->ex, ps->n_ex + 1, sizeof *ps->ex);
	e = &ps->ex[ps->n_ex];
	memset(e, 0, sizeof *e);
	e->ecq = ecq;
	e->last_label = -1;
	e->heading.line = line;
	e->heading.spans = xmalloc(sizeof *e->heading.spans);
	e->heading.spans[0] = (struct importer_span){ 0, heading_src, 0 };
	e->heading.n_spans = 1;
	return ps->n_ex++;
}

int64_t
importer_pending_id(size_t idx)
{
	return -(int64_t)idx - 2;
}

static void
set_dates(struct parse *ps, size_t ex, size_t line, const struct draftline *c,
    size_t line_off)
{
	struct pexample *e = &ps->ex[ex];
	size_t src = line_off + c->dates_off;

	piece_set(&e->field[EX_START], line, c->start, src, strlen(c->start));
	piece_set(&e->field[EX_END], line, c->end, src, strlen(c->end));
	importer_item(ps, IMPORTER_FIELD, line, e->ecq, importer_pending_id(ex), EX_START, c->start, strlen(c->start));
	importer_item(ps, IMPORTER_FIELD, line, e->ecq, importer_pending_id(ex), EX_END, c->end, strlen(c->end));
}

static void
set_competencies(struct parse *ps, struct pexample *e, const char *s, size_t n)
{
	const struct strlist *known = &ps->fw->ecqs[e->ecq].competencies;
	size_t i = 0;

	while (i < n) {
		size_t j = i, a, b, k;
		char *name;

		while (j < n && s[j] != ',' && s[j] != ';')
			j++;
		a = i;
		b = j;
		while (a < b && (draftline_is_space(s[a]) || s[a] == '*' || s[a] == '_'))
			a++;
		while (b > a && (draftline_is_space(s[b - 1]) || s[b - 1] == '.' || s[b - 1] == '*' ||
		    s[b - 1] == '_'))
			b--;
		if (b - a >= 4 && draftline_prefix(s + a, "and "))
			a += 4;
		if (b > a) {
			char *norm;

			name = xstrndup(s + a, b - a);
			norm = draftline_normalize(name);
			/* "creativity & innovation" is "Creativity and Innovation". */
			for (k = 0; k < known->n; k++) {
				char *kn = draftline_normalize(known->items[k]);
				bool same = strcmp(kn, norm) == 0;

				free(kn);
				if (same) {
					free(name);
					name = xstrdup(known->items[k]);
					break;
				}
			}
			free(norm);
			if (!strlist_contains(&e->competencies, name))
				strlist_push(&e->competencies, name);
			free(name);
		}
		i = j + 1;
	}
}

static void
add_unsorted(struct parse *ps, size_t line, size_t off, size_t len, bool new_para)
{
	const char *s = ps->text + off;
	size_t a = 0, b = len;

	while (a < b && draftline_is_space(s[a]))
		a++;
	while (b > a && draftline_is_space(s[b - 1]))
		b--;
	if (a == b)
		return;
	/* Lines from different places are separate paragraphs; a heading is too. */
	importer_piece_add(&ps->unsorted, line, ps->text, off, len,
	    new_para || line != ps->last_unsorted + 1);
	if (new_para)
		ps->unsorted.para_break = true;
	ps->last_unsorted = line;
	importer_item(ps, IMPORTER_UNSORTED, line, -1, -1, -1, s + a, b - a);
	ps->rep->n_unsorted++;
}

/* Words that make a first heading a document title, not a person's name
 * (dictionaries/import-title-words.txt). */
static bool
title_word(const struct draftline_words *words, const char *w, size_t n)
{
	const char *const *list = draftline_words_of(words, DRAFTLINE_W_TITLE_WORD);
	size_t k;

	for (k = 0; list[k] != NULL; k++)
		if (strlen(list[k]) == n && strncasecmp(w, list[k], n) == 0)
			return true;
	return false;
}

/* "# María L. Castillo" as ecqcoach's Markdown export starts: a level-one
 * heading of two to six capitalised words, no digits, no title words.
 * Sets [*a, *a + *n) to the name in the line. */
static bool
name_heading(const struct draftline_words *dw, const char *line, size_t len, size_t *a,
    size_t *n)
{
	size_t i = 2, e = len, words = 0;

	if (len < 3 || line[0] != '#' || line[1] != ' ')
		return false;
	while (i < e && draftline_is_space(line[i]))
		i++;
	while (e > i && draftline_is_space(line[e - 1]))
		e--;
	*a = i;
	*n = e - i;
	while (i < e) {
		size_t w = i;
		unsigned char c = (unsigned char)line[i];

		if (!isupper(c) && c < 0x80)
			return false;
		while (i < e && !draftline_is_space(line[i])) {
			if (isdigit((unsigned char)line[i]) || line[i] == ':' || line[i] == '#')
				return false;
			i++;
		}
		if (title_word(dw, line + w, i - w))
			return false;
		words++;
		while (i < e && draftline_is_space(line[i]))
			i++;
	}
	return words >= 2 && words <= 6;
}

/* Index of the first non-blank line at or after i, or n. */
static size_t
next_filled(const char *text, const struct line *lines, size_t n, size_t i)
{
	for (; i < n; i++) {
		size_t k = 0;

		while (k < lines[i].len && draftline_is_space(text[lines[i].off + k]))
			k++;
		if (k < lines[i].len)
			break;
	}
	return i;
}

/* The export's opening: "# Name", a blank line, the position on one line,
 * a blank line, then the first ECQ heading. Reads name and position from
 * there; returns the index of the first line after them (0 when the draft
 * does not open that way). */
static size_t
read_export_head(struct parse *ps, const struct line *lines, size_t n)
{
	const char *text = ps->text;
	size_t i = next_filled(text, lines, n, 0), a, len, p, q;
	struct draftline c;

	if (i >= n || !name_heading(ps->words, text + lines[i].off, lines[i].len, &a, &len))
		return 0;
	ps->candidate = unescape(text + lines[i].off + a, len);
	importer_item(ps, IMPORTER_META, i + 1, -1, -1, 0, ps->candidate, strlen(ps->candidate));
	p = next_filled(text, lines, n, i + 1);
	if (p >= n || p + 1 >= n || lines[p + 1].len != 0)
		return i + 1;
	q = next_filled(text, lines, n, p + 1);
	if (q >= n)
		return i + 1;
	draftline_classify(ps->fw, ps->words, text + lines[p].off, lines[p].len, false, false, &c);
	if (c.kind != DRAFTLINE_TEXT || draftline_list_item(draftline_skip_spaces(text + lines[p].off)))
		return i + 1;
	draftline_classify(ps->fw, ps->words, text + lines[q].off, lines[q].len, false, false, &c);
	if (c.kind != DRAFTLINE_ECQ)
		return i + 1;
	ps->position = unescape(text + lines[p].off, lines[p].len);
	importer_item(ps, IMPORTER_META, p + 1, -1, -1, 1, ps->position, strlen(ps->position));
	return p + 1;
}

static void
parse_lines(struct parse *ps, const struct line *lines, size_t n_lines)
{
	const char *text = ps->text;
	int ecq = -1;
	long ex = -1;           /* index into ps->ex */
	int field = -1;         /* EX_* being filled, -1 intro, -2 nothing */
	size_t i;

	for (i = read_export_head(ps, lines, n_lines); i < n_lines; i++) {
		const char *line = text + lines[i].off;
		size_t off = lines[i].off, len = lines[i].len, lineno = i + 1;
		bool under = i + 1 < n_lines && draftline_underline(text + lines[i + 1].off, lines[i + 1].len) &&
		    lines[i].len > 0 && text[lines[i + 1].off] != '*' && text[lines[i + 1].off] != '_';
		struct draftline c;
		struct pexample *e;

		draftline_classify(ps->fw, ps->words, line, len, ecq >= 0, under, &c);
		if (under && c.kind != DRAFTLINE_BLANK)
			i++;    /* the setext underline belongs to this heading */
		if (c.kind == DRAFTLINE_BLANK || c.kind == DRAFTLINE_RULE) {
			struct piece *p = NULL;

			if (ps->n_pend > 0)
				ps->pend_break = true;

			if (ecq < 0)
				p = &ps->unsorted;
			else if (ex < 0 || field == -1)
				p = &ps->intro[ecq];
			else if (field >= EX_CHALLENGE)
				p = &ps->ex[ex].field[field];
			if (p != NULL && p->text.len > 0)
				p->para_break = true;
			continue;
		}
		/* Prose before an example's first label is that part's opening;
		 * anything else ends the pending prose. */
		if (c.kind != DRAFTLINE_TEXT && !(c.kind == DRAFTLINE_LABEL && ps->n_pend > 0 &&
		    ps->pend_ex >= 0 && ps->pend_ex == ex && ps->ex[ex].field[c.field].text.len == 0))
			importer_prose_flush(ps, c.kind == DRAFTLINE_ECQ);
		switch (c.kind) {
		case DRAFTLINE_ECQ:
			if (c.ecq < 0) {
				/* "ECQ 7" in a framework of five: what follows is unplaced too. */
				add_unsorted(ps, lineno, off, len, true);
				ecq = -1;
				ex = -1;
				break;
			}
			ecq = c.ecq;
			ex = -1;
			field = -1;
			if (ps->ecq_heading[ecq].n_spans == 0)
				piece_set(&ps->ecq_heading[ecq], lineno, "", off, 0);
			importer_item(ps, IMPORTER_ECQ, lineno, ecq, -1, -1, ps->fw->ecqs[ecq].title,
			    strlen(ps->fw->ecqs[ecq].title));
			if (c.by_title && c.number > 0 && c.number != ecq + 1) {
				/* "ECQ 3: Leading People": filed by the title; say so. */
				ps->rep->items[ps->rep->n_items - 1].inferred = true;
				ps->rep->items[ps->rep->n_items - 1].field = c.number;
			}
			ps->rep->n_ecqs++;
			break;
		case DRAFTLINE_INTRO:
			if (ecq < 0) {
				add_unsorted(ps, lineno, off, len, true);
				break;
			}
			ex = -1;
			field = -1;
			break;
		case DRAFTLINE_EXAMPLE:
			if (ecq < 0) {
				add_unsorted(ps, lineno, off, len, true);
				break;
			}
			ex = (long)importer_new_example(ps, ecq, lineno, off);
			field = -2;
			e = &ps->ex[ex];
			importer_item(ps, IMPORTER_EXAMPLE, lineno, ecq, importer_pending_id((size_t)ex), -1,
			    line + c.title_off, c.title_len);
			if (c.title_len > 0) {
				importer_piece_add(&e->field[EX_TITLE], lineno, text, off + c.title_off,
				    c.title_len, false);
				importer_item(ps, IMPORTER_FIELD, lineno, ecq, importer_pending_id((size_t)ex), EX_TITLE,
				    line + c.title_off, c.title_len);
			}
			if (c.has_dates)
				set_dates(ps, (size_t)ex, lineno, &c, off);
			break;
		case DRAFTLINE_LABEL:
			if (ecq < 0) {
				add_unsorted(ps, lineno, off, len, true);
				break;
			}
			/* A label already used, or going backwards, starts a new example. */
			if (ex < 0 || ps->ex[ex].field[c.field].text.len > 0) {
				ex = (long)importer_new_example(ps, ecq, lineno, off);
				importer_item(ps, IMPORTER_EXAMPLE, lineno, ecq, importer_pending_id((size_t)ex), -1, "", 0);
			}
			e = &ps->ex[ex];
			e->last_label = c.field;
			field = c.field;
			e->field[field].line = lineno;
			if (ps->n_pend > 0) {
				importer_prose_into(ps, 0, ps->n_pend, &e->field[field]);
				e->field[field].para_break = true;
				ps->n_pend = 0;
			}
			importer_item(ps, IMPORTER_FIELD, lineno, ecq, importer_pending_id((size_t)ex), field,
			    project_field_name((enum example_field)field),
			    strlen(project_field_name((enum example_field)field)));
			importer_piece_add(&e->field[field], lineno, text, off + c.rest,
			    len > c.rest ? len - c.rest : 0, false);
			break;
		case DRAFTLINE_TITLE:
			if (ex < 0 || ps->ex[ex].field[EX_TITLE].text.len > 0) {
				ex = (long)importer_new_example(ps, ecq, lineno, off);
				importer_item(ps, IMPORTER_EXAMPLE, lineno, ecq, importer_pending_id((size_t)ex), -1,
				    line + c.title_off, c.title_len);
				field = -2;
			}
			importer_piece_add(&ps->ex[ex].field[EX_TITLE], lineno, text,
			    off + c.title_off, c.title_len, false);
			importer_item(ps, IMPORTER_FIELD, lineno, ecq, importer_pending_id((size_t)ex), EX_TITLE,
			    line + c.title_off, c.title_len);
			break;
		case DRAFTLINE_DATES:
			if (ex >= 0 && ps->ex[ex].field[EX_START].text.len == 0 &&
			    ps->ex[ex].last_label < 0) {
				set_dates(ps, (size_t)ex, lineno, &c, off);
				break;
			}
			goto text_line;
		case DRAFTLINE_COMPETENCIES:
			if (ex < 0)
				goto text_line;
			set_competencies(ps, &ps->ex[ex], line + c.rest, len > c.rest ? len - c.rest : 0);
			importer_item(ps, IMPORTER_COMPETENCIES, lineno, ecq, importer_pending_id((size_t)ex), -1,
			    line + c.rest, len > c.rest ? len - c.rest : 0);
			break;
		case DRAFTLINE_META:
			{
				char **dst = c.field == 0 ? &ps->candidate : &ps->position;
				size_t vl = len > c.rest ? len - c.rest : 0;

				while (vl > 0 && (draftline_is_space(line[c.rest + vl - 1]) ||
				    line[c.rest + vl - 1] == '*'))
					vl--;
				free(*dst);
				*dst = unescape(line + c.rest, vl);
				importer_item(ps, IMPORTER_META, lineno, -1, -1, c.field, *dst, strlen(*dst));
			}
			break;
		default:
text_line:
			{
				/* List items and headings keep a line of their own. */
				const char *t = draftline_skip_spaces(line);
				bool list = draftline_list_item(t);

				if (ecq < 0) {
					add_unsorted(ps, lineno, off, len, list);
				} else if (ex < 0 || field == -1) {
					importer_prose_line(ps, ecq, -1, lineno, off, len, list);
				} else if (field >= EX_CHALLENGE) {
					importer_piece_add(&ps->ex[ex].field[field], lineno, text, off, len,
					    list);
				} else {
					/* Prose after an example's heading, before any label. */
					importer_prose_line(ps, ecq, ex, lineno, off, len, list);
				}
			}
			break;
		}
	}
	importer_prose_flush(ps, true);
}

/* ---- reading ------------------------------------------------------------ */

int
importer_read_file(const char *path, char **text, size_t *len, struct error *err)
{
	bool std_in = strcmp(path, "-") == 0;
	FILE *f = std_in ? stdin : fopen(path, "rb");
	int rc;

	*text = NULL;
	*len = 0;
	if (f == NULL)
		return error_set(err, ERR_IO, "cannot open %s: %s", path, strerror(errno));
	rc = bounded_read(f, std_in ? "standard input" : path, "a draft", BOUNDED_DRAFT_MAX, text,
	    len, err);
	if (!std_in)
		fclose(f);
	/* A Word or OpenDocument file, known by its content (or a name that
	 * promises one): its body as text the importer reads. */
	if (rc == 0 && docx_sniff(*text, *len, std_in ? NULL : path) != DOCX_NONE) {
		char *conv;
		size_t conv_len;

		rc = docx_to_text(*text, *len, std_in ? "standard input" : path, &conv, &conv_len,
		    err);
		free(*text);
		*text = rc == 0 ? conv : NULL;
		*len = rc == 0 ? conv_len : 0;
	}
	return rc;
}

/* ---- framework guess ---------------------------------------------------- */

static size_t
split_lines(const char *text, size_t len, struct line **out)
{
	struct line *lines = NULL;
	size_t n = 0, cap = 0, start = 0, i;

	for (i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		if (i == len && start == len)
			break;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			lines = xreallocarray(lines, cap, sizeof *lines);
		}
		lines[n].off = start;
		lines[n].len = i - start;
		if (lines[n].len > 0 && text[i - 1] == '\r')
			lines[n].len--;
		n++;
		start = i + 1;
	}
	*out = lines;
	return n;
}

/* Copy of the draft with NUL bytes and invalid UTF-8 replaced by spaces (same
 * length, so offsets still hold). */
static char *
sanitize(const char *text, size_t len, size_t *invalid)
{
	char *s = xmalloc(len + 1);
	size_t i = 0;

	memcpy(s, text, len);
	s[len] = '\0';
	*invalid = (size_t)-1;
	while (i < len) {
		const uint8_t *bad = u8_check((const uint8_t *)s + i, len - i);
		const char *nul = memchr(s + i, '\0', len - i);
		size_t at;

		if (bad == NULL && nul == NULL)
			break;
		at = bad != NULL ? (size_t)((const char *)bad - s) : len;
		if (nul != NULL && (size_t)(nul - s) < at)
			at = (size_t)(nul - s);
		if (*invalid == (size_t)-1)
			*invalid = at;
		s[at] = ' ';
		i = at + 1;
	}
	return s;
}

static int
guess_score(const struct framework *fw, const char *text, const struct line *lines,
    size_t n)
{
	bool *seen = xcalloc(fw->n_ecqs + 1, sizeof *seen);
	size_t i;
	int score = 0;

	for (i = 0; i < n; i++) {
		int e, num;

		if (lines[i].len == 0 || lines[i].len > 300)
			continue;
		/* A title counts two; a number that agrees with it one more, so
		 * "ECQ 2: Leading People" is the 2010 framework (ECQ 4 in 2025). */
		if (draftline_names_ecq(fw, text + lines[i].off, lines[i].len, &e, &num) && !seen[e]) {
			seen[e] = true;
			score += 2 + (num == e + 1);
		}
	}
	free(seen);
	return score;
}

const struct framework *
importer_guess_framework_note(const struct framework_set *set, const char *text, size_t len,
    int *score_out, char **note)
{
	const struct framework *best = framework_set_default(set), *def = best, *other = NULL;
	struct line *lines;
	size_t n, i, invalid;
	char *clean;
	int best_score = 0, other_score = 0;

	if (note != NULL)
		*note = NULL;
	if (best == NULL)
		return NULL;
	clean = sanitize(text, len, &invalid);
	n = split_lines(clean, len, &lines);
	best_score = guess_score(def, clean, lines, n);
	for (i = 0; i < set->n; i++) {
		int s = guess_score(set->fws[i], clean, lines, n);

		if (set->fws[i] == def)
			continue;
		if (s > best_score) {
			if (best_score > other_score) {
				other = best;
				other_score = best_score;
			}
			best_score = s;
			best = set->fws[i];
		} else if (s > other_score) {
			other = set->fws[i];
			other_score = s;
		}
	}
	free(lines);
	free(clean);
	if (note != NULL && other != NULL && other_score > 0)
		*note = xasprintf("the ECQ headings fit more than one framework: chose %s, whose "
		    "titles and numbers match them best, over %s; give --framework %s to choose it",
		    best->id, other->id, other->id);
	if (score_out != NULL)
		*score_out = best_score;
	return best;
}

const struct framework *
importer_guess_framework(const struct framework_set *set, const char *text, size_t len,
    int *score_out)
{
	return importer_guess_framework_note(set, text, len, score_out, NULL);
}

static int
source_cmp(int ecq, int64_t example, int field, const struct importer_source *s)
{
	if (ecq != s->ecq)
		return ecq < s->ecq ? -1 : 1;
	if (example != s->example)
		return example < s->example ? -1 : 1;
	if (field != s->field)
		return field < s->field ? -1 : 1;
	return 0;
}

static int
cmp_source(const void *a, const void *b)
{
	const struct importer_source *x = a;

	return source_cmp(x->ecq, x->example, x->field, b);
}

/* Sources are sorted once the import is done, for binary search. */
static void
sort_sources(struct importer_report *rep)
{
	if (rep->n_sources > 1)
		qsort(rep->sources, rep->n_sources, sizeof *rep->sources, cmp_source);
}

static const struct importer_source *
find_source(const struct importer_report *rep, int ecq, int64_t example, int field)
{
	size_t lo = 0, hi = rep->n_sources;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = source_cmp(ecq, example, field, &rep->sources[mid]);

		if (c == 0)
			return &rep->sources[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* ---- writing ------------------------------------------------------------ */

static void
add_source(struct importer_report *r, int ecq, int64_t ex, int field, struct piece *p)
{
	struct importer_source *s;

	if (p->n_spans == 0)
		return;
	r->sources = xreallocarray(r->sources, r->n_sources + 1, sizeof *r->sources);
	s = &r->sources[r->n_sources++];
	s->ecq = ecq;
	s->example = ex;
	s->field = field;
	s->line = p->line;
	s->spans = p->spans;
	s->n_spans = p->n_spans;
	p->spans = NULL;        /* moved */
	p->n_spans = 0;
}

static int
write_project(struct parse *ps, struct store *st, struct error *err)
{
	struct importer_report *r = ps->rep;
	size_t i, k;
	int e, f;

	if (ps->candidate != NULL && store_set_candidate(st, ps->candidate, err) < 0)
		return -1;
	if (ps->position != NULL && store_set_position(st, ps->position, err) < 0)
		return -1;
	for (e = 0; (size_t)e < ps->fw->n_ecqs; e++) {
		add_source(r, e, -1, IMPORTER_HEADING, &ps->ecq_heading[e]);
		if (ps->intro[e].text.len == 0)
			continue;
		if (store_set_intro(st, e, ps->intro[e].text.s, err) < 0)
			return -1;
		add_source(r, e, -1, -1, &ps->intro[e]);
	}
	for (i = 0; i < ps->n_ex; i++) {
		struct pexample *x = &ps->ex[i];
		const char *title = x->field[EX_TITLE].text.s != NULL ? x->field[EX_TITLE].text.s : "";

		if (store_add_example(st, x->ecq, title, &x->id, err) < 0)
			return -1;
		r->n_examples++;
		add_source(r, x->ecq, x->id, IMPORTER_HEADING, &x->heading);
		for (f = EX_TITLE; f < EX_FIELD_COUNT; f++) {
			if (x->field[f].text.len == 0)
				continue;
			r->n_fields++;
			if (f != EX_TITLE &&
			    store_set_example_field(st, x->id, (enum example_field)f,
			    x->field[f].text.s, err) < 0)
				return -1;
			add_source(r, x->ecq, x->id, f, &x->field[f]);
		}
		if (x->competencies.n > 0 &&
		    store_set_example_competencies(st, x->id, &x->competencies, err) < 0)
			return -1;
	}
	if (ps->unsorted.text.len > 0) {
		if (store_set_unsorted(st, ps->unsorted.text.s, err) < 0)
			return -1;
		add_source(r, -1, -1, -1, &ps->unsorted);
	}
	sort_sources(r);
	/* Items carried placeholders until the examples had ids. */
	for (k = 0; k < r->n_items; k++)
		if (r->items[k].example <= -2)
			r->items[k].example = ps->ex[-(r->items[k].example + 2)].id;
	return 0;
}

/* Reads the draft into ps (the caller frees it with parse_free). */
static void
parse_draft(struct parse *ps, const struct draftline_words *words, const struct framework *fw,
    const char *text, size_t len, struct importer_report *rep)
{
	struct line *lines;
	size_t n;

	memset(rep, 0, sizeof *rep);
	memset(ps, 0, sizeof *ps);
	ps->fw = fw;
	ps->words = words;
	ps->rep = rep;
	ps->clean = sanitize(text, len, &rep->invalid_offset);
	ps->text = ps->clean;
	ps->intro = xcalloc(fw->n_ecqs + 1, sizeof *ps->intro);
	ps->ecq_heading = xcalloc(fw->n_ecqs + 1, sizeof *ps->ecq_heading);
	n = split_lines(ps->clean, len, &lines);
	parse_lines(ps, lines, n);
	free(lines);
}

static void
parse_free(struct parse *ps)
{
	size_t i;
	int f;

	for (i = 0; i < ps->fw->n_ecqs; i++) {
		piece_free(&ps->intro[i]);
		piece_free(&ps->ecq_heading[i]);
	}
	for (i = 0; i < ps->n_ex; i++) {
		for (f = 0; f < EX_FIELD_COUNT; f++)
			piece_free(&ps->ex[i].field[f]);
		piece_free(&ps->ex[i].heading);
		strlist_free(&ps->ex[i].competencies);
	}
	piece_free(&ps->unsorted);
	free(ps->pend);
	free(ps->ex);
	free(ps->intro);
	free(ps->ecq_heading);
	free(ps->candidate);
	free(ps->position);
	free(ps->clean);
}

/* The words drafts are read by: package data, the same for every draft,
 * so read once and kept for the life of the process. NULL with err set
 * when a list cannot be read (then it is tried again next time). */
static const struct draftline_words *
importer_words(struct error *err)
{
	static struct draftline_words *words;
	char *dir;

	if (words != NULL)
		return words;
	dir = paths_data_file("dictionaries");
	if (draftline_words_load(dir, &words, err) != 0)
		words = NULL;
	free(dir);
	return words;
}

int
importer_import(struct store *st, const char *text, size_t len,
    struct importer_report *rep, struct error *err)
{
	const struct draftline_words *words = importer_words(err);
	struct parse ps;
	bool own;
	int rc;

	if (words == NULL) {
		memset(rep, 0, sizeof *rep);
		return -1;
	}
	parse_draft(&ps, words, store_project(st)->fw, text, len, rep);
	/* One transaction: one fsync and one reload for the whole draft. */
	own = !store_in_batch(st);
	rc = own ? store_batch_begin(st, err) : 0;
	if (rc == 0)
		rc = write_project(&ps, st, err);
	if (rc == 0 && own)
		rc = store_batch_commit(st, err);
	else if (rc != 0 && own)
		store_batch_rollback(st);
	parse_free(&ps);
	return rc;
}

static char *
piece_take(struct piece *p)
{
	return xstrdup(p->text.s != NULL ? p->text.s : "");
}

static int
cmp_example(const void *a, const void *b)
{
	const struct example *x = a, *y = b;

	if (x->ecq != y->ecq)
		return x->ecq < y->ecq ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

int
importer_build(const struct framework *fw, const char *text, size_t len,
    struct project **out, struct importer_report *rep, struct error *err)
{
	const struct draftline_words *words = importer_words(err);
	struct importer_report *r = rep;
	struct project *p;
	struct parse ps;
	size_t e, q, i, k;
	int f;

	*out = NULL;
	if (words == NULL) {
		memset(rep, 0, sizeof *rep);
		return -1;
	}
	parse_draft(&ps, words, fw, text, len, rep);
	p = xcalloc(1, sizeof *p);
	if (framework_parse(fw->text, strlen(fw->text), fw->id, &p->fw, err) != 0) {
		free(p);
		parse_free(&ps);
		return -1;
	}
	p->candidate = xstrdup(ps.candidate != NULL ? ps.candidate : "");
	p->position = xstrdup(ps.position != NULL ? ps.position : "");
	p->created = xstrdup("");
	p->modified = xstrdup("");
	p->intro = xcalloc(fw->n_ecqs + 1, sizeof *p->intro);
	p->notes = xcalloc(fw->n_ecqs + 1, sizeof *p->notes);
	for (e = 0; e < fw->n_ecqs; e++) {
		add_source(r, (int)e, -1, IMPORTER_HEADING, &ps.ecq_heading[e]);
		p->intro[e] = piece_take(&ps.intro[e]);
		add_source(r, (int)e, -1, -1, &ps.intro[e]);
		p->notes[e] = xcalloc(fw->ecqs[e].questions.n + 1, sizeof *p->notes[e]);
		for (q = 0; q < fw->ecqs[e].questions.n; q++)
			p->notes[e][q] = xstrdup("");
	}
	p->examples = xcalloc(ps.n_ex + 1, sizeof *p->examples);
	for (i = 0; i < ps.n_ex; i++) {
		struct pexample *x = &ps.ex[i];
		struct example *d = &p->examples[i];

		x->id = (int64_t)i + 1;
		d->id = x->id;
		d->ecq = x->ecq;
		r->n_examples++;
		add_source(r, x->ecq, x->id, IMPORTER_HEADING, &x->heading);
		for (f = 0; f < EX_FIELD_COUNT; f++) {
			d->field[f] = piece_take(&x->field[f]);
			if (x->field[f].text.len > 0)
				r->n_fields++;
			add_source(r, x->ecq, x->id, f, &x->field[f]);
		}
		d->competencies = x->competencies;
		memset(&x->competencies, 0, sizeof x->competencies);
	}
	p->n_examples = ps.n_ex;
	qsort(p->examples, p->n_examples, sizeof *p->examples, cmp_example);
	for (i = 0; i < p->n_examples; i++) {
		int pos = 0;

		for (k = 0; k < i; k++)
			pos += p->examples[k].ecq == p->examples[i].ecq;
		p->examples[i].position = pos;
	}
	p->unsorted = piece_take(&ps.unsorted);
	add_source(r, -1, -1, -1, &ps.unsorted);
	sort_sources(r);
	for (k = 0; k < r->n_items; k++)
		if (r->items[k].example <= -2)
			r->items[k].example = ps.ex[-(r->items[k].example + 2)].id;
	parse_free(&ps);
	*out = p;
	return 0;
}

void
importer_report_free(struct importer_report *rep)
{
	size_t i;

	if (rep == NULL)
		return;
	for (i = 0; i < rep->n_items; i++)
		free(rep->items[i].text);
	for (i = 0; i < rep->n_sources; i++)
		free(rep->sources[i].spans);
	free(rep->items);
	free(rep->sources);
	memset(rep, 0, sizeof *rep);
}

int
importer_locate(const struct importer_report *rep, int ecq, int64_t example, int field,
    size_t off, size_t *src)
{
	const struct importer_source *s = find_source(rep, ecq, example, field);
	const struct importer_span *sp;
	size_t lo, hi;

	*src = 0;
	if (s == NULL || s->n_spans == 0) {
		s = example >= 0 ? find_source(rep, ecq, example, IMPORTER_HEADING) : NULL;
		if (s == NULL && ecq >= 0)
			s = find_source(rep, ecq, -1, IMPORTER_HEADING);
		if (s != NULL && s->n_spans > 0)
			*src = s->spans[0].src;
		return -1;
	}
	/* Binary search (a long draft has a span per line): hi becomes the first
	 * span that starts after off. */
	lo = 0;
	hi = s->n_spans;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->spans[mid].off <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (hi == 0) {
		*src = s->spans[0].src;         /* before the first span */
		return 0;
	}
	sp = &s->spans[hi - 1];
	if (off < sp->off + sp->len || hi == s->n_spans) {
		size_t d = off - sp->off;

		*src = sp->src + (d < sp->len ? d : sp->len);
	} else {
		*src = s->spans[hi].src;        /* in a separator before this span */
	}
	return 0;
}

const char *
importer_kind_name(enum importer_kind k)
{
	switch (k) {
	case IMPORTER_ECQ: return "ECQ";
	case IMPORTER_INTRO: return "introduction";
	case IMPORTER_EXAMPLE: return "example";
	case IMPORTER_FIELD: return "field";
	case IMPORTER_COMPETENCIES: return "competencies";
	case IMPORTER_META: return "meta";
	case IMPORTER_UNSORTED: return "unsorted";
	}
	return "?";
}
