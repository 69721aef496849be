/* SPDX-License-Identifier: MIT */
/*
 * export.c: `ecqcoach export`, the finished narrative as PDF, plain text or
 * Markdown. Parses options and reports; the work is in core/export.c.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "export.h"
#include "framework.h"
#include "card.h"
#include "resume.h"
#include "store.h"

static void
export_usage(void)
{
	printf("Usage: ecqcoach export FILE.ecq -o OUT.pdf|OUT.txt|OUT.md [OPTION]...\n"
	    "Write the narrative as PDF (the format rules: US Letter, 1-inch margins,\n"
	    "12 pt Liberation Serif, \"Page N of M\"), plain text or Markdown. The format\n"
	    "comes from OUT's extension unless --format is given; OUT '-' is standard\n"
	    "output. An existing OUT is replaced, only once the new file is complete.\n\n"
	    "  -o, --output OUT      the file to write (required)\n"
	    "  -f, --format FMT      pdf, text or markdown\n"
	    "  -e, --ecq N           only ECQ N (its number, key or title)\n"
	    "      --paper SIZE      letter (default) or a4 (PDF)\n"
	    "      --font NAME       font family (PDF; default Liberation Serif, for the\n"
	    "                        résumé and cards Liberation Sans)\n"
	    "      --page-per-ecq    start each ECQ on a new page (PDF)\n"
	    "  -w, --width N         wrap text at N columns (default 72)\n"
	    "  -u, --unwrapped       text: one line per paragraph (for web forms)\n"
	    "  -a, --ascii           text, Markdown: plain ASCII quotes, dashes, ellipses\n"
	    "      --no-labels       leave out the Challenge/Context/Action/Result labels\n"
	    "      --comments        text, Markdown: add the open review comments at the end\n"
	    "      --resume          the résumé instead: positions and résumé lines (PDF in\n"
	    "                        Liberation Sans, the project's margins and font size;\n"
	    "                        text for USAJOBS' résumé builder, one block per\n"
	    "                        position, its character count checked)\n"
	    "      --cards           the interview cards instead: per example with a card,\n"
	    "                        its ECQ's interview question on top (PDF two a page)\n"
	    "      --force           replace OUT even if it is a SQLite file (a project)\n"
	    "  -q, --quiet           do not print the \"wrote ...\" line\n"
	    "  -h, --help            show this help\n\n"
	    "Exit status: 0 written, 2 usage error, 3 file or data error (nothing written).\n");
}

enum {
	OPT_PAPER = 256, OPT_FONT, OPT_PAGE_PER_ECQ, OPT_NO_LABELS, OPT_FORCE, OPT_COMMENTS,
	OPT_RESUME, OPT_CARDS
};

/* export --resume: the résumé in fmt to out_path ("-": standard output). */
static int
export_resume(struct store *st, enum export_format fmt, const struct export_options *o,
    const char *out_path, bool quiet)
{
	const struct project *p = store_project(st);
	struct resume_settings rs;
	struct export_output res;
	struct findings fs;
	struct error err;
	size_t i;
	int rc, limit = (int)p->fw->docs.resume_field_chars;

	resume_settings_load(st, &rs);
	rc = resume_render(NULL, p, &rs, fmt, o, &res, &err);
	if (rc == 0 && strcmp(out_path, "-") == 0) {
		if (fmt != EXPORT_PDF)
			cli_put_text_n(stdout, res.data, res.len);
		else
			fwrite(res.data, 1, res.len, stdout);
		if (ferror(stdout) || fflush(stdout) != 0) {
			export_output_free(&res);
			rc = error_set(&err, ERR_IO, "cannot write to standard output");
		}
	} else if (rc == 0) {
		rc = export_write_file(out_path, res.data, res.len, o, &err);
		if (rc != 0)
			export_output_free(&res);
	}
	if (rc != 0)
		return cli_fail(&err);
	if (res.warning != NULL)
		cli_error(NULL, "warning: %s", res.warning);
	if (fmt == EXPORT_PDF && res.pages > (int)p->fw->docs.resume_pages)
		cli_error(NULL, "warning: the résumé has %d pages, over its %g", res.pages,
		    p->fw->docs.resume_pages);
	/* what USAJOBS' builder would refuse: which position, by how much */
	for (i = 0; limit > 0 && i < p->n_positions; i++) {
		size_t n = resume_usajobs_chars(p, &p->positions[i]);

		if (n > (size_t)limit)
			cli_error(NULL, "warning: position %zu (%s): its duties and résumé lines "
			    "have %zu characters, %zu over the %d of USAJOBS' duties box "
			    "(usajobs_limit)", i + 1, *p->positions[i].field[POS_TITLE] ?
			    p->positions[i].field[POS_TITLE] : "untitled", n, n - (size_t)limit,
			    limit);
	}
	/* and the ECQs the résumé does not show */
	findings_init(&fs);
	resume_check(NULL, p, NULL, &fs);
	for (i = 0; i < fs.n; i++)
		if (strcmp(fs.items[i].rule, "resume_coverage") == 0)
			cli_error(NULL, "warning: %s (%s)", fs.items[i].message, fs.items[i].rule);
	findings_free(&fs);
	if (!quiet && strcmp(out_path, "-") != 0) {
		if (fmt == EXPORT_PDF)
			cli_printf(stdout, "wrote %s: résumé, %d page%s (%g pt, %g-inch margins)\n",
			    out_path, res.pages, res.pages == 1 ? "" : "s", rs.font_pt, rs.margin_in);
		else
			cli_printf(stdout, "wrote %s: résumé\n", out_path);
	}
	export_output_free(&res);
	return EXIT_OK;
}

/* export --cards: the interview cards in fmt to out_path ("-": standard
 * output). */
static int
export_cards(struct store *st, enum export_format fmt, const struct export_options *o,
    const char *out_path, bool quiet)
{
	const struct project *p = store_project(st);
	struct export_output res;
	struct error err;
	size_t n = 0;
	int rc;

	rc = card_render(NULL, p, fmt, o, card_wpm_load(st), &res, &n, &err);
	if (rc == 0 && strcmp(out_path, "-") == 0) {
		if (fmt != EXPORT_PDF)
			cli_put_text_n(stdout, res.data, res.len);
		else
			fwrite(res.data, 1, res.len, stdout);
		if (ferror(stdout) || fflush(stdout) != 0) {
			export_output_free(&res);
			rc = error_set(&err, ERR_IO, "cannot write to standard output");
		}
	} else if (rc == 0) {
		rc = export_write_file(out_path, res.data, res.len, o, &err);
		if (rc != 0)
			export_output_free(&res);
	}
	if (rc != 0)
		return cli_fail(&err);
	if (res.warning != NULL)
		cli_error(NULL, "warning: %s", res.warning);
	if (!quiet && strcmp(out_path, "-") != 0) {
		if (fmt == EXPORT_PDF)
			cli_printf(stdout, "wrote %s: %zu interview card%s, %d page%s\n", out_path, n,
			    n == 1 ? "" : "s", res.pages, res.pages == 1 ? "" : "s");
		else
			cli_printf(stdout, "wrote %s: %zu interview card%s\n", out_path, n,
			    n == 1 ? "" : "s");
	}
	export_output_free(&res);
	return EXIT_OK;
}

int
cli_export(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "ecq", required_argument, NULL, 'e' },
		{ "paper", required_argument, NULL, OPT_PAPER },
		{ "font", required_argument, NULL, OPT_FONT },
		{ "page-per-ecq", no_argument, NULL, OPT_PAGE_PER_ECQ },
		{ "width", required_argument, NULL, 'w' },
		{ "unwrapped", no_argument, NULL, 'u' },
		{ "ascii", no_argument, NULL, 'a' },
		{ "no-labels", no_argument, NULL, OPT_NO_LABELS },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "comments", no_argument, NULL, OPT_COMMENTS },
		{ "resume", no_argument, NULL, OPT_RESUME },
		{ "cards", no_argument, NULL, OPT_CARDS },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_options o;
	struct export_output res;
	const char *out_path = NULL, *only = NULL, *input;
	const struct project *p;
	struct store *st = NULL;
	struct error err;
	int c, fmt = -1, quiet = 0, rc, paper, resume = 0, cards = 0;
	char *end;
	long width;

	export_options_init(&o);
	o.creator = "ecqcoach " PACKAGE_VERSION;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:f:e:w:uaqh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out_path = optarg;
			break;
		case 'f':
			if ((fmt = export_format_parse(optarg)) < 0)
				return cli_usage_error("export", "unknown format '%s' "
				    "(pdf, text or markdown)", optarg);
			break;
		case 'e':
			only = optarg;
			break;
		case OPT_PAPER:
			if ((paper = layout_paper_parse(optarg)) < 0)
				return cli_usage_error("export", "unknown paper '%s' "
				    "(letter or a4)", optarg);
			o.layout.paper = (enum layout_paper)paper;
			break;
		case OPT_FONT:
			if (*optarg == '\0')
				return cli_usage_error("export", "--font needs a name");
			o.layout.font = optarg;
			break;
		case OPT_PAGE_PER_ECQ:
			o.layout.page_per_ecq = true;
			break;
		case 'w':
			width = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || width < 1 || width > 10000)
				return cli_usage_error("export", "--width needs a number "
				    "from 1 to 10000, not '%s'", optarg);
			o.width = (int)width;
			break;
		case 'u':
			o.width = 0;
			break;
		case 'a':
			o.ascii = true;
			break;
		case OPT_NO_LABELS:
			o.layout.no_labels = true;
			break;
		case OPT_COMMENTS:
			o.comments = true;
			break;
		case OPT_RESUME:
			resume = 1;
			break;
		case OPT_CARDS:
			cards = 1;
			break;
		case OPT_FORCE:
			o.force = true;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			export_usage();
			return EXIT_OK;
		default:
			return cli_usage_error("export", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage_error("export", "missing FILE.ecq");
	if (optind != argc - 1)
		return cli_usage_error("export", "give exactly one FILE.ecq");
	input = argv[optind];
	if (out_path == NULL)
		return cli_usage_error("export", "missing -o OUT (OUT.pdf, OUT.txt or OUT.md)");
	if (fmt < 0 && strcmp(out_path, "-") == 0)
		fmt = EXPORT_TEXT;
	if (fmt < 0 && (fmt = export_format_from_path(out_path)) < 0)
		return cli_usage_error("export", "cannot tell the format from '%s': "
		    "name it .pdf, .txt or .md, or give --format", out_path);
	if (fmt == EXPORT_PDF && strcmp(out_path, "-") == 0 && isatty(STDOUT_FILENO))
		return cli_usage_error("export", "will not write a PDF to a terminal; "
		    "redirect standard output or give -o OUT.pdf");
	o.protect = input;
	if (o.comments && fmt == EXPORT_PDF)
		return cli_usage_error("export", "the PDF never includes review comments; "
		    "use --comments with a .txt or .md file");

	if (resume && (only != NULL || o.comments || o.layout.page_per_ecq || o.layout.no_labels))
		return cli_usage_error("export", "--resume takes none of --ecq, --comments, "
		    "--page-per-ecq, --no-labels");
	if (cards && (resume || only != NULL || o.comments || o.layout.page_per_ecq ||
	    o.layout.no_labels))
		return cli_usage_error("export", "--cards takes none of --resume, --ecq, "
		    "--comments, --page-per-ecq, --no-labels");
	if (store_open(input, STORE_READONLY, &st, &err) != 0)
		return cli_fail(&err);
	if (cards) {
		rc = export_cards(st, (enum export_format)fmt, &o, out_path, quiet);
		store_close(st);
		return rc;
	}
	if (resume) {
		rc = export_resume(st, (enum export_format)fmt, &o, out_path, quiet);
		store_close(st);
		return rc;
	}
	p = store_project(st);
	if (only != NULL && (o.layout.ecq = framework_find_ecq(p->fw, only)) < 0) {
		cli_error(NULL, "framework %s has no ECQ '%s' (1 to %zu)", p->fw->id, only,
		    p->fw->n_ecqs);
		store_close(st);
		return EXIT_USAGE;
	}

	if (strcmp(out_path, "-") == 0) {
		rc = export_render(NULL, p, (enum export_format)fmt, &o, &res, &err);
		/* Text and Markdown on standard output may meet a terminal: through
		 * the filter like everything else printed; a PDF goes as it is
		 * (never to a terminal, see above). */
		if (rc == 0 && fmt != EXPORT_PDF)
			cli_put_text_n(stdout, res.data, res.len);
		else if (rc == 0)
			fwrite(res.data, 1, res.len, stdout);
		if (rc == 0 && (ferror(stdout) || fflush(stdout) != 0)) {
			export_output_free(&res);
			rc = error_set(&err, ERR_IO, "cannot write to standard output");
		}
	} else {
		rc = export_file(NULL, p, (enum export_format)fmt, &o, out_path, &res, &err);
	}
	if (rc != 0) {
		store_close(st);
		return cli_fail(&err);
	}
	if (res.warning != NULL)
		cli_error(NULL, "warning: %s", res.warning);
	if (fmt == EXPORT_PDF && o.layout.ecq < 0) {
		double max = framework_narrative_pages(p->fw);

		if (max >= 1 && res.pages > (int)max)
			cli_error(NULL, "warning: %d pages, over the limit of %d (page_limit)",
			    res.pages, (int)max);
	}
	if (!quiet && strcmp(out_path, "-") != 0) {
		if (fmt == EXPORT_PDF)
			cli_printf(stdout, "wrote %s: %d page%s\n", out_path, res.pages,
			    res.pages == 1 ? "" : "s");
		else
			cli_printf(stdout, "wrote %s\n", out_path);
	}
	export_output_free(&res);
	store_close(st);
	return EXIT_OK;
}
