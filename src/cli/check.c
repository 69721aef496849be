/* SPDX-License-Identifier: MIT */
/*
 * check.c: `ecqcoach check`, every rule on a whole narrative: a project
 * file (opened read-only) or a text/Markdown draft (imported into a
 * project in memory; nothing is written). Prints findings like a
 * compiler's diagnostics, or one JSON object, with a summary of findings,
 * words per ECQ and pages.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "cli.h"
#include "framework.h"
#include "importer.h"
#include "json.h"
#include "layout.h"
#include "linecol.h"
#include "paths.h"
#include "resume.h"
#include "lint.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

static void
check_usage(void)
{
	printf("Usage: ecqcoach check FILE [options]\n"
	    "Run every rule (text and project rules) on a narrative and print one line per\n"
	    "finding; where the framework asks for a résumé or an interview, on the résumé\n"
	    "lines and the cards too. FILE is a project (.ecq, opened read-only) or a draft\n"
	    "(text, Markdown, .docx or .odt) read the way 'ecqcoach import' reads it;\n"
	    "positions are then lines in the draft (for .docx and .odt, in its text as\n"
	    "import reads it).\n\n");
	ruleopts_usage();
	printf("      --framework ID      framework of a draft (default: guessed from its headings)\n"
	    "  -h, --help              show this help\n\n"
	    "Exit status: 0 nothing at --fail-on or above, 1 findings, 2 usage error,\n"
	    "3 file error.\n");
}

/* Everything one run needs to print a finding. */
struct check {
	const char *name;               /* FILE as given */
	const struct project *p;
	bool draft;
	const char *text;               /* the draft */
	size_t len;
	struct importer_report rep;     /* draft only */
	struct linecol *draft_lc;       /* draft only: its lines and columns */
	struct linecol **field_lc;      /* project only: one per text findings point into */
	size_t n_field_lc;
	size_t *words;                  /* [n_ecqs] */
	size_t total_words;
	bool have_pages;
	struct layout_result layout;
};

/* Whether --rules LIST selects id (mirrors the engine's selection, for the
 * page_limit rule that check adds itself). */
static bool
rule_selected(const char *list, const char *id)
{
	const char *p = list;
	bool on = true, first = true;
	size_t idl = strlen(id);

	if (list == NULL)
		return true;
	while (*p != '\0') {
		size_t n = strcspn(p, ", ");
		bool minus = *p == '-' || *p == '!';
		const char *r = minus ? p + 1 : p;
		size_t rn = minus ? n - 1 : n;

		if (n == 0) {
			p++;
			continue;
		}
		if (first && !minus)
			on = false;
		first = false;
		if ((rn == 3 && strncmp(r, "all", 3) == 0) || (rn == idl && strncmp(r, id, idl) == 0))
			on = !minus;
		p += n;
	}
	return on;
}

/* The text a finding points into, or NULL when it covers no text. */
static const char *
finding_text(const struct project *p, const struct finding *f)
{
	const char *t = f->target;

	if (f->example >= 0 && f->field >= 0 && f->field < EX_FIELD_COUNT) {
		const struct example *e = project_example_by_id(p, f->example);

		return e != NULL ? e->field[f->field] : NULL;
	}
	if (t == NULL)
		return NULL;
	if (f->example >= 0 && checker_target_shape(t) != NULL) {
		const struct example *e = project_example_by_id(p, f->example);

		if (e == NULL)
			return NULL;
		return strcmp(checker_target_shape(t), "resume") == 0 ? project_example_resume(e) :
		    project_example_card(e);
	}
	if (strncmp(t, "intro.", 6) == 0 && f->ecq >= 0 && (size_t)f->ecq < p->fw->n_ecqs)
		return p->intro[f->ecq];
	if (strcmp(t, "unsorted") == 0)
		return p->unsorted;
	if (strncmp(t, "note.", 5) == 0) {
		int e = -1, q = -1;

		if (sscanf(t + 5, "%d.%d", &e, &q) == 2 && e >= 0 && (size_t)e < p->fw->n_ecqs &&
		    q >= 0 && (size_t)q < p->fw->ecqs[e].questions.n)
			return p->notes[e][q];
	}
	return NULL;
}

/* Where a finding is in the draft, as a byte offset. */
static size_t
draft_offset(const struct check *c, const struct finding *f)
{
	size_t src = 0;

	if (f->target != NULL && strcmp(f->target, "draft") == 0)
		return f->offset <= c->len ? f->offset : c->len;
	if (f->target != NULL && strncmp(f->target, "intro.", 6) == 0)
		importer_locate(&c->rep, f->ecq, -1, -1, f->offset, &src);
	else if (f->target != NULL && strcmp(f->target, "unsorted") == 0)
		importer_locate(&c->rep, -1, -1, -1, f->offset, &src);
	else if (f->example >= 0)
		importer_locate(&c->rep, f->ecq, f->example,
		    f->field >= 0 ? f->field : IMPORTER_HEADING, f->offset, &src);
	else if (f->ecq >= 0)
		importer_locate(&c->rep, f->ecq, -1, IMPORTER_HEADING, 0, &src);
	return src <= c->len ? src : c->len;
}

/* The line index of field text t, made on first use and kept, so that many
 * findings in one long field cost one pass over it (the last one used is
 * tried first: findings of a field come together). */
static const struct linecol *
field_index(struct check *c, const char *t)
{
	size_t i;

	if (c->n_field_lc > 0 && linecol_text(c->field_lc[c->n_field_lc - 1]) == t)
		return c->field_lc[c->n_field_lc - 1];
	for (i = 0; i < c->n_field_lc; i++) {
		if (linecol_text(c->field_lc[i]) == t) {
			struct linecol *hit = c->field_lc[i];

			c->field_lc[i] = c->field_lc[c->n_field_lc - 1];
			c->field_lc[c->n_field_lc - 1] = hit;
			return hit;
		}
	}
	c->field_lc = xreallocarray(c->field_lc, c->n_field_lc + 1, sizeof *c->field_lc);
	c->field_lc[c->n_field_lc] = linecol_new(t, strlen(t));
	return c->field_lc[c->n_field_lc++];
}

/* 1-based line and column of the finding, in the draft or in its field;
 * false when it covers no text (a whole ECQ, the whole narrative). */
static bool
finding_line_col(struct check *c, const struct finding *f, size_t *line, size_t *col)
{
	const char *t;

	if (c->draft) {
		if (f->ecq < 0 && f->example < 0 && f->target == NULL) {
			*line = *col = 1;
			return true;
		}
		linecol_find(c->draft_lc, draft_offset(c, f), line, col);
		return true;
	}
	t = finding_text(c->p, f);
	if (t == NULL)
		return false;
	linecol_find(field_index(c, t), f->offset, line, col);
	return true;
}

/* "ECQ 1 Leading Change, example 2, Action" for a finding in a project. */
static char *
finding_place(const struct project *p, const struct finding *f)
{
	const struct example *e = f->example >= 0 ? project_example_by_id(p, f->example) : NULL;
	const char *shape = checker_target_shape(f->target);
	char *ecq, *s;
	long long pos_id;
	size_t i;

	if (f->target != NULL && sscanf(f->target, "position.%lld.", &pos_id) == 1) {
		for (i = 0; i < p->n_positions && p->positions[i].id != pos_id; i++)
			;
		if (i < p->n_positions)
			return xasprintf("résumé, position %zu %s", i + 1,
			    p->positions[i].field[POS_TITLE]);
	}
	if (f->ecq < 0 || (size_t)f->ecq >= p->fw->n_ecqs)
		return xstrdup(f->target != NULL && strcmp(f->target, "unsorted") == 0 ?
		    "unsorted note" : "narrative");
	ecq = xasprintf("ECQ %d %s", f->ecq + 1, p->fw->ecqs[f->ecq].title);
	if (e != NULL && f->field >= 0 && f->field < EX_FIELD_COUNT)
		s = xasprintf("%s, example %d, %s", ecq, e->position + 1,
		    project_field_name((enum example_field)f->field));
	else if (e != NULL && shape != NULL)
		s = xasprintf("%s, example %d, %s", ecq, e->position + 1,
		    strcmp(shape, "resume") == 0 ? "résumé line" : "card");
	else if (e != NULL)
		s = xasprintf("%s, example %d", ecq, e->position + 1);
	else if (f->target != NULL && strncmp(f->target, "intro.", 6) == 0)
		s = xasprintf("%s, introduction", ecq);
	else if (f->target != NULL && strncmp(f->target, "note.", 5) == 0)
		s = xasprintf("%s, note", ecq);
	else
		s = xstrdup(ecq);
	free(ecq);
	return s;
}

/* Lower-case field name for JSON, or NULL. */
static const char *
field_key(const struct finding *f)
{
	static const char *const names[EX_FIELD_COUNT] = {
		"title", "start", "end", "challenge", "context", "action", "result"
	};

	if (f->field >= 0 && f->field < EX_FIELD_COUNT)
		return names[f->field];
	if (f->target == NULL)
		return NULL;
	if (checker_target_shape(f->target) != NULL)
		return checker_target_shape(f->target);
	if (strncmp(f->target, "position.", 9) == 0)
		return "position";
	if (strncmp(f->target, "intro.", 6) == 0)
		return "intro";
	if (strncmp(f->target, "note.", 5) == 0)
		return "note";
	if (strcmp(f->target, "unsorted") == 0)
		return "unsorted";
	return NULL;
}

static void
print_text(struct check *c, const struct findings *fs, const size_t *order)
{
	size_t i, line, col;

	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->items[order[i]];
		bool lc = finding_line_col(c, f, &line, &col);

		cli_put_line(stdout, c->name);
		if (!c->draft) {
			char *place = finding_place(c->p, f);

			fputc(':', stdout);
			cli_put_line(stdout, place);
			free(place);
		}
		if (lc)
			cli_printf(stdout, ":%zu:%zu", line, col);
		cli_printf(stdout, ": %s: ", severity_name(f->severity));
		cli_put_line(stdout, f->message);
		cli_printf(stdout, " [%s]\n", f->rule);
		lint_finding_suggestions(stdout, f);
		if (f->fix != NULL) {
			const char *t = finding_text(c->p, f);

			/* the field's length from its index: one pass per field,
			 * not one per finding */
			cli_put_fix(stdout, t, t != NULL ? linecol_len(field_index(c, t)) : 0, f->fix,
			    f->fix_offset, f->fix_length);
		}
	}
}

static void
print_summary_text(const struct check *c, const struct findings *fs, const size_t by_sev[3])
{
	const struct framework *fw = c->p->fw;
	const struct rule_info *r;
	size_t e, i, n;
	bool any = false;

	cli_put_line(stdout, c->name);
	cli_printf(stdout, ": %zu finding%s: %zu error%s, %zu warning%s, %zu info", fs->n,
	    fs->n == 1 ? "" : "s", by_sev[SEV_ERROR], by_sev[SEV_ERROR] == 1 ? "" : "s",
	    by_sev[SEV_WARNING], by_sev[SEV_WARNING] == 1 ? "" : "s", by_sev[SEV_INFO]);
	for (r = checker_rules(); r->id != NULL; r++) {
		for (i = n = 0; i < fs->n; i++)
			n += strcmp(fs->items[i].rule, r->id) == 0;
		if (n > 0) {
			cli_printf(stdout, "%s%s %zu", any ? ", " : " (", r->id, n);
			any = true;
		}
	}
	cli_printf(stdout, "%s\n", any ? ")" : "");
	cli_put_line(stdout, c->name);
	cli_printf(stdout, ": %zu word%s (", c->total_words, c->total_words == 1 ? "" : "s");
	for (e = 0; e < fw->n_ecqs; e++)
		cli_printf(stdout, "%sECQ %zu %zu", e > 0 ? ", " : "", e + 1, c->words[e]);
	cli_printf(stdout, ")");
	if (c->have_pages)
		cli_printf(stdout, ", %d page%s of %g allowed", c->layout.pages,
		    c->layout.pages == 1 ? "" : "s", framework_narrative_pages(fw));
	cli_printf(stdout, "\n");
	if (c->draft) {
		cli_put_line(stdout, c->name);
		cli_printf(stdout, ": read as framework %s: %zu ECQ heading%s, %zu example%s, "
		    "%zu line%s unsorted\n", fw->id, c->rep.n_ecqs, c->rep.n_ecqs == 1 ? "" : "s",
		    c->rep.n_examples, c->rep.n_examples == 1 ? "" : "s", c->rep.n_unsorted,
		    c->rep.n_unsorted == 1 ? "" : "s");
	}
}

static void
print_json(struct check *c, const struct findings *fs, const size_t *order,
    const size_t by_sev[3], bool spelling, const char *notice)
{
	const struct framework *fw = c->p->fw;
	struct json j;
	size_t i, e, line, col;

	json_init(&j, stdout, true);
	json_object_begin(&j);
	json_key(&j, "file");
	json_string(&j, c->name);
	json_key(&j, "findings");
	json_array_begin(&j);
	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->items[order[i]];
		const struct example *ex = f->example >= 0 ? project_example_by_id(c->p, f->example) : NULL;
		const char *t = finding_text(c->p, f);
		bool lc = finding_line_col(c, f, &line, &col);
		size_t tl = t != NULL ? linecol_len(field_index(c, t)) : 0;
		size_t off = f->offset < tl ? f->offset : tl;

		json_object_begin(&j);
		json_key(&j, "rule");
		json_string(&j, f->rule);
		json_key(&j, "severity");
		json_string(&j, severity_name(f->severity));
		json_key(&j, "ecq");
		if (f->ecq >= 0)
			json_int(&j, f->ecq + 1);
		else
			json_null(&j);
		json_key(&j, "ecq_title");
		json_string(&j, f->ecq >= 0 && (size_t)f->ecq < fw->n_ecqs ? fw->ecqs[f->ecq].title : NULL);
		json_key(&j, "example");
		if (ex != NULL)
			json_int(&j, ex->position + 1);
		else
			json_null(&j);
		json_key(&j, "example_id");
		if (f->example >= 0)
			json_int(&j, (long long)f->example);
		else
			json_null(&j);
		json_key(&j, "field");
		json_string(&j, field_key(f));
		json_key(&j, "target");
		json_string(&j, f->target);
		json_key(&j, "line");
		if (lc)
			json_int(&j, (long long)line);
		else
			json_null(&j);
		json_key(&j, "column");
		if (lc)
			json_int(&j, (long long)col);
		else
			json_null(&j);
		json_key(&j, "offset");
		json_int(&j, (long long)f->offset);
		json_key(&j, "length");
		json_int(&j, (long long)f->length);
		json_key(&j, "text");
		if (t != NULL)
			json_string_n(&j, t + off, f->length <= tl - off ? f->length : tl - off);
		else
			json_null(&j);
		lint_finding_json_tail(&j, f);
		json_object_end(&j);
	}
	json_array_end(&j);

	json_key(&j, "summary");
	json_object_begin(&j);
	json_key(&j, "framework");
	json_string(&j, fw->id);
	json_key(&j, "findings");
	json_int(&j, (long long)fs->n);
	json_key(&j, "error");
	json_int(&j, (long long)by_sev[SEV_ERROR]);
	json_key(&j, "warning");
	json_int(&j, (long long)by_sev[SEV_WARNING]);
	json_key(&j, "info");
	json_int(&j, (long long)by_sev[SEV_INFO]);
	lint_finding_json_rule_counts(&j, fs);
	json_key(&j, "words");
	json_int(&j, (long long)c->total_words);
	json_key(&j, "ecqs");
	json_array_begin(&j);
	for (e = 0; e < fw->n_ecqs; e++) {
		json_object_begin(&j);
		json_key(&j, "ecq");
		json_int(&j, (long long)e + 1);
		json_key(&j, "title");
		json_string(&j, fw->ecqs[e].title);
		json_key(&j, "examples");
		json_int(&j, (long long)project_count_examples(c->p, (int)e));
		json_key(&j, "words");
		json_int(&j, (long long)c->words[e]);
		if (c->have_pages && c->layout.ecqs != NULL && e < c->layout.n_ecqs) {
			json_key(&j, "pages");
			json_double(&j, c->layout.ecqs[e].pages);
		}
		json_object_end(&j);
	}
	json_array_end(&j);
	if (c->have_pages) {
		json_key(&j, "pages");
		json_int(&j, c->layout.pages);
		json_key(&j, "max_pages");
		json_double(&j, framework_narrative_pages(fw));
	}
	json_key(&j, "spelling_checked");
	json_bool(&j, spelling);
	json_key(&j, "notice");
	json_string(&j, notice);
	if (c->draft) {
		json_key(&j, "draft");
		json_object_begin(&j);
		json_key(&j, "ecq_headings");
		json_int(&j, (long long)c->rep.n_ecqs);
		json_key(&j, "examples");
		json_int(&j, (long long)c->rep.n_examples);
		json_key(&j, "unsorted_lines");
		json_int(&j, (long long)c->rep.n_unsorted);
		json_object_end(&j);
	}
	json_object_end(&j);
	json_object_end(&j);
	fputc('\n', stdout);
}

/* Words per ECQ, counted as word_budget counts them. */
static void
count_words(struct check *c)
{
	const struct project *p = c->p;
	size_t e, i;
	int f;

	c->words = xcalloc(p->fw->n_ecqs + 1, sizeof *c->words);
	for (e = 0; e < p->fw->n_ecqs; e++)
		c->words[e] = text_count_words(p->intro[e], strlen(p->intro[e]));
	for (i = 0; i < p->n_examples; i++) {
		const struct example *ex = &p->examples[i];

		if (ex->ecq < 0 || (size_t)ex->ecq >= p->fw->n_ecqs)
			continue;
		for (f = EX_TITLE; f < EX_FIELD_COUNT; f++)
			if (f != EX_START && f != EX_END)
				c->words[ex->ecq] += text_count_words(ex->field[f], strlen(ex->field[f]));
	}
	for (e = 0; e < p->fw->n_ecqs; e++)
		c->total_words += c->words[e];
}

/* Findings of a draft in the order of the draft's lines. */
static size_t *sort_keys;

static int
cmp_order(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (sort_keys[x] != sort_keys[y])
		return sort_keys[x] < sort_keys[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

static size_t *
finding_order(const struct check *c, const struct findings *fs)
{
	size_t *order = xcalloc(fs->n + 1, sizeof *order), i;

	for (i = 0; i < fs->n; i++)
		order[i] = i;
	if (!c->draft || fs->n < 2)
		return order;
	sort_keys = xcalloc(fs->n, sizeof *sort_keys);
	for (i = 0; i < fs->n; i++)
		sort_keys[i] = draft_offset(c, &fs->items[i]);
	qsort(order, fs->n, sizeof *order, cmp_order);
	free(sort_keys);
	sort_keys = NULL;
	return order;
}

static bool
is_sqlite(const char *path)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	FILE *f = fopen(path, "rb");
	bool yes;

	if (f == NULL)
		return false;
	yes = fread(head, 1, sizeof head, f) == sizeof head && memcmp(head, magic, 16) == 0;
	fclose(f);
	return yes;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Reads the draft at c->name into a project in memory (nothing is written). */
static int
open_draft(struct check *c, const char *fw_id, char **text, struct project **built,
    struct error *err)
{
	const struct framework *fw;
	struct framework_set set;
	size_t len;
	int rc;

	if (importer_read_file(strcmp(c->name, "<stdin>") == 0 ? "-" : c->name, text, &len,
	    err) != 0)
		return -1;
	c->text = *text;
	c->len = len;
	if (framework_set_load_all(&set, err) != 0)
		return -1;
	fw = fw_id != NULL ? framework_set_find(&set, fw_id) :
	    importer_guess_framework(&set, *text, len, NULL);
	if (fw == NULL) {
		framework_set_free(&set);
		return error_set(err, ERR_NOTFOUND, "no framework '%s'; 'ecqcoach frameworks' "
		    "lists them", fw_id != NULL ? fw_id : "(none found)");
	}
	rc = importer_build(fw, *text, len, built, &c->rep, err);
	framework_set_free(&set);
	if (rc != 0)
		return -1;
	c->draft = true;
	c->draft_lc = linecol_new(c->text, c->len);
	return 0;
}

int
cli_check(int argc, char **argv)
{
	enum { OPT_FRAMEWORK = RULEOPTS_NEXT };
	static const struct option opts[] = {
		RULEOPTS_LONG,
		{ "framework", required_argument, NULL, OPT_FRAMEWORK },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct ruleopts ro;
	struct checker *ck = NULL;
	struct store *st = NULL;
	struct findings fs;
	struct error err;
	struct check c;
	const char *fw_id = NULL;
	struct project *built = NULL;
	char *text = NULL;
	size_t i, by_sev[3] = { 0, 0, 0 }, *order = NULL;
	bool spelling;
	int ch, rc, status = EXIT_OK;

	memset(&c, 0, sizeof c);
	error_clear(&err);
	findings_init(&fs);
	ruleopts_init(&ro);
	while ((ch = getopt_long(argc, argv, RULEOPTS_SHORT "h", opts, NULL)) != -1) {
		rc = ruleopts_handle(&ro, "check", ch, optarg);
		if (rc == RULEOPTS_TAKEN)
			continue;
		if (rc != RULEOPTS_NOT_MINE)
			return rc;
		switch (ch) {
		case OPT_FRAMEWORK:
			fw_id = optarg;
			break;
		case 'h':
			check_usage();
			return EXIT_OK;
		default:
			return cli_usage_error("check", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage_error("check", "missing FILE (a project .ecq or a text/Markdown draft)");
	if (optind + 1 != argc)
		return cli_usage_error("check", "give exactly one FILE");
	c.name = argv[optind];
	if (strcmp(c.name, "-") == 0)
		c.name = "<stdin>";

	/* Rules first: a typo in --rules is a usage error, whatever the file. */
	if (checker_new(&ro.copt, &ck, &err) != 0) {
		if (err.code == ERR_USAGE)
			return cli_usage_error("check", "%s", err.msg);
		cli_error("check", "%s", err.msg);
		return EXIT_DATA;
	}
	if (strcmp(argv[optind], "-") != 0 && (is_sqlite(c.name) || ends_with(c.name, ".ecq"))) {
		if (store_open(c.name, STORE_READONLY, &st, &err) != 0)
			goto fail;
	} else if (open_draft(&c, fw_id, &text, &built, &err) != 0) {
		goto fail;
	}
	c.p = built != NULL ? built : store_project(st);
	if (checker_warning(ck) != NULL) {
		cli_error("check", "warning: %s", checker_warning(ck));
	}
	if (paths_dict_note() != NULL)
		cli_error("check", "note: %s", paths_dict_note());
	spelling = !ro.copt.no_spelling && checker_spell_available(ck);
	checker_set_framework(ck, c.p->fw);
	checker_load_shapes(ck, st);
	checker_check_project(ck, c.p, &fs);
	if (c.draft && c.rep.invalid_offset != (size_t)-1 && rule_selected(ro.copt.rules, "encoding")) {
		/* The importer read such bytes as spaces; say where the first one was. */
		struct finding f;
		char msg[160];

		memset(&f, 0, sizeof f);
		f.rule = "encoding";
		f.severity = SEV_ERROR;
		f.ecq = -1;
		f.example = -1;
		f.field = -1;
		f.target = "draft";
		f.offset = c.rep.invalid_offset;
		snprintf(msg, sizeof msg, "Invalid UTF-8 or a NUL byte at byte %zu (and maybe later); "
		    "it was read as a space", c.rep.invalid_offset);
		f.message = msg;
		f.suggestion = "Save the draft as UTF-8 text";
		findings_add(&fs, &f);
	}
	if (c.draft && c.p->unsorted[0] != '\0') {
		/* Text the importer could not place is the user's prose too. */
		struct check_ctx ctx = { -1, -1, -1, "unsorted" };

		checker_check_text(ck, c.p->unsorted, strlen(c.p->unsorted), &ctx, &fs);
	}
	if (layout_pages(NULL, c.p, NULL, &c.layout, &err) == 0) {
		c.have_pages = true;
		if (rule_selected(ro.copt.rules, "page_limit"))
			layout_page_limit_findings(&c.layout, c.p, &fs);
	} else {
		cli_error("check", "warning: pages not counted: %s", err.msg);
	}
	if (rule_selected(ro.copt.rules, "resume_length")) {
		struct resume_settings rs;

		checker_resume_settings(ck, &rs);
		if (resume_length_check(NULL, c.p, &rs, &fs, &err) != 0)
			cli_error("check", "warning: résumé lines not laid out: %s", err.msg);
	}
	count_words(&c);
	status = lint_finding_tally(&fs, ro.fail_on, by_sev);
	order = finding_order(&c, &fs);
	if (ro.json) {
		print_json(&c, &fs, order, by_sev, spelling, checker_warning(ck));
	} else {
		print_text(&c, &fs, order);
		print_summary_text(&c, &fs, by_sev);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("check", "cannot write the output: %s", strerror(errno));
		status = EXIT_DATA;
	}
	goto done;
fail:
	cli_error("check", "%s", err.msg);
	status = err.code == ERR_USAGE ? EXIT_USAGE : EXIT_DATA;
done:
	free(order);
	linecol_free(c.draft_lc);
	for (i = 0; i < c.n_field_lc; i++)
		linecol_free(c.field_lc[i]);
	free(c.field_lc);
	free(c.words);
	if (c.have_pages)
		layout_result_free(&c.layout);
	findings_free(&fs);
	importer_report_free(&c.rep);
	store_close(st);
	project_free(built);
	checker_free(ck);
	free(text);
	return status;
}
