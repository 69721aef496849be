#!/bin/sh
# SPDX-License-Identifier: MIT
# test_file_removed.sh: the project is deleted, or replaced by another file,
# while the coach has it open. The coach must notice (not go on "saving"
# into nothing), say so, and on Ctrl-S write everything back: to the same
# path when it is free, beside it when another file took the name.
. "${srcdir:-.}/tests/tui/lib.sh"

F="$SCRATCH/p.ecq"
"$ECQCOACH" new "$F" --name "Pat Doe" >/dev/null || exit 1

start 100 30 "$ECQCOACH" --guided p.ecq
check "the coach opens" wait_for "Step 1 of 104: Name and position"
check "it reaches the Challenge" step_to "ECQ 1, example 1: Challenge"
type_text "Saved before the removal."
check "the text is saved" wait_file "$F" "Saved before the removal."
rm -f "$F"
type_text " Typed after it."
check "the coach says the file is gone" wait_for "moved or deleted"
keys C-s
check "Ctrl-S saves it there again" wait_for "saved again as"
check "with everything typed" wait_file "$F" "Saved before the removal. Typed after it."

# Replaced by another project: that one stays as it is.
"$ECQCOACH" new "$SCRATCH/other.ecq" --name "Someone Else" >/dev/null || exit 1
mv "$SCRATCH/other.ecq" "$F"
type_text " And after the swap."
check "the coach says the file was replaced" wait_for "replaced by another file"
keys C-s
check "Ctrl-S saves beside it" wait_for "p-recovered.ecq"
keys C-q
check "the coach quits with status 0" wait_exit 0
other_kept() { "$ECQCOACH" show "$F" | grep -q "Someone Else"; }
check "the other file is untouched" other_kept
check "the recovered file holds every word" wait_file "$SCRATCH/p-recovered.ecq" \
    "Saved before the removal. Typed after it. And after the swap."
finish
