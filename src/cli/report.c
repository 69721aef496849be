/* SPDX-License-Identifier: MIT */
/*
 * report.c: `ecqcoach report`, the coordinator's roll-up of a cohort: one
 * row per project (read-only, never blocking a writer), as a text table,
 * CSV or JSON; with --watch, the full-screen view (tui/reportwatch.c).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checker.h"
#include "cli.h"
#include "json.h"
#include "report.h"
#include "reportcache.h"
#include "tui/reportwatch.h"
#include "xalloc.h"

static void
usage(void)
{
	printf("Usage: ecqcoach report DIR|FILE.ecq... [options]\n"
	    "One row per participant: name, framework, plan and step, examples and words per\n"
	    "ECQ, pages, résumé lines and interview cards (examples with one, when some\n"
	    "participant's framework asks for them), findings by severity, open comments and\n"
	    "when the project was last edited; then the totals. A folder means the .ecq files in it and in its\n"
	    "subfolders. Projects are opened read-only: a coach writing one is never blocked.\n\n"
	    "  -f, --format text|csv|json  output format (default: text)\n"
	    "  -s, --sort KEY      name (default), file, edited (latest first), words (fewest\n"
	    "                      first), findings (most first) or step (furthest behind first)\n"
	    "      --pages         lay out every project to count its pages (slower)\n"
	    "      --no-checks     do not run the checks (no findings columns; faster)\n"
	    "      --no-spelling   run the checks without spelling\n"
	    "      --no-cache      read every project again, ignoring and not keeping the\n"
	    "                      rows kept in ~/.cache/ecqcoach/report (see ecqcoach(1))\n"
	    "  -j, --jobs N        read with N processes (default: one per processor)\n"
	    "  -w, --watch         full-screen view that refreshes as the files change (q quits)\n"
	    "  -h, --help          show this help\n\n"
	    "Exit status: 0 the report was made, 2 usage error, 3 no project could be read.\n");
}

/* Writes s as a CSV field: quoted when needed, control characters as '?',
 * and a leading = + - @ made inert so a spreadsheet shows it as text. */
static void
csv_field(const char *s)
{
	const char *p;
	bool quote;

	s = s != NULL ? s : "";
	quote = strpbrk(s, ",\"\r\n") != NULL || *s == '=' || *s == '+' || *s == '-' || *s == '@';
	if (!quote) {
		cli_put_text(stdout, s);
		return;
	}
	fputc('"', stdout);
	if (*s == '=' || *s == '+' || *s == '-' || *s == '@')
		fputc('\'', stdout);
	for (p = s; *p != '\0'; p++) {
		char one[2] = { *p, '\0' };

		if (*p == '"')
			fputs("\"\"", stdout);
		else if (*p == '\n' || *p == '\r')
			fputc(' ', stdout);
		else
			cli_put_text(stdout, one);
	}
	fputc('"', stdout);
}

static void
csv_num(long long v, bool known)
{
	if (known)
		printf(",%lld", v);
	else
		fputc(',', stdout);
}

static void
print_csv(const struct report_row *rows, size_t n, const struct report_row *total)
{
	size_t i, e, n_ecqs = total->n_ecqs > 0 ? total->n_ecqs : 5;

	fputs("name,file,framework,plan,plan_step", stdout);
	for (e = 0; e < n_ecqs; e++)
		printf(",ecq%zu_examples,ecq%zu_words", e + 1, e + 1);
	fputs(",examples,words,pages,resume_lines,cards,errors,warnings,info,open_comments,modified,"
	    "problem\r\n", stdout);
	for (i = 0; i <= n; i++) {
		const struct report_row *r = i < n ? &rows[i] : total;
		bool ok = r->error == NULL;

		csv_field(r->name);
		fputc(',', stdout);
		csv_field(r->path);
		fputc(',', stdout);
		csv_field(r->framework);
		fputc(',', stdout);
		csv_field(r->plan);
		csv_num(r->plan_step + 1, ok && r->plan_step >= 0);
		for (e = 0; e < n_ecqs; e++) {
			csv_num((long long)r->examples[e], ok && e < r->n_ecqs);
			csv_num((long long)r->words[e], ok && e < r->n_ecqs);
		}
		csv_num((long long)r->total_examples, ok);
		csv_num((long long)r->total_words, ok);
		csv_num(r->pages, ok && r->pages >= 0);
		csv_num((long long)r->resume_lines, ok && r->asks_resume);
		csv_num((long long)r->cards, ok && r->asks_cards);
		csv_num((long long)r->findings[SEV_ERROR], ok && r->have_findings);
		csv_num((long long)r->findings[SEV_WARNING], ok && r->have_findings);
		csv_num((long long)r->findings[SEV_INFO], ok && r->have_findings);
		csv_num((long long)r->open_comments, ok);
		fputc(',', stdout);
		csv_field(r->modified);
		fputc(',', stdout);
		csv_field(r->error);
		fputs("\r\n", stdout);
	}
}

static void
json_row(struct json *j, const struct report_row *r, bool is_total)
{
	size_t e;

	json_object_begin(j);
	if (!is_total) {
		json_key(j, "name");
		json_string(j, r->name);
		json_key(j, "file");
		json_string(j, r->path);
		json_key(j, "error");
		json_string(j, r->error);
		if (r->error != NULL) {
			json_object_end(j);
			return;
		}
		json_key(j, "framework");
		json_string(j, r->framework);
		json_key(j, "plan");
		json_string(j, r->plan);
		json_key(j, "plan_step");
		if (r->plan_step >= 0)
			json_int(j, r->plan_step + 1);
		else
			json_null(j);
	}
	json_key(j, "ecqs");
	json_array_begin(j);
	for (e = 0; e < r->n_ecqs; e++) {
		json_object_begin(j);
		json_key(j, "ecq");
		json_int(j, (long long)e + 1);
		json_key(j, "examples");
		json_int(j, (long long)r->examples[e]);
		json_key(j, "words");
		json_int(j, (long long)r->words[e]);
		json_object_end(j);
	}
	json_array_end(j);
	json_key(j, "examples");
	json_int(j, (long long)r->total_examples);
	json_key(j, "words");
	json_int(j, (long long)r->total_words);
	json_key(j, "pages");
	if (r->pages >= 0)
		json_int(j, r->pages);
	else
		json_null(j);
	json_key(j, "resume_lines");
	if (r->asks_resume)
		json_int(j, (long long)r->resume_lines);
	else
		json_null(j);
	json_key(j, "cards");
	if (r->asks_cards)
		json_int(j, (long long)r->cards);
	else
		json_null(j);
	json_key(j, "findings");
	if (r->have_findings) {
		json_object_begin(j);
		json_key(j, "error");
		json_int(j, (long long)r->findings[SEV_ERROR]);
		json_key(j, "warning");
		json_int(j, (long long)r->findings[SEV_WARNING]);
		json_key(j, "info");
		json_int(j, (long long)r->findings[SEV_INFO]);
		json_object_end(j);
	} else {
		json_null(j);
	}
	json_key(j, "open_comments");
	json_int(j, (long long)r->open_comments);
	json_key(j, "modified");
	json_string(j, r->modified);
	json_object_end(j);
}

static void
print_json(const struct report_row *rows, size_t n, const struct report_row *total,
    size_t n_read)
{
	struct json j;
	size_t i;

	json_init(&j, stdout, true);
	json_object_begin(&j);
	json_key(&j, "participants");
	json_array_begin(&j);
	for (i = 0; i < n; i++)
		json_row(&j, &rows[i], false);
	json_array_end(&j);
	json_key(&j, "files");
	json_int(&j, (long long)n);
	json_key(&j, "read");
	json_int(&j, (long long)n_read);
	json_key(&j, "totals");
	json_row(&j, total, true);
	json_object_end(&j);
	fputc('\n', stdout);
}

/* The result cache for rows made with these options, or NULL (said on
 * stderr) when its folder is refused: the report is then made without. */
static struct report_cache *
open_cache(const struct report_options *ro, struct checker *ck)
{
	struct report_cache *cache = NULL;
	struct error err;
	char flags[32], *fp;

	snprintf(flags, sizeof flags, "c%ds%dp%d", ro->findings && ck != NULL,
	    ck != NULL && checker_spell_available(ck), ro->pages);
	fp = report_cache_fingerprint(flags);
	error_clear(&err);
	if (report_cache_open(fp, &cache, &err) != 0 && err.code != ERR_NOTFOUND)
		fprintf(stderr, "ecqcoach report: %s\n", err.msg);
	free(fp);
	return cache;
}

int
cli_report(int argc, char **argv)
{
	enum { OPT_PAGES = 256, OPT_NO_CHECKS, OPT_NO_SPELLING, OPT_NO_CACHE };
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "sort", required_argument, NULL, 's' },
		{ "pages", no_argument, NULL, OPT_PAGES },
		{ "no-checks", no_argument, NULL, OPT_NO_CHECKS },
		{ "no-spelling", no_argument, NULL, OPT_NO_SPELLING },
		{ "no-cache", no_argument, NULL, OPT_NO_CACHE },
		{ "jobs", required_argument, NULL, 'j' },
		{ "watch", no_argument, NULL, 'w' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct report_options ro = { false, true, NULL };
	struct report_cache *cache = NULL;
	struct checker_options copt = { 0 };
	struct checker *ck = NULL;
	struct report_row *rows = NULL, total;
	struct error err;
	char **paths = NULL, **lines = NULL;
	const char *format = "text";
	size_t n = 0, i, n_read = 0;
	int c, sort = REPORT_SORT_NAME, status = EXIT_OK;
	bool watch = false, use_cache = true;
	long jobs = sysconf(_SC_NPROCESSORS_ONLN);
	char *end;

	while ((c = getopt_long(argc, argv, "f:s:j:wh", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") != 0 && strcmp(optarg, "csv") != 0 &&
			    strcmp(optarg, "json") != 0)
				return cli_usage_error("report", "unknown format '%s' (text, csv or json)",
				    optarg);
			format = optarg;
			break;
		case 's':
			sort = report_sort_parse(optarg);
			if (sort < 0)
				return cli_usage_error("report", "unknown sort key '%s' (name, file, "
				    "edited, words, findings or step)", optarg);
			break;
		case OPT_PAGES: ro.pages = true; break;
		case OPT_NO_CHECKS: ro.findings = false; break;
		case OPT_NO_SPELLING: copt.no_spelling = true; break;
		case OPT_NO_CACHE: use_cache = false; break;
		case 'j':
			jobs = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || jobs < 1 || jobs > 64)
				return cli_usage_error("report", "--jobs needs a number from 1 to 64");
			break;
		case 'w': watch = true; break;
		case 'h': usage(); return EXIT_OK;
		default: return cli_usage_error("report", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage_error("report", "missing DIR or FILE.ecq");
	error_clear(&err);
	copt.no_suggestions = true;
	if (ro.findings && checker_new(&copt, &ck, &err) != 0)
		return cli_fail(&err);
	if (use_cache)
		cache = open_cache(&ro, ck);
	ro.cache = cache;
	if (watch) {
		status = reportwatch_run(argv + optind, (size_t)(argc - optind), ck, &ro,
		    (enum report_sort)sort, &err);
		if (status != 0)
			status = cli_fail(&err);
		report_cache_close(cache);
		checker_free(ck);
		return status;
	}
	if (report_paths(argv + optind, (size_t)(argc - optind), &paths, &n, &err) != 0) {
		report_cache_close(cache);
		checker_free(ck);
		return cli_fail(&err);
	}
	rows = xcalloc(n + 1, sizeof *rows);
	report_read_all(ck, paths, n, &ro, jobs > 0 ? (int)jobs : 1, rows);
	report_sort(rows, n, (enum report_sort)sort);
	report_totals(rows, n, &total, &n_read);
	if (strcmp(format, "json") == 0) {
		print_json(rows, n, &total, n_read);
	} else if (strcmp(format, "csv") == 0) {
		print_csv(rows, n, &total);
	} else {
		lines = report_lines(rows, n, &total);
		for (i = 0; lines[i] != NULL; i++)
			printf("%s\n", lines[i]);
		printf("%zu project%s, %zu read%s\n", n, n == 1 ? "" : "s", n_read,
		    ro.findings && ck != NULL && checker_warning(ck) != NULL ? "; spelling not checked" : "");
	}
	if (n == 0)
		fprintf(stderr, "ecqcoach report: no .ecq project files found\n");
	else if (n_read < n)
		fprintf(stderr, "ecqcoach report: %zu of %zu files could not be read (see their rows)\n",
		    n - n_read, n);
	if (n_read == 0)
		status = EXIT_DATA;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "ecqcoach report: cannot write the output: %s\n", strerror(errno));
		status = EXIT_DATA;
	}
	report_lines_free(lines);
	for (i = 0; i < n; i++)
		report_row_free(&rows[i]);
	report_row_free(&total);
	free(rows);
	report_paths_free(paths);
	report_cache_close(cache);
	checker_free(ck);
	return status;
}
