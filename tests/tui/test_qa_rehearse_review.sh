#!/bin/sh
# SPDX-License-Identifier: MIT
# test_qa_rehearse_review.sh: a rehearsal kept (its mark saves it in the
# project, which reloads the project's words) and then the review: the
# checker must not read the words of the project as it was before the
# rehearsal was kept. MALLOC_PERTURB_ fills freed memory so a stale read
# crashes the plain build too, not only the sanitizers'.
. "${srcdir:-.}/tests/tui/lib.sh"

F="$SCRATCH/r.ecq"
"$ECQCOACH" new "$F" --demo >/dev/null || exit 1
start 100 32 MALLOC_PERTURB_=165 "$ECQCOACH" r.ecq
check "the coach opens" wait_for "Castillo"
keys c
check "c opens the cards" wait_for "Interview cards"
keys p
check "p opens the rehearsal" wait_for "Rehearsal"
keys t
check "the timer runs" wait_for "Time 0:01"
keys t
check "t stops it" wait_for "stopped: 1, 2 or 3"
keys 2
check "the mark keeps the time" wait_for "Rehearsals of this card (1):"
keys Escape
check "Esc goes back to the cards" wait_for "Interview cards"
keys F4
check "F4 opens the review after a rehearsal" wait_for "Review: the QRB checklist"
keys C-q
check "the coach quits cleanly" wait_exit 0
finish
