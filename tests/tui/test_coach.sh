#!/bin/sh
# SPDX-License-Identifier: MIT
# test_coach.sh: the coach end to end in tmux: first-run questions, a focus
# question answered, an example with a misspelling and a passive sentence
# (both marked), a suggestion accepted and undone, a resize, quit, reopen.
. "${srcdir:-.}/tests/tui/lib.sh"

F="$SCRATCH/new.ecq"
start 100 30 "$ECQCOACH" new.ecq

check "first run asks for the candidate's name" wait_for "Your full name"
type_text "Jane Q. Público"
keys Enter
check "first run lists the frameworks" wait_for "ses-2025"
keys Enter
check "a new project starts in guided mode" wait_for "Step 1 of 104: Name and position"
check "the project file is created with the name" wait_file "$F" "Candidate: Jane Q. Público"

keys C-n C-n
check "next steps: the definition, the focus questions" wait_for "Step 3 of 104: ECQ 1: Focus questions"
type_text "Cited the Antideficiency Act to the board."
check "the note shows as typed" wait_for "Cited the Antideficiency Act to the board."
check "the answer note is saved after a pause" wait_file "$F" "Cited the Antideficiency Act to the board."

check "guided mode reaches the Challenge" step_to "Step 7 of 104: ECQ 1, example 1: Challenge"
type_text "I led the budgt office. The plan was approved by the board."
check "the Challenge shows as typed" wait_for "I led the budgt office."
check "two findings in the Challenge" wait_for "2 findings"
esc_has() { screen_esc | grep -q "$(printf '\033')\[[0-9;]*m$1"; }
check "the misspelling is marked" esc_has "budgt"
check "the passive group is marked" esc_has "was approved"

# cursor onto "budgt": nine words back from the end
keys C-Left C-Left C-Left C-Left C-Left C-Left C-Left C-Left C-Left
check "the finding under the cursor is explained" wait_for 'unknown word "budgt"'
keys F7
check "F7 offers suggestions" wait_for "Add to this project's dictionary"
check "the first suggestion is budget" wait_for "1  budget"
keys 1
check "accepting replaces the word" wait_for "I led the budget office."
keys C-z
check "undo brings the misspelling back" wait_for "I led the budgt office."
tm set-buffer -b drop "$(printf 'Pasted one.\nPasted caf\303\251 \342\200\224 two. ')"
tm paste-buffer -p -b drop -t coach
check "a bracketed paste arrives whole, UTF-8 intact" wait_for "Pasted café — two."
keys C-z
check "one undo removes the whole paste" wait_gone "Pasted one."
check "and leaves the text as it was" wait_for "I led the budgt office. The plan was approved by the board."

tm resize-window -t coach -x 120 -y 40
check "the text survives a resize" wait_for "I led the budgt office. The plan was approved by the board."
sz() { [ "$(tm display -p -t coach '#{window_width}x#{window_height}')" = "$1" ]; }
check "the window is 120x40" sz 120x40
tm resize-window -t coach -x 60 -y 15
check "a small terminal gets a message" wait_for "too small"
tm resize-window -t coach -x 100 -y 30
check "back to full size the editor returns" wait_for "I led the budgt office."

keys C-q
check "Ctrl-Q quits with status 0" wait_exit 0
check "the note is in the file" wait_file "$F" "Cited the Antideficiency Act to the board."
check "the Challenge is in the file, undo included" wait_file "$F" "I led the budgt office. The plan was approved by the board."

start 100 30 "$ECQCOACH" --guided new.ecq
check "reopening resumes the guided step" wait_for "Step 7 of 104: ECQ 1, example 1: Challenge"
check "the Challenge is there after reopening" wait_for "I led the budgt office."
keys F2
check "F2 shows the dashboard with the name" wait_for "Jane Q. Público"
check "the dashboard shows the page meter" wait_for "of 10 pages"
keys Enter
check "Enter opens the ECQ with the note" wait_for "Cited the Antideficiency Act to the board."
keys F4
check "F4 opens the review checklist" wait_for "Review: the QRB checklist"
keys F1
check "F1 shows the keys" wait_for "save and quit"
keys Escape
check "Esc leaves the help" wait_for "Review: the QRB checklist"
keys C-q
check "quit again with status 0" wait_exit 0
finish
