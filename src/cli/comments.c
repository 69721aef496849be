/* SPDX-License-Identifier: MIT */
/*
 * comments.c: `ecqcoach comments`: list a project's review comments (text
 * or JSON), add one from a script, and merge the comments of a reviewed
 * copy into the writer's file. Writes only comments (STORE_COMMENTS), so
 * it works while the writer has the project open in the coach.
 */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "comments.h"
#include "json.h"
#include "store.h"

static void
usage(void)
{
	printf("Usage: ecqcoach comments FILE.ecq [--open] [--format text|json]\n"
	    "       ecqcoach comments add FILE.ecq --as NAME --ecq N [--example K]\n"
	    "                --field FIELD [--quote TEXT] BODY\n"
	    "       ecqcoach comments merge FROM.ecq INTO.ecq\n"
	    "List, add or merge review comments. Comments can be written while the\n"
	    "writer has the project open in the coach; they never change its text.\n\n"
	    "  -o, --open            list only comments not resolved\n"
	    "  -f, --format FMT      text (default) or json\n"
	    "      --as NAME         add: the reviewer's name\n"
	    "  -e, --ecq N           add: the ECQ's number\n"
	    "  -x, --example K       add: the example's number in that ECQ (default 1)\n"
	    "      --field FIELD     add: challenge, context, action, result, intro, title,\n"
	    "                        resume (the résumé line) or card (the interview card)\n"
	    "  -q, --quote TEXT      add: the span commented on, exactly as in the text\n"
	    "                        (default: the whole field)\n"
	    "  -h, --help            show this help\n\n"
	    "merge brings the comments of FROM (a reviewed copy of INTO) into INTO,\n"
	    "anchored to INTO's current text; merging again adds nothing twice.\n"
	    "Exit status: 0 done, 2 usage error, 3 file or data error.\n");
}

static void
put_where(FILE *f, const struct project *p, const struct comment *c)
{
	const char *field;
	int ecq, ex;

	comments_where(p, c->target, &ecq, &ex, &field);
	if (ecq >= 0)
		fprintf(f, "ECQ %d, ", ecq + 1);
	if (ex >= 0)
		fprintf(f, "example %d, ", ex + 1);
	cli_put_text(f, *field ? field : c->target);
}

static void
list_text(const struct project *p, bool open_only)
{
	const struct comment *c;
	size_t i, j, n = 0;

	for (i = 0; i < p->n_comments; i++) {
		c = &p->comments[i];
		if (open_only && c->resolved)
			continue;
		n++;
		printf("#%lld %s: ", (long long)c->id, comments_state(c));
		put_where(stdout, p, c);
		printf(", ");
		cli_put_text(stdout, c->author);
		printf(", %.10s\n  \"", c->created);
		cli_put_text(stdout, c->quote);
		printf("\"\n  ");
		cli_put_text(stdout, c->body);
		printf("\n");
		for (j = 0; j < c->n_replies; j++) {
			printf("  reply, ");
			cli_put_text(stdout, c->replies[j].author);
			printf(", %.10s: ", c->replies[j].created);
			cli_put_text(stdout, c->replies[j].body);
			printf("\n");
		}
	}
	if (n == 0)
		printf("no %scomments\n", open_only ? "open " : "");
}

static void
list_json(const struct project *p, bool open_only)
{
	const struct comment *c;
	const char *field;
	struct json j;
	size_t i, r;
	int ecq, ex;

	json_init(&j, stdout, true);
	json_array_begin(&j);
	for (i = 0; i < p->n_comments; i++) {
		c = &p->comments[i];
		if (open_only && c->resolved)
			continue;
		comments_where(p, c->target, &ecq, &ex, &field);
		json_object_begin(&j);
		json_key(&j, "id");
		json_int(&j, (long long)c->id);
		json_key(&j, "author");
		json_string(&j, c->author);
		json_key(&j, "created");
		json_string(&j, c->created);
		json_key(&j, "ecq");
		if (ecq >= 0)
			json_int(&j, ecq + 1);
		else
			json_null(&j);
		json_key(&j, "example");
		if (ex >= 0)
			json_int(&j, ex + 1);
		else
			json_null(&j);
		json_key(&j, "field");
		json_string(&j, field);
		json_key(&j, "target");
		json_string(&j, c->target);
		json_key(&j, "quote");
		json_string(&j, c->quote);
		json_key(&j, "offset");
		if (c->detached)
			json_null(&j);
		else
			json_int(&j, (long long)c->offset);
		json_key(&j, "length");
		if (c->detached)
			json_null(&j);
		else
			json_int(&j, (long long)c->length);
		json_key(&j, "state");
		json_string(&j, comments_state(c));
		json_key(&j, "body");
		json_string(&j, c->body);
		json_key(&j, "replies");
		json_array_begin(&j);
		for (r = 0; r < c->n_replies; r++) {
			json_object_begin(&j);
			json_key(&j, "author");
			json_string(&j, c->replies[r].author);
			json_key(&j, "created");
			json_string(&j, c->replies[r].created);
			json_key(&j, "body");
			json_string(&j, c->replies[r].body);
			json_object_end(&j);
		}
		json_array_end(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	printf("\n");
}

static int
list(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "open", no_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *format = "text";
	struct store *st;
	struct error err;
	bool open_only = false;
	int c;

	while ((c = getopt_long(argc, argv, "of:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': open_only = true; break;
		case 'f': format = optarg; break;
		case 'h': usage(); return EXIT_OK;
		default: return cli_usage_error("comments", "unknown option");
		}
	}
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
		return cli_usage_error("comments", "--format must be text or json, not '%s'", format);
	if (optind != argc - 1)
		return cli_usage_error("comments", optind >= argc ? "missing FILE.ecq" :
		    "give exactly one FILE.ecq");
	if (store_open(argv[optind], STORE_READONLY, &st, &err) != 0)
		return cli_fail(&err);
	if (strcmp(format, "json") == 0)
		list_json(store_project(st), open_only);
	else
		list_text(store_project(st), open_only);
	store_close(st);
	return EXIT_OK;
}

static int
number(const char *s, const char *what, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 1 || v > INT_MAX)
		return cli_usage_error("comments", "%s must be a number from 1, not '%s'", what, s);
	*out = (int)v;
	return 0;
}

static int
add(int argc, char **argv)
{
	enum { OPT_AS = 256, OPT_FIELD };
	static const struct option opts[] = {
		{ "as", required_argument, NULL, OPT_AS },
		{ "ecq", required_argument, NULL, 'e' },
		{ "example", required_argument, NULL, 'x' },
		{ "field", required_argument, NULL, OPT_FIELD },
		{ "quote", required_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *author = NULL, *field = NULL, *quote = "";
	struct store *st;
	struct error err;
	char *target;
	int64_t id;
	int c, ecq = 0, example = 1, rc;

	while ((c = getopt_long(argc, argv, "e:x:q:h", opts, NULL)) != -1) {
		switch (c) {
		case OPT_AS: author = optarg; break;
		case 'e': if (number(optarg, "--ecq", &ecq) != 0) return EXIT_USAGE; break;
		case 'x': if (number(optarg, "--example", &example) != 0) return EXIT_USAGE; break;
		case OPT_FIELD: field = optarg; break;
		case 'q': quote = optarg; break;
		case 'h': usage(); return EXIT_OK;
		default: return cli_usage_error("comments", "unknown option");
		}
	}
	if (author == NULL || *author == '\0')
		return cli_usage_error("comments", "add needs --as NAME (the reviewer)");
	if (ecq == 0 || field == NULL)
		return cli_usage_error("comments", "add needs --ecq N and --field FIELD");
	if (argc - optind != 2)
		return cli_usage_error("comments", "add needs FILE.ecq and the comment's text");
	if (*argv[optind + 1] == '\0')
		return cli_usage_error("comments", "the comment's text is empty");
	if (store_open(argv[optind], STORE_COMMENTS, &st, &err) != 0)
		return cli_fail(&err);
	target = comments_target(store_project(st), ecq - 1, example - 1, field, &err);
	rc = target == NULL || store_add_comment(st, target, quote, SIZE_MAX, author,
	    argv[optind + 1], &id, &err) != 0 ? cli_fail(&err) : EXIT_OK;
	if (rc == EXIT_OK)
		printf("added comment %lld to %s\n", (long long)id, argv[optind]);
	free(target);
	store_close(st);
	return rc;
}

static int
merge(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct project *fp, *ip;
	struct store *from = NULL, *into = NULL;
	struct error err;
	size_t added, i, detached = 0;
	int c, rc = EXIT_OK;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'h') {
			usage();
			return EXIT_OK;
		}
		return cli_usage_error("comments", "unknown option");
	}
	if (argc - optind != 2)
		return cli_usage_error("comments", "merge needs FROM.ecq and INTO.ecq");
	if (store_open(argv[optind], STORE_READONLY, &from, &err) != 0)
		return cli_fail(&err);
	if (store_open(argv[optind + 1], STORE_COMMENTS, &into, &err) != 0) {
		store_close(from);
		return cli_fail(&err);
	}
	fp = store_project(from);
	ip = store_project(into);
	/* A copy keeps the project's id and creation time; another project's
	 * example ids would put comments on the wrong text. */
	if ((*fp->uid != '\0' && *ip->uid != '\0' && strcmp(fp->uid, ip->uid) != 0) ||
	    strcmp(fp->created, ip->created) != 0) {
		fprintf(stderr, "ecqcoach: %s is not a copy of %s (created %s, not %s); "
		    "nothing was merged\n", argv[optind], argv[optind + 1], fp->created, ip->created);
		rc = EXIT_DATA;
	} else if (store_merge_comments(into, fp, &added, &err) != 0) {
		rc = cli_fail(&err);
	} else {
		ip = store_project(into);
		for (i = 0; i < ip->n_comments; i++)
			detached += ip->comments[i].detached && !ip->comments[i].resolved;
		printf("merged %zu comment%s and replies from %s into %s", added,
		    added == 1 ? "" : "s", argv[optind], argv[optind + 1]);
		if (detached > 0)
			printf(" (%zu whose text is gone)", detached);
		printf("\n");
	}
	store_close(into);
	store_close(from);
	return rc;
}

int
cli_comments(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0) {
		optind = 1;
		return add(argc - 1, argv + 1);
	}
	if (argc >= 2 && strcmp(argv[1], "merge") == 0) {
		optind = 1;
		return merge(argc - 1, argv + 1);
	}
	return list(argc, argv);
}
