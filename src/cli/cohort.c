/* SPDX-License-Identifier: MIT */
/*
 * cohort.c: `ecqcoach cohort init`, one project per row of a roster (a
 * CSV file from a spreadsheet) and a cohort.ini that lists them. A bad row
 * is reported by its line and skipped; an existing file is never
 * overwritten. Run as root with a `user` column, each project goes in a
 * folder of its own owned by that user (the coach needs to write its
 * journal and lock beside the project).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "csv.h"
#include "export.h"
#include "framework.h"
#include "paths.h"
#include "roster.h"
#include "store.h"
#include "strbuf.h"
#include "xalloc.h"

static void
usage(void)
{
	printf("Usage: ecqcoach cohort init DIR --roster ROSTER.csv [options]\n"
	    "Create one project per participant of a roster in DIR (made if missing), and\n"
	    "DIR/cohort.ini listing the framework, the plan and the files. The roster is a\n"
	    "UTF-8 CSV file with a header row naming its columns: name (or first name and\n"
	    "last name), and optionally email, position and user. Each project is named from\n"
	    "the person's name (\"Pat O'Neil\" -> pat-oneil.ecq) and created 0600. Run as\n"
	    "root with a user column, each goes in DIR/NAME/ owned by that user. A bad row\n"
	    "is reported by its line and skipped; existing files are never overwritten.\n\n"
	    "  -r, --roster FILE     the roster (CSV with a header row)\n"
	    "  -f, --framework ID    ECQ framework (default: the current one)\n"
	    "  -p, --plan PLAN       workshop plan: a name in prompts/plans or a path\n"
	    "  -h, --help            show this help\n\n"
	    "Exit status: 0 every row made (or already there), 2 usage error, 3 a row was\n"
	    "skipped or a file could not be made.\n");
}

/* A plan name a file may be found by: letters, digits, '.', '_', '-'. */
static bool
plan_name_ok(const char *s)
{
	const char *p;

	if (*s == '\0' || *s == '.')
		return false;
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' || *p == '-'))
			return false;
	return true;
}

/* Checks PLAN and returns what the projects record (new string), or NULL
 * with err set. A path must name a file; a name must be a shipped plan
 * (prompts/plans/NAME.ini) when this build has plans at all. */
static char *
plan_resolve(const char *plan, struct error *err)
{
	struct stat sb;
	char *dir, *file, real[PATH_MAX];
	size_t n = strlen(plan);

	if (strchr(plan, '/') != NULL || (n > 4 && strcmp(plan + n - 4, ".ini") == 0)) {
		if (stat(plan, &sb) != 0 || !S_ISREG(sb.st_mode) || realpath(plan, real) == NULL) {
			error_set(err, ERR_NOTFOUND, "plan %s: %s", plan,
			    errno != 0 ? strerror(errno) : "not a file");
			return NULL;
		}
		return xstrdup(real);
	}
	if (!plan_name_ok(plan)) {
		error_set(err, ERR_USAGE, "plan '%s': a plan is a name (letters, digits, '-') "
		    "or the path of a plan file", plan);
		return NULL;
	}
	dir = paths_data_file("prompts/plans");
	if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		file = xasprintf("%s/%s.ini", dir, plan);
		if (stat(file, &sb) != 0) {
			error_set(err, ERR_NOTFOUND, "no plan '%s' (no %s)", plan, file);
			free(file);
			free(dir);
			return NULL;
		}
		free(file);
	}
	free(dir);
	return xstrdup(plan);
}

/* What one run needs for every row. */
struct cohort {
	const char *dir;
	const char *roster_name;
	const struct framework *fw;
	const char *plan;               /* recorded name, or NULL */
	bool own;                       /* root with a user column: chown */
	struct strbuf ini;              /* participant sections to write */
	size_t made, existing, bad;
};

static void row_problem(struct cohort *c, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Reports a row that is skipped, by the roster's name and the row's line. */
static void
row_problem(struct cohort *c, size_t line, const char *fmt, ...)
{
	char msg[1200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "ecqcoach cohort: %s:%zu: ", c->roster_name, line);
	cli_put_text(stderr, msg);
	fputs("; row skipped\n", stderr);
	c->bad++;
}

/* Makes DIR/slug owned by pw (0700), or accepts it when it is already a
 * real folder. Returns 0 or -1 with a message in why. */
static int
own_folder(const char *path, const struct passwd *pw, char *why, size_t size)
{
	struct stat sb;
	int fd;

	if (mkdir(path, 0700) != 0 && errno != EEXIST) {
		snprintf(why, size, "cannot make %s: %s", path, strerror(errno));
		return -1;
	}
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &sb) != 0) {
		snprintf(why, size, "%s is not a folder", path);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (fchown(fd, pw->pw_uid, pw->pw_gid) != 0) {
		snprintf(why, size, "cannot give %s to %s: %s", path, pw->pw_name, strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

/* Creates one participant's project; the row is reported on failure. */
static void
make_one(struct cohort *c, const struct roster_person *pp)
{
	const struct passwd *pw = NULL;
	struct store *st = NULL;
	struct error err;
	struct stat sb;
	char *folder = NULL, *file, *rel, why[600];
	mode_t old;
	int fd;

	if (pp->error != NULL) {
		row_problem(c, pp->line, "%s", pp->error);
		return;
	}
	if (c->own) {
		if (pp->user[0] == '\0') {
			row_problem(c, pp->line, "%s", "no user given");
			return;
		}
		pw = getpwnam(pp->user);
		if (pw == NULL) {
			row_problem(c, pp->line, "unknown user '%s'", pp->user);
			return;
		}
		if (pw->pw_uid == 0) {
			row_problem(c, pp->line, "user '%s' is root; give the participant's own login",
			    pp->user);
			return;
		}
		rel = xasprintf("%s/%s.ecq", pp->slug, pp->slug);
		folder = xasprintf("%s/%s", c->dir, pp->slug);
		if (own_folder(folder, pw, why, sizeof why) != 0) {
			row_problem(c, pp->line, "%s", why);
			free(folder);
			free(rel);
			return;
		}
	} else {
		rel = xasprintf("%s.ecq", pp->slug);
	}
	file = xasprintf("%s/%s", c->dir, rel);
	if (lstat(file, &sb) == 0) {
		printf("%s: already there, left as it is (%s)\n", file, pp->name);
		c->existing++;
		goto record;
	}
	/* 0600 from the start: no moment when others could read it. */
	old = umask(077);
	error_clear(&err);
	if (store_create(file, c->fw, pp->name, &st, &err) != 0 ||
	    (pp->position[0] != '\0' && store_set_position(st, pp->position, &err) != 0) ||
	    (pp->email[0] != '\0' && store_set_setting(st, "candidate.email", pp->email, &err) != 0) ||
	    (c->plan != NULL && (store_set_setting(st, "plan.name", c->plan, &err) != 0 ||
	    store_set_setting(st, "plan.step", "0", &err) != 0))) {
		umask(old);
		store_discard(st);
		row_problem(c, pp->line, "%s", err.msg);
		goto done;
	}
	store_close(st);
	umask(old);
	fd = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || fchmod(fd, 0600) != 0 ||
	    (pw != NULL && fchown(fd, pw->pw_uid, pw->pw_gid) != 0)) {
		snprintf(why, sizeof why, "%s was made but cannot be given to %s: %s", file,
		    pp->user, strerror(errno));
		if (fd >= 0)
			close(fd);
		row_problem(c, pp->line, "%s", why);
		goto done;
	}
	close(fd);
	c->made++;
	printf("%s: created for ", file);
	cli_put_text(stdout, pp->name);
	if (pw != NULL)
		printf(", owned by %s", pw->pw_name);
	fputc('\n', stdout);
record:
	{
		char *sec = xasprintf("\n[participant %s]\nname = %s\nemail = %s\nposition = %s\n"
		    "user = %s\nfile = %s\n", pp->slug, pp->name, pp->email, pp->position,
		    pp->user, rel);

		strbuf_add(&c->ini, sec, strlen(sec));
		free(sec);
	}
done:
	free(file);
	free(folder);
	free(rel);
}

/* Writes DIR/cohort.ini, or adds the new participants to an existing one
 * (never rewriting what it holds). */
static int
write_ini(struct cohort *c)
{
	char *path = xasprintf("%s/cohort.ini", c->dir), *old = NULL, now[32];
	struct strbuf out = { NULL, 0, 0 };
	struct stat sb;
	time_t t = time(NULL);
	struct tm tm;
	FILE *f;
	int rc = 0, exists = lstat(path, &sb) == 0;

	strbuf_add(&out, "", 0);
	if (!exists) {
		char *head;

		gmtime_r(&t, &tm);
		strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
		head = xasprintf("# cohort.ini: made by 'ecqcoach cohort init'; 'ecqcoach report %s'\n"
		    "# shows where everyone stands.\n[cohort]\nframework = %s\nplan = %s\n"
		    "created = %s\n", c->dir, c->fw->id, c->plan != NULL ? c->plan : "", now);
		strbuf_add(&out, head, strlen(head));
		free(head);
		strbuf_add(&out, c->ini.s != NULL ? c->ini.s : "", c->ini.len);
	} else {
		/* Only the sections it does not list yet. */
		FILE *in = fopen(path, "r");
		const char *sec = c->ini.s;

		if (in != NULL) {
			size_t cap = 0;
			struct strbuf all = { NULL, 0, 0 };
			char *line = NULL;
			ssize_t k;

			while ((k = getline(&line, &cap, in)) > 0 && all.len < ((size_t)1 << 22))
				strbuf_add(&all, line, (size_t)k);
			free(line);
			fclose(in);
			old = all.s;
		}
		while (sec != NULL && *sec != '\0') {
			const char *next = strstr(sec + 1, "\n[participant ");
			size_t len = next != NULL ? (size_t)(next - sec) : strlen(sec);
			const char *fl = strstr(sec, "\nfile = ");
			char *fileline = NULL;

			if (fl != NULL && (next == NULL || fl < next))
				fileline = xstrndup(fl, strcspn(fl + 1, "\n") + 2);
			if (old == NULL || fileline == NULL || strstr(old, fileline) == NULL)
				strbuf_add(&out, sec, len);
			free(fileline);
			sec = next;
		}
	}
	if (out.len > 0) {
		f = exists ? fopen(path, "a") : NULL;
		if (!exists) {
			int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);

			f = fd >= 0 ? fdopen(fd, "w") : NULL;
			if (f == NULL && fd >= 0)
				close(fd);
		}
		if (f == NULL || fputs(out.s, f) < 0 || fclose(f) != 0) {
			fprintf(stderr, "ecqcoach cohort: cannot write %s: %s\n", path, strerror(errno));
			rc = -1;
		}
	}
	free(out.s);
	free(old);
	free(path);
	return rc;
}

int
cli_cohort(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "roster", required_argument, NULL, 'r' },
		{ "framework", required_argument, NULL, 'f' },
		{ "plan", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *roster_path = NULL, *fw_id = NULL, *plan = NULL;
	struct framework_set set;
	struct csv_limits lim;
	struct csv_table table;
	struct roster roster;
	struct export_fold *fold;
	struct cohort c;
	struct error err;
	struct stat sb;
	char *fold_path;
	size_t i;
	int ch, status = EXIT_OK;

	while ((ch = getopt_long(argc, argv, "r:f:p:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'r': roster_path = optarg; break;
		case 'f': fw_id = optarg; break;
		case 'p': plan = optarg; break;
		case 'h': usage(); return EXIT_OK;
		default: return cli_usage_error("cohort", "unknown option");
		}
	}
	if (optind >= argc || strcmp(argv[optind], "init") != 0)
		return cli_usage_error("cohort", optind >= argc ? "missing 'init DIR'" :
		    "unknown action '%s' (init)", argv[optind]);
	if (optind + 2 != argc)
		return cli_usage_error("cohort", "give exactly one DIR after 'init'");
	if (roster_path == NULL)
		return cli_usage_error("cohort", "missing --roster ROSTER.csv");
	memset(&c, 0, sizeof c);
	c.dir = argv[optind + 1];
	c.roster_name = roster_path;
	error_clear(&err);

	if (framework_set_load_all(&set, &err) != 0) {
		return cli_fail(&err);
	}
	c.fw = fw_id != NULL ? framework_set_find(&set, fw_id) : framework_set_default(&set);
	if (c.fw == NULL) {
		fprintf(stderr, "ecqcoach: no framework '%s'; 'ecqcoach frameworks' lists them\n",
		    fw_id != NULL ? fw_id : "(none found)");
		framework_set_free(&set);
		return EXIT_DATA;
	}
	if (plan != NULL) {
		errno = 0;
		c.plan = plan_resolve(plan, &err);
		if (c.plan == NULL) {
			framework_set_free(&set);
			return cli_fail(&err);
		}
	}
	roster_csv_limits(&lim);
	if (csv_read_file(roster_path, &lim, &table, &err) != 0) {
		status = cli_fail(&err);
		goto out_plan;
	}
	fold_path = paths_data_file("dictionaries/ascii-fold.txt");
	fold = export_fold_load(fold_path, &err);      /* without it: accents only */
	free(fold_path);
	if (roster_read(&table, roster_path, fold, &roster, &err) != 0) {
		status = cli_fail(&err);
		goto out_table;
	}
	c.own = roster.has_user && geteuid() == 0;
	if (roster.has_user && !c.own)
		fprintf(stderr, "ecqcoach cohort: the user column is used only when run as root; "
		    "the projects stay yours\n");
	if (mkdir(c.dir, c.own ? 0755 : 0700) != 0 && errno != EEXIST) {
		fprintf(stderr, "ecqcoach cohort: cannot make %s: %s\n", c.dir, strerror(errno));
		status = EXIT_DATA;
		goto out_roster;
	}
	if (stat(c.dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		fprintf(stderr, "ecqcoach cohort: %s is not a folder\n", c.dir);
		status = EXIT_DATA;
		goto out_roster;
	}
	for (i = 0; i < roster.n; i++)
		make_one(&c, &roster.people[i]);
	if (c.ini.len > 0 && write_ini(&c) != 0)
		status = EXIT_DATA;
	printf("%s: %zu created, %zu already there, %zu row%s skipped\n", c.dir, c.made,
	    c.existing, c.bad, c.bad == 1 ? "" : "s");
	if (c.bad > 0 || c.made + c.existing == 0)
		status = EXIT_DATA;
	free(c.ini.s);
out_roster:
	roster_free(&roster);
out_table:
	export_fold_free(fold);
	csv_table_free(&table);
out_plan:
	free((char *)c.plan);
	framework_set_free(&set);
	return status;
}
