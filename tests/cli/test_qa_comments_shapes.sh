#!/bin/sh
# SPDX-License-Identifier: MIT
# test_qa_comments_shapes.sh: `comments add --field card` and `--field
# resume` comment on an example's interview card and résumé line (the
# coach's F12 does the same); the list and export --comments say where
# they are; an unknown field names the ones there are.
. "${srcdir:-.}/tests/cli/lib.sh"
plan 7
a=$scratch/a.ecq
run new "$a" --demo
run comments add "$a" --as Rev --ecq 1 --field card --quote "Three months" "Open on the figure."
expect "a comment on a card" 0 "added comment 1"
run comments add "$a" --as Rev --ecq 2 --example 2 --field resume "Which year?"
expect "a comment on a résumé line" 0 "added comment 2"
run comments "$a"
expect "the list places the card's comment" 0 "#1 open: ECQ 1, example 1, card, Rev"
expect "and the résumé line's" 0 "#2 open: ECQ 2, example 2, résumé line, Rev"
run export "$a" -o "$scratch/c.txt" --comments
grep -q 'ECQ 1, example 1, card: "Three months"' "$scratch/c.txt"
tap "export --comments lists them where they are" $?
run comments add "$a" --as Rev --ecq 1 --field bogus "x"
expect "an unknown field is a usage error" 2 "no field 'bogus'"
expect "that names resume and card" 2 "resume or card"
