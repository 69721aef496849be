/* SPDX-License-Identifier: MIT */
/*
 * review_state.h: the state of one line of the framework's QRB checklist
 * for a project: passed, failed, to be confirmed by hand, or "not yet"
 * when the narrative lacks what the line's rules read (an ECQ with no
 * example cannot pass "Quantify experience"; examples with no competency
 * ticked cannot pass the coverage line). Never passes what it cannot
 * check. No curses, no printing.
 */
#ifndef ECQ_REVIEW_STATE_H
#define ECQ_REVIEW_STATE_H

#include <stddef.h>

#include "checks.h"
#include "framework.h"
#include "project.h"

enum review_state {
	REVIEW_PASSED,          /* its rules found nothing, and could look */
	REVIEW_FAILED,          /* its rules found something */
	REVIEW_NOT_YET,         /* its rules have nothing to judge yet */
	REVIEW_BY_HAND,         /* no rule: the writer confirms it (unticked) */
	REVIEW_CONFIRMED        /* no rule: ticked by the writer */
};

/* The state of checklist line ci of p given the project findings pf
 * (borrowed). *n_found gets the findings on the line (may be NULL). For
 * REVIEW_NOT_YET, why (may be NULL) gets a short reason such as "ECQ 3
 * has no example yet" (at most whylen bytes, NUL-terminated). */
enum review_state review_state_of(const struct project *p, const struct checklist_item *ci,
    const struct findings *pf, size_t *n_found, char *why, size_t whylen);

#endif
