/* SPDX-License-Identifier: MIT */
/*
 * paths.c: finding package data. A program run from its build tree uses the
 * source tree's prompts/ and dictionaries/, so a developer never needs to
 * install to try a change; an installed one uses PKGDATADIR.
 */
#include "config.h"
#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

static char data_dir[PATH_MAX];

/* True when the running executable lives in the build tree. */
static int
running_uninstalled(void)
{
	char exe[PATH_MAX], *slash;
	char build[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return 0;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return 0;
	*slash = '\0';
	if (realpath(ABS_TOP_BUILDDIR, build) == NULL)
		return 0;
	/* The program sits at the top of the build tree, test programs below it. */
	return strcmp(exe, build) == 0 ||
	    (strncmp(exe, build, strlen(build)) == 0 && exe[strlen(build)] == '/');
}

const char *
paths_data_dir(void)
{
	const char *env;

	if (data_dir[0] != '\0')
		return data_dir;
	env = getenv("ECQCOACH_DATADIR");
	if (env != NULL && *env != '\0')
		snprintf(data_dir, sizeof data_dir, "%s", env);
	else if (running_uninstalled())
		snprintf(data_dir, sizeof data_dir, "%s", ABS_TOP_SRCDIR);
	else
		snprintf(data_dir, sizeof data_dir, "%s", PKGDATADIR);
	return data_dir;
}

char *
paths_data_file(const char *rel)
{
	return xasprintf("%s/%s", paths_data_dir(), rel);
}

char *
paths_user_dir(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/ecqcoach", xdg);
	if (home == NULL || *home == '\0')
		home = "/tmp";
	return xasprintf("%s/.local/share/ecqcoach", home);
}
