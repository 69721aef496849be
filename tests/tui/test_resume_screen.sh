#!/bin/sh
# SPDX-License-Identifier: MIT
# test_resume_screen.sh: the résumé screen (F3) at 80x24. On the demo it
# shows the two-page meter and the ECQ coverage line; a adds a position
# whose title and organization are typed in place (Tab to the next field);
# Left puts the first résumé line under no position (its group shows); g
# drafts the line from the example's story, which is then edited; f gives
# the next font size. After quitting, the file holds the position, the
# edited line under no position and the font size. A résumé line's
# finding in the review jumps to the line on this screen. A project open
# read-only refuses a new position with the read-only message.
. "${srcdir:-.}/tests/tui/lib.sh"

F="$SCRATCH/r.ecq"
"$ECQCOACH" new "$F" --demo >/dev/null || exit 1
start 80 24 "$ECQCOACH" r.ecq
check "the coach opens" wait_for "Castillo"
check "the dashboard's help line offers F3" wait_for "F3 Résumé"
keys F3
check "F3 opens the résumé screen" wait_for "Deputy Chief Financial Officer"
check "the meter counts the résumé's pages" wait_for "Résumé: 0.6 of 2 pages"
check "and says it fits" wait_for "Fits in 2 pages."
check "the coverage line names the ECQs shown" wait_for "ECQs: Shows all 5 ECQs"
check "the page settings are shown" wait_for "margins 0.5 in, 10 pt"

keys a
check "a adds a position and edits its title" wait_for "Position 3, Title"
type_text "Budget Analyst"
keys Tab
check "Tab goes to the next field" wait_for "Position 3, Organization"
type_text "Bureau of Reclamation"
keys Escape
check "the new position heads its place in the list" \
    wait_for "3. Budget Analyst, Bureau of Reclamation"

# to the top, then the first résumé line (after position 1's ten fields)
i=0; while [ $i -lt 40 ]; do keys Up; i=$((i + 1)); done
i=0; while [ $i -lt 11 ]; do keys Down; i=$((i + 1)); done
check "the first résumé line is selected" wait_for "Résumé line, ECQ 1,"
check "its length as laid out" wait_for "Length: 2 of at most 3 lines"
keys Left
check "Left puts it under no position" wait_for "The line is under no position now."
check "in the group of lines under none" wait_for "Not under a position yet"
keys g
check "g drafts the line from the story" wait_for "Drafted from the example's story"
type_text " Zulu marker."
check "the typed text shows" wait_for "Zulu marker."
keys Escape
keys f
check "f gives the next font size" wait_for "margins 0.5 in, 10.5 pt"
keys C-q
check "the coach quits cleanly" wait_exit 0

"$ECQCOACH" export "$F" --resume --unwrapped -o "$SCRATCH/r.txt" >/dev/null 2>&1
check "the position is in the file" sh -c "grep -q '^Job title: *Budget Analyst' '$SCRATCH/r.txt' &&
    grep -q '^Organization: *Bureau of Reclamation' '$SCRATCH/r.txt'"
check "the edited line is in the file" grep -q "Zulu marker\." "$SCRATCH/r.txt"
check "under no position" sh -c "sed -n '/^OTHER ACCOMPLISHMENTS/,\$p' '$SCRATCH/r.txt' |
    grep -q 'Zulu marker'"
if command -v sqlite3 >/dev/null 2>&1; then
	check "the drafted line replaced the demo's" sh -c "sqlite3 '$F' \"SELECT resume FROM
	    example WHERE id = 1\" | grep -v -q 'Reported a \\\$6.2 million'"
	check "the font size is kept" sh -c "sqlite3 '$F' \"SELECT value FROM setting WHERE
	    key = 'resume.font_pt'\" | grep -qx '10.5'"
	check "the line's old text is kept in the history" sh -c "sqlite3 '$F' \"SELECT text
	    FROM revision WHERE target = 'example.1.resume'\" | grep -q 'Reported a'"
else
	n=$((n + 1)); echo "ok $n # SKIP sqlite3 is not installed"
fi

# the review (F4) lists a résumé line's finding; Enter on it opens the
# résumé screen on that line, in its editor
if command -v sqlite3 >/dev/null 2>&1; then
	G="$SCRATCH/j.ecq"
	"$ECQCOACH" new "$G" --demo >/dev/null || exit 1
	sqlite3 "$G" "UPDATE example SET resume = 'I led the work for 12 staff.' WHERE id = 1"
	start 100 30 "$ECQCOACH" j.ecq
	wait_for "Castillo" >/dev/null
	keys F4
	check "the review has the résumé line" wait_for "Résumé: each accomplishment starts"
	i=0
	while [ $i -lt 20 ]; do keys Down; i=$((i + 1)); done
	keys Enter
	check "its finding is listed under it" \
	    wait_for "ECQ 1 ex 1 résumé line: A résumé line leaves out"
	keys Down Enter
	check "Enter opens the résumé screen on the line" wait_for "Résumé line, ECQ 1,"
	check "in its editor, with its findings" wait_for "first_person: A résumé line leaves out"
	keys C-q
	check "the coach quits" wait_exit 0
else
	n=$((n + 1)); echo "ok $n # SKIP sqlite3 is not installed"
fi

# read-only (another program holds the lock): edits are refused
if command -v flock >/dev/null 2>&1; then
	start 80 24 flock "$F.lock" "$ECQCOACH" r.ecq
	check "a locked project opens read-only" wait_for "READ-ONLY"
	keys F3
	check "the résumé screen opens" wait_for "Deputy Chief Financial Officer"
	keys a
	check "a is refused with the read-only message" \
	    wait_for "This project is open read-only: no position"
	keys C-q
	check "the read-only coach quits" wait_exit 0
fi
finish
