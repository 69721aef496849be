/* SPDX-License-Identifier: MIT */
/*
 * findout.c: printing the parts of a finding that `check` and `lint` share
 * (see findout.h), so the two commands cannot drift apart.
 */
#include "config.h"
#include "findout.h"

#include <string.h>

#include "checker.h"
#include "cli.h"

void
findout_suggestions(FILE *out, const struct finding *f)
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
findout_json_tail(struct json *j, const struct finding *f)
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
findout_json_rule_counts(struct json *j, const struct findings *fs)
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
findout_tally(const struct findings *fs, int fail_on, size_t by_sev[3])
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
