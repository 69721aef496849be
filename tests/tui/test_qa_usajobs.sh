#!/bin/sh
# SPDX-License-Identifier: MIT
# test_qa_usajobs.sh: a position whose duties run past what USAJOBS'
# résumé builder takes (usajobs_limit, as check reports it): the review's
# finding opens the résumé on the position, and the résumé screen says
# how many characters it has, over by how many; a position within the
# limit shows its count too.
. "${srcdir:-.}/tests/tui/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 is not installed"; exit 77; }

F="$SCRATCH/r.ecq"
"$ECQCOACH" new "$F" --demo >/dev/null || exit 1
long=$(i=0; while [ $i -lt 300 ]; do printf 'Managed grants and audits. '; i=$((i + 1)); done)
sqlite3 "$F" "UPDATE position SET duties = '$long' WHERE seq = 1" || exit 1
"$ECQCOACH" check "$F" >"$SCRATCH/check.txt" 2>&1
check "check reports the position past USAJOBS' limit" grep -q "usajobs_limit" "$SCRATCH/check.txt"
start 80 24 "$ECQCOACH" r.ecq
check "the coach opens" wait_for "Castillo"
keys F3
check "the first position within the limit shows its count" \
    wait_for "of 5000 characters of duties and lines."
keys Escape F4
check "the review opens" wait_for "Review: the QRB checklist"
i=0; while [ $i -lt 22 ]; do keys Down; i=$((i + 1)); done
check "the USAJOBS line has failed" wait_for "text fits USAJOBS' résumé bui"
keys Enter Down Enter
check "its finding opens the résumé on the position's duties" wait_for "Position 2, Duties"
check "which says by how much it is over" wait_for "over its 5000: cut"
keys Escape C-q
check "the coach quits cleanly" wait_exit 0
finish
