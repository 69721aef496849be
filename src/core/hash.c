/* SPDX-License-Identifier: MIT */
/*
 * hash.c: 64-bit FNV-1a over bytes (see hash.h).
 */
#include "config.h"
#include "hash.h"

uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}
