#!/bin/sh
# SPDX-License-Identifier: MIT
# Small fixes in the coach (issue 10, "Also"): the finding styles have a
# legend on the help screen that reads without colours, the dashboard gives
# ECQ titles the width the terminal has, and Ctrl-arrows move by word under
# TERM=screen (what tmux and GNU screen set) as under xterm.
. "${srcdir:-.}/tests/tui/lib.sh"

"$ECQCOACH" new --demo "$SCRATCH/demo.ecq" --framework ses-2025 >/dev/null 2>&1

# the legend, under NO_COLOR
start 100 40 NO_COLOR=1 "$ECQCOACH" demo.ecq
check "the dashboard opens" wait_for "Share of pages"
keys F1
check "F1 shows the finding styles" wait_for "How findings look in a text field"
check "the legend says an error in words without colour" wait_for "error: bold, underlined"
check "the legend says a misspelling in words" wait_for "misspelled: underlined"
keys Escape
keys C-q
check "quit" wait_exit 0

# a wide terminal: the long 2025 titles whole
start 180 40 "$ECQCOACH" demo.ecq
check "the dashboard opens wide" wait_for "Share of pages"
check "a long ECQ title is shown whole on a wide terminal" \
    wait_for "Commitment to the Rule of Law and the Principles of the American Founding"
keys C-q
check "quit" wait_exit 0

# Ctrl-Left under TERM=screen moves by word, not by a character
"$ECQCOACH" new "$SCRATCH/words.ecq" --name "Wor Ds" >/dev/null 2>&1
ECQ_TEST_TERM=screen
start 100 30 "$ECQCOACH" --guided words.ecq
check "guided mode under TERM=screen" step_to "ECQ 1, example 1: Challenge"
type_text "alpha beta gamma"
check "the text is typed" wait_for "alpha beta gamma"
keys C-Left
type_text "X"
check "Ctrl-Left under TERM=screen moves to the word's start" wait_for "alpha beta Xgamma"
keys C-Right C-Right
type_text "Y"
check "Ctrl-Right under TERM=screen moves to the word's end" wait_for "alpha beta XgammaY"
keys C-q
check "quit" wait_exit 0
ECQ_TEST_TERM=
finish
