#!/bin/sh
# SPDX-License-Identifier: MIT
# test_f7_apply.sh: F7 on a finding with a mechanical fix offers "Apply",
# which edits the text as one undo step: "utilized" becomes "used", a
# doubled word goes, an acronym is spelled out at its first use, and
# Ctrl-Z brings each back.
. "${srcdir:-.}/tests/tui/lib.sh"

start 100 30 "$ECQCOACH" apply.ecq
check "first run asks for the candidate's name" wait_for "Your full name"
type_text "Pat Doe"
keys Enter
check "first run lists the frameworks" wait_for "ses-2025"
keys Enter
check "guided mode reaches the Challenge" step_to "ECQ 1, example 1: Challenge"
type_text "I utilized the data."
check "the text shows as typed" wait_for "I utilized the data."
# cursor onto "utilized": three words back from the end
keys C-Left C-Left C-Left
check "the finding under the cursor is explained" wait_for "Bureaucratic wording"
keys F7
check "F7 offers to apply the fix" wait_for 'Apply: "used" for "utilized"'
keys 1
check "applying replaces the word" wait_for "I used the data."
keys C-z
check "one undo brings it back" wait_for "I utilized the data."
keys C-e
type_text " I sent the the draft."
check "the doubled word shows" wait_for "I sent the the draft."
keys C-Left C-Left C-Left
keys F7
check "F7 offers to delete the doubled word" wait_for 'Apply: delete " the"'
keys Enter
check "applying deletes it" wait_for "I sent the draft."
keys C-z
check "one undo brings it back" wait_for "I sent the the draft."
keys C-e Enter Enter
type_text "I briefed OMB staff."
check "the acronym shows" wait_for "I briefed OMB staff."
keys C-Left C-Left
check "the acronym's finding is explained" wait_for "Acronym 'OMB' is not spelled out"
keys F7
check "F7 offers to spell the acronym out" wait_for 'Apply: "Office of Management and Budget (OMB)" for "OMB"'
keys 1
check "applying spells it out at its first use" wait_for "I briefed Office of Management and Budget (OMB) staff."
keys C-z
check "one undo brings the acronym back" wait_for "I briefed OMB staff."
keys C-q
check "Ctrl-Q quits with status 0" wait_exit 0
finish
