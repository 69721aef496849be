/* SPDX-License-Identifier: MIT */
/*
 * docx.c: reads the body of a Word (.docx) or OpenDocument (.odt) file
 * through libzip and libxml2's streaming reader and writes it as the text
 * the importer understands. Every inflated entry and the text made from it
 * stay under BOUNDED_DRAFT_MAX; XML is read with no network, no DTD and no
 * entity expansion. Prints nothing (libxml2's messages are caught).
 */
#include "config.h"
#include "docx.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#include "bounded.h"
#include "strbuf.h"
#include "xalloc.h"

#define NS_MAX_STYLES 4096      /* styles remembered from styles.xml */
#define SPAN_DEPTH 32           /* nested ODF spans whose boldness is tracked */

enum docx_kind
docx_sniff(const char *data, size_t len, const char *name)
{
	static const char ole[8] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
	const char *dot = name != NULL ? strrchr(name, '.') : NULL;

	if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0)
		return DOCX_ZIP;
	if (len >= 8 && memcmp(data, ole, 8) == 0)
		return DOCX_OLE;
	if (dot != NULL && (strcasecmp(dot, ".docx") == 0 || strcasecmp(dot, ".docm") == 0 ||
	    strcasecmp(dot, ".odt") == 0))
		return DOCX_NAMED;
	return DOCX_NONE;
}

/* ---- the archive --------------------------------------------------------- */

/* Inflates entry idx of za into a new NUL-terminated buffer, refusing as
 * soon as it passes BOUNDED_DRAFT_MAX, whatever the archive claims. */
static int
read_entry(zip_t *za, zip_int64_t idx, const char *name, const char *entry, char **out,
    size_t *out_len, struct error *err)
{
	size_t cap = 65536, n = 0;
	zip_file_t *zf;
	char *buf;

	*out = NULL;
	zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
	if (zf == NULL) {
		int ze = zip_error_code_zip(zip_get_error(za));

		if (ze == ZIP_ER_NOPASSWD || ze == ZIP_ER_WRONGPASSWD || ze == ZIP_ER_ENCRNOTSUPP)
			return error_set(err, ERR_FORMAT, "%s is password-protected: remove the "
			    "password in your word processor, save it again, then try again", name);
		return error_set(err, ERR_FORMAT, "%s is damaged: %s cannot be read (%s); open "
		    "it in your word processor and save it again", name, entry,
		    zip_strerror(za));
	}
	buf = xmalloc(cap);
	for (;;) {
		zip_int64_t got;

		if (cap - n < 2) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		got = zip_fread(zf, buf + n, cap - n - 1);
		if (got < 0) {
			error_set(err, ERR_FORMAT, "%s is damaged: %s cannot be unpacked (%s); open "
			    "it in your word processor and save it again", name, entry,
			    zip_file_strerror(zf));
			goto fail;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n > BOUNDED_DRAFT_MAX) {
			error_set(err, ERR_FORMAT, "%s: %s expands past the limit of %zu MiB for a "
			    "draft (a zip bomb or a huge document); nothing past the limit was "
			    "unpacked", name, entry, BOUNDED_DRAFT_MAX >> 20);
			goto fail;
		}
	}
	zip_fclose(zf);
	buf[n] = '\0';
	*out = buf;
	*out_len = n;
	return 0;
fail:
	zip_fclose(zf);
	free(buf);
	return -1;
}

/* The entry's index, or -1 when the archive has none of that name. */
static zip_int64_t
find_entry(zip_t *za, const char *entry)
{
	zip_int64_t i = zip_name_locate(za, entry, 0);

	return i >= 0 ? i : zip_name_locate(za, entry, ZIP_FL_NOCASE);
}

/* ---- paragraphs, as the importer will read them -------------------------- */

struct conv {
	const char *name;
	struct strbuf out;
	/* the paragraph being read */
	struct strbuf para;
	bool in_para;
	int heading;            /* 1..6, or 0 */
	bool list;
	size_t bold_end;        /* bytes of para that open it in bold */
	bool bold_open;         /* nothing but bold text so far */
	bool too_big;
};

static void
para_begin(struct conv *c)
{
	c->para.len = 0;
	if (c->para.s != NULL)
		c->para.s[0] = '\0';
	c->in_para = true;
	c->heading = 0;
	c->list = false;
	c->bold_end = 0;
	c->bold_open = true;
}

/* Adds text of a run; control characters become spaces, a line break
 * inside a paragraph is kept (c: '\n'). */
static void
para_text(struct conv *c, const char *s, size_t n, bool bold)
{
	size_t i, start = c->para.len;
	bool blank = true;

	if (!c->in_para || n == 0)
		return;
	strbuf_add(&c->para, s, n);
	for (i = start; i < c->para.len; i++) {
		unsigned char ch = (unsigned char)c->para.s[i];

		if ((ch < 0x20 && ch != '\t') || ch == 0x7f)
			c->para.s[i] = ' ';
		if (c->para.s[i] != ' ' && c->para.s[i] != '\t')
			blank = false;
	}
	if (c->bold_open && bold)
		c->bold_end = c->para.len;
	else if (c->bold_open && !(blank && c->bold_end == 0 && start == 0) && !blank)
		c->bold_open = false;
}

static void
para_break(struct conv *c)
{
	if (c->in_para)
		strbuf_add(&c->para, "\n", 1);
	c->bold_open = false;
}

static bool
is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n';
}

/* Writes the paragraph: "# " heading, "• " list item, "**bold**" opening. */
static void
para_end(struct conv *c)
{
	const char *s = c->para.s;
	size_t a = 0, b = c->para.len, bold;

	if (!c->in_para)
		return;
	c->in_para = false;
	if (s == NULL)
		return;
	while (a < b && is_blank(s[a]))
		a++;
	while (b > a && is_blank(s[b - 1]))
		b--;
	if (a == b)
		return;
	if (c->out.len > 0)
		strbuf_add(&c->out, "\n\n", 2);
	if (c->heading > 0) {
		strbuf_add(&c->out, "######", (size_t)(c->heading > 6 ? 6 : c->heading));
		strbuf_add(&c->out, " ", 1);
		strbuf_add(&c->out, s + a, b - a);
		goto done;
	}
	if (c->list)
		strbuf_add(&c->out, "\xe2\x80\xa2 ", 4);
	bold = c->bold_end > b ? b : c->bold_end;
	if (bold > a) {
		const char *nl = memchr(s + a, '\n', bold - a);
		size_t be;

		if (nl != NULL)
			bold = (size_t)(nl - s);
		be = bold;
		while (be > a && is_blank(s[be - 1]))
			be--;
		if (be > a) {
			strbuf_add(&c->out, "**", 2);
			strbuf_add(&c->out, s + a, be - a);
			strbuf_add(&c->out, "**", 2);
			a = be;
		}
	}
	strbuf_add(&c->out, s + a, b - a);
done:
	if (c->out.len > BOUNDED_DRAFT_MAX)
		c->too_big = true;
}

/* ---- XML ----------------------------------------------------------------- */

struct xmlerr {
	char msg[200];
	int line;
};

static void
reader_error(void *arg, const char *msg, xmlParserSeverities sev, xmlTextReaderLocatorPtr loc)
{
	struct xmlerr *e = arg;

	if (sev != XML_PARSER_SEVERITY_ERROR && sev != XML_PARSER_SEVERITY_VALIDITY_ERROR)
		return;
	if (e->msg[0] != '\0')
		return;
	snprintf(e->msg, sizeof e->msg, "%s", msg);
	e->msg[strcspn(e->msg, "\n")] = '\0';
	e->line = xmlTextReaderLocatorLineNumber(loc);
}

/* A reader over buf with no network, no DTD loading, no entity expansion
 * and libxml2's own messages caught in *e. */
static xmlTextReaderPtr
open_reader(const char *buf, size_t len, const char *entry, struct xmlerr *e)
{
	xmlTextReaderPtr r;

	memset(e, 0, sizeof *e);
	if (len > (size_t)INT32_MAX)
		return NULL;
	r = xmlReaderForMemory(buf, (int)len, entry, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (r != NULL)
		xmlTextReaderSetErrorHandler(r, reader_error, e);
	return r;
}

static int
xml_failed(const char *name, const char *entry, const struct xmlerr *e, struct error *err)
{
	if (e->msg[0] != '\0')
		return error_set(err, ERR_FORMAT, "%s is damaged: %s line %d: %s; open it in your "
		    "word processor and save it again", name, entry, e->line, e->msg);
	return error_set(err, ERR_FORMAT, "%s is damaged: %s is not well-formed XML; open it "
	    "in your word processor and save it again", name, entry);
}

static bool
is(xmlTextReaderPtr r, const char *local)
{
	const xmlChar *n = xmlTextReaderConstLocalName(r);

	return n != NULL && strcmp((const char *)n, local) == 0;
}

/* The value of the attribute with that local name (any namespace), or
 * NULL; the caller frees it with xmlFree. */
static char *
attr(xmlTextReaderPtr r, const char *local)
{
	char *v = NULL;

	if (xmlTextReaderMoveToFirstAttribute(r) != 1)
		return NULL;
	do {
		const xmlChar *n = xmlTextReaderConstLocalName(r);

		if (n != NULL && strcmp((const char *)n, local) == 0) {
			v = (char *)xmlTextReaderValue(r);
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(r) == 1);
	xmlTextReaderMoveToElement(r);
	return v;
}

/* True unless the attribute says off: <w:b/>, <w:b w:val="true"/>. */
static bool
attr_on(xmlTextReaderPtr r)
{
	char *v = attr(r, "val");
	bool on = v == NULL || !(strcmp(v, "0") == 0 || strcasecmp(v, "false") == 0 ||
	    strcasecmp(v, "off") == 0 || strcasecmp(v, "none") == 0);

	xmlFree(v);
	return on;
}

/* A DTD or an entity reference: neither Word nor LibreOffice writes one. */
static bool
forbidden_node(int type)
{
	return type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
	    type == XML_READER_TYPE_ENTITY;
}

static int
dtd_refused(const char *name, const char *entry, struct error *err)
{
	return error_set(err, ERR_FORMAT, "%s is damaged: %s declares a DTD or entities, "
	    "which a word processor never writes; open it in your word processor and save "
	    "it again", name, entry);
}

/* ---- Word ---------------------------------------------------------------- */

struct wstyle {
	char *id;
	int heading;            /* outline level 1..9, or 0 */
	bool list;
	bool bold;              /* a character style that is bold ("Strong") */
};

struct wstyles {
	struct wstyle *v;
	size_t n;
};

/* "heading 2" (any case), "Title": the heading level a style name gives. */
static int
heading_of_name(const char *name)
{
	if (strncasecmp(name, "heading", 7) == 0) {
		const char *d = name + 7;

		while (*d == ' ')
			d++;
		if (*d >= '1' && *d <= '9' && d[1] == '\0')
			return *d - '0';
	}
	if (strcasecmp(name, "title") == 0)
		return 1;
	return 0;
}

/* Reads styles.xml (optional): which styles are headings, lists or bold. */
static int
word_styles(const char *buf, size_t len, const char *name, struct wstyles *st,
    struct error *err)
{
	struct xmlerr e;
	xmlTextReaderPtr r = open_reader(buf, len, "word/styles.xml", &e);
	struct wstyle *cur = NULL;
	bool in_ppr = false;
	int rc, depth_style = -1;

	if (r == NULL)
		return xml_failed(name, "word/styles.xml", &e, err);
	while ((rc = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);

		if (forbidden_node(type)) {
			xmlFreeTextReader(r);
			return dtd_refused(name, "word/styles.xml", err);
		}
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (is(r, "style") && xmlTextReaderDepth(r) == depth_style)
				cur = NULL;
			else if (is(r, "pPr"))
				in_ppr = false;
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (is(r, "style") && !xmlTextReaderIsEmptyElement(r) && st->n < NS_MAX_STYLES) {
			char *id = attr(r, "styleId");

			if (id == NULL)
				continue;
			st->v = xreallocarray(st->v, st->n + 1, sizeof *st->v);
			cur = &st->v[st->n++];
			memset(cur, 0, sizeof *cur);
			cur->id = xstrdup(id);
			xmlFree(id);
			depth_style = xmlTextReaderDepth(r);
		} else if (cur != NULL && is(r, "name")) {
			char *v = attr(r, "val");

			if (v != NULL) {
				if (cur->heading == 0)
					cur->heading = heading_of_name(v);
				if (strncasecmp(v, "list bullet", 11) == 0 ||
				    strncasecmp(v, "list number", 11) == 0)
					cur->list = true;
				if (strcasecmp(v, "strong") == 0)
					cur->bold = true;
			}
			xmlFree(v);
		} else if (cur != NULL && is(r, "pPr")) {
			in_ppr = !xmlTextReaderIsEmptyElement(r);
		} else if (cur != NULL && in_ppr && is(r, "outlineLvl")) {
			char *v = attr(r, "val");

			if (v != NULL && v[0] >= '0' && v[0] <= '8' && v[1] == '\0')
				cur->heading = v[0] - '0' + 1;
			xmlFree(v);
		} else if (cur != NULL && in_ppr && is(r, "numPr")) {
			cur->list = true;
		} else if (cur != NULL && !in_ppr && is(r, "b")) {
			cur->bold = attr_on(r);
		}
	}
	xmlFreeTextReader(r);
	if (rc < 0)
		return xml_failed(name, "word/styles.xml", &e, err);
	return 0;
}

static const struct wstyle *
style_find(const struct wstyles *st, const char *id)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		if (strcmp(st->v[i].id, id) == 0)
			return &st->v[i];
	return NULL;
}

static void
styles_free(struct wstyles *st)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		free(st->v[i].id);
	free(st->v);
}

/* Walks word/document.xml: w:p paragraphs, w:r runs, w:t text. */
static int
word_body(struct conv *c, const char *buf, size_t len, const struct wstyles *st,
    struct error *err)
{
	struct xmlerr e;
	xmlTextReaderPtr r = open_reader(buf, len, "word/document.xml", &e);
	bool in_ppr = false, in_rpr = false, bold = false, in_t = false, body = false;
	bool skip = false;
	int rc = 1;

	if (r == NULL)
		return xml_failed(c->name, "word/document.xml", &e, err);
	/* After a skipped subtree, Next() has already moved on: read no further. */
	while (!c->too_big && (rc = skip ? xmlTextReaderNext(r) : xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);
		bool empty;

		skip = false;

		if (forbidden_node(type)) {
			xmlFreeTextReader(r);
			return dtd_refused(c->name, "word/document.xml", err);
		}
		if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
		    type == XML_READER_TYPE_CDATA) {
			const char *v = (const char *)xmlTextReaderConstValue(r);

			if (in_t && v != NULL)
				para_text(c, v, strlen(v), bold);
			continue;
		}
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (is(r, "p"))
				para_end(c);
			else if (is(r, "pPr"))
				in_ppr = false;
			else if (is(r, "rPr"))
				in_rpr = false;
			else if (is(r, "t"))
				in_t = false;
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		empty = xmlTextReaderIsEmptyElement(r);
		if (is(r, "body")) {
			body = true;
		} else if (is(r, "Fallback")) {
			/* mc:AlternateContent: the Choice has the same text. */
			skip = !empty;
			continue;
		} else if (is(r, "p")) {
			para_end(c);    /* a paragraph in a text box inside another */
			para_begin(c);
			if (empty)
				para_end(c);
		} else if (is(r, "pPr")) {
			in_ppr = !empty;
		} else if (is(r, "pStyle") && in_ppr) {
			char *v = attr(r, "val");
			const struct wstyle *s = v != NULL ? style_find(st, v) : NULL;

			if (s != NULL) {
				c->heading = s->heading;
				c->list = s->list;
			} else if (v != NULL) {
				c->heading = heading_of_name(v);        /* "Heading1" with no styles.xml */
				if (c->heading == 0 && strncasecmp(v, "heading", 7) == 0 &&
				    v[7] >= '1' && v[7] <= '9' && v[8] == '\0')
					c->heading = v[7] - '0';
			}
			xmlFree(v);
		} else if (is(r, "outlineLvl") && in_ppr) {
			char *v = attr(r, "val");

			if (v != NULL && v[0] >= '0' && v[0] <= '8' && v[1] == '\0')
				c->heading = v[0] - '0' + 1;
			xmlFree(v);
		} else if (is(r, "numPr") && in_ppr) {
			c->list = true;
		} else if (is(r, "r")) {
			bold = false;
		} else if (is(r, "rPr") && !in_ppr) {
			in_rpr = !empty;
		} else if (in_rpr && (is(r, "b") || is(r, "bCs"))) {
			if (is(r, "b"))
				bold = attr_on(r);
		} else if (in_rpr && is(r, "rStyle")) {
			char *v = attr(r, "val");
			const struct wstyle *s = v != NULL ? style_find(st, v) : NULL;

			if (s != NULL && s->bold)
				bold = true;
			xmlFree(v);
		} else if (is(r, "t")) {
			in_t = !empty;
		} else if (is(r, "tab") && !in_ppr) {
			para_text(c, "\t", 1, bold);
		} else if (is(r, "br") || is(r, "cr")) {
			para_break(c);
		}
	}
	xmlFreeTextReader(r);
	if (rc < 0)
		return xml_failed(c->name, "word/document.xml", &e, err);
	if (!body)
		return error_set(err, ERR_FORMAT, "%s is damaged: word/document.xml has no "
		    "document body; open it in your word processor and save it again", c->name);
	para_end(c);
	return 0;
}

static int
word_convert(struct conv *c, zip_t *za, struct error *err)
{
	zip_int64_t ct = find_entry(za, "[Content_Types].xml");
	zip_int64_t doc = find_entry(za, "word/document.xml");
	zip_int64_t sty = find_entry(za, "word/styles.xml");
	struct wstyles st = { NULL, 0 };
	char *types = NULL, *buf = NULL;
	size_t len;
	int rc = -1;

	if (read_entry(za, ct, c->name, "[Content_Types].xml", &types, &len, err) < 0)
		return -1;
	if (doc < 0) {
		if (strstr(types, "macroEnabled") != NULL || find_entry(za, "word/vbaProject.bin") >= 0)
			error_set(err, ERR_FORMAT, "%s holds macros but no document text "
			    "(word/document.xml): open it in Word and save it as a .docx document",
			    c->name);
		else if (strstr(types, "wordprocessingml") != NULL)
			error_set(err, ERR_FORMAT, "%s is damaged: it has no word/document.xml; "
			    "open it in your word processor and save it again", c->name);
		else
			error_set(err, ERR_FORMAT, "%s is an Office file but not a Word document "
			    "(a spreadsheet or a presentation?): save the narrative as .docx, "
			    ".odt or .txt", c->name);
		goto done;
	}
	if (sty >= 0) {
		if (read_entry(za, sty, c->name, "word/styles.xml", &buf, &len, err) < 0 ||
		    word_styles(buf, len, c->name, &st, err) < 0)
			goto done;
		free(buf);
		buf = NULL;
	}
	if (read_entry(za, doc, c->name, "word/document.xml", &buf, &len, err) < 0)
		goto done;
	rc = word_body(c, buf, len, &st, err);
done:
	styles_free(&st);
	free(types);
	free(buf);
	return rc;
}

/* ---- OpenDocument -------------------------------------------------------- */

/* Walks content.xml: text:h headings, text:p paragraphs (list items inside
 * text:list-item), bold spans by their automatic style. */
static int
odt_body(struct conv *c, const char *buf, size_t len, struct error *err)
{
	struct xmlerr e;
	xmlTextReaderPtr r = open_reader(buf, len, "content.xml", &e);
	struct strlist_like { char **v; size_t n; } bolds = { NULL, 0 };
	char *cur_style = NULL;
	bool span_bold[SPAN_DEPTH + 1], para_bold = false, text = false, skip = false;
	int span = 0, list_depth = 0, rc = 1;
	size_t i;

	if (r == NULL)
		return xml_failed(c->name, "content.xml", &e, err);
	span_bold[0] = false;
	while (!c->too_big && (rc = skip ? xmlTextReaderNext(r) : xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);
		bool empty;

		skip = false;

		if (forbidden_node(type)) {
			rc = -2;
			break;
		}
		if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
		    type == XML_READER_TYPE_CDATA) {
			const char *v = (const char *)xmlTextReaderConstValue(r);

			if (v != NULL && c->in_para)
				para_text(c, v, strlen(v), para_bold || span_bold[span]);
			continue;
		}
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (is(r, "p") || is(r, "h"))
				para_end(c);
			else if (is(r, "span") && span > 0)
				span--;
			else if (is(r, "list-item") && list_depth > 0)
				list_depth--;
			else if (is(r, "style")) {
				free(cur_style);
				cur_style = NULL;
			}
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		empty = xmlTextReaderIsEmptyElement(r);
		if (is(r, "text") && !empty) {
			text = true;
		} else if (is(r, "style") && !text && !empty) {
			char *n = attr(r, "name");

			free(cur_style);
			cur_style = n != NULL ? xstrdup(n) : NULL;
			xmlFree(n);
		} else if (is(r, "text-properties") && cur_style != NULL) {
			char *w = attr(r, "font-weight");

			if (w != NULL && (strcmp(w, "bold") == 0 || atoi(w) >= 600) &&
			    bolds.n < NS_MAX_STYLES) {
				bolds.v = xreallocarray(bolds.v, bolds.n + 1, sizeof *bolds.v);
				bolds.v[bolds.n++] = xstrdup(cur_style);
			}
			xmlFree(w);
		} else if (!text) {
			continue;
		} else if (is(r, "note") || is(r, "annotation") || is(r, "tracked-changes")) {
			/* Footnotes, comments and deleted text are not the narrative. */
			skip = !empty;
			continue;
		} else if (is(r, "p") || is(r, "h")) {
			char *sn = attr(r, "style-name");

			para_end(c);
			para_begin(c);
			para_bold = false;
			for (i = 0; sn != NULL && i < bolds.n; i++)
				if (strcmp(bolds.v[i], sn) == 0)
					para_bold = true;
			xmlFree(sn);
			if (is(r, "h")) {
				char *lv = attr(r, "outline-level");

				c->heading = lv != NULL && atoi(lv) >= 1 ? atoi(lv) : 1;
				xmlFree(lv);
			}
			c->list = list_depth > 0;
			if (empty)
				para_end(c);
		} else if (is(r, "list-item") && !empty) {
			list_depth++;
		} else if (is(r, "span") && !empty) {
			char *sn = attr(r, "style-name");
			bool b = span_bold[span];

			for (i = 0; sn != NULL && i < bolds.n; i++)
				if (strcmp(bolds.v[i], sn) == 0)
					b = true;
			if (sn != NULL && strcmp(sn, "Strong_20_Emphasis") == 0)
				b = true;
			xmlFree(sn);
			if (span < SPAN_DEPTH)
				span++;
			span_bold[span] = b;
		} else if (is(r, "s")) {
			char *cn = attr(r, "c");
			int k = cn != NULL ? atoi(cn) : 1;

			xmlFree(cn);
			for (; k > 0 && k <= 100; k--)
				para_text(c, " ", 1, para_bold || span_bold[span]);
		} else if (is(r, "tab")) {
			para_text(c, "\t", 1, para_bold || span_bold[span]);
		} else if (is(r, "line-break")) {
			para_break(c);
		}
	}
	xmlFreeTextReader(r);
	for (i = 0; i < bolds.n; i++)
		free(bolds.v[i]);
	free(bolds.v);
	free(cur_style);
	if (rc == -2)
		return dtd_refused(c->name, "content.xml", err);
	if (rc < 0)
		return xml_failed(c->name, "content.xml", &e, err);
	if (!text)
		return error_set(err, ERR_FORMAT, "%s is an OpenDocument file with no text body "
		    "(content.xml has no office:text): save the narrative as .odt, .docx or .txt",
		    c->name);
	para_end(c);
	return 0;
}

static int
odt_convert(struct conv *c, zip_t *za, const char *mime, struct error *err)
{
	zip_int64_t idx;
	char *buf = NULL;
	size_t len;
	int rc;

	if (strncmp(mime, "application/vnd.oasis.opendocument.text", 39) != 0)
		return error_set(err, ERR_FORMAT, "%s is an OpenDocument file but not a text "
		    "document (%.60s): save the narrative as .odt, .docx or .txt", c->name, mime);
	idx = find_entry(za, "content.xml");
	if (idx < 0)
		return error_set(err, ERR_FORMAT, "%s is damaged: it has no content.xml; open "
		    "it in your word processor and save it again", c->name);
	if (find_entry(za, "META-INF/manifest.xml") >= 0) {
		char *man = NULL;
		size_t ml;

		if (read_entry(za, find_entry(za, "META-INF/manifest.xml"), c->name,
		    "META-INF/manifest.xml", &man, &ml, err) < 0)
			return -1;
		rc = strstr(man, "encryption-data") != NULL;
		free(man);
		if (rc)
			return error_set(err, ERR_FORMAT, "%s is password-protected: remove the "
			    "password in your word processor, save it again, then try again", c->name);
	}
	if (read_entry(za, idx, c->name, "content.xml", &buf, &len, err) < 0)
		return -1;
	rc = odt_body(c, buf, len, err);
	free(buf);
	return rc;
}

/* ---- the whole file ------------------------------------------------------ */

int
docx_to_text(const char *data, size_t len, const char *name, char **text,
    size_t *text_len, struct error *err)
{
	struct conv c;
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za = NULL;
	zip_int64_t mt;
	int rc = -1;

	*text = NULL;
	*text_len = 0;
	switch (docx_sniff(data, len, name)) {
	case DOCX_OLE:
		return error_set(err, ERR_FORMAT, "%s is a password-protected Word file or an "
		    "old binary .doc: ecqcoach reads .docx, .odt and text; remove the password "
		    "(or save it as .docx) and try again", name);
	case DOCX_NAMED:
		return error_set(err, ERR_FORMAT, "%s is damaged or misnamed: its name says a "
		    "Word or OpenDocument file but it is not a zip archive; open it in your word "
		    "processor and save it again", name);
	case DOCX_NONE:
		return error_set(err, ERR_FORMAT, "%s is not a Word or OpenDocument file", name);
	case DOCX_ZIP:
		break;
	}
	memset(&c, 0, sizeof c);
	c.name = name;
	strbuf_add(&c.out, "", 0);
	xmlInitParser();
	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (src != NULL) {
		za = zip_open_from_source(src, ZIP_RDONLY, &ze);
		if (za == NULL)
			zip_source_free(src);
	}
	if (za == NULL) {
		error_set(err, ERR_FORMAT, "%s is damaged: not a readable zip archive (%s); open "
		    "it in your word processor and save it again", name, zip_error_strerror(&ze));
		goto done;
	}
	mt = find_entry(za, "mimetype");
	if (mt >= 0) {
		char *mime = NULL;
		size_t ml;

		if (read_entry(za, mt, name, "mimetype", &mime, &ml, err) < 0)
			goto done;
		rc = odt_convert(&c, za, mime, err);
		free(mime);
	} else if (find_entry(za, "[Content_Types].xml") >= 0) {
		rc = word_convert(&c, za, err);
	} else if (find_entry(za, "EncryptedPackage") >= 0) {
		rc = error_set(err, ERR_FORMAT, "%s is password-protected: remove the password "
		    "in your word processor, save it again, then try again", name);
	} else {
		rc = error_set(err, ERR_FORMAT, "%s is a zip archive, not a Word (.docx) or "
		    "OpenDocument (.odt) document", name);
	}
	if (rc == 0 && c.too_big)
		rc = bounded_too_big(err, name, "a draft (its text)", BOUNDED_DRAFT_MAX);
done:
	if (za != NULL)
		zip_discard(za);
	zip_error_fini(&ze);
	free(c.para.s);
	if (rc != 0) {
		free(c.out.s);
		return -1;
	}
	strbuf_add(&c.out, "\n", 1);
	*text = c.out.s;
	*text_len = c.out.len;
	return 0;
}
