#!/bin/sh
# SPDX-License-Identifier: MIT
# test_qa_comment_review.sh: a comment saved (F12), replied to (r) or
# resolved (Space) reloads the project; the review (F4) after it must not
# read the words of the project as it was (the checker kept a pointer to
# the freed list). MALLOC_PERTURB_ makes a stale read crash the plain
# build too.
. "${srcdir:-.}/tests/tui/lib.sh"

F="$SCRATCH/r.ecq"
"$ECQCOACH" new "$F" --demo >/dev/null || exit 1
start 100 30 MALLOC_PERTURB_=165 "$ECQCOACH" r.ecq --review --as Mentor
check "review mode opens" wait_for "review mode as Mentor"
keys c
check "the cards open" wait_for "Interview cards"
keys Enter C-Space Right Right Right Right Right F12
check "F12 asks for a comment" wait_for "Comment:"
type_text "Say the figure first."
keys Enter
check "the comment is saved" wait_for "Comment saved."
keys Escape F4
check "F4 opens the review after a comment" wait_for "Review: the QRB checklist"
keys F12
check "F12 lists the comment" wait_for "Say the figure first."
keys r
check "r asks for a reply" wait_for "Reply:"
type_text "Agreed."
keys Enter
check "the reply is listed" wait_for "reply, Mentor: Agreed."
keys Space F4
check "F4 opens the review after a reply and a resolution" wait_for "Review: the QRB checklist"
keys C-q
check "the coach quits cleanly" wait_exit 0
finish
