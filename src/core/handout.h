/* SPDX-License-Identifier: MIT */
/*
 * handout.h: a framework as a workshop handout (each ECQ's definition,
 * competencies and focus questions), built as a project with no examples so
 * the one layout engine (layout.h, export.h) prints it: the same pages,
 * font and margins as a narrative. Nothing here prints.
 */
#ifndef ECQ_HANDOUT_H
#define ECQ_HANDOUT_H

#include "framework.h"
#include "project.h"

/* A newly allocated project (free with project_free) whose header reads the
 * framework's title and "Workshop handout", and whose ECQ introductions hold,
 * one paragraph a line: the definition, the competencies (or the focus
 * areas, as the framework names them), the heading "What should the focus
 * be?" and one focus question a paragraph. fw is copied, not kept. Returns
 * NULL with err set only when fw's text no longer parses. */
struct project *handout_project(const struct framework *fw, struct error *err);

#endif
