/* SPDX-License-Identifier: MIT */
/*
 * layout_internal.h: what layout.c, layout_blocks.c and layout_draw.c
 * share: the page plan pagination fills and drawing reads, and the text
 * cleaning. Only those files include it; everyone else uses layout.h.
 */
#ifndef ECQ_LAYOUT_INTERNAL_H
#define ECQ_LAYOUT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <pango/pangocairo.h>

struct placement {
	int page;
	PangoLayout *pl;        /* a reference of its own */
	int line;
	double x, baseline;     /* body coordinates (inside the margins) */
};

/* A line drawn across the body: under a heading, or a card's cut line. */
struct rule {
	int page;
	double y;               /* body coordinates */
	bool dashed;
};

struct layout_plan {
	PangoContext *ctx;      /* a reference of its own, for header and footer */
	PangoFontDescription *font;
	struct placement *items;
	size_t n;
	struct rule *rules;
	size_t n_rules;
};

/* A copy of s[0..len) that is valid UTF-8 with controls turned to spaces, a
 * zero-width space in over-long runs without a break, and no leading or
 * trailing white space; at most STORE_MAX_TEXT bytes of s are read. The
 * caller frees it. (layout_blocks.c) */
char *layout_clean(const char *s, size_t len);

#endif
