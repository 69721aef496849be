/* SPDX-License-Identifier: MIT */
/*
 * paths.c: finding package data. A program run from its build tree uses the
 * source tree's prompts/ and dictionaries/, so a developer never needs to
 * install to try a change; an installed one uses PKGDATADIR.
 */
#include "config.h"
#include "paths.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "framework.h"
#include "xalloc.h"

static char data_dir[PATH_MAX];
static char shipped_dir[PATH_MAX];     /* the shipped data: source tree or PKGDATADIR */
static char dict_dir[PATH_MAX];
static char dict_note[2 * PATH_MAX + 128];
static char *extra_prompts;            /* --prompts DIR, or NULL */

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

/* The data that comes with the program, whatever ECQCOACH_DATADIR says. */
static const char *
paths_shipped_dir(void)
{
	if (shipped_dir[0] == '\0')
		snprintf(shipped_dir, sizeof shipped_dir, "%s",
		    running_uninstalled() ? ABS_TOP_SRCDIR : PKGDATADIR);
	return shipped_dir;
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
	else
		snprintf(data_dir, sizeof data_dir, "%s", paths_shipped_dir());
	return data_dir;
}

/* True when dir/dictionaries is a folder. */
static int
has_dictionaries(const char *dir)
{
	char path[PATH_MAX + 16];
	struct stat st;

	snprintf(path, sizeof path, "%s/dictionaries", dir);
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *
paths_dict_dir(void)
{
	const char *data = paths_data_dir(), *shipped;

	if (dict_dir[0] != '\0')
		return dict_dir;
	snprintf(dict_dir, sizeof dict_dir, "%s", data);
	if (has_dictionaries(data))
		return dict_dir;
	/* A coordinator's folder with only prompts/: the word lists that came
	 * with the program, never no lists at all. */
	shipped = paths_shipped_dir();
	if (strcmp(shipped, data) != 0 && has_dictionaries(shipped)) {
		snprintf(dict_dir, sizeof dict_dir, "%s", shipped);
		snprintf(dict_note, sizeof dict_note, "%s has no dictionaries/; using the word "
		    "lists in %s/dictionaries", data, shipped);
	}
	return dict_dir;
}

const char *
paths_dict_note(void)
{
	paths_dict_dir();
	return dict_note[0] != '\0' ? dict_note : NULL;
}

char *
paths_data_file(const char *rel)
{
	if (strncmp(rel, "dictionaries", 12) == 0 && (rel[12] == '/' || rel[12] == '\0'))
		return xasprintf("%s/%s", paths_dict_dir(), rel);
	return xasprintf("%s/%s", paths_data_dir(), rel);
}

void
paths_set_prompts(const char *dir)
{
	free(extra_prompts);
	extra_prompts = dir != NULL ? xstrdup(dir) : NULL;
}

char *
paths_user_dir(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/ecqcoach", xdg);
	/* No home: no user data at all, rather than a shared folder where
	 * anyone could plant the file. */
	if (home == NULL || home[0] != '/')
		return NULL;
	return xasprintf("%s/.local/share/ecqcoach", home);
}

/* Refuses a folder that is not the user's or that others may write to. */
static int
paths_check_dir(const char *dir, struct error *err)
{
	struct stat st;

	if (stat(dir, &st) != 0)
		return error_set(err, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
		    "cannot use the folder %s: %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return error_set(err, ERR_USAGE, "%s is not a folder", dir);
	if (st.st_uid != geteuid())
		return error_set(err, ERR_USAGE, "the folder %s belongs to another user (uid %ld), "
		    "so ecqcoach does not keep your files there; remove it or set XDG_DATA_HOME to a "
		    "folder of your own", dir, (long)st.st_uid);
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return error_set(err, ERR_USAGE, "the folder %s may be written by other users, so "
		    "ecqcoach does not keep your files there; run 'chmod go-w %s'", dir, dir);
	return 0;
}

int
paths_prompt_dirs(struct strlist *dirs, struct error *err)
{
	char *user = paths_user_dir(), *up = xasprintf("%s/prompts", paths_data_dir());
	struct stat st;
	int rc = 0;

	strlist_push(dirs, up);
	free(up);
	up = NULL;
	if (user != NULL) {
		up = xasprintf("%s/prompts", user);
		if (stat(up, &st) == 0) {
			/* Someone else's folder could slip a framework in. */
			if (paths_check_dir(up, err) != 0)
				rc = -1;
			else
				strlist_push(dirs, up);
		}
	}
	if (rc == 0 && extra_prompts != NULL)
		strlist_push(dirs, extra_prompts);
	free(up);
	free(user);
	return rc;
}

int
paths_open_user_file(const char *path, int flags, mode_t mode, struct error *err)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/'), *target = NULL;
	const char *open_path = path;
	struct stat st;
	int fd = -1, e;

	if (slash != NULL && slash != dir)
		*slash = '\0';
	else
		strcpy(dir, slash == dir ? "/" : ".");
	if (paths_check_dir(dir, err) != 0)
		goto out;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		/* A link the user made (word lists kept with other dotfiles) is
		 * fine; one someone else planted is not. */
		if (st.st_uid != geteuid()) {
			error_set(err, ERR_USAGE, "%s is a symbolic link made by another user "
			    "(uid %ld); ecqcoach does not follow it: remove it", path, (long)st.st_uid);
			goto out;
		}
		target = realpath(path, NULL);
		if (target == NULL) {
			error_set(err, ERR_USAGE, "%s is a symbolic link to nothing (%s); ecqcoach "
			    "creates no file through it: remove it", path, strerror(errno));
			goto out;
		}
		open_path = target;
	}
	fd = open(open_path, flags | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0) {
		e = errno;
		error_set(err, e == ENOENT ? ERR_NOTFOUND : ERR_IO, "cannot open %s: %s", path,
		    strerror(e));
		goto out;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		error_set(err, ERR_USAGE, "%s is not a regular file; ecqcoach does not use it", path);
		goto fail;
	}
	if (st.st_uid != geteuid()) {
		error_set(err, ERR_USAGE, "%s belongs to another user (uid %ld); ecqcoach does not "
		    "use it: remove it, or copy it to a file of your own", path, (long)st.st_uid);
		goto fail;
	}
	goto out;
fail:
	close(fd);
	fd = -1;
out:
	free(target);
	free(dir);
	return fd;
}
