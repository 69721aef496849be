/* SPDX-License-Identifier: MIT */
/*
 * lint.c: `ecqcoach lint`, the text rules on plain text (a file or standard
 * input), printed like a compiler's diagnostics or as one JSON object; and
 * what `check` shares with it (lint.h): the rule options and the way a
 * finding is printed.
 */
#include "config.h"
#include "lint.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "bounded.h"
#include "checker.h"
#include "cli.h"
#include "json.h"
#include "text.h"
#include "paths.h"
#include "xalloc.h"

/* ---- the options check and lint share ------------------------------------ */

void
ruleopts_init(struct ruleopts *ro)
{
	memset(ro, 0, sizeof *ro);
	ro->fail_on = SEV_WARNING;
}

/* Every rule the engine knows, text and project rules alike, so the ids
 * --rules accepts can be looked up from either command. */
static int
ruleopts_list_rules(void)
{
	const struct rule_info *r;
	const char *shape;

	for (r = checker_rules(); r->id != NULL; r++) {
		shape = checker_rule_shape(r->id);
		if (shape != NULL)
			printf("%-20s %-8s %s (%s)\n", r->id, severity_name(r->severity), r->summary,
			    shape);
		else
			printf("%-20s %-8s %s%s\n", r->id, severity_name(r->severity), r->summary,
			    r->project ? " (check only)" : "");
	}
	return EXIT_OK;
}

int
ruleopts_handle(struct ruleopts *ro, const char *cmd, int c, const char *arg)
{
	switch (c) {
	case 'f':
		if (strcmp(arg, "json") == 0)
			ro->json = true;
		else if (strcmp(arg, "text") == 0)
			ro->json = false;
		else
			return cli_usage_error(cmd, "unknown format '%s' (text or json)", arg);
		return RULEOPTS_TAKEN;
	case 'r':
		ro->copt.rules = arg;
		return RULEOPTS_TAKEN;
	case RULEOPTS_NO_SPELLING:
		ro->copt.no_spelling = true;
		return RULEOPTS_TAKEN;
	case RULEOPTS_FAIL_ON:
		ro->fail_on = severity_parse(arg);
		if (ro->fail_on < 0)
			return cli_usage_error(cmd, "unknown severity '%s' (info, warning or error)",
			    arg);
		return RULEOPTS_TAKEN;
	case RULEOPTS_LIST_RULES:
		return ruleopts_list_rules();
	default:
		return RULEOPTS_NOT_MINE;
	}
}

void
ruleopts_usage(void)
{
	printf("  -f, --format text|json  output format (default: text)\n"
	    "  -r, --rules LIST        rules to run: \"passive,spelling\", or \"-spelling\" for\n"
	    "                          all but these (ids: --list-rules, ecqcoach(1))\n"
	    "      --no-spelling       do not check spelling\n"
	    "      --fail-on SEVERITY  exit 1 when a finding is at least info|warning|error\n"
	    "                          (default: warning)\n"
	    "      --list-rules        list the rule ids and exit; those marked (check only),\n"
	    "                          (résumé) or (card) run in 'ecqcoach check' only\n");
}

/* ---- printing a finding, as check and lint both do ------------------------ */

void
lint_finding_suggestions(FILE *out, const struct finding *f)
{
	size_t k;

	if (f->suggestions != NULL && f->suggestions[0] != NULL) {
		fputs("    suggestions: ", out);
		for (k = 0; f->suggestions[k] != NULL; k++) {
			if (k > 0)
				fputs(", ", out);
			cli_put_line(out, f->suggestions[k]);
		}
		fputc('\n', out);
	} else if (f->suggestion != NULL && f->suggestion[0] != '\0') {
		fputs("    suggestion: ", out);
		cli_put_line(out, f->suggestion);
		fputc('\n', out);
	}
}

void
lint_finding_json_tail(struct json *j, const struct finding *f)
{
	size_t k;

	json_key(j, "message");
	json_string(j, f->message);
	json_key(j, "suggestion");
	json_string(j, f->suggestion);
	json_key(j, "suggestions");
	json_array_begin(j);
	if (f->suggestions != NULL) {
		for (k = 0; f->suggestions[k] != NULL; k++)
			json_string(j, f->suggestions[k]);
	} else if (f->suggestion != NULL) {
		json_string(j, f->suggestion);
	}
	json_array_end(j);
	json_key(j, "fix");
	if (f->fix != NULL) {
		json_object_begin(j);
		json_key(j, "text");
		json_string(j, f->fix);
		json_key(j, "offset");
		json_int(j, (long long)f->fix_offset);
		json_key(j, "length");
		json_int(j, (long long)f->fix_length);
		json_object_end(j);
	} else {
		json_null(j);
	}
}

void
lint_finding_json_rule_counts(struct json *j, const struct findings *fs)
{
	const struct rule_info *r;
	size_t i, n;

	json_key(j, "rules");
	json_object_begin(j);
	for (r = checker_rules(); r->id != NULL; r++) {
		for (i = n = 0; i < fs->n; i++)
			n += strcmp(fs->items[i].rule, r->id) == 0;
		if (n > 0) {
			json_key(j, r->id);
			json_int(j, (long long)n);
		}
	}
	json_object_end(j);
}

int
lint_finding_tally(const struct findings *fs, int fail_on, size_t by_sev[3])
{
	int status = EXIT_OK;
	size_t i;

	by_sev[0] = by_sev[1] = by_sev[2] = 0;
	for (i = 0; i < fs->n; i++) {
		by_sev[fs->items[i].severity]++;
		if ((int)fs->items[i].severity >= fail_on)
			status = EXIT_FINDINGS;
	}
	return status;
}

/* ---- ecqcoach lint -------------------------------------------------------- */

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
		lint_finding_suggestions(stdout, f);
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
		lint_finding_json_tail(&j, f);
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
	lint_finding_json_rule_counts(&j, fs);
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
	status = lint_finding_tally(&fs, ro.fail_on, by_sev);
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
