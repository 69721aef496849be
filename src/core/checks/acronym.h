/* SPDX-License-Identifier: MIT */
/*
 * acronym.h: the acronym state of one ECQ for the "acronym_undefined" rule.
 * Each ECQ must stand alone, so an acronym spelled out in one ECQ must be
 * spelled out again in the next. acronym_scope_new() and _free() are
 * declared in rules.h (the engine's interface); this header adds the rest.
 */
#ifndef ECQ_ACRONYM_H
#define ECQ_ACRONYM_H

#include <stdbool.h>

#include "checks/rules.h"

/* Forgets every acronym seen, so the scope can serve the next ECQ. */
void acronym_scope_reset(struct acronym_scope *scope);

/* True when acr (as written, e.g. "OPM") was seen in this scope, defined or
 * already reported. For tests and the editor's hover text. */
bool acronym_scope_seen(const struct acronym_scope *scope, const char *acr);

#endif
