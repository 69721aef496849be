#!/bin/sh
# SPDX-License-Identifier: MIT
# test_slips.sh: nothing is lost by a slip. Deleting an example with text
# asks, and a key that is no answer asks again; a deleted example comes
# back from the deleted list after a restart; adding past the limit asks
# the same way; a dismissed finding comes back from the dismissed list
# (in `check` too); Ctrl-R restores an earlier version of the field being
# edited as one undo step; the export screen keeps the format and the
# extension together, asks before replacing a file and honours its
# options; under LANG=C typed and pasted accented text is kept whole.
. "${srcdir:-.}/tests/tui/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP needs sqlite3"; exit 77; }

F="$SCRATCH/d.ecq"
"$ECQCOACH" new "$F" --demo >/dev/null || exit 1
EX1="Reporting an Antideficiency Act violation"
# Tab from the top of ECQ 1's screen to its first example: past the focus
# questions (as many as the framework has) and the introduction.
NQ=$(awk '/^\[ecq:/ { n++ } n == 1 && /^question *=/ { c++ } END { print c }' \
    "$srcdir/prompts/ses-2025.ini")
to_example1() { i=0; while [ $i -lt $((NQ + 4)) ]; do keys Tab; i=$((i + 1)); done; }

# ---- deleting asks; the deleted list brings an example back after a restart
start 100 30 "$ECQCOACH" d.ecq
check "the dashboard" wait_for "D Deleted"
keys Enter
to_example1
check "Example 1 on the ECQ screen" wait_for "Example 1: $EX1"
keys a
check "adding past the limit asks in a box" wait_for "Add another example?"
keys q
check "q is no answer: it asks again" wait_for "Press y or n (Esc: no)."
keys Escape
check "Esc answers no" wait_gone "Add another example?"
check "nothing was added" wait_for "+ Add an example (2 of 2 so far)"
keys d
check "deleting an example with text asks" wait_for "Delete this example?"
keys x
check "a key that is no answer asks again" wait_for "Press y or n (Esc: no)."
check "and the box stays" wait_for "Delete this example?"
keys n
check "n keeps it" wait_for "Nothing deleted."
check "the example is still there" wait_for "Example 1: $EX1"
keys d
check "asked again" wait_for "Delete this example?"
keys y
check "y deletes it" wait_for "Example deleted."
check "the example is gone from the file" sh -c "! '$ECQCOACH' show '$F' | grep -qF '$EX1'"
keys a
check "an example is added without asking below the limit" wait_for "Example added"
keys Escape Down
check "back on the ECQ screen, the new example selected" wait_for "Example 2: untitled"
keys d
check "an empty example is deleted without asking" wait_for "Example deleted."
check "the empty example is gone" wait_for "+ Add an example (1 of 2 so far)"
keys C-q
check "quit" wait_exit 0

start 100 30 "$ECQCOACH" d.ecq
check "restarted" wait_for "D Deleted"
keys D
check "D lists the deleted examples" wait_for "Deleted examples"
check "with ECQ and title" wait_for "ECQ 1  \"$EX1"
check "the empty one, deleted last, first" wait_for "ECQ 1  \"untitled\" (no CCAR text)"
keys Down Enter
check "Enter brings it back" wait_for "funds control\" is back as example 1 of"
check "it is in the file again, where it was" wait_file "$F" "Example 1: $EX1"

# ---- dismiss a finding, then take the dismissal back
keys Escape
keys Enter
to_example1
check "Example 1 selected" wait_for "Example 1: $EX1"
keys Enter
check "the example editor" wait_for "Challenge: Describe"
keys C-Home
type_text "Zorbleq "
keys C-Home
check "the misspelling is found" wait_for 'unknown word "Zorbleq"'
keys F7
check "F7 offers to dismiss it" wait_for "Dismiss this finding"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do keys Down; done
keys Enter
check "dismissed" wait_for "Finding dismissed."
in_check() { "$ECQCOACH" check "$F" --format json 2>/dev/null | grep -q "Zorbleq"; }
check "check no longer reports it" sh -c "sleep 1; ! '$ECQCOACH' check '$F' --format json | grep -q Zorbleq"
keys F4
check "the review" wait_for "i Dismissed"
keys i
check "i lists the dismissed findings" wait_for "Dismissed findings"
check "with rule, text and field" wait_for 'spelling: "Zorbleq" in ECQ 1'
keys Enter
check "Enter shows it again" wait_for 'finding on "Zorbleq" shows again'
check "check reports it again" in_check

# ---- Ctrl-R: the field's history, restored as one undo step
keys Escape
keys Escape
check "the dashboard" wait_for "D Deleted"
keys Enter
to_example1
keys Enter
check "back in the editor" wait_for "Challenge: Describe"
check "with the typed word" wait_for "Zorbleq I became Deputy"
keys C-r
check "Ctrl-R opens the field's history" wait_for "History of ECQ 1"
check "it lists the earlier version" wait_for "1 earlier version"
keys Enter
check "Enter restores it" wait_for "Restored the version replaced"
check "the editor holds the earlier text" wait_gone "Zorbleq"
check "the restore is saved" sh -c "sleep 1.5; ! '$ECQCOACH' show '$F' | grep -q Zorbleq"
keys C-z
check "Ctrl-Z undoes the restore in one step" wait_for "Zorbleq I became Deputy"
check "and the undo is saved" wait_file "$F" "Zorbleq I became Deputy"
check "the replaced text is a version in the file" sh -c \
    "'$ECQCOACH' history '$F' --field example.1.challenge | grep -c 'words' | grep -qx 3"

# ---- the export screen
keys F5
check "the export screen" wait_for "Export the narrative"
check "PDF and a .pdf path" wait_for "Path     d.pdf"
for i in 1 2 3 4 5 6 7; do keys Up; done
keys Right
check "choosing text makes the path .txt" wait_for "Path     d.txt"
keys Down
keys End BSpace BSpace BSpace
type_text "md"
check "typing .md chooses Markdown" wait_for "(*) Markdown"
keys Enter
check "Enter in the path exports" wait_for "Wrote d.md"
check "a Markdown file" sh -c "head -1 '$SCRATCH/d.md' | grep -q '^# '"
keys Enter
check "exporting over a file asks" wait_for "Replace the file?"
keys z
check "z is no answer: it asks again" wait_for "Press y or n (Esc: no)."
keys n
check "n leaves the file" wait_for "d.md is left as it was."
keys BSpace BSpace
type_text "doc"
keys Enter
check "a path named for no format is refused" wait_for "not named for the chosen format"
check "and nothing is written" test ! -e "$SCRATCH/d.doc"
keys BSpace BSpace BSpace
type_text "md"
keys Down Space Down Down Down Down Space Down Enter
check "options ticked, replacing asks" wait_for "Replace the file?"
keys y
check "replaced" wait_for "Wrote d.md"
check "no header: the name is not first" sh -c "! head -1 '$SCRATCH/d.md' | grep -q 'Castillo'"
check "unwrapped: paragraphs on one line" sh -c "awk 'length > 200' '$SCRATCH/d.md' | grep -q ."
keys C-q
check "quit" wait_exit 0

# ---- LANG=C: accented letters typed and pasted are kept
start 100 30 env LANG=C LC_ALL=C "$ECQCOACH" d.ecq
check "under LANG=C the coach says it uses UTF-8" wait_for "is not UTF-8: using"
keys Enter Tab Tab Tab
check "a note" wait_for "Q1."
type_text "café au lait "
tm set-buffer -b drop "$(printf 'Pasted na\303\257ve r\303\251sum\303\251 ')"
tm paste-buffer -p -b drop -t coach
check "typed and pasted accents show" wait_for "café au lait Pasted naïve résumé Antideficiency"
keys C-q
check "quit" wait_exit 0
check "the file holds them, and the text after them" \
    sh -c "LC_ALL=C.UTF-8 '$ECQCOACH' show '$F' | grep -qF 'café au lait Pasted naïve résumé Antideficiency Act'"
start 100 30 env LANG=C LC_ALL=C "$ECQCOACH" d.ecq
keys Enter Tab Tab Tab
check "reopened under LANG=C, the text is whole" wait_for "café au lait Pasted naïve résumé"
keys C-q
check "quit" wait_exit 0
finish
