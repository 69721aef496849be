/* SPDX-License-Identifier: MIT */
/*
 * error.h: the error record every core function fills instead of printing.
 * The CLI maps the code to an exit status; the TUI shows the message.
 */
#ifndef ECQ_ERROR_H
#define ECQ_ERROR_H

enum err_code {
	ERR_NONE = 0,
	ERR_USAGE,     /* the caller asked for something impossible */
	ERR_IO,        /* a file could not be read, written or created */
	ERR_FORMAT,    /* a file is not what it should be (not a project, broken INI) */
	ERR_VERSION,   /* a project written by a newer ecqcoach */
	ERR_NOTFOUND,  /* a named thing (framework, example, ECQ) does not exist */
	ERR_INTERNAL,  /* SQLite or a library failed in a way the user cannot fix */
	ERR_LOCKED,    /* another ecqcoach holds the project's write lock */
	ERR_TAMPERED,  /* a project holds schema objects ecqcoach did not create */
	ERR_GONE       /* the open project was deleted, moved or replaced */
};

struct error {
	enum err_code code;
	char msg[1024];   /* one sentence: what failed, on what, what to do */
};

/* Sets code and a printf-style message; returns -1 so callers can
 * `return error_set(...)`. err may be NULL. */
int error_set(struct error *err, enum err_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Resets err to ERR_NONE with an empty message; err may be NULL. */
void error_clear(struct error *err);

#endif
