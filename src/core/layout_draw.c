/* SPDX-License-Identifier: MIT */
/*
 * layout_draw.c: draws one laid-out page (layout_pages' result) on a Cairo
 * context: the lines where pagination placed them, the rules, the header
 * and the "Page N of M" footer. Decides no placement; prints nothing.
 */
#include "config.h"
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <pango/pangocairo.h>

#include "layout_internal.h"
#include "xalloc.h"

static PangoLayout *
layout_band_text(const struct layout_result *r, const char *text, double width,
    PangoAlignment align)
{
	PangoLayout *pl = pango_layout_new(r->plan->ctx);
	char *clean = layout_clean(text, strlen(text));

	pango_layout_set_font_description(pl, r->plan->font);
	pango_layout_set_width(pl, (int)(width * PANGO_SCALE));
	pango_layout_set_ellipsize(pl, PANGO_ELLIPSIZE_END);
	pango_layout_set_single_paragraph_mode(pl, TRUE);
	pango_layout_set_alignment(pl, align);
	pango_layout_set_text(pl, clean, -1);
	free(clean);
	return pl;
}

/* Shows text in the header band at (x, y), width w, aligned. */
static void
header_show(const struct layout_result *r, cairo_t *cr, const char *text,
    double x, double y, double w, PangoAlignment align)
{
	PangoLayout *pl = layout_band_text(r, text, w, align);

	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, pl);
	g_object_unref(pl);
}

/* Natural width of text on one line, in points. */
static double
header_width(const struct layout_result *r, const char *text)
{
	PangoLayout *pl = layout_band_text(r, text, 1, PANGO_ALIGN_LEFT);
	PangoRectangle logical;

	pango_layout_set_width(pl, -1);
	pango_layout_get_extents(pl, NULL, &logical);
	g_object_unref(pl);
	return (double)logical.width / PANGO_SCALE;
}

/*
 * The header: the name left and the position right on one line when both
 * fit a quarter inch apart; else the position on a second line when two
 * lines fit in the band (they do with 1-inch margins: 0.5 + 2 x 0.19 < 1
 * inch); else one line with the position cut short.
 */
static void
layout_draw_header(const struct layout_result *r, cairo_t *cr,
    const char *left, const char *right)
{
	double width = r->page_width - 2 * r->margin, band = r->margin / 2;
	double lw, gap = 18;

	if (*left == '\0' || *right == '\0') {
		header_show(r, cr, left, r->margin, band, width, PANGO_ALIGN_LEFT);
		header_show(r, cr, right, r->margin, band, width, PANGO_ALIGN_RIGHT);
		return;
	}
	lw = header_width(r, left);
	if (lw + gap + header_width(r, right) <= width) {
		header_show(r, cr, left, r->margin, band, width, PANGO_ALIGN_LEFT);
		header_show(r, cr, right, r->margin, band, width, PANGO_ALIGN_RIGHT);
	} else if (band + 2 * r->line_height <= r->margin) {
		header_show(r, cr, left, r->margin, band, width, PANGO_ALIGN_LEFT);
		header_show(r, cr, right, r->margin, band + r->line_height, width,
		    PANGO_ALIGN_LEFT);
	} else {
		if (lw > width * 0.6)
			lw = width * 0.6;
		header_show(r, cr, left, r->margin, band, lw, PANGO_ALIGN_LEFT);
		header_show(r, cr, right, r->margin + lw + gap, band, width - lw - gap,
		    PANGO_ALIGN_RIGHT);
	}
}

int
layout_draw_page(const struct layout_result *r, int page, void *vcr,
    const char *header_left, const char *header_right)
{
	cairo_t *cr = vcr;
	double width = r->page_width - 2 * r->margin;
	double band = r->margin / 2;    /* header and footer sit half-way into the margin */
	PangoLayout *pl;
	PangoRectangle logical;
	char *footer;
	size_t i;

	if (r->plan == NULL || page < 1 || page > r->pages)
		return -1;
	cairo_save(cr);
	for (i = 0; i < r->plan->n_rules; i++) {
		const struct rule *ru = &r->plan->rules[i];
		double dash[2] = { 4, 3 };

		if (ru->page != page)
			continue;
		/* headings' rules in black, cut lines in grey and dashed */
		cairo_set_source_rgb(cr, ru->dashed ? 0.55 : 0, ru->dashed ? 0.55 : 0,
		    ru->dashed ? 0.55 : 0);
		cairo_set_line_width(cr, ru->dashed ? 0.75 : 0.6);
		cairo_set_dash(cr, dash, ru->dashed ? 2 : 0, 0);
		cairo_move_to(cr, r->margin, r->margin + ru->y);
		cairo_line_to(cr, r->page_width - r->margin, r->margin + ru->y);
		cairo_stroke(cr);
	}
	cairo_set_dash(cr, NULL, 0, 0);
	cairo_set_source_rgb(cr, 0, 0, 0);
	for (i = 0; i < r->plan->n; i++) {
		const struct placement *pm = &r->plan->items[i];

		if (pm->page != page)
			continue;
		cairo_move_to(cr, r->margin + pm->x, r->margin + pm->baseline);
		pango_cairo_show_layout_line(cr,
		    pango_layout_get_line_readonly(pm->pl, pm->line));
	}

	if (page >= r->header_from_page)
		layout_draw_header(r, cr, header_left != NULL ? header_left : "",
		    header_right != NULL ? header_right : "");
	footer = xasprintf("Page %d of %d", page + r->page_offset,
	    r->page_total > 0 ? r->page_total : r->pages);
	pl = layout_band_text(r, footer, width, PANGO_ALIGN_CENTER);
	pango_layout_get_extents(pl, NULL, &logical);
	cairo_move_to(cr, r->margin, r->page_height - band -
	    (double)logical.height / PANGO_SCALE);
	pango_cairo_show_layout(cr, pl);
	g_object_unref(pl);
	free(footer);
	cairo_restore(cr);
	return 0;
}
