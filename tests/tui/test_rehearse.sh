#!/bin/sh
# SPDX-License-Identifier: MIT
# test_rehearse.sh: the interview cards and the rehearsal screen. From the
# dashboard, c opens the cards (the demo's with their times), p rehearses
# the selected card: an interview question from the framework, the card
# hidden until v shows it, a timer that runs after t and stops at t, and a
# mark (3) that keeps the time. After quitting and reopening, the
# rehearsal is listed with its time and mark; g drafted a card for an
# example that had none, and it is in the file; + set a pace of 140 words a
# minute, which the project keeps.
. "${srcdir:-.}/tests/tui/lib.sh"

F="$SCRATCH/r.ecq"
"$ECQCOACH" new "$F" --demo >/dev/null || exit 1
start 100 32 "$ECQCOACH" r.ecq
check "the coach opens" wait_for "Castillo"
keys c
check "c opens the cards screen" wait_for "Interview cards"
check "the cards show their speaking time" wait_for "2:13 ok"
check "an example without a card says so" wait_for "no card"
keys p
check "p opens the rehearsal" wait_for "Rehearsal"
check "it asks the framework's interview question" \
    wait_for "Tell me about a time you had to check the legal limits"
check "the card starts hidden" wait_for "The card is hidden"
keys v
check "v shows the card" wait_for "Three months into my job as Deputy CFO"
keys v
check "v hides it again" wait_for "The card is hidden"
keys t
check "t starts the timer" wait_for "running: t stops"
check "the timer runs" wait_for "Time 0:01"
keys t
check "t stops it" wait_for "stopped: 1, 2 or 3"
keys 3
check "a mark keeps the time" wait_for "Rehearsals of this card (1):"
check "the rehearsal is listed with its mark" wait_for "mark 3"
keys Escape
check "Esc goes back to the cards" wait_for "Interview cards"
keys Down g
check "g drafts a card from the example, shown from its opening" \
    wait_for "In June 2020, I became Director of the Office of Grants Management"
keys +
check "+ sets a faster pace" wait_for "140 words a minute"
keys C-q
check "the coach quits cleanly" wait_exit 0

start 100 32 "$ECQCOACH" r.ecq
check "the coach opens again" wait_for "Castillo"
keys c
check "the cards screen opens again" wait_for "Interview cards"
keys p
check "the rehearsal kept in the file is listed" wait_for "Rehearsals of this card (1):"
check "with its mark" wait_for "mark 3"
keys C-q
check "the coach quits again" wait_exit 0
"$ECQCOACH" export "$F" --cards -o "$SCRATCH/cards.txt" >/dev/null 2>&1
check "the drafted card is in the file" grep -q "In June 2020, I became Director" "$SCRATCH/cards.txt"
check "the pace is kept in the project" grep -q "at 140 words a minute" "$SCRATCH/cards.txt"
finish
