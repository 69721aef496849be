#!/bin/sh
# SPDX-License-Identifier: MIT
# test_qa_export_shapes.sh: the coach's export screen (F5) writes the
# résumé and the interview cards where the framework asks for them, as
# `export --resume` and `export --cards` do; a narrative-only framework
# (ses-2010) has no such choice.
. "${srcdir:-.}/tests/tui/lib.sh"

F="$SCRATCH/r.ecq"
"$ECQCOACH" new "$F" --demo >/dev/null || exit 1
start 80 24 "$ECQCOACH" r.ecq
check "the coach opens" wait_for "Castillo"
keys F5
check "F5 exports the narrative first" wait_for "Export the narrative"
check "and offers the other documents" wait_for "What     < the narrative >"
# from [ Export ] up to What, above the format
i=0; while [ $i -lt 8 ]; do keys Up; i=$((i + 1)); done
keys Right
check "Right chooses the résumé" wait_for "Export the résumé"
check "its path is the project's with -resume" wait_for "r-resume.pdf"
keys Down Down Enter
check "Enter writes the résumé PDF" wait_for "Wrote r-resume.pdf: the résumé, 1 page"
keys Up Up Right Down Right Down Enter
check "the cards as text" wait_for "Wrote r-cards.txt: 5 interview cards"
keys C-q
check "the coach quits cleanly" wait_exit 0
check "the résumé is a PDF" sh -c "head -c 5 '$SCRATCH/r-resume.pdf' | grep -q '%PDF-'"
"$ECQCOACH" export "$F" --cards -o "$SCRATCH/cli-cards.txt" >/dev/null 2>&1
check "the cards are those export --cards writes" cmp -s "$SCRATCH/r-cards.txt" "$SCRATCH/cli-cards.txt"

G="$SCRATCH/t.ecq"
"$ECQCOACH" new "$G" --demo --framework ses-2010 >/dev/null || exit 1
start 80 24 "$ECQCOACH" t.ecq
check "a ses-2010 project opens" wait_for "Rivera"
keys F5
check "its export screen is the narrative's" wait_for "Export the narrative"
no_what() { ! screen | grep -qF "What     <"; }
check "with no other document to choose" no_what
keys C-q
check "the coach quits again" wait_exit 0
finish
