/* SPDX-License-Identifier: MIT */
/*
 * handout.c: `ecqcoach handout FRAMEWORK [-o FILE.pdf]`, a framework's
 * definitions, competencies and focus questions for a workshop, laid out by
 * the export engine (PDF) or as text on standard output.
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
#include "handout.h"
#include "project.h"

static void
usage(void)
{
	printf("Usage: ecqcoach handout FRAMEWORK [-o FILE.pdf|FILE.txt|FILE.md] [--paper letter|a4]\n"
	    "Print a framework's ECQ definitions, competencies and focus questions for a\n"
	    "workshop: as text on standard output, or laid out like an exported narrative\n"
	    "(same font, margins and page size) in the file given with -o.\n\n"
	    "  -o, --output FILE  write FILE; its extension (.pdf, .txt, .md) sets the format\n"
	    "      --paper SIZE   letter (the default) or a4\n"
	    "  -h, --help         show this help\n");
}

int
cli_handout(int argc, char **argv)
{
	enum { OPT_PAPER = 256 };
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "paper", required_argument, NULL, OPT_PAPER },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_options o;
	struct export_output res = { 0 };
	struct framework_set set = { 0 };
	const struct framework *fw;
	struct project *p = NULL;
	struct error err;
	const char *out_path = NULL;
	char creator[64];
	int c, fmt, paper, status = EXIT_DATA;

	export_options_init(&o);
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out_path = optarg;
			break;
		case OPT_PAPER:
			if ((paper = layout_paper_parse(optarg)) < 0)
				return cli_usage_error("handout", "--paper is letter or a4, not '%s'",
				    optarg);
			o.layout.paper = (enum layout_paper)paper;
			break;
		case 'h':
			usage();
			return EXIT_OK;
		default:
			return cli_usage_error("handout", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage_error("handout", "missing FRAMEWORK ('ecqcoach frameworks' lists them)");
	if (optind != argc - 1)
		return cli_usage_error("handout", "give exactly one FRAMEWORK");
	fmt = EXPORT_TEXT;
	if (out_path != NULL && strcmp(out_path, "-") != 0 &&
	    (fmt = export_format_from_path(out_path)) < 0)
		return cli_usage_error("handout", "cannot tell the format from '%s': name it "
		    ".pdf, .txt or .md", out_path);
	error_clear(&err);
	if (framework_set_load_all(&set, &err) != 0)
		return cli_fail(&err);
	fw = framework_set_find(&set, argv[optind]);
	if (fw == NULL) {
		cli_error(NULL, "no framework '%s'; 'ecqcoach frameworks' lists them", argv[optind]);
		goto out;
	}
	p = handout_project(fw, &err);
	if (p == NULL) {
		status = cli_fail(&err);
		goto out;
	}
	snprintf(creator, sizeof creator, "ecqcoach %s", PACKAGE_VERSION);
	o.creator = creator;
	o.layout.no_labels = true;
	if (out_path == NULL || strcmp(out_path, "-") == 0) {
		if (export_render(NULL, p, EXPORT_TEXT, &o, &res, &err) != 0) {
			status = cli_fail(&err);
			goto out;
		}
		cli_put_text_n(stdout, res.data, res.len);
		if (ferror(stdout) || fflush(stdout) != 0) {
			cli_error(NULL, "cannot write to standard output");
			goto out;
		}
	} else {
		if (export_file(NULL, p, (enum export_format)fmt, &o, out_path, &res, &err) != 0) {
			status = cli_fail(&err);
			goto out;
		}
		if (res.warning != NULL)
			cli_error(NULL, "warning: %s", res.warning);
		if (fmt == EXPORT_PDF)
			cli_printf(stdout, "wrote %s: %d page%s\n", out_path, res.pages,
			    res.pages == 1 ? "" : "s");
		else
			cli_printf(stdout, "wrote %s\n", out_path);
	}
	status = EXIT_OK;
out:
	export_output_free(&res);
	project_free(p);
	framework_set_free(&set);
	return status;
}
