/* SPDX-License-Identifier: MIT */
/*
 * ruleopts.c: parsing, usage lines and the rule list of the options `check`
 * and `lint` share. Prints only the usage errors it reports and, for
 * --list-rules, the rule list.
 */
#include "config.h"
#include "ruleopts.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

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
