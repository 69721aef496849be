/* SPDX-License-Identifier: MIT */
/*
 * resume_export.c: the résumé written out: the text of each position for
 * USAJOBS' résumé builder, plain text, Markdown and the PDF (through the
 * blocks and pages of resume.c). Never prints.
 */
#include "config.h"
#include "resume.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "checks/resume_rules.h"
#include "checks/ruleutil.h"
#include "paths.h"
#include "resume_internal.h"
#include "safetext.h"
#include "strbuf.h"
#include "text.h"
#include "wordlist.h"
#include "xalloc.h"

/* ---- export ----------------------------------------------------------------- */

char *
resume_usajobs_block(const struct project *p, const struct position *pos)
{
	struct strbuf b;
	size_t i;
	bool first = true;
	char *s, *duties = xstrdup(pos != NULL ? pos->field[POS_DUTIES] : "");

	strbuf_init(&b);
	g_strstrip(duties);
	strbuf_adds(&b, duties);
	free(duties);
	for (i = 0; i < p->n_examples; i++) {
		if (p->examples[i].position_id != (pos != NULL ? pos->id : 0) ||
		    !resume_has_line(&p->examples[i]))
			continue;
		/* a blank line between the duties and the first accomplishment */
		if (b.len > 0)
			strbuf_adds(&b, first ? "\n\n" : "\n");
		first = false;
		s = resume_line_text(&p->examples[i], false);
		strbuf_addf(&b, "- %s", s);
		free(s);
	}
	return b.s;
}

size_t
resume_usajobs_chars(const struct project *p, const struct position *pos)
{
	char *t = resume_usajobs_block(p, pos);
	size_t n = resume_chars(t);

	free(t);
	return n;
}

/* Appends prefix and content wrapped at width (0: one line), the lines
 * after the first indented by prefix's width (a list item's or a field's
 * hanging indent); " (ECQ n)" stays with the word before it. */
static void
text_hang(struct strbuf *b, const char *prefix, const char *content, int width)
{
	int indent = (int)resume_chars(prefix);
	char *w, *q;
	GString *keep = g_string_new(content);

	/* a no-break space holds the tag together while wrapping */
	for (q = strstr(keep->str, " (ECQ "); q != NULL; q = strstr(q + 1, " (ECQ ")) {
		size_t at = (size_t)(q - keep->str);

		g_string_erase(keep, (gssize)at, 1);
		g_string_insert(keep, (gssize)at, "\xc2\xa0");
		g_string_erase(keep, (gssize)at + 6, 1);
		g_string_insert(keep, (gssize)at + 6, "\xc2\xa0");
		q = keep->str + at + 1;
	}
	w = export_wrap(keep->str, width > indent + 10 ? width - indent : width);
	g_string_free(keep, TRUE);
	strbuf_adds(b, prefix);
	for (q = w; *q != '\0'; q++) {
		if (strncmp(q, "\xc2\xa0(ECQ\xc2\xa0", 8) == 0) {
			strbuf_adds(b, " (ECQ ");
			q += 7;
			continue;
		}
		strbuf_addc(b, *q);
		if (*q == '\n' && q[1] != '\0')
			strbuf_addf(b, "%*s", indent, "");
	}
	strbuf_addc(b, '\n');
	free(w);
}

static void
text_line(struct strbuf *b, const char *s, int width, int indent)
{
	if (indent == 2 && strncmp(s, "- ", 2) == 0)
		text_hang(b, "- ", s + 2, width);
	else
		text_hang(b, "", s, width);
}

/* "1,234" */
static char *
thousands(size_t n)
{
	return n >= 1000 ? xasprintf("%zu,%03zu", n / 1000, n % 1000) : xasprintf("%zu", n);
}

/* One "Label:  value" line of a position's builder fields, when value is
 * not empty. */
static void
field_line(struct strbuf *b, const char *label, const char *value, int width)
{
	char *s;

	if (*value == '\0')
		return;
	s = xasprintf("%-16s", label);
	text_hang(b, s, value, width);
	free(s);
}

/* A position as plain text for USAJOBS' builder: its form fields one a
 * line, then the block for its duties box, ready to paste, with its count. */
static void
text_position(struct strbuf *b, const struct project *p, const struct position *pos, size_t k,
    size_t n, int width)
{
	int limit = (int)p->fw->docs.resume_field_chars;
	size_t chars;
	char *blk, *cnt, *lim, *s, *line;
	const char *q, *e;

	strbuf_adds(b, "\n========================================================================\n");
	if (pos != NULL) {
		strbuf_addf(b, "POSITION %zu OF %zu\n", k, n);
		field_line(b, "Job title:", pos->field[POS_TITLE], width);
		field_line(b, "Organization:", pos->field[POS_ORGANIZATION], width);
		s = resume_position_dates(pos);
		field_line(b, "Dates:", s, width);
		free(s);
		field_line(b, "Series/grade:", pos->field[POS_GRADE], width);
		field_line(b, "Hours per week:", pos->field[POS_HOURS], width);
		s = resume_join3(pos->field[POS_SUPERVISOR], ", ", pos->field[POS_PHONE], "", "");
		field_line(b, "Supervisor:", s, width);
		free(s);
		field_line(b, "May contact:", pos->field[POS_MAY_CONTACT], width);
	} else {
		strbuf_adds(b, n > 0 ? "OTHER ACCOMPLISHMENTS (not yet under a position)\n" :
		    "ACCOMPLISHMENTS\n");
	}
	blk = resume_usajobs_block(p, pos);
	chars = resume_chars(blk);
	cnt = thousands(chars);
	lim = thousands(limit > 0 ? (size_t)limit : 0);
	if (pos != NULL && limit > 0 && chars > (size_t)limit) {
		s = thousands(chars - (size_t)limit);
		strbuf_addf(b, "\nDuties and accomplishments: %s characters, %s over the %s the "
		    "builder takes; cut before pasting:\n", cnt, s, lim);
		free(s);
	} else if (pos != NULL && limit > 0) {
		strbuf_addf(b, "\nDuties and accomplishments (%s of %s characters), to paste:\n",
		    cnt, lim);
	} else {
		strbuf_addf(b, "\n(%s characters)\n", cnt);
	}
	strbuf_adds(b, "------------------------------------------------------------------------\n");
	for (q = blk; *q != '\0'; q = *e ? e + 1 : e) {
		e = q + strcspn(q, "\n");
		line = xstrndup(q, (size_t)(e - q));
		if (*line == '\0')
			strbuf_addc(b, '\n');
		else
			text_line(b, line, width, strncmp(line, "- ", 2) == 0 ? 2 : 0);
		free(line);
	}
	free(blk);
	free(cnt);
	free(lim);
}

/* Appends s escaped for Markdown: the characters that could start
 * emphasis, a link, code or HTML, and a leading "#", "-", "+" or "1."
 * that would turn a line into a heading or a list. */
static void
md_escaped(struct strbuf *b, const char *s)
{
	const char *q;

	for (q = s; *q != '\0'; q++) {
		bool start = q == s;

		if (strchr("\\`*_[]<>|", *q) != NULL || (start && strchr("#-+>=", *q) != NULL))
			strbuf_addc(b, '\\');
		else if (start && isdigit((unsigned char)*q)) {
			const char *d = q;

			while (isdigit((unsigned char)*d))
				d++;
			if ((*d == '.' || *d == ')') && (d[1] == ' ' || d[1] == '\0')) {
				strbuf_add(b, q, (size_t)(d - q));
				strbuf_addc(b, '\\');
				q = d;
			}
		}
		strbuf_addc(b, *q);
	}
}

/* The Markdown résumé: the name as the title, a section, a heading per
 * position with its facts on their own lines, duties, then a list. */
static char *
resume_markdown(const struct project *p)
{
	struct strbuf b;
	size_t i, k;
	char *s;

	strbuf_init(&b);
	if (*p->candidate != '\0') {
		strbuf_adds(&b, "# ");
		md_escaped(&b, p->candidate);
		strbuf_adds(&b, "\n\n");
	}
	if (*p->position != '\0') {
		strbuf_adds(&b, "Applying for: ");
		md_escaped(&b, p->position);
		strbuf_adds(&b, "\n\n");
	}
	strbuf_adds(&b, "## Work Experience\n");
	for (i = 0; i <= p->n_positions; i++) {
		const struct position *pos = i < p->n_positions ? &p->positions[i] : NULL;
		int64_t id = pos != NULL ? pos->id : 0;
		bool any = false, first = true;
		const char *facts[2];
		char *f[2];

		for (k = 0; k < p->n_examples; k++)
			any = any || (p->examples[k].position_id == id && resume_has_line(&p->examples[k]));
		if (pos == NULL && !any)
			break;
		strbuf_adds(&b, "\n### ");
		if (pos != NULL) {
			s = resume_join3(pos->field[POS_TITLE], ", ", pos->field[POS_ORGANIZATION], "", "");
			md_escaped(&b, *s ? s : "Position");
			free(s);
			strbuf_adds(&b, "\n\n");
			f[0] = resume_position_facts(pos);
			f[1] = resume_position_supervisor(pos);
			facts[0] = f[0];
			facts[1] = f[1];
			/* each fact on its own line: a backslash before the
			 * newline is a hard line break */
			for (k = 0; k < 2; k++) {
				if (*facts[k] == '\0')
					continue;
				if (!first)
					strbuf_adds(&b, "\\\n");
				md_escaped(&b, facts[k]);
				first = false;
			}
			if (!first)
				strbuf_adds(&b, "\n\n");
			free(f[0]);
			free(f[1]);
			for (s = pos->field[POS_DUTIES]; *s != '\0'; ) {
				size_t len = strcspn(s, "\n");
				char *d = xstrndup(s, len);

				g_strstrip(d);
				if (*d != '\0') {
					md_escaped(&b, d);
					strbuf_adds(&b, "\n\n");
				}
				free(d);
				s += len + (s[len] != '\0');
			}
		} else {
			strbuf_adds(&b, p->n_positions > 0 ? "Other accomplishments\n\n" :
			    "Accomplishments\n\n");
		}
		for (k = 0; k < p->n_examples; k++) {
			if (p->examples[k].position_id != id || !resume_has_line(&p->examples[k]))
				continue;
			s = resume_line_text(&p->examples[k], false);
			strbuf_adds(&b, "- ");
			md_escaped(&b, s);
			strbuf_addc(&b, '\n');
			free(s);
		}
	}
	return b.s;
}

/* Plain text for USAJOBS' builder: the name, then one block per position. */
static char *
resume_text(const struct project *p, int width)
{
	struct strbuf b;
	size_t i, k, other = 0;

	strbuf_init(&b);
	if (*p->candidate != '\0')
		strbuf_addf(&b, "%s\n", p->candidate);
	if (*p->position != '\0') {
		char *s = xasprintf("Applying for: %s", p->position);

		text_line(&b, s, width, 0);
		free(s);
	}
	if (b.len > 0)
		strbuf_addc(&b, '\n');
	strbuf_adds(&b, "WORK EXPERIENCE: one block per position for USAJOBS' résumé builder\n");
	for (i = 0; i < p->n_positions; i++)
		text_position(&b, p, &p->positions[i], i + 1, p->n_positions, width);
	for (k = 0; k < p->n_examples; k++)
		other += p->examples[k].position_id == 0 && resume_has_line(&p->examples[k]);
	if (other > 0)
		text_position(&b, p, NULL, 0, p->n_positions, width);
	return b.s;
}

int
resume_render(struct layout_cache *c, const struct project *p,
    const struct resume_settings *s, enum export_format fmt,
    const struct export_options *o, struct export_output *out, struct error *err)
{
	struct layout_result r;
	char *title, *text;
	int rc;

	memset(out, 0, sizeof *out);
	if (fmt != EXPORT_PDF) {
		text = fmt == EXPORT_MARKDOWN ? resume_markdown(p) : resume_text(p, o->width);
		out->data = safetext_document(text, strlen(text), &out->len);
		free(text);
		return 0;
	}
	if (resume_layout(c, p, s, o->layout.font, &r, NULL, err) != 0)
		return -1;
	if (export_font_refused(&r, o->layout.font != NULL ? o->layout.font :
	    RESUME_DEFAULT_FONT, err) != 0) {
		layout_result_free(&r);
		return -1;
	}
	title = xasprintf("Resume%s%s", *p->candidate ? " - " : "", p->candidate);
	rc = export_pdf_draw(&r, title, p->candidate, *p->position ? p->position : "Resume",
	    o->creator, p->candidate, p->position, out, err);
	free(title);
	layout_result_free(&r);
	return rc;
}

