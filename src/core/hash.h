/* SPDX-License-Identifier: MIT */
/*
 * hash.h: the one string hash of the core (64-bit FNV-1a), for the word
 * tables of spell.c and wordlist.c and the word bags of the project rules.
 * Not for anything an attacker could exploit by collisions beyond slowing a
 * table down; no state.
 */
#ifndef ECQ_HASH_H
#define ECQ_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The 64-bit FNV-1a hash of the bytes s[0..n). */
uint64_t hash_bytes(const char *s, size_t n);

#endif
