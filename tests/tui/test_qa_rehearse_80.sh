#!/bin/sh
# SPDX-License-Identifier: MIT
# test_qa_rehearse_80.sh: at 80x24, the smallest terminal the coach
# takes, the rehearsal screen shows the interview time to aim for and the
# card's estimated time, the one the cards screen gives (it was cut off
# after "the card reads in about"); the timer keeps running through a
# resize to a terminal too small and back.
. "${srcdir:-.}/tests/tui/lib.sh"

F="$SCRATCH/r.ecq"
"$ECQCOACH" new "$F" --demo >/dev/null || exit 1
start 80 24 "$ECQCOACH" r.ecq
check "the coach opens" wait_for "Castillo"
keys c
check "the cards screen gives the first card's time" wait_for "2:13 ok"
keys p
check "the rehearsal gives the time to aim for" wait_for "Aim for 2:00 to 4:00"
check "and the same estimate as the cards screen" wait_for "the card reads in about 2:13."
keys t
check "the timer runs" wait_for "Time 0:01"
tm resize-window -t coach -x 40 -y 10 2>/dev/null
check "a terminal too small says so" wait_for "too small"
tm resize-window -t coach -x 80 -y 24 2>/dev/null
check "back at 80x24 the timer is still running" wait_for "running: t stops"
check "and has gone on counting" wait_for "Time 0:02"
keys t 1
check "the mark keeps the time" wait_for "Rehearsals of this card (1):"
keys C-q
check "the coach quits cleanly" wait_exit 0
finish
