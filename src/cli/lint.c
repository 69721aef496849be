/* SPDX-License-Identifier: MIT */
/*
 * lint.c: `ecqcoach lint`, the text rules on plain text (a file or standard
 * input), printed like a compiler's diagnostics or as one JSON object.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "bounded.h"
#include "checker.h"
#include "cli.h"
#include "findout.h"
#include "json.h"
#include "text.h"
#include "paths.h"
#include "ruleopts.h"
#include "xalloc.h"

static void
lint_usage(void)
{
	printf("Usage: ecqcoach lint [options] [FILE|-]\n"
	    "Check plain text with the text rules (spelling, voice, plain language, acronyms...)\n"
	    "and print one line per finding: FILE:LINE:COL: severity: message [rule].\n\n");
	ruleopts_usage();
	printf("  -h, --help              show this help\n\n"
	    "Reads standard input when FILE is - or missing. Exit status: 0 clean, 1 findings,\n"
	    "2 usage error, 3 unreadable input.\n");
}

/* Line and column of increasing offsets, computed in one pass. */
struct lint_cursor {
	const char *text;
	size_t len, off, line, col;
};

static void
lint_advance(struct lint_cursor *c, size_t to)
{
	const uint8_t *s = (const uint8_t *)c->text;

	if (to > c->len)
		to = c->len;
	if (to < c->off) {
		c->off = 0;
		c->line = c->col = 1;
	}
	while (c->off < to) {
		if (s[c->off] == '\n') {
			c->line++;
			c->col = 1;
			c->off++;
		} else if (s[c->off] < 0x80) {
			c->col++;
			c->off++;
		} else {
			ucs4_t uc;
			int k = u8_mbtoucr(&uc, s + c->off, c->len - c->off);

			c->off += k > 0 ? (size_t)k : 1;
			c->col++;
		}
	}
}

static void
lint_print_text(const char *name, const char *text, size_t len, const struct findings *fs)
{
	struct lint_cursor cur = { text, len, 0, 1, 1 };
	size_t i;

	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->items[i];

		lint_advance(&cur, f->offset);
		cli_put_line(stdout, name);
		cli_printf(stdout, ":%zu:%zu: %s: ", cur.line, cur.col, severity_name(f->severity));
		cli_put_line(stdout, f->message);
		cli_printf(stdout, " [%s]\n", f->rule);
		findout_suggestions(stdout, f);
		cli_put_fix(stdout, text, len, f->fix, f->fix_offset, f->fix_length);
	}
}

static void
lint_print_json(const char *name, const char *text, size_t len, const struct findings *fs,
    size_t words, const size_t by_sev[3], bool spelling, const char *warning)
{
	struct lint_cursor cur = { text, len, 0, 1, 1 };
	struct json j;
	size_t i;

	json_init(&j, stdout, true);
	json_object_begin(&j);
	json_key(&j, "file");
	json_string(&j, name);
	json_key(&j, "findings");
	json_array_begin(&j);
	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->items[i];

		lint_advance(&cur, f->offset);
		json_object_begin(&j);
		json_key(&j, "rule");
		json_string(&j, f->rule);
		json_key(&j, "severity");
		json_string(&j, severity_name(f->severity));
		json_key(&j, "ecq");
		json_null(&j);
		json_key(&j, "example");
		json_null(&j);
		json_key(&j, "field");
		json_null(&j);
		json_key(&j, "line");
		json_int(&j, (long long)cur.line);
		json_key(&j, "column");
		json_int(&j, (long long)cur.col);
		json_key(&j, "offset");
		json_int(&j, (long long)f->offset);
		json_key(&j, "length");
		json_int(&j, (long long)f->length);
		json_key(&j, "text");
		json_string_n(&j, text + (f->offset < len ? f->offset : len),
		    f->offset < len && f->length <= len - f->offset ? f->length : 0);
		findout_json_tail(&j, f);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key(&j, "summary");
	json_object_begin(&j);
	json_key(&j, "findings");
	json_int(&j, (long long)fs->n);
	json_key(&j, "error");
	json_int(&j, (long long)by_sev[SEV_ERROR]);
	json_key(&j, "warning");
	json_int(&j, (long long)by_sev[SEV_WARNING]);
	json_key(&j, "info");
	json_int(&j, (long long)by_sev[SEV_INFO]);
	json_key(&j, "words");
	json_int(&j, (long long)words);
	json_key(&j, "spelling_checked");
	json_bool(&j, spelling);
	json_key(&j, "notice");
	json_string(&j, warning);
	findout_json_rule_counts(&j, fs);
	json_object_end(&j);
	json_object_end(&j);
}

int
cli_lint(int argc, char **argv)
{
	static const struct option opts[] = {
		RULEOPTS_LONG,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct ruleopts ro;
	struct checker *ck = NULL;
	struct findings fs;
	struct error err;
	const char *path = "-", *name;
	char *text = NULL;
	size_t len = 0, by_sev[3] = { 0, 0, 0 };
	bool spelling;
	int c, rc, status;
	FILE *in;

	error_clear(&err);
	ruleopts_init(&ro);
	while ((c = getopt_long(argc, argv, RULEOPTS_SHORT "h", opts, NULL)) != -1) {
		rc = ruleopts_handle(&ro, "lint", c, optarg);
		if (rc == RULEOPTS_TAKEN)
			continue;
		if (rc != RULEOPTS_NOT_MINE)
			return rc;
		switch (c) {
		case 'h':
			lint_usage();
			return EXIT_OK;
		default:
			return cli_usage_error("lint", "unknown option");
		}
	}
	if (optind < argc)
		path = argv[optind++];
	if (optind < argc)
		return cli_usage_error("lint", "give one FILE (or - for standard input)");
	name = strcmp(path, "-") == 0 ? "<stdin>" : path;

	in = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (in == NULL) {
		cli_error("lint", "cannot open %s: %s", path, strerror(errno));
		return EXIT_DATA;
	}
	status = bounded_read(in, name, "a draft", BOUNDED_DRAFT_MAX, &text, &len, &err);
	if (in != stdin)
		fclose(in);
	if (status != 0) {
		cli_error("lint", "%s", err.msg);
		return EXIT_DATA;
	}

	if (checker_new(&ro.copt, &ck, &err) != 0) {
		free(text);
		if (err.code == ERR_USAGE)
			return cli_usage_error("lint", "%s", err.msg);
		cli_error("lint", "%s", err.msg);
		return EXIT_DATA;
	}
	if (checker_warning(ck) != NULL)
		cli_error("lint", "warning: %s", checker_warning(ck));
	if (paths_dict_note() != NULL)
		cli_error("lint", "note: %s", paths_dict_note());
	spelling = !ro.copt.no_spelling && checker_spell_available(ck);

	findings_init(&fs);
	checker_check_text(ck, text, len, NULL, &fs);
	findings_sort(&fs);
	status = findout_tally(&fs, ro.fail_on, by_sev);
	if (ro.json) {
		lint_print_json(name, text, len, &fs, text_count_words(text, len), by_sev, spelling,
		    checker_warning(ck));
	} else {
		lint_print_text(name, text, len, &fs);
		if (fs.n > 0)
			fprintf(stderr, "%zu finding%s: %zu error%s, %zu warning%s, %zu info\n", fs.n,
			    fs.n == 1 ? "" : "s", by_sev[SEV_ERROR], by_sev[SEV_ERROR] == 1 ? "" : "s",
			    by_sev[SEV_WARNING], by_sev[SEV_WARNING] == 1 ? "" : "s", by_sev[SEV_INFO]);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("lint", "cannot write the output: %s", strerror(errno));
		status = EXIT_DATA;
	}
	findings_free(&fs);
	checker_free(ck);
	free(text);
	return status;
}
