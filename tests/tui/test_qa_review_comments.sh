#!/bin/sh
# SPDX-License-Identifier: MIT
# test_qa_review_comments.sh: a reviewer (--review --as) comments with
# F12 on an interview card, a résumé line and a position of the résumé,
# as on the narrative's fields; `comments` lists them where they are, and
# Enter on the position's comment opens the résumé screen.
. "${srcdir:-.}/tests/tui/lib.sh"

F="$SCRATCH/r.ecq"
"$ECQCOACH" new "$F" --demo >/dev/null || exit 1
start 100 30 "$ECQCOACH" r.ecq --review --as Mentor
check "review mode opens" wait_for "review mode as Mentor"
keys c
check "the cards open" wait_for "Interview cards"
keys Enter C-Space Right Right Right Right Right F12
check "F12 on the card asks for a comment" wait_for "Comment:"
type_text "Say the dollar figure first."
keys Enter
check "the card's comment is saved" wait_for "Comment saved."
keys Escape F3
check "F3 opens the résumé" wait_for "Résumé: 0.6 of 2 pages"
i=0; while [ $i -lt 11 ]; do keys Down; i=$((i + 1)); done
check "the first résumé line is selected" wait_for "Résumé line, ECQ 1,"
keys Enter C-Space Right Right Right Right F12
check "F12 on the résumé line asks for a comment" wait_for "Comment:"
type_text "Which year?"
keys Enter
check "the résumé line's comment is saved" wait_for "Comment saved."
keys Escape
i=0; while [ $i -lt 11 ]; do keys Up; i=$((i + 1)); done
keys Enter C-Space Right Right Right F12
check "F12 on a position's title asks for a comment" wait_for "Comment:"
type_text "The full title, please."
keys Enter
check "the position's comment is saved" wait_for "Comment saved."
keys Escape F2 F12
check "F12 lists the comments where they are" wait_for "ECQ 1 ex 1 résumé line"
keys Down Down Enter
check "Enter on the position's comment opens the résumé" wait_for "Supervisor's phone"
keys C-q
check "the coach quits" wait_exit 0
"$ECQCOACH" comments "$F" >"$SCRATCH/c.txt" 2>&1
check "comments lists the card's comment" grep -q "ECQ 1, example 1, card, Mentor" "$SCRATCH/c.txt"
check "and the résumé line's" grep -q "ECQ 1, example 1, résumé line, Mentor" "$SCRATCH/c.txt"
check "and the position's" grep -q "résumé position, Mentor" "$SCRATCH/c.txt"
finish
