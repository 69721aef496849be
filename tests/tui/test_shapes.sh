#!/bin/sh
# SPDX-License-Identifier: MIT
# One project, three shapes (issue 12): the dashboard says which shapes the
# framework asks for and, under each ECQ, each example's résumé line, card
# and narrative, at 80x24 and 120x40; the ses-2010 demo shows the narrative
# alone; a card typed on the cards screen shows on the dashboard with the
# time the cards screen gives it.
. "${srcdir:-.}/tests/tui/lib.sh"

"$ECQCOACH" new --demo "$SCRATCH/d25.ecq" --framework ses-2025 --name "Pat Writer" >/dev/null 2>&1
"$ECQCOACH" new --demo "$SCRATCH/d10.ecq" --framework ses-2010 --name "Pat Writer" >/dev/null 2>&1

# row TEXT: the screen's line holding TEXT
row() { screen | grep -F -- "$1" | head -1; }
# row_has TEXT MORE: the line holding TEXT holds MORE too
row_has() { row "$1" | grep -qF -- "$2"; }
# help_line: the last row is the help line
help_line() { [ "$(screen | sed -n 24p | cut -c1-10)" = "Enter Open" ]; }
# no_shapes: neither a résumé nor a card state on the screen
no_shapes() { ! screen | grep -qE 'Résumé|Card '; }

start 80 24 "$ECQCOACH" d25.ecq
check "80x24: the dashboard says what ses-2025 asks for" \
    wait_for "This framework asks for: résumé and interview first; narrative optional."
check "80x24: an example's résumé line, card and narrative, résumé first" \
    wait_for "Résumé 2 lines · Card 2:13 · Narrative 378 words"
check "80x24: every ECQ's last example shows" wait_for "5.2 Closing 2,190"
check "80x24: the totals" wait_for "Résumé lines: 10 of 10 examples; cards: 5 of 10"
check "80x24: the page meter stays" wait_for "Narrative: 8.1 of 10 pages"
check "80x24: the help line stays" help_line
# the cards screen says the same of the same card
keys c
check "the dashboard gives ECQ 4's card its time" row_has "4.1 Building" "Card 2:05"
check "the cards screen opens" wait_for "Interview cards"
check "the cards screen gives ECQ 4's card the time the dashboard gives" wait_for "2:05 ok"
keys Down
keys Enter
type_text "We cleared them."
check "a card is typed for the second example" wait_for "We cleared them."
clock=$(row "Restoring grantees" | sed -n 's/.* \([0-9]*:[0-9][0-9]\) short.*/\1/p')
check "the cards screen times it" test -n "$clock"
keys Escape
keys Escape
check "back on the dashboard" wait_for "This framework asks for"
check "the dashboard gives the new card the cards screen's time" \
    row_has "1.2 Restoring" "Card $clock short"
check "a card under the interview time says so, in short at 80 columns" \
    wait_for "Résumé 1 ln · Card $clock short"
check "cards: 6 of 10 now" wait_for "cards: 6 of 10"
keys C-q
check "quit" wait_exit 0

# wide: the words in full, budgets on the first line
start 120 40 "$ECQCOACH" d25.ecq
check "120x40: budgets on the framework's line" \
    wait_for "résumé (2 pages) and interview (2:00-4:00 a story) first; narrative (10 pages) optional"
check "120x40: the lines in full" wait_for "Résumé 2 lines · Card 2:13 · Narrative 378 words"
keys Enter
check "the ECQ screen counts the same words" wait_for "378 words"
keys C-q
check "quit" wait_exit 0

# ses-2010: the narrative alone
start 80 24 "$ECQCOACH" d10.ecq
check "80x24 ses-2010: the narrative is all it asks for" \
    wait_for "This framework asks for: narrative (10 pages)."
check "80x24 ses-2010: examples with their words" wait_for "Narrative 397 words"
check "80x24 ses-2010: no résumé or card state, nor their keys" no_shapes
check "80x24 ses-2010: the totals" wait_for "Narratives: 10 of 10 examples"
keys C-q
check "quit" wait_exit 0
finish
