/* SPDX-License-Identifier: MIT */
/*
 * safetext.c: filtering text from files for terminals and documents; see
 * safetext.h. Decodes with libunistring; builds new strings, prints nothing.
 */
#include "config.h"
#include "safetext.h"

#include <string.h>

#include <unistr.h>

#include "strbuf.h"

bool
safetext_unsafe(uint32_t uc)
{
	return uc < 0x20 || (uc >= 0x7F && uc <= 0x9F) || uc == 0x2028 || uc == 0x2029 ||
	    (uc >= 0x202A && uc <= 0x202E) || (uc >= 0x2066 && uc <= 0x2069);
}

/* Decodes the character at s[0..n): its length (0 for an invalid byte). */
static size_t
safetext_decode(const char *s, size_t n, ucs4_t *uc)
{
	int k;

	if ((unsigned char)*s < 0x80) {
		*uc = (unsigned char)*s;
		return 1;
	}
	k = u8_mbtoucr(uc, (const uint8_t *)s, n);
	return k > 0 ? (size_t)k : 0;
}

char *
safetext_terminal(const char *s, size_t n, unsigned flags, size_t *len_out)
{
	static const char placeholder = SAFETEXT_PLACEHOLDER;
	struct strbuf b = { NULL, 0, 0 };
	size_t i = 0, k, run = 0;
	ucs4_t uc;

	strbuf_add(&b, "", 0);
	while (i < n) {
		k = safetext_decode(s + i, n - i, &uc);
		if (k > 0 && (!safetext_unsafe(uc) ||
		    (!(flags & SAFETEXT_ONE_LINE) && (uc == '\n' || uc == '\t'))) &&
		    (uc < 0x80 || !(flags & SAFETEXT_ASCII))) {
			i += k;
			continue;
		}
		/* Copy the safe run before it, then one placeholder. */
		strbuf_add(&b, s + run, i - run);
		strbuf_add(&b, &placeholder, 1);
		i += k > 0 ? k : 1;
		run = i;
	}
	strbuf_add(&b, s + run, n - run);
	if (len_out != NULL)
		*len_out = b.len;
	return b.s;
}

char *
safetext_document(const char *s, size_t n, size_t *len_out)
{
	static const char replacement[] = "\xEF\xBF\xBD";       /* U+FFFD */
	struct strbuf b = { NULL, 0, 0 };
	size_t i = 0, k, run = 0;
	ucs4_t uc;

	strbuf_add(&b, "", 0);
	while (i < n) {
		k = safetext_decode(s + i, n - i, &uc);
		if (k > 0 && (uc == '\n' || uc == '\t' || !(uc < 0x20 || (uc >= 0x7F && uc <= 0x9F)))) {
			i += k;
			continue;
		}
		strbuf_add(&b, s + run, i - run);
		if (k == 0)
			strbuf_add(&b, replacement, sizeof replacement - 1);
		i += k > 0 ? k : 1;
		run = i;
	}
	strbuf_add(&b, s + run, n - run);
	if (len_out != NULL)
		*len_out = b.len;
	return b.s;
}
