#!/bin/sh
# SPDX-License-Identifier: MIT
# test_qa_gone_review.sh: the project file deleted while the résumé screen
# is open, then Ctrl-S with nothing typed: the coach writes the project
# again (and reloads it), and the review after it must not read the word
# list of the project it had before (freed: the checker kept a pointer to
# it). MALLOC_PERTURB_ makes a stale read crash the plain build too.
. "${srcdir:-.}/tests/tui/lib.sh"

F="$SCRATCH/r.ecq"
"$ECQCOACH" new "$F" --demo >/dev/null || exit 1
start 80 24 MALLOC_PERTURB_=165 "$ECQCOACH" r.ecq
check "the coach opens" wait_for "Castillo"
keys F3
check "F3 opens the résumé" wait_for "Résumé: 0.6 of 2 pages"
rm -f "$F" "$F-wal" "$F-shm"
keys C-s
check "Ctrl-S writes the project again" wait_for "The project is saved again as r.ecq."
keys F4
check "F4 opens the review afterwards" wait_for "Review: the QRB checklist"
keys C-q
check "the coach quits cleanly" wait_exit 0
check "the project is back, résumé and all" sh -c "\"$ECQCOACH\" show '$F' | grep -q 'Résumé lines: 10 of 10'"
finish
