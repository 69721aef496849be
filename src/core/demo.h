/* SPDX-License-Identifier: MIT */
/*
 * demo.h: builds a complete example project from a demo narrative file
 * (prompts/demo/FRAMEWORK-ID.ini, format in ecqcoach-prompts(5)), so a
 * newcomer sees every screen with content.
 */
#ifndef ECQ_DEMO_H
#define ECQ_DEMO_H

#include "error.h"
#include "framework.h"
#include "store.h"

/* Creates a new project at path (which must not exist) with framework fw
 * and fills it from the demo file demo_path. On success *out is the open
 * store; on failure nothing is left at path. */
int demo_create(const char *demo_path, const struct framework *fw, const char *path,
    struct store **out, struct error *err);

#endif
