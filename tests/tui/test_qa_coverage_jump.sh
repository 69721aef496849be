#!/bin/sh
# SPDX-License-Identifier: MIT
# test_qa_coverage_jump.sh: the review's finding that the résumé shows no
# line for an ECQ (resume_coverage) opens the résumé screen on that ECQ's
# first example, where g drafts its line; it opened the ECQ's narrative
# screen, which says nothing of the résumé.
. "${srcdir:-.}/tests/tui/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 is not installed"; exit 77; }

F="$SCRATCH/r.ecq"
"$ECQCOACH" new "$F" --demo >/dev/null || exit 1
sqlite3 "$F" "UPDATE example SET resume = '' WHERE ecq = 'driving-efficiency'" || exit 1
start 100 30 "$ECQCOACH" r.ecq
check "the coach opens" wait_for "Castillo"
keys F4
check "the review's coverage line has failed" wait_for "Résumé: shows every ECQ at least once"
i=0; while [ $i -lt 21 ]; do keys Down; i=$((i + 1)); done
keys Enter
check "its finding names ECQ 2" wait_for "The résumé shows no accomplishment for ECQ 2"
keys Down Enter
check "Enter opens the résumé on ECQ 2's first example" wait_for "Résumé line, ECQ 2,"
check "where g drafts its line" wait_for "No résumé line yet: g drafts one"
keys C-q
check "the coach quits cleanly" wait_exit 0
finish
