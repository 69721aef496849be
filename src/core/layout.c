/* SPDX-License-Identifier: MIT */
/*
 * layout.c: breaks the narrative into lines with Pango and the lines into
 * pages, the one pagination behind the page meter, page_limit and the PDF.
 * Each ECQ's line breaking is cached under a hash of its blocks and the
 * options; paginating the cached lines again is cheap. Prints nothing.
 * The blocks it lays out come from layout_blocks.c; drawing a page from
 * the result is in layout_draw.c.
 */
#include "config.h"
#include "layout.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <pango/pangocairo.h>

#include "framework.h"
#include "layout_internal.h"
#include "xalloc.h"

#define PT_PER_IN 72.0
/* Tolerance when a line's bottom meets the bottom margin. */
#define FIT_EPS 0.01
/* A paragraph longer than this many bytes is handed to Pango in pieces
 * (each ends at a break opportunity), so one Pango call costs milliseconds
 * and a cancel function (layout_cache_set_cancel) is asked between them.
 * Pango's own cost grows faster than the length of a paragraph, and its
 * widths overflow past some 200,000 characters on a line. A piece starts
 * on a new line: only a paragraph of over 8 KB (some 1,300 words, three
 * pages) is counted differently from one laid out whole. */
#define LAYOUT_PIECE 8192

/* One laid-out paragraph: its Pango layouts (one per piece, see
 * LAYOUT_PIECE) and the metrics of each line. */
struct para {
	PangoLayout **pls;      /* [n_pls] owned */
	size_t n_pls;
	int n_lines;
	PangoLayout **line_pl;  /* [n_lines] the piece the line is in */
	int *line_no;           /* [n_lines] its line in that piece */
	double *height;         /* [n_lines] line height */
	double *baseline;       /* [n_lines] baseline below the line's top */
	double *x;              /* [n_lines] left edge of the line's logical box */
	bool keep_with_next;    /* headings and example titles */
	bool own_space;         /* the block's space_before instead of the gap */
	double space_before;
	bool half_start;        /* starts at the top or middle of a page */
	bool rule_below;        /* a thin line under it */
};

struct slot {
	bool valid;
	uint64_t hash;
	struct para *paras;
	uint64_t *para_hash;    /* [n_paras] each paragraph's block and key */
	size_t n_paras;
};

struct layout_cache {
	PangoFontMap *fm;
	PangoContext *ctx;
	struct slot *slots;
	size_t n_slots;
	size_t laid_out, reused;
	size_t paras_built, paras_kept; /* paragraphs laid out anew / taken over */
	bool (*cancel)(void *);         /* asked between pieces; may be NULL */
	void *cancel_arg;
};

/*
 * LeakSanitizer (--enable-sanitizers) reads this hook. Pango's fontconfig
 * back end keeps font patterns it never frees (pango 1.50, fontconfig
 * 2.14); without this every program that lays out a page would "leak".
 * Only stacks through those two libraries are excused, so a PangoLayout
 * we forget to unref is still reported.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_options(void);

/* Keep the list of excused leaks off stderr: the CLI tests read it. */
const char *
__lsan_default_options(void)
{
	return "print_suppressions=0";
}

const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n"
	    "leak:libpangoft2-1.0.so\n";
}

/* ---- cache ----------------------------------------------------------------- */

struct layout_cache *
layout_cache_new(void)
{
	struct layout_cache *c = xcalloc(1, sizeof(*c));
	cairo_font_options_t *fo;

	/* The thread's default font map: fontconfig's font list is read once
	 * per thread, not once per cache. */
	c->fm = g_object_ref(pango_cairo_font_map_get_default());
	c->ctx = pango_font_map_create_context(c->fm);
	/* One Pango unit of size per point: layout in points, device-free. */
	pango_cairo_context_set_resolution(c->ctx, 72.0);
	/* Unhinted metrics, so line breaks do not depend on an output device. */
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(c->ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(c->ctx, FALSE);
	return c;
}

static void
para_free(struct para *pa)
{
	size_t i;

	for (i = 0; i < pa->n_pls; i++)
		g_object_unref(pa->pls[i]);
	free(pa->pls);
	free(pa->line_pl);
	free(pa->line_no);
	free(pa->height);
	free(pa->baseline);
	free(pa->x);
}

static void
slot_clear(struct slot *s)
{
	size_t i;

	for (i = 0; i < s->n_paras; i++)
		para_free(&s->paras[i]);
	free(s->paras);
	free(s->para_hash);
	s->paras = NULL;
	s->para_hash = NULL;
	s->n_paras = 0;
	s->valid = false;
}

void
layout_cache_free(struct layout_cache *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n_slots; i++)
		slot_clear(&c->slots[i]);
	free(c->slots);
	g_object_unref(c->ctx);
	g_object_unref(c->fm);
	free(c);
}

void
layout_cache_set_cancel(struct layout_cache *c, bool (*cancel)(void *), void *arg)
{
	c->cancel = cancel;
	c->cancel_arg = arg;
}

void
layout_cache_para_stats(const struct layout_cache *c, size_t *built, size_t *kept)
{
	*built = c != NULL ? c->paras_built : 0;
	*kept = c != NULL ? c->paras_kept : 0;
}

void
layout_cache_stats(const struct layout_cache *c, size_t *laid_out, size_t *reused)
{
	if (laid_out != NULL)
		*laid_out = c != NULL ? c->laid_out : 0;
	if (reused != NULL)
		*reused = c != NULL ? c->reused : 0;
}

static uint64_t
hash_bytes(uint64_t h, const void *data, size_t len)
{
	const unsigned char *b = data;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= b[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static uint64_t
hash_str(uint64_t h, const char *s)
{
	/* The terminating NUL separates fields, so "ab"+"c" != "a"+"bc". */
	return hash_bytes(h, s != NULL ? s : "", (s != NULL ? strlen(s) : 0) + 1);
}

/* ---- breaking into lines ---------------------------------------------------- */

/* pitch: the font's line height (ascent, descent and line gap), which word
 * processors use as "single" spacing; Pango's line boxes leave the gap out. */
static void
para_measure(struct para *pa, PangoLayout *pl, double pitch)
{
	PangoLayoutIter *it = pango_layout_get_iter(pl);
	int i = pa->n_lines, n = pango_layout_get_line_count(pl), first = i;
	size_t total = (size_t)i + (size_t)n;

	pa->n_lines += n;
	pa->height = xreallocarray(pa->height, total ? total : 1, sizeof(double));
	pa->baseline = xreallocarray(pa->baseline, total ? total : 1, sizeof(double));
	pa->x = xreallocarray(pa->x, total ? total : 1, sizeof(double));
	pa->line_pl = xreallocarray(pa->line_pl, total ? total : 1, sizeof(*pa->line_pl));
	pa->line_no = xreallocarray(pa->line_no, total ? total : 1, sizeof(int));
	do {
		PangoRectangle logical;
		int y0, y1;

		if (i >= pa->n_lines)
			break;
		pa->line_pl[i] = pl;
		pa->line_no[i] = i - first;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		pa->height[i] = (double)(y1 - y0) / PANGO_SCALE;
		if (pa->height[i] < pitch)
			pa->height[i] = pitch;
		pa->baseline[i] = (double)(pango_layout_iter_get_baseline(it) - y0) / PANGO_SCALE;
		pa->x[i] = (double)logical.x / PANGO_SCALE;
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* Bytes of text[0..len) for the next piece: all when short, else up to
 * the last space or zero-width space (layout_clean puts one at least every
 * LAYOUT_MAX_RUN characters) before LAYOUT_PIECE, else a character
 * boundary. */
static size_t
piece_len(const char *text, size_t len)
{
	size_t n;

	if (len <= LAYOUT_PIECE)
		return len;
	for (n = LAYOUT_PIECE; n > LAYOUT_PIECE / 2; n--) {
		if (text[n - 1] == ' ')
			return n;
		if (n >= 3 && memcmp(text + n - 3, "\xe2\x80\x8b", 3) == 0)
			return n;
	}
	n = LAYOUT_PIECE;
	while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	return n > 0 ? n : len;
}

/* Lays out blk into pa, piece by piece; false when c's cancel function
 * asked to stop (pa then holds what was done, for para_free). */
static bool
para_build(struct layout_cache *c, const struct layout_block *blk,
    const PangoFontDescription *font, double width, double pitch, struct para *pa)
{
	PangoAttrList *attrs = NULL;
	PangoFontDescription *own = NULL;
	PangoTabArray *tabs = NULL;
	char *text;
	size_t len, off, n;

	memset(pa, 0, sizeof(*pa));
	if (blk->size_pt > 0) {
		own = pango_font_description_copy(font);
		pango_font_description_set_size(own, (gint)lround(blk->size_pt * PANGO_SCALE));
		font = own;
	}
	if (blk->hang_pt > 0) {
		tabs = pango_tab_array_new_with_positions(1, FALSE, PANGO_TAB_LEFT,
		    (gint)lround(blk->hang_pt * PANGO_SCALE));
	}
	if (blk->label == NULL && blk->bold_len > 0) {
		PangoAttribute *bold;

		text = xstrdup(blk->text);
		attrs = pango_attr_list_new();
		bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
		bold->start_index = 0;
		bold->end_index = (guint)(blk->bold_len < strlen(text) ? blk->bold_len :
		    strlen(text));
		pango_attr_list_insert(attrs, bold);
	} else if (blk->label != NULL) {
		PangoAttribute *bold;

		text = xasprintf("%s: %s", blk->label, blk->text);
		attrs = pango_attr_list_new();
		bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
		bold->start_index = 0;
		bold->end_index = (guint)strlen(blk->label) + 1;
		pango_attr_list_insert(attrs, bold);
	} else {
		text = xstrdup(blk->text);
	}
	pa->keep_with_next = blk->kind == LAYOUT_BLOCK_ECQ_HEADING ||
	    blk->kind == LAYOUT_BLOCK_EXAMPLE_TITLE || blk->keep;
	pa->own_space = blk->own_space;
	pa->space_before = blk->space_before;
	pa->half_start = blk->half_start;
	pa->rule_below = blk->rule_below;
	len = strlen(text);
	off = 0;
	do {
		PangoLayout *pl = pango_layout_new(c->ctx);

		n = piece_len(text + off, len - off);
		pango_layout_set_font_description(pl, font);
		pango_layout_set_width(pl, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
		if (tabs != NULL) {
			/* a bullet: its text at the tab, its other lines under it */
			pango_layout_set_tabs(pl, tabs);
			pango_layout_set_indent(pl, -(int)lround(blk->hang_pt * PANGO_SCALE));
		}
		pango_layout_set_text(pl, text + off, (int)n);
		if (attrs != NULL && off == 0)
			pango_layout_set_attributes(pl, attrs);
		pa->pls = xreallocarray(pa->pls, pa->n_pls + 1, sizeof(*pa->pls));
		pa->pls[pa->n_pls++] = pl;
		para_measure(pa, pl, pitch);
		off += n;
		if (off < len && c->cancel != NULL && c->cancel(c->cancel_arg))
			break;
	} while (off < len);
	if (attrs != NULL)
		pango_attr_list_unref(attrs);
	if (tabs != NULL)
		pango_tab_array_free(tabs);
	if (own != NULL)
		pango_font_description_free(own);
	free(text);
	return off >= len;
}

/* The hash of block i under key: equal hashes lay out alike. */
static uint64_t
block_hash(const struct layout_blocks *b, size_t i, uint64_t key)
{
	uint64_t h = key;

	const struct layout_block *blk = &b->items[i];
	double style[4] = { blk->size_pt, blk->space_before, blk->hang_pt, (double)blk->bold_len };
	unsigned char flags[4] = { blk->keep, blk->own_space, blk->half_start, blk->rule_below };

	h = hash_bytes(h, &b->items[i].kind, sizeof(b->items[i].kind));
	h = hash_bytes(h, style, sizeof(style));
	h = hash_bytes(h, flags, sizeof(flags));
	h = hash_str(h, b->items[i].label);
	return hash_str(h, b->items[i].text);
}

/* Takes the paragraph hashed h out of s (preferring position at, where
 * an unchanged paragraph usually still is) into *out; false when s has
 * none. The slot's slot then holds an empty paragraph. */
static bool
slot_take(struct slot *s, uint64_t h, size_t at, struct para *out)
{
	size_t j;

	for (j = 0; j <= s->n_paras; j++) {
		size_t k = j == 0 ? at : j - 1;

		if (k < s->n_paras && s->para_hash[k] == h && s->paras[k].n_pls > 0) {
			*out = s->paras[k];
			memset(&s->paras[k], 0, sizeof(s->paras[k]));
			return true;
		}
	}
	return false;
}

/*
 * Makes sure slot ecq holds blocks [b0, b1) laid out under key. Only the
 * paragraphs whose block changed are laid out again: the others are taken
 * over from what the slot held. Returns false when cancelled: the slot
 * then keeps every paragraph laid out so far (not valid as a whole), so
 * the next call goes on from there instead of starting again.
 */
static bool
slot_fill(struct layout_cache *c, size_t ecq, const struct layout_blocks *b,
    size_t b0, size_t b1, uint64_t key, const PangoFontDescription *font,
    double width, double pitch)
{
	struct slot *s, old;
	uint64_t h = key;
	size_t i, n = b1 - b0, k;
	bool done = true;

	for (i = b0; i < b1; i++)
		h = hash_bytes(h, (uint64_t[]){ block_hash(b, i, key) }, sizeof(uint64_t));
	if (ecq >= c->n_slots) {
		c->slots = xreallocarray(c->slots, ecq + 1, sizeof(*c->slots));
		memset(c->slots + c->n_slots, 0, (ecq + 1 - c->n_slots) * sizeof(*c->slots));
		c->n_slots = ecq + 1;
	}
	s = &c->slots[ecq];
	if (s->valid && s->hash == h) {
		c->reused++;
		return true;
	}
	old = *s;
	memset(s, 0, sizeof(*s));
	s->paras = xcalloc(n ? n : 1, sizeof(*s->paras));
	s->para_hash = xcalloc(n ? n : 1, sizeof(*s->para_hash));
	for (i = 0; i < n; i++) {
		uint64_t ph = block_hash(b, b0 + i, key);

		s->para_hash[i] = ph;
		s->n_paras = i + 1;
		if (slot_take(&old, ph, i, &s->paras[i])) {
			c->paras_kept++;
			continue;
		}
		if ((c->cancel != NULL && i > 0 && c->cancel(c->cancel_arg))
		    || !para_build(c, &b->items[b0 + i], font, width, pitch, &s->paras[i])) {
			para_free(&s->paras[i]);
			memset(&s->paras[i], 0, sizeof(s->paras[i]));
			s->n_paras = i;
			done = false;
			break;
		}
		c->paras_built++;
	}
	if (!done) {
		/* keep the old paragraphs not taken over too: a later call
		 * may still use them */
		for (k = 0; k < old.n_paras; k++) {
			if (old.paras[k].n_pls == 0)
				continue;
			s->paras = xreallocarray(s->paras, s->n_paras + 1, sizeof(*s->paras));
			s->para_hash = xreallocarray(s->para_hash, s->n_paras + 1,
			    sizeof(*s->para_hash));
			s->paras[s->n_paras] = old.paras[k];
			s->para_hash[s->n_paras] = old.para_hash[k];
			s->n_paras++;
			memset(&old.paras[k], 0, sizeof(old.paras[k]));
		}
		slot_clear(&old);
		s->valid = false;
		return false;
	}
	slot_clear(&old);
	s->hash = h;
	s->valid = true;
	c->laid_out++;
	return true;
}

/* ---- pagination ---------------------------------------------------------------- */

static void
plan_push(struct layout_plan *plan, size_t *cap, int page, PangoLayout *pl,
    int line, double x, double baseline)
{
	struct placement *pl_;

	if (plan->n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		plan->items = xreallocarray(plan->items, *cap, sizeof(*plan->items));
	}
	pl_ = &plan->items[plan->n++];
	pl_->page = page;
	pl_->pl = g_object_ref(pl);
	pl_->line = line;
	pl_->x = x;
	pl_->baseline = baseline;
}

static void
plan_free(struct layout_plan *plan)
{
	size_t i;

	if (plan == NULL)
		return;
	for (i = 0; i < plan->n; i++)
		g_object_unref(plan->items[i].pl);
	free(plan->items);
	free(plan->rules);
	if (plan->font != NULL)
		pango_font_description_free(plan->font);
	if (plan->ctx != NULL)
		g_object_unref(plan->ctx);
	free(plan);
}

/* The space above pa when it does not start a page: its own, or the gap. */
static double
para_gap(const struct para *pa, double blank)
{
	return pa->own_space ? pa->space_before : blank;
}

static void
plan_rule(struct layout_plan *plan, int page, double y, bool dashed)
{
	plan->rules = xreallocarray(plan->rules, plan->n_rules + 1, sizeof(*plan->rules));
	plan->rules[plan->n_rules].page = page;
	plan->rules[plan->n_rules].y = y;
	plan->rules[plan->n_rules].dashed = dashed;
	plan->n_rules++;
}

/* Height of a paragraph's first line, or 0. */
static double
para_first_height(const struct para *pa)
{
	return pa->n_lines > 0 ? pa->height[0] : 0;
}

/* Height of up to n lines of pa from line k. */
static double
para_lines_height(const struct para *pa, int k, int n)
{
	double h = 0;

	for (; k < pa->n_lines && n > 0; k++, n--)
		h += pa->height[k];
	return h;
}

/*
 * The height paragraph i of ECQ order[oi], a heading or title, needs at the
 * foot of a page: itself, any headings and titles that follow (into the
 * next ECQ unless each starts a page), and as many lines of the paragraph
 * after them as widow and orphan control let start a page (all of up to
 * three lines, else two).
 */
static double
keep_height(const struct layout_cache *c, const size_t *order, size_t n_order,
    size_t oi, size_t i, double blank, bool page_per_ecq)
{
	const struct slot *s = &c->slots[order[oi]];
	const struct para *pa = &s->paras[i];
	double h = para_lines_height(pa, 0, pa->n_lines);

	for (;;) {
		const struct para *nx;

		if (++i >= s->n_paras) {
			if (page_per_ecq || ++oi >= n_order)
				return h;
			s = &c->slots[order[oi]];
			i = 0;
			if (s->n_paras == 0)
				return h;
		}
		nx = &s->paras[i];
		if (nx->half_start)
			return h;       /* it moves on to the next half anyway */
		if (nx->keep_with_next) {
			h += para_gap(nx, blank) + para_lines_height(nx, 0, nx->n_lines);
			continue;
		}
		return h + para_gap(nx, blank) + para_lines_height(nx, 0,
		    nx->n_lines <= 3 ? nx->n_lines : 2);
	}
}

/* How many lines of pa from line k fit in room points. */
static int
para_lines_fitting(const struct para *pa, int k, double room)
{
	int n = 0;

	for (; k < pa->n_lines && pa->height[k] <= room + FIT_EPS; k++, n++)
		room -= pa->height[k];
	return n;
}

static int
layout_run(struct layout_cache *c, const struct project *p,
    const struct layout_options *o, struct layout_result *r, struct error *err)
{
	const char *family = o->font != NULL && *o->font != '\0' ? o->font : LAYOUT_DEFAULT_FONT;
	double size = o->font_pt > 0 ? o->font_pt : framework_rule(p->fw, "font_size_pt", 12);
	double margin_in = o->margin_in > 0 ? o->margin_in : framework_rule(p->fw, "margin_in", 1);
	PangoFontDescription *font;
	PangoFont *loaded;
	PangoFontMetrics *metrics;
	struct layout_blocks b;
	struct layout_plan *plan;
	size_t i, j, cap = 0, b0, oi, n_order = 0, *order;
	double width, body_h, blank, pitch, y = 0;
	int page = 1, k;
	uint64_t key;

	if (!(size > 0 && size < 200))
		size = 12;
	if (!(margin_in >= 0 && margin_in < 4))
		margin_in = 1;
	r->ecq = o->ecq;
	r->page_width = o->paper == LAYOUT_A4 ? 595.2756 : 612;
	r->page_height = o->paper == LAYOUT_A4 ? 841.8898 : 792;
	r->margin = margin_in * PT_PER_IN;
	r->font_size = size;
	width = r->page_width - 2 * r->margin;
	body_h = r->page_height - 2 * r->margin;

	font = pango_font_description_new();
	pango_font_description_set_family(font, family);
	pango_font_description_set_size(font, (gint)lround(size * PANGO_SCALE));
	loaded = pango_font_map_load_font(c->fm, c->ctx, font);
	if (loaded == NULL) {
		pango_font_description_free(font);
		return error_set(err, ERR_INTERNAL,
		    "no font could be loaded for \"%s\": install fonts-liberation2 "
		    "(apt-get install fonts-liberation2)", family);
	} else {
		PangoFontDescription *got = pango_font_describe(loaded);
		const char *got_family = pango_font_description_get_family(got);

		r->font_used = xstrdup(got_family != NULL ? got_family : "?");
		r->font_missing = g_ascii_strcasecmp(r->font_used, family) != 0;
		if (r->font_missing)
			r->warning = xasprintf("font \"%s\" is not installed; pages are "
			    "counted with \"%s\"%s", family, r->font_used,
			    strncmp(family, "Liberation ", 11) == 0 ?
			    " (install fonts-liberation2)" : "");
		pango_font_description_free(got);
		g_object_unref(loaded);
	}

	/* Single spacing as word processors do it: the font's ascent,
	 * descent and line gap (Liberation Serif 12 pt: 13.8 pt, 46 lines
	 * on a Letter page with 1-inch margins, as Times New Roman in Word). */
	metrics = pango_context_get_metrics(c->ctx, font, NULL);
	blank = (double)pango_font_metrics_get_height(metrics) / PANGO_SCALE;
	pango_font_metrics_unref(metrics);
	if (!(blank > 0)) {
		PangoLayout *probe = pango_layout_new(c->ctx);
		PangoRectangle logical;

		pango_layout_set_font_description(probe, font);
		pango_layout_set_text(probe, "", 0);
		pango_layout_get_extents(probe, NULL, &logical);
		blank = (double)logical.height / PANGO_SCALE;
		g_object_unref(probe);
	}
	if (!(blank > 0))
		blank = size * 1.15;
	r->line_height = blank;
	r->lines_per_page = (int)floor((body_h + FIT_EPS) / blank);
	pitch = blank;
	if (o->gap_lines > 0)
		blank *= o->gap_lines;  /* from here on: the space between blocks */

	key = hash_str(0xcbf29ce484222325ULL, family);
	key = hash_bytes(key, &size, sizeof(size));
	key = hash_bytes(key, &width, sizeof(width));

	r->n_ecqs = p->fw->n_ecqs;
	r->ecqs = xcalloc(r->n_ecqs ? r->n_ecqs : 1, sizeof(*r->ecqs));
	plan = xcalloc(1, sizeof(*plan));
	plan->ctx = g_object_ref(c->ctx);
	plan->font = font;

	if (o->blocks != NULL) {
		b = *o->blocks;     /* borrowed: never freed here */
		r->n_blocks = b.n;
		r->block_lines = xcalloc(b.n ? b.n : 1, sizeof(*r->block_lines));
	} else {
		layout_blocks_build(p, o, &b);
	}
	/* Break every ECQ into lines first (or take it from the cache), so a
	 * heading at the end of one ECQ can see what starts the next. */
	order = xcalloc(b.n ? b.n : 1, sizeof(*order));
	for (b0 = 0; b0 < b.n; b0 = j) {
		size_t ecq = (size_t)b.items[b0].ecq;

		for (j = b0; j < b.n && (size_t)b.items[j].ecq == ecq; j++)
			;
		if (ecq >= r->n_ecqs)
			ecq = 0;        /* another document's blocks: one group */
		if (!slot_fill(c, ecq, &b, b0, j, key, font, width, pitch)) {
			free(order);
			if (o->blocks == NULL)
				layout_blocks_free(&b);
			plan_free(plan);
			error_set(err, ERR_NONE, "laying out was interrupted");
			return -2;
		}
		order[n_order++] = ecq;
		for (i = b0; r->block_lines != NULL && i < j; i++)
			r->block_lines[i] = c->slots[ecq].paras[i - b0].n_lines;
	}
	for (oi = 0; oi < n_order; oi++) {
		size_t ecq = order[oi];
		struct slot *s = &c->slots[ecq];
		double ecq_h = 0;

		if (o->page_per_ecq && y > 0) {
			page++;
			y = 0;
		}
		for (i = 0; i < s->n_paras; i++) {
			const struct para *pa = &s->paras[i];
			double space = y > 0 ? para_gap(pa, blank) : 0, need;

			if (pa->half_start && y > 0) {
				/* the middle of this page when the half above
				 * leaves a line clear of it, else the next page */
				if (y + pitch <= body_h / 2) {
					plan_rule(plan, page, body_h / 2, true);
					y = body_h / 2 + pitch;
				} else {
					page++;
					y = 0;
				}
				space = 0;
			}
			need = space + para_first_height(pa);
			if (pa->keep_with_next)
				need = space + keep_height(c, order, n_order, oi, i,
				    blank, o->page_per_ecq);
			if (y > 0 && y + need > body_h + FIT_EPS) {
				page++;
				y = 0;
				space = 0;
			}
			y += space;
			ecq_h += space;
			for (k = 0; k < pa->n_lines; ) {
				int fit = para_lines_fitting(pa, k, body_h - y), m;

				if (fit < pa->n_lines - k) {
					/* Widow and orphan control, as word processors
					 * do by default: never one line of a paragraph
					 * alone at the foot or the head of a page. */
					if (pa->n_lines - k - fit == 1)
						fit--;
					if (k == 0 && fit < 2)
						fit = 0;
					if (fit == 0 && y == 0)
						fit = 1;        /* a line taller than a page */
					if (fit == 0) {
						page++;
						y = 0;
						continue;
					}
				}
				for (m = 0; m < fit; m++, k++) {
					if (i == 0 && k == 0)
						r->ecqs[ecq].first_page = page;
					plan_push(plan, &cap, page, pa->line_pl[k], pa->line_no[k], pa->x[k],
					    y + pa->baseline[k]);
					y += pa->height[k];
					ecq_h += pa->height[k];
				}
				if (k < pa->n_lines) {
					page++;
					y = 0;
				}
			}
			if (pa->rule_below && pa->n_lines > 0)
				plan_rule(plan, page, y + pitch * 0.15, false);
		}
		r->ecqs[ecq].last_page = page;
		r->ecqs[ecq].pages = ecq_h / body_h;
	}
	free(order);
	if (o->blocks == NULL)
		layout_blocks_free(&b);
	r->pages = page;
	r->used = (page - 1) + y / body_h;
	r->plan = plan;
	return 0;
}

int
layout_pages(struct layout_cache *c, const struct project *p,
    const struct layout_options *o, struct layout_result *r, struct error *err)
{
	struct layout_options def;
	struct layout_cache *tmp = NULL;
	int rc;

	memset(r, 0, sizeof(*r));
	if (p == NULL || p->fw == NULL)
		return error_set(err, ERR_USAGE, "no project to lay out");
	if (o == NULL) {
		layout_options_init(&def);
		o = &def;
	}
	if (o->ecq >= 0 && (size_t)o->ecq >= p->fw->n_ecqs)
		return error_set(err, ERR_NOTFOUND, "there is no ECQ %d in %s "
		    "(it has %zu)", o->ecq + 1, p->fw->id, p->fw->n_ecqs);
	if (c == NULL)
		c = tmp = layout_cache_new();
	rc = layout_run(c, p, o, r, err);
	layout_cache_free(tmp);
	if (rc != 0)
		layout_result_free(r);
	return rc;
}

void
layout_result_free(struct layout_result *r)
{
	if (r == NULL)
		return;
	free(r->ecqs);
	free(r->block_lines);
	free(r->font_used);
	free(r->warning);
	plan_free(r->plan);
	memset(r, 0, sizeof(*r));
}
