#!/bin/sh
# SPDX-License-Identifier: MIT
# test_mouse_paste.sh: mouse clicks move the focus (a dashboard row, an
# example's field, its competencies row, a popup item, a review line), and
# pastes read from the terminal in blocks arrive whole, in order with the
# keys typed right after them (in the same write), two pastes back to back
# included. Clicks are written into the pane as the terminal's mouse
# reports (X10 form, as TERM=tmux-256color's kmous says); the word counts
# the screens show follow edits (kept per field, recounted by line).
. "${srcdir:-.}/tests/tui/lib.sh"

F="$SCRATCH/d.ecq"
"$ECQCOACH" new "$F" --demo >/dev/null || exit 1

# click X Y: a left press and release at column X, row Y (0-based), sent
# as bytes (send-keys -H: a ';' in a literal argument ends a tmux command)
click() {
	cx=$(printf %x $(($1 + 33)))
	cy=$(printf %x $(($2 + 33)))
	keys -H 1b 5b 4d 20 "$cx" "$cy" 1b 5b 4d 23 "$cx" "$cy"
}
# raw TEXT: writes TEXT into the pane in one piece (a terminal's paste,
# markers included in TEXT; send-keys has a length limit)
raw() {
	printf '%s' "$1" >"$SCRATCH/raw.txt"
	tm load-buffer -b raw "$SCRATCH/raw.txt"
	tm paste-buffer -r -b raw -t coach
}
row() { screen | sed -n "$(($1 + 1))p"; }
# at TEXT: the 0-based row TEXT is on
at() { l=$(screen | grep -nF -- "$1" | head -1 | cut -d: -f1); echo $((l - 1)); }
# until CMD...: true once the command succeeds (polled like wait_for)
until_ok() {
	i=0
	while [ $i -lt "$WAIT_STEPS" ]; do
		"$@" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

start 100 30 "$ECQCOACH" d.ecq
check "the dashboard" wait_for "> 1. "
click 10 "$(at "3. Merit")"
check "a click on ECQ 3's row selects it" wait_for "> 3. Merit"
check "and ECQ 1 is no longer selected" wait_gone "> 1. "
keys Enter
check "Enter opens the ECQ clicked" wait_for "ECQ 3 of 5: Merit"
keys Escape
wait_for "> 3. " >/dev/null
keys 1
wait_for "ECQ 1 of 5" >/dev/null
# past ECQ 1's focus questions (as many as the framework has) and its introduction
nq=$(awk '/^\[ecq:/ { n++ } n == 1 && /^question *=/ { c++ } END { print c }' "$srcdir/prompts/ses-2025.ini")
i=0; while [ $i -lt $((nq + 4)) ]; do keys Tab; i=$((i + 1)); done
keys Enter
check "the example screen" wait_for "Example 1 of 2 in ECQ 1"

# a click in the Result's text moves the cursor there
ry=$(at "The agency filed its reports")
click 2 "$ry"
type_text "ZQX "
check "a click in the Result puts the typing there" wait_for "ZQX The agency filed"
result_words() { screen | grep -q '^Result .* 62 words'; }
check "the Result's word count follows the edit (61 + 1)" until_ok result_words
keys BSpace BSpace BSpace BSpace
result_back() { screen | grep -q '^Result .* 61 words'; }
check "and follows it back" until_ok result_back

# the competencies row, its popup, a click on an item (Enter once the
# row is drawn focused: under load the click may take a moment)
comp_plain=$(screen_esc | sed -n 4p)
click 5 3
comp_focused() { [ "$(screen_esc | sed -n 4p)" != "$comp_plain" ]; }
until_ok comp_focused >/dev/null
keys Enter
check "the competencies list opens" wait_for "Competencies this example shows"
line4=$(row 4)
line6=$(row 6)
click 12 6
keys Space
sleep 0.3
changed() { [ "$(row 6)" != "$line6" ] && [ "$(row 4)" = "$line4" ]; }
check "a click selects the third item, Space ticks it (not the first)" changed
keys Escape
wait_gone "Competencies this example shows" >/dev/null

# the review: a click on a line selects it, Space confirms it
keys F4
check "the review" wait_for "Review: the QRB checklist"
y=$(screen | grep -n 'confirm by hand' | sed -n 2p | cut -d: -f1)
if [ -n "$y" ]; then
	y=$((y - 1))
	text=$(row "$y" | sed 's/ *confirm by hand.*//; s/^ *[-+] \[ \] //')
	row_esc() { screen_esc | sed -n "$(($1 + 1))p"; }
	plain=$(row_esc "$y")
	click 10 "$y"
	drawn_selected() { [ "$(row_esc "$y")" != "$plain" ]; }
	check "the line clicked is drawn selected" until_ok drawn_selected
	keys Space
	confirmed() { screen | grep -F -- "$text" | grep -q 'confirmed'; }
	check "a click on a review line selects it: Space confirms that line" until_ok confirmed
	first() { screen | grep -F 'Write-up is focused' | grep -q 'confirm by hand'; }
	check "the first line, selected before, is not confirmed" first
else
	not_ok "the review has two lines to confirm by hand"
fi
keys Escape
wait_for "> 1. " >/dev/null

# pastes: 5,000 words, then keys in the same write; two pastes in one write
keys 1
wait_for "ECQ 1 of 5" >/dev/null
for i in 1 2 3 4 5 6 7 8 9; do keys Tab; done
keys Enter
wait_for "Example 1 of 2 in ECQ 1" >/dev/null
keys C-Down
big=$(i=0; while [ $i -lt 500 ]; do printf 'Pasted line %d of the long draft here. ' $i; i=$((i + 1)); done)
raw "$(printf '\033[200~')${big}PASTE-END$(printf '\033[201~') typed-after"
check "keys typed right after a paste are kept, after it" wait_for "PASTE-END typed-after"
raw "$(printf '\033[200~')first-paste$(printf '\033[201~\033[200~') second-paste$(printf '\033[201~')!"
check "two pastes in one write arrive in order" wait_for "first-paste second-paste!"
keys C-s
wait_for "Saved" >/dev/null
keys C-q
check "the coach quits" wait_exit 0
"$ECQCOACH" show "$F" >"$SCRATCH/show.txt" 2>&1
check "the saved text holds the whole paste, then the typing" \
    grep -q "Pasted line 499 of the long draft here. PASTE-END typed-afterfirst-paste second-paste!" "$SCRATCH/show.txt"
check "the whole paste: its first line too" grep -q "Pasted line 0 of the long draft here. Pasted line 1 " "$SCRATCH/show.txt"

finish
