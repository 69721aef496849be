/* SPDX-License-Identifier: MIT */
/*
 * resume_internal.h: what resume.c's blocks share with resume_export.c, so
 * the PDF, the text and the Markdown say a position and a line alike.
 */
#ifndef ECQ_RESUME_INTERNAL_H
#define ECQ_RESUME_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "project.h"

/* "2019-05 to present", "from 2019-05", the end alone or "". Caller frees. */
char *resume_position_dates(const struct position *pos);
/* Its dates, series/grade and "N hours per week", joined by "; ". Caller frees. */
char *resume_position_facts(const struct position *pos);
/* "Supervisor: NAME, PHONE; may contact: yes" as USAJOBS asks, or "".
 * Caller frees. */
char *resume_position_supervisor(const struct position *pos);
/* ex's résumé line on one line with "(ECQ n)" after it; nbsp: the tag
 * held to the line's last word by no-break spaces. Caller frees. */
char *resume_line_text(const struct example *ex, bool nbsp);
/* Whether ex has a résumé line (not only blanks). */
bool resume_has_line(const struct example *ex);
/* a, then sep1 and b, then sep2 and c, leaving out the empty parts
 * ("a, b | c"). Caller frees. */
char *resume_join3(const char *a, const char *sep1, const char *b, const char *sep2,
    const char *c);
/* The characters (not bytes) of UTF-8 s, as USAJOBS' builder counts them. */
size_t resume_chars(const char *s);

#endif
