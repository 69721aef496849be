/* SPDX-License-Identifier: MIT */
/*
 * layout_limit.c: the page_limit rule, a finding when the laid-out
 * narrative runs past the framework's page budget (framework_narrative_pages),
 * laid on each ECQ that takes more than its equal share of the pages, and a
 * warning for an ECQ past its own budget ([documents] narrative_pages_per_ecq)
 * that the first finding does not already name. Apart from layout.c so
 * programs that only paginate do not need the findings model.
 */
#include "config.h"
#include "layout.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "framework.h"
#include "xalloc.h"

#define PT_PER_IN 72.0

/* A coordinator's budget per ECQ ([documents] narrative_pages_per_ecq):
 * a warning for each ECQ whose share of the pages runs past it. */
static void
per_ecq_findings(const struct layout_result *r, const struct project *p, const bool *said,
    struct findings *out)
{
	double per = p->fw->docs.narrative_pages_per_ecq;
	struct finding f;
	size_t i;
	int over_lines;
	char *msg, *sugg;

	if (!(per > 0))
		return;
	for (i = 0; i < r->n_ecqs && i < p->fw->n_ecqs; i++) {
		if (r->ecq >= 0 && (size_t)r->ecq != i)
			continue;
		/* over the whole budget too: its error already says so */
		if (r->ecqs[i].pages <= per + 1e-9 || said[i])
			continue;
		memset(&f, 0, sizeof(f));
		f.rule = "page_limit";
		f.severity = SEV_WARNING;
		f.ecq = (int)i;
		f.example = -1;
		f.field = -1;
		over_lines = (int)ceil((r->ecqs[i].pages - per) * r->lines_per_page);
		if (over_lines < 1)
			over_lines = 1;
		msg = xasprintf("ECQ %zu takes %.1f pages; its budget is %g.", i + 1,
		    r->ecqs[i].pages, per);
		sugg = xasprintf("Cut about %d line%s from this ECQ.", over_lines,
		    over_lines == 1 ? "" : "s");
		f.message = msg;
		f.suggestion = sugg;
		findings_add(out, &f);
		free(msg);
		free(sugg);
	}
}

/* Adds the finding on ECQ ecq (-1: the narrative), over_lines lines over
 * its share (0: not said). */
static void
layout_limit_emit(const struct layout_result *r, int limit, int ecq, double share,
    int over_lines, int total_lines, struct findings *out)
{
	struct finding f;
	char *msg, *sugg;

	memset(&f, 0, sizeof(f));
	f.rule = "page_limit";
	f.severity = SEV_ERROR;
	f.ecq = ecq;
	f.example = -1;
	f.field = -1;
	if (ecq >= 0 && over_lines > 0)
		msg = xasprintf("The narrative runs to %d pages; the limit is %d "
		    "(%.0f pt font, %.4g-inch margins). This ECQ takes %.1f pages, "
		    "over its share of %.1f.", r->pages, limit, r->font_size,
		    r->margin / PT_PER_IN, r->ecqs[ecq].pages, share);
	else
		msg = xasprintf("The narrative runs to %d pages; the limit is %d "
		    "(%.0f pt font, %.4g-inch margins).", r->pages, limit, r->font_size,
		    r->margin / PT_PER_IN);
	if (ecq >= 0 && over_lines > 0)
		sugg = xasprintf("Cut about %d line%s in all; this ECQ is %d line%s over its share.",
		    total_lines, total_lines == 1 ? "" : "s", over_lines, over_lines == 1 ? "" : "s");
	else
		sugg = xasprintf("Cut about %d line%s.", total_lines, total_lines == 1 ? "" : "s");
	f.message = msg;
	f.suggestion = sugg;
	findings_add(out, &f);
	free(msg);
	free(sugg);
}

void
layout_page_limit_findings(const struct layout_result *r,
    const struct project *p, struct findings *out)
{
	double max = framework_narrative_pages(p->fw), share;
	double per = p->fw->docs.narrative_pages_per_ecq;
	bool *said = xcalloc(r->n_ecqs + 1, sizeof *said);
	size_t i;
	int limit = (int)floor(max), total_lines, crossing = -1, n = 0;

	if (r->ecq >= 0 || limit < 1 || r->pages <= limit)
		goto per_ecq;
	total_lines = (int)ceil((r->used - limit) * r->lines_per_page);
	if (total_lines < 1)
		total_lines = 1;
	/* The ECQs that overflow are those past their share of the limit
	 * (the coordinator's budget per ECQ, else the page budget shared
	 * equally), not the one that happens to be laid out where the limit
	 * falls. */
	share = per > 0 ? per : r->n_ecqs > 0 ? max / (double)r->n_ecqs : max;
	for (i = 0; i < r->n_ecqs; i++) {
		int over = (int)ceil((r->ecqs[i].pages - share) * r->lines_per_page - 1e-9);

		if (crossing < 0 && r->ecqs[i].last_page > limit)
			crossing = (int)i;
		if (r->ecqs[i].pages > share + 1e-9 && over > 0) {
			layout_limit_emit(r, limit, (int)i, share, over, total_lines, out);
			said[i] = true;
			n++;
		}
	}
	/* None over its share (the introductions take the room): the ECQ
	 * where the limit is crossed. */
	if (n == 0)
		layout_limit_emit(r, limit, crossing, share, 0, total_lines, out);
per_ecq:
	per_ecq_findings(r, p, said, out);
	free(said);
}

int
layout_page_limit_check(struct layout_cache *c, const struct project *p,
    struct findings *out, int *pages_out, struct error *err)
{
	struct layout_result r;

	if (layout_pages(c, p, NULL, &r, err) != 0)
		return -1;
	if (pages_out != NULL)
		*pages_out = r.pages;
	layout_page_limit_findings(&r, p, out);
	layout_result_free(&r);
	return 0;
}
