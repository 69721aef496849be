/* SPDX-License-Identifier: MIT */
/*
 * framework.c: parses the INI files of prompts/ into struct framework (libinih through
 * inisrc.c, which knows line numbers and continuation lines) and checks that
 * what a coordinator wrote is complete. Never prints.
 */
#include "config.h"
#include "framework.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "bounded.h"
#include "inisrc.h"
#include "paths.h"
#include "xalloc.h"

struct parse {
	struct ini_src src;
	struct framework *fw;
	struct fw_ecq *ecq;     /* section being filled, or NULL */
	unsigned seen_sections; /* src.sections when the current section began */
	char last_key[64];      /* key of the previous handler call in this section */
};

static const char *const ccar_names[CCAR_COUNT] = {
	"Challenge", "Context", "Action", "Result"
};

void
strlist_push(struct strlist *l, const char *s)
{
	l->items = xreallocarray(l->items, l->n + 1, sizeof *l->items);
	l->items[l->n++] = xstrdup(s);
}

void
strlist_free(struct strlist *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

bool
strlist_contains(const struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->items[i], s) == 0)
			return true;
	return false;
}

const char *
framework_ccar_name(enum ccar_part part)
{
	return (unsigned)part < CCAR_COUNT ? ccar_names[part] : "?";
}

/* Records "NAME:LINE: message" and returns 0, which stops libinih's caller. */
#define fail(p, ...) ini_src_fail(&(p)->src, __VA_ARGS__)

/* Sets or continues a scalar text field. */
static int
set_text(struct parse *p, char **dst, const char *value)
{
	if (p->src.continuation) {
		if (*dst == NULL)
			return fail(p, "%s", "continuation line without a value to continue");
		ini_src_append(dst, value);
		return 1;
	}
	if (*dst != NULL && **dst != '\0')
		return fail(p, "'%s' is given twice in this section", p->last_key);
	free(*dst);
	*dst = xstrdup(value);
	return 1;
}

/* Adds an item to a list, or continues the last one. */
static int
add_item(struct parse *p, struct strlist *l, const char *value)
{
	if (p->src.continuation) {
		if (l->n == 0)
			return fail(p, "%s", "continuation line without a value to continue");
		ini_src_append(&l->items[l->n - 1], value);
		return 1;
	}
	strlist_push(l, value);
	return 1;
}

static bool
valid_key(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '-'))
			return false;
	return true;
}

static int
parse_bool(struct parse *p, const char *value, bool *out)
{
	if (strcasecmp(value, "yes") == 0 || strcasecmp(value, "true") == 0 || strcmp(value, "1") == 0)
		*out = true;
	else if (strcasecmp(value, "no") == 0 || strcasecmp(value, "false") == 0 || strcmp(value, "0") == 0)
		*out = false;
	else
		return fail(p, "expected yes or no, not '%s'", value);
	return 1;
}

static int
handle_framework(struct parse *p, const char *name, const char *value)
{
	struct framework *fw = p->fw;

	if (strcmp(name, "id") == 0) {
		fw->id_line = p->src.lineno;
		if (!valid_key(value))
			return fail(p, "id '%s' may use only a-z, 0-9 and '-'", value);
		return set_text(p, &fw->id, value);
	}
	if (strcmp(name, "title") == 0)
		return set_text(p, &fw->title, value);
	if (strcmp(name, "in_force") == 0)
		return set_text(p, &fw->in_force, value);
	if (strcmp(name, "source") == 0)
		return set_text(p, &fw->source, value);
	if (strcmp(name, "note") == 0)
		return set_text(p, &fw->note, value);
	if (strcmp(name, "current") == 0) {
		fw->current_line = p->src.lineno;
		return parse_bool(p, value, &fw->current);
	}
	return fail(p, "unknown key '%s' in [framework]", name);
}

static int
handle_rules(struct parse *p, const char *name, const char *value)
{
	struct framework *fw = p->fw;
	char *end;
	double v;
	size_t i;

	errno = 0;
	v = strtod(value, &end);
	if (p->src.continuation || end == value || *end != '\0' || errno != 0)
		return fail(p, "rule value '%s' is not a number", value);
	for (i = 0; i < fw->n_rules; i++)
		if (strcmp(fw->rules[i].key, name) == 0)
			return fail(p, "rule '%s' is given twice", name);
	fw->rules = xreallocarray(fw->rules, fw->n_rules + 1, sizeof *fw->rules);
	fw->rules[fw->n_rules].key = xstrdup(name);
	fw->rules[fw->n_rules].value = v;
	fw->n_rules++;
	return 1;
}

static const char *const doc_shape_names[DOC_SHAPES] = {
	"narrative", "resume", "interview"
};
static const char *const doc_use_names[] = { "no", "optional", "first" };

const char *
framework_doc_shape_name(enum doc_shape sh)
{
	return (unsigned)sh < DOC_SHAPES ? doc_shape_names[sh] : "?";
}

const char *
framework_doc_use_name(enum doc_use u)
{
	return (unsigned)u <= DOC_FIRST ? doc_use_names[u] : "?";
}

/* [documents]: "shape = first|optional|no" and the budgets. */
static int
handle_documents(struct parse *p, const char *name, const char *value)
{
	struct fw_documents *d = &p->fw->docs;
	static const struct { const char *key; size_t off; double min, max; } budgets[] = {
		{ "narrative_pages", offsetof(struct fw_documents, narrative_pages), 1, 100 },
		{ "narrative_pages_per_ecq", offsetof(struct fw_documents, narrative_pages_per_ecq), 0, 100 },
		{ "resume_pages", offsetof(struct fw_documents, resume_pages), 1, 20 },
		{ "resume_line_lines", offsetof(struct fw_documents, resume_line_lines), 1, 20 },
		{ "resume_field_chars", offsetof(struct fw_documents, resume_field_chars), 100, 100000 },
		{ "interview_min_seconds", offsetof(struct fw_documents, interview_min_seconds), 0, 3600 },
		{ "interview_max_seconds", offsetof(struct fw_documents, interview_max_seconds), 1, 3600 },
	};
	size_t i;
	int k;
	char *end;
	double v;

	if (p->src.continuation)
		return fail(p, "%s", "a [documents] value is one line");
	for (k = 0; k < DOC_SHAPES; k++) {
		if (strcmp(name, doc_shape_names[k]) != 0)
			continue;
		for (i = 0; i <= DOC_FIRST; i++)
			if (strcasecmp(value, doc_use_names[i]) == 0) {
				d->use[k] = (enum doc_use)i;
				return 1;
			}
		return fail(p, "%s = '%s': expected first, optional or no", name, value);
	}
	for (i = 0; i < sizeof budgets / sizeof budgets[0]; i++) {
		if (strcmp(name, budgets[i].key) != 0)
			continue;
		errno = 0;
		v = strtod(value, &end);
		if (end == value || *end != '\0' || errno != 0 || !(v >= budgets[i].min && v <= budgets[i].max))
			return fail(p, "%s = '%s': expected a number from %g to %g", name, value,
			    budgets[i].min, budgets[i].max);
		*(double *)(void *)((char *)d + budgets[i].off) = v;
		return 1;
	}
	return fail(p, "unknown key '%s' in [documents] (narrative, resume, interview, "
	    "narrative_pages, narrative_pages_per_ecq, resume_pages, resume_line_lines, "
	    "resume_field_chars, "
	    "interview_min_seconds, interview_max_seconds)", name);
}

static int
handle_ccar(struct parse *p, const char *name, const char *value)
{
	int i;

	for (i = 0; i < CCAR_COUNT; i++)
		if (strcasecmp(name, ccar_names[i]) == 0)
			return set_text(p, &p->fw->ccar[i], value);
	return fail(p, "unknown CCAR part '%s' (challenge, context, action, result)", name);
}

/* "{rule rule} Text" -> rules and text. */
static int
handle_checklist(struct parse *p, const char *name, const char *value)
{
	struct framework *fw = p->fw;
	struct checklist_item *it;
	const char *close, *s;
	char word[64];
	size_t n;

	if (p->src.continuation) {
		if (fw->n_checklist == 0)
			return fail(p, "%s", "continuation line without a value to continue");
		ini_src_append(&fw->checklist[fw->n_checklist - 1].text, value);
		return 1;
	}
	fw->checklist = xreallocarray(fw->checklist, fw->n_checklist + 1, sizeof *fw->checklist);
	it = &fw->checklist[fw->n_checklist++];
	memset(it, 0, sizeof *it);
	if (strcmp(name, "make_sure") == 0)
		it->kind = CHECKLIST_MAKE_SURE;
	else if (strcmp(name, "avoid") == 0)
		it->kind = CHECKLIST_AVOID;
	else {
		it->text = xstrdup("");
		return fail(p, "unknown key '%s' in [checklist] (make_sure, avoid)", name);
	}
	if (*value == '{') {
		close = strchr(value, '}');
		if (close == NULL) {
			it->text = xstrdup("");
			return fail(p, "%s", "'{' without '}' around the rule ids");
		}
		for (s = value + 1; s < close;) {
			while (s < close && (*s == ' ' || *s == ','))
				s++;
			n = 0;
			while (s < close && *s != ' ' && *s != ',' && n < sizeof word - 1)
				word[n++] = *s++;
			word[n] = '\0';
			if (n > 0)
				strlist_push(&it->rules, word);
		}
		value = close + 1;
		while (*value == ' ')
			value++;
	}
	it->text = xstrdup(value);
	if (*value == '\0')
		return fail(p, "%s", "checklist line has no text");
	return 1;
}

static int
handle_ecq(struct parse *p, const char *name, const char *value)
{
	struct fw_ecq *e = p->ecq;

	if (strcmp(name, "title") == 0)
		return set_text(p, &e->title, value);
	if (strcmp(name, "definition") == 0)
		return set_text(p, &e->definition, value);
	if (strcmp(name, "competency") == 0)
		return add_item(p, &e->competencies, value);
	if (strcmp(name, "question") == 0)
		return add_item(p, &e->questions, value);
	if (strcmp(name, "characteristic") == 0)
		return add_item(p, &e->characteristics, value);
	if (strcmp(name, "interview_question") == 0)
		return add_item(p, &e->interview_questions, value);
	return fail(p, "unknown key '%s' in an [ecq:...] section", name);
}

/* Starts a new section when libinih reports a section we have not seen. */
static int
enter_section(struct parse *p, const char *section)
{
	struct framework *fw = p->fw;
	size_t i;

	p->seen_sections = p->src.sections;
	p->last_key[0] = '\0';
	p->ecq = NULL;
	if (strncmp(section, "ecq:", 4) != 0)
		return 1;
	if (!valid_key(section + 4))
		return fail(p, "ECQ key '%s' may use only a-z, 0-9 and '-'", section + 4);
	/* A number names an ECQ by its position (framework_find_ecq). */
	if (strspn(section + 4, "0123456789") == strlen(section + 4))
		return fail(p, "ECQ key '%s' needs a letter; a number names an ECQ by its position",
		    section + 4);
	for (i = 0; i < fw->n_ecqs; i++)
		if (strcmp(fw->ecqs[i].key, section + 4) == 0)
			return fail(p, "section [%s] appears twice", section);
	fw->ecqs = xreallocarray(fw->ecqs, fw->n_ecqs + 1, sizeof *fw->ecqs);
	p->ecq = &fw->ecqs[fw->n_ecqs++];
	memset(p->ecq, 0, sizeof *p->ecq);
	p->ecq->key = xstrdup(section + 4);
	return 1;
}

static int
handler(void *user, const char *section, const char *name, const char *value)
{
	struct parse *p = user;
	int rc;

	if (p->src.failed)
		return 1;       /* keep the first error only */
	if (u8_check((const uint8_t *)value, strlen(value)) != NULL)
		return fail(p, "%s", "text is not valid UTF-8");
	if (p->src.sections != p->seen_sections || p->src.sections == 0)
		if (!enter_section(p, section))
			return 0;
	/* An indented "key = value" right after a section header is a new key
	 * to libinih, not a continuation. */
	if (p->src.continuation && strcmp(name, p->last_key) != 0)
		p->src.continuation = false;
	if (strcmp(section, "framework") == 0)
		rc = handle_framework(p, name, value);
	else if (strcmp(section, "rules") == 0)
		rc = handle_rules(p, name, value);
	else if (strcmp(section, "ccar") == 0)
		rc = handle_ccar(p, name, value);
	else if (strcmp(section, "fundamentals") == 0) {
		if (strcmp(name, "competency") != 0)
			return fail(p, "unknown key '%s' in [fundamentals] (competency)", name);
		rc = add_item(p, &p->fw->fundamentals, value);
	} else if (strcmp(section, "tips") == 0) {
		if (strcmp(name, "tip") != 0)
			return fail(p, "unknown key '%s' in [tips] (tip)", name);
		rc = add_item(p, &p->fw->tips, value);
	} else if (strcmp(section, "checklist") == 0)
		rc = handle_checklist(p, name, value);
	else if (strcmp(section, "documents") == 0) {
		p->fw->docs.given = true;
		rc = handle_documents(p, name, value);
	} else if (p->ecq != NULL)
		rc = handle_ecq(p, name, value);
	else if (section[0] == '\0')
		rc = fail(p, "'%s' comes before any [section]", name);
	else
		rc = fail(p, "unknown section [%s]", section);
	snprintf(p->last_key, sizeof p->last_key, "%s", name);
	return rc;
}

static int
validate(struct parse *p)
{
	struct framework *fw = p->fw;
	size_t i;
	int k;

	if (fw->id == NULL)
		return error_set(p->src.err, ERR_FORMAT, "%s: [framework] has no id", p->src.name);
	if (fw->title == NULL)
		return error_set(p->src.err, ERR_FORMAT, "%s: [framework] has no title", p->src.name);
	if (fw->n_ecqs == 0)
		return error_set(p->src.err, ERR_FORMAT, "%s: no [ecq:...] sections", p->src.name);
	for (i = 0; i < fw->n_ecqs; i++) {
		if (fw->ecqs[i].title == NULL)
			return error_set(p->src.err, ERR_FORMAT, "%s: [ecq:%s] has no title",
			    p->src.name, fw->ecqs[i].key);
		if (fw->ecqs[i].definition == NULL)
			return error_set(p->src.err, ERR_FORMAT, "%s: [ecq:%s] has no definition",
			    p->src.name, fw->ecqs[i].key);
	}
	if (fw->docs.interview_min_seconds > fw->docs.interview_max_seconds)
		return error_set(p->src.err, ERR_FORMAT, "%s: [documents] interview_min_seconds "
		    "is more than interview_max_seconds", p->src.name);
	/* Optional texts become "" so readers need not test for NULL. */
	if (fw->in_force == NULL)
		fw->in_force = xstrdup("");
	if (fw->source == NULL)
		fw->source = xstrdup("");
	if (fw->note == NULL)
		fw->note = xstrdup("");
	for (k = 0; k < CCAR_COUNT; k++)
		if (fw->ccar[k] == NULL)
			fw->ccar[k] = xstrdup("");
	return 0;
}

int
framework_parse(const char *text, size_t len, const char *name,
    struct framework **out, struct error *err)
{
	struct parse p;

	*out = NULL;
	memset(&p, 0, sizeof p);
	p.src.text = text;
	p.src.len = len;
	p.src.name = name;
	p.src.err = err;
	p.fw = xcalloc(1, sizeof *p.fw);
	/* Without [documents] (files and snapshots made before it existed):
	 * the narrative alone, as then. */
	p.fw->docs.use[DOC_NARRATIVE] = DOC_FIRST;
	p.fw->docs.use[DOC_RESUME] = DOC_OPTIONAL;
	p.fw->docs.use[DOC_INTERVIEW] = DOC_OPTIONAL;
	p.fw->docs.resume_pages = 2;
	p.fw->docs.resume_line_lines = 3;
	p.fw->docs.resume_field_chars = 5000;
	p.fw->docs.interview_min_seconds = 120;
	p.fw->docs.interview_max_seconds = 240;
	if (ini_src_run(&p.src, handler, &p) != 0 || validate(&p) != 0) {
		framework_free(p.fw);
		return -1;
	}
	p.fw->text = xstrndup(text, len);
	*out = p.fw;
	return 0;
}

/* Reads a whole file, up to BOUNDED_FRAMEWORK_MAX, into a NUL-terminated buffer. */
static int
read_file(const char *path, char **buf, size_t *len, struct error *err)
{
	FILE *f = fopen(path, "rb");
	int rc;

	if (f == NULL)
		return error_set(err, ERR_IO, "cannot read %s: %s", path, strerror(errno));
	rc = bounded_read(f, path, "a framework file", BOUNDED_FRAMEWORK_MAX, buf, len, err);
	fclose(f);
	return rc;
}

int
framework_load_file(const char *path, struct framework **out, struct error *err)
{
	char *buf = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	if (read_file(path, &buf, &len, err) != 0)
		return -1;
	rc = framework_parse(buf, len, path, out, err);
	if (rc == 0)
		(*out)->path = xstrdup(path);
	free(buf);
	return rc;
}

static void
ecq_free(struct fw_ecq *e)
{
	free(e->key);
	free(e->title);
	free(e->definition);
	strlist_free(&e->competencies);
	strlist_free(&e->questions);
	strlist_free(&e->characteristics);
	strlist_free(&e->interview_questions);
}

void
framework_free(struct framework *fw)
{
	size_t i;
	int k;

	if (fw == NULL)
		return;
	free(fw->id);
	free(fw->title);
	free(fw->in_force);
	free(fw->source);
	free(fw->note);
	for (i = 0; i < fw->n_ecqs; i++)
		ecq_free(&fw->ecqs[i]);
	free(fw->ecqs);
	strlist_free(&fw->fundamentals);
	for (k = 0; k < CCAR_COUNT; k++)
		free(fw->ccar[k]);
	strlist_free(&fw->tips);
	for (i = 0; i < fw->n_checklist; i++) {
		free(fw->checklist[i].text);
		strlist_free(&fw->checklist[i].rules);
	}
	free(fw->checklist);
	for (i = 0; i < fw->n_rules; i++)
		free(fw->rules[i].key);
	free(fw->rules);
	free(fw->text);
	free(fw->path);
	free(fw->shadowed);
	free(fw);
}

double
framework_rule(const struct framework *fw, const char *key, double fallback)
{
	size_t i;

	if (fw == NULL)
		return fallback;
	for (i = 0; i < fw->n_rules; i++)
		if (strcmp(fw->rules[i].key, key) == 0)
			return fw->rules[i].value;
	return fallback;
}

double
framework_narrative_pages(const struct framework *fw)
{
	if (fw != NULL && fw->docs.narrative_pages > 0)
		return fw->docs.narrative_pages;
	return framework_rule(fw, "max_pages", 10);
}

int
framework_find_ecq(const struct framework *fw, const char *s)
{
	char *end;
	long n;
	size_t i;

	n = strtol(s, &end, 10);
	if (end != s && *end == '\0')
		return n >= 1 && (size_t)n <= fw->n_ecqs ? (int)n - 1 : -1;
	for (i = 0; i < fw->n_ecqs; i++)
		if (strcasecmp(fw->ecqs[i].key, s) == 0 || strcasecmp(fw->ecqs[i].title, s) == 0)
			return (int)i;
	return -1;
}

static int
compare_fw(const void *a, const void *b)
{
	const struct framework *const *x = a, *const *y = b;

	return strcmp((*x)->id, (*y)->id);
}

int
framework_set_load(const char *dir, struct framework_set *set, struct error *err)
{
	DIR *d;
	struct dirent *de;
	struct framework *fw;
	char *path;
	size_t len, i;

	memset(set, 0, sizeof *set);
	d = opendir(dir);
	if (d == NULL)
		return error_set(err, ERR_IO, "cannot open the prompts folder %s: %s "
		    "(set ECQCOACH_DATADIR to the folder that holds prompts/)", dir, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 4, ".ini") != 0 || de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (framework_load_file(path, &fw, err) != 0) {
			free(path);
			closedir(d);
			framework_set_free(set);
			return -1;
		}
		free(path);
		for (i = 0; i < set->n; i++)
			if (strcmp(set->fws[i]->id, fw->id) == 0) {
				error_set(err, ERR_FORMAT, "%s/%s: framework id '%s' is used by another file too",
				    dir, de->d_name, fw->id);
				framework_free(fw);
				closedir(d);
				framework_set_free(set);
				return -1;
			}
		set->fws = xreallocarray(set->fws, set->n + 1, sizeof *set->fws);
		set->fws[set->n++] = fw;
	}
	closedir(d);
	if (set->n > 1)
		qsort(set->fws, set->n, sizeof *set->fws, compare_fw);
	return 0;
}

int
framework_set_load_all(struct framework_set *set, struct error *err)
{
	struct strlist dirs = { 0 };
	struct framework_set more;
	struct framework *fw;
	size_t d, i, j;
	int rc = -1;

	memset(set, 0, sizeof *set);
	if (paths_prompt_dirs(&dirs, err) != 0)
		goto out;
	for (d = 0; d < dirs.n; d++) {
		if (framework_set_load(dirs.items[d], &more, err) != 0) {
			framework_set_free(set);
			goto out;
		}
		for (i = 0; i < more.n; i++) {
			fw = more.fws[i];
			for (j = 0; j < set->n; j++)
				if (strcmp(set->fws[j]->id, fw->id) == 0)
					break;
			if (j < set->n) {
				fw->shadowed = xstrdup(set->fws[j]->path != NULL ? set->fws[j]->path : "");
				framework_free(set->fws[j]);
				set->fws[j] = fw;
			} else {
				set->fws = xreallocarray(set->fws, set->n + 1, sizeof *set->fws);
				set->fws[set->n++] = fw;
			}
		}
		free(more.fws);
	}
	if (set->n > 1)
		qsort(set->fws, set->n, sizeof *set->fws, compare_fw);
	rc = 0;
out:
	strlist_free(&dirs);
	return rc;
}

/* Lines of text where libinih cuts a value at an inline comment: white
 * space then ';' in a line that is not itself a comment. */
static void
check_inline_comments(const char *text, size_t len, const char *name, struct strlist *problems)
{
	size_t pos = 0, end, i;
	int line = 0;
	char *msg;

	while (pos < len) {
		line++;
		end = pos;
		while (end < len && text[end] != '\n')
			end++;
		i = pos;
		while (i < end && (text[i] == ' ' || text[i] == '\t'))
			i++;
		if (i < end && text[i] != ';' && text[i] != '#' && text[i] != '[') {
			for (; i + 1 < end; i++)
				if ((text[i] == ' ' || text[i] == '\t') && text[i + 1] == ';')
					break;
			if (i + 1 < end) {
				msg = xasprintf("%s:%d: the value is cut at \" ;\" (read as a comment): "
				    "\"%.*s\" is lost; write ',' or ' -' instead of ';' after a space",
				    name, line, (int)(end - i - 1 > 60 ? 60 : end - i - 1), text + i + 1);
				strlist_push(problems, msg);
				free(msg);
			}
		}
		pos = end < len ? end + 1 : end;
	}
}

/* The line a list item starts on: the n-th (0-based) "key =" line of the
 * section [section] in text; 0 when not found. */
static int
item_line(const char *text, const char *section, const char *key, size_t n)
{
	const char *s = text, *nl;
	size_t klen = strlen(key), slen = strlen(section), seen = 0;
	int line = 0, in = 0;

	for (; *s; s = nl + 1) {
		const char *t = s;

		line++;
		nl = strchr(s, '\n');
		while (*t == ' ' || *t == '\t')
			t++;
		if (*t == '[')
			in = strncmp(t + 1, section, slen) == 0 && t[1 + slen] == ']';
		else if (in && t == s && strncmp(t, key, klen) == 0 &&
		    (t[klen] == ' ' || t[klen] == '=' || t[klen] == '\t') && seen++ == n)
			return line;
		if (nl == NULL)
			break;
	}
	return 0;
}

/* A focus question, competency or interview question given twice in one ECQ. */
static void
check_duplicates(const struct framework *fw, const char *name, struct strlist *problems)
{
	static const char *const keys[] = { "question", "competency", "interview_question" };
	char *section, *msg;
	size_t e, i, j, k;

	for (e = 0; e < fw->n_ecqs; e++) {
		section = xasprintf("ecq:%s", fw->ecqs[e].key);
		for (k = 0; k < 3; k++) {
			const struct strlist *l = k == 0 ? &fw->ecqs[e].questions :
			    k == 1 ? &fw->ecqs[e].competencies : &fw->ecqs[e].interview_questions;

			for (i = 1; i < l->n; i++)
				for (j = 0; j < i; j++) {
					if (strcasecmp(l->items[i], l->items[j]) != 0)
						continue;
					msg = xasprintf("%s:%d: this %s is given twice in [%s] "
					    "(first on line %d): \"%s\"", name,
					    item_line(fw->text, section, keys[k], i), keys[k], section,
					    item_line(fw->text, section, keys[k], j), l->items[i]);
					strlist_push(problems, msg);
					free(msg);
					break;
				}
		}
		free(section);
	}
}

static int
compare_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
framework_check_dir(const char *dir, struct strlist *problems, struct error *err)
{
	DIR *d;
	struct dirent *de;
	struct strlist files = { 0 };
	struct framework **fws;
	struct error ferr;
	char *path, *msg, *text;
	const char *base;
	size_t i, j, len, n_read = 0;

	d = opendir(dir);
	if (d == NULL)
		return error_set(err, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
		    "cannot open the folder %s: %s", dir, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len >= 5 && strcmp(de->d_name + len - 4, ".ini") == 0 && de->d_name[0] != '.')
			strlist_push(&files, de->d_name);
	}
	closedir(d);
	if (files.n > 1)
		qsort(files.items, files.n, sizeof *files.items, compare_str);
	fws = xcalloc(files.n + 1, sizeof *fws);
	for (i = 0; i < files.n; i++) {
		path = xasprintf("%s/%s", dir, files.items[i]);
		text = NULL;
		len = 0;
		error_clear(&ferr);
		if (read_file(path, &text, &len, &ferr) == 0) {
			n_read++;
			check_inline_comments(text, len, path, problems);
			if (framework_parse(text, len, path, &fws[i], &ferr) == 0)
				fws[i]->path = xstrdup(path);
		}
		if (fws[i] == NULL) {
			/* "NAME:LINE: ..." already, or "NAME: ..." */
			strlist_push(problems, ferr.msg);
		}
		free(text);
		free(path);
	}
	for (i = 0; i < files.n; i++) {
		const struct framework *fw = fws[i];

		if (fw == NULL)
			continue;
		base = files.items[i];
		len = strlen(base) - 4;
		if (strlen(fw->id) != len || strncmp(fw->id, base, len) != 0) {
			msg = xasprintf("%s:%d: the id '%s' differs from the file name; name the file "
			    "%s.ini so the id is found where it is looked for", fw->path, fw->id_line,
			    fw->id, fw->id);
			strlist_push(problems, msg);
			free(msg);
		}
		check_duplicates(fw, fw->path, problems);
		for (j = 0; j < i; j++) {
			if (fws[j] == NULL)
				continue;
			if (fw->current && fws[j]->current) {
				msg = xasprintf("%s:%d: 'current = yes' here and in %s:%d; only one "
				    "framework can be the default for new projects", fw->path,
				    fw->current_line, fws[j]->path, fws[j]->current_line);
				strlist_push(problems, msg);
				free(msg);
			}
			if (strcmp(fw->id, fws[j]->id) == 0) {
				msg = xasprintf("%s:%d: the id '%s' is used by %s too", fw->path,
				    fw->id_line, fw->id, fws[j]->path);
				strlist_push(problems, msg);
				free(msg);
			}
		}
	}
	for (i = 0; i < files.n; i++)
		framework_free(fws[i]);
	free(fws);
	strlist_free(&files);
	return (int)n_read;
}

void
framework_set_free(struct framework_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		framework_free(set->fws[i]);
	free(set->fws);
	set->fws = NULL;
	set->n = 0;
}

const struct framework *
framework_set_find(const struct framework_set *set, const char *id)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->fws[i]->id, id) == 0)
			return set->fws[i];
	return NULL;
}

const struct framework *
framework_set_default(const struct framework_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (set->fws[i]->current)
			return set->fws[i];
	return set->n > 0 ? set->fws[set->n - 1] : NULL;
}
