#!/bin/sh
# SPDX-License-Identifier: MIT
# test_qa_readonly_cards.sh: a project open read-only (another program
# holds its lock) on the cards and rehearsal screens: drafting a card,
# changing the pace and keeping a rehearsal are refused with a message
# that says why, as the résumé screen's are ("ro.ecq is open read-only"
# said what, not what was refused).
. "${srcdir:-.}/tests/tui/lib.sh"
command -v flock >/dev/null 2>&1 || { echo "1..0 # SKIP flock is not installed"; exit 77; }

F="$SCRATCH/r.ecq"
"$ECQCOACH" new "$F" --demo >/dev/null || exit 1
start 80 24 flock "$F.lock" "$ECQCOACH" r.ecq
check "the project opens read-only" wait_for "READ-ONLY"
keys c
check "the cards open" wait_for "Interview cards"
keys g
check "g is refused" wait_for "read-only: no card can be drafted"
keys +
check "+ is refused, saying so" wait_for "read-only: the pace cannot be changed"
check "the pace is as it was" wait_for "130 words a minute"
keys p
check "the rehearsal opens" wait_for "Rehearsal"
keys t
check "the timer runs" wait_for "Time 0:01"
keys t 2
check "the mark is refused, saying so" wait_for "read-only: no rehearsal can be kept"
keys C-q
check "the coach quits" wait_exit 0
finish
