/* SPDX-License-Identifier: MIT */
/*
 * layout_blocks.c: the layout options' defaults and the project turned into
 * the blocks the layout engine breaks into lines (headings, example titles,
 * paragraphs), each cleaned into text Pango can lay out in bounded time.
 * No Pango here; prints nothing.
 */
#include "config.h"
#include "layout.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <glib.h>

#include "framework.h"
#include "layout_internal.h"
#include "store.h"
#include "xalloc.h"

/* Bounded work on any text: a field is laid out from its first
 * STORE_MAX_TEXT bytes only (the store never saves more; only a hostile
 * file holds more), and a run of more than LAYOUT_MAX_RUN characters
 * without a break opportunity (far wider than a line) gets a zero-width
 * space after every LAYOUT_MAX_RUN of them, so Pango never shapes and
 * breaks one enormous "word": its cost grows with the square of the run. */
#define LAYOUT_MAX_RUN 200

void
layout_options_init(struct layout_options *o)
{
	memset(o, 0, sizeof(*o));
	o->paper = LAYOUT_LETTER;
	o->font = NULL;
	o->ecq = -1;
}

int
layout_paper_parse(const char *s)
{
	if (s == NULL)
		return -1;
	if (strcasecmp(s, "letter") == 0 || strcasecmp(s, "us-letter") == 0)
		return LAYOUT_LETTER;
	if (strcasecmp(s, "a4") == 0)
		return LAYOUT_A4;
	return -1;
}

/* A copy of s[0..len) that is valid UTF-8 with controls turned to spaces and
 * no leading or trailing white space. */
char *
layout_clean(const char *s, size_t len)
{
	gchar *valid;
	GString *out;
	const gchar *q;
	char *res;
	size_t run = 0;

	if (len > STORE_MAX_TEXT)
		len = STORE_MAX_TEXT;
	valid = g_utf8_make_valid(s, (gssize)len);
	out = g_string_sized_new(len + 1);
	for (q = valid; *q != '\0'; q = g_utf8_next_char(q)) {
		gunichar c = g_utf8_get_char(q);

		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
		    c == 0x2028 || c == 0x2029)
			c = ' ';
		g_string_append_unichar(out, c);
		if (g_unichar_isspace(c) || c == '-' || c == 0x200B) {
			run = 0;
		} else if (++run >= LAYOUT_MAX_RUN) {
			g_string_append_unichar(out, 0x200B);
			run = 0;
		}
	}
	g_free(valid);
	g_strstrip(out->str);
	res = xstrdup(out->str);
	g_string_free(out, TRUE);
	return res;
}

static void
blocks_push(struct layout_blocks *b, size_t *cap, enum layout_block_kind kind,
    int ecq, const char *label, char *text)
{
	struct layout_block *blk;

	if (b->n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		b->items = xreallocarray(b->items, *cap, sizeof(*b->items));
	}
	blk = &b->items[b->n++];
	memset(blk, 0, sizeof(*blk));
	blk->kind = kind;
	blk->ecq = ecq;
	blk->label = label;
	blk->text = text;
}

/* Pushes each non-empty line of text as a paragraph; the first gets label. */
static void
blocks_push_paragraphs(struct layout_blocks *b, size_t *cap,
    enum layout_block_kind kind, int ecq, const char *label, const char *text)
{
	const char *s = text, *e;

	while (s != NULL && *s != '\0') {
		char *para;

		e = s + strcspn(s, "\n\r");
		para = layout_clean(s, (size_t)(e - s));
		if (*para != '\0') {
			blocks_push(b, cap, kind, ecq, label, para);
			label = NULL;
		} else {
			free(para);
		}
		s = *e != '\0' ? e + 1 : e;
	}
}

static char *
layout_example_title(size_t number, const struct example *ex)
{
	char *title = layout_clean(ex->field[EX_TITLE], strlen(ex->field[EX_TITLE]));
	char *start = layout_clean(ex->field[EX_START], strlen(ex->field[EX_START]));
	char *end = layout_clean(ex->field[EX_END], strlen(ex->field[EX_END]));
	char *dates, *res;

	if (*start != '\0' && *end != '\0')
		dates = xasprintf(" (%s to %s)", start, end);
	else if (*start != '\0')
		dates = xasprintf(" (from %s)", start);
	else if (*end != '\0')
		dates = xasprintf(" (to %s)", end);
	else
		dates = xstrdup("");
	if (*title != '\0')
		res = xasprintf("Example %zu: %s%s", number, title, dates);
	else
		res = xasprintf("Example %zu%s", number, dates);
	free(title);
	free(start);
	free(end);
	free(dates);
	return res;
}

char *
layout_clean_text(const char *s)
{
	return layout_clean(s, strlen(s));
}

void
layout_blocks_build(const struct project *p, const struct layout_options *o,
    struct layout_blocks *out)
{
	struct layout_options def;
	size_t cap = 0, i, k, n_ex;
	int f;

	if (o == NULL) {
		layout_options_init(&def);
		o = &def;
	}
	out->items = NULL;
	out->n = 0;
	for (i = 0; i < p->fw->n_ecqs; i++) {
		int ecq = (int)i;

		if (o->ecq >= 0 && o->ecq != ecq)
			continue;
		blocks_push(out, &cap, LAYOUT_BLOCK_ECQ_HEADING, ecq, NULL,
		    xasprintf("ECQ %zu: %s", i + 1, p->fw->ecqs[i].title));
		if (p->intro != NULL)
			blocks_push_paragraphs(out, &cap, LAYOUT_BLOCK_INTRO, ecq,
			    NULL, p->intro[i]);
		n_ex = project_count_examples(p, ecq);
		for (k = 0; k < n_ex; k++) {
			const struct example *ex = project_example_at(p, ecq, k);

			blocks_push(out, &cap, LAYOUT_BLOCK_EXAMPLE_TITLE, ecq, NULL,
			    layout_example_title(k + 1, ex));
			for (f = EX_CHALLENGE; f <= EX_RESULT; f++) {
				const char *label = o->no_labels ? NULL :
				    framework_ccar_name((enum ccar_part)(f - EX_CHALLENGE));

				blocks_push_paragraphs(out, &cap,
				    LAYOUT_BLOCK_PARAGRAPH, ecq, label, ex->field[f]);
			}
		}
	}
}

void
layout_blocks_free(struct layout_blocks *b)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < b->n; i++)
		free(b->items[i].text);
	free(b->items);
	b->items = NULL;
	b->n = 0;
}
