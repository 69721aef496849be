#!/bin/sh
# SPDX-License-Identifier: MIT
# test_plan.sh: workshop plans in the coach: the plan line (step,
# instruction, countdown), Ctrl-N/Ctrl-P, leaving the plan and coming back
# (Ctrl-G), reopening where it stood, --plan-start's shared clock (two
# coaches started at different times show the same time for the same step),
# refusals, and the self-paced plan walking every part of the narrative.
. "${srcdir:-.}/tests/tui/lib.sh"

cd "$SCRATCH" || exit 1
"$ECQCOACH" new a.ecq --framework ses-2025 --name "Ann Lee" >/dev/null 2>&1
"$ECQCOACH" new b.ecq --framework ses-2025 --name "Bo Diaz" >/dev/null 2>&1
"$ECQCOACH" new old.ecq --framework ses-2010 --name "Old Frame" >/dev/null 2>&1

# --- a timed plan: the line, the countdown, moving, leaving, coming back ---
start 100 30 "$ECQCOACH" --plan one-day-2025 a.ecq
check "the plan line shows the step and its name" wait_for "Step 1 of 56: Name and position"
check "and the plan's title" wait_for "(One-day workshop (2025 ECQs))"
check "and the instruction" wait_for "Welcome. Check your name"
check "and a countdown for the step's 5 minutes" wait_for " left"
countdown_ok() { screen | sed -n 2p | grep -Eq '(4:5[0-9]|5:00) left'; }
check "the countdown starts from the step's minutes" countdown_ok
keys C-n
check "Ctrl-N: the next step" wait_for "Step 2 of 56: ECQ 1: Definition"
check "the definition is shown" wait_for "What OPM means by this ECQ"
check "with the step's own 4 minutes" wait_for "4:0"
keys C-n
check "Ctrl-N again: the focus questions" wait_for "Step 3 of 56: ECQ 1: Focus questions"
keys C-p
check "Ctrl-P: back a step" wait_for "Step 2 of 56: ECQ 1: Definition"
keys F2
check "F2 leaves the plan's screen for the dashboard" wait_for "of 10 pages"
check "the plan line stays, offering the way back" wait_for "Ctrl-G back to the step"
footer_has() { screen | tail -1 | grep -qF "$1"; }
check "the footer shows Ctrl-G where it works" footer_has "Ctrl-G"
keys F4
check "another screen: the review" wait_for "Review: the QRB checklist"
check "the plan line is still there" wait_for "Step 2 of 56: ECQ 1: Definition"
keys C-g
check "Ctrl-G returns to the step where it stands" wait_for "What OPM means by this ECQ"
no_ctrl_g() { ! screen | tail -1 | grep -qF "Ctrl-G"; }
check "at the step the footer does not offer Ctrl-G" no_ctrl_g
keys C-n
check "on to step 3" wait_for "Step 3 of 56: ECQ 1: Focus questions"
keys C-q
check "quit" wait_exit 0
in_db() { [ "$(sqlite3 "$1" "SELECT value FROM setting WHERE key = '$2'")" = "$3" ]; }
if command -v sqlite3 >/dev/null 2>&1; then
	check "the project keeps its plan" in_db a.ecq plan one-day-2025
	check "and its step (from 0, as cohort init and report count)" in_db a.ecq plan.step 2
fi

start 100 30 "$ECQCOACH" a.ecq
check "reopening without --plan resumes the plan and step" wait_for "Step 3 of 56: ECQ 1: Focus questions"
keys F6
check "F6 turns the plan off" wait_gone "Step 3 of 56"
no_plan_keys() { ! screen | tail -1 | grep -qE "Ctrl-N|Ctrl-P|Ctrl-G"; }
check "and the footer no longer shows the plan's keys" no_plan_keys
keys F6
check "F6 turns it on at the same step" wait_for "Step 3 of 56: ECQ 1: Focus questions"
keys F6
keys C-q
check "quit with the plan off" wait_exit 0
start 100 30 "$ECQCOACH" a.ecq
check "a project with the plan turned off opens on the dashboard" wait_for "of 10 pages"
no_line() { ! screen | grep -q "Step 3 of 56"; }
check "without the plan line" no_line
keys C-q
wait_exit 0 >/dev/null

# --- refusals (after the terminal is set up: the messages show there) ---
refused() {
	start 100 30 "$ECQCOACH" "$@" 2>&1
	wait_for "EXIT=" >/dev/null
}
refused --plan one-day-2025 old.ecq
check "a plan for another framework is refused (exit 3)" wait_exit 3
check "saying which framework each is for" wait_for "for the ses-2025 framework and this project uses ses-2010"
refused --plan no-such-plan a.ecq
joined_has() { tm capture-pane -p -J -t coach | grep -qF -- "$1"; }
check "an unknown plan is refused with its path" joined_has "prompts/plans/no-such-plan.ini"
"$ECQCOACH" --plan-start 25:00 a.ecq >out 2>err
st=$?
check "a bad --plan-start is a usage error (exit 2)" [ "$st" -eq 2 ]
check "saying the form it wants" grep -q "HH:MM" err
printf '[plan]\ntitle = Mine\nframework = any\n[step 1]\nopen = nowhere\nsay = Hi.\n' >bad.ini
refused --plan ./bad.ini a.ecq
check "a broken plan file is refused with file:line: reason" wait_for "bad.ini:5: cannot open 'nowhere'"

# --- the shared clock: two coaches started at different times agree ---
# The room started ten minutes ago; step 1 lasts 5 minutes, so both coaches,
# on step 1, are about 5 minutes over, and the room is on step 3.
if [ "$(date +%H%M)" -lt 0011 ]; then
	echo "# (skipping the shared-clock checks just after midnight)"
else
	t0=$(date -d '10 minutes ago' +%H:%M)
	secs_of() { sed -n 2p | grep -Eo '[0-9]+:[0-9]{2} over' | head -1 |
	    awk -F'[: ]' '{ print $1 * 60 + $2 }'; }
	start 100 30 "$ECQCOACH" --plan one-day-2025 --plan-start "$t0" b.ecq
	wait_for "Step 1 of 56" >/dev/null
	# the same step in another coach, started later: a fresh project
	"$ECQCOACH" new c.ecq --framework ses-2025 --name "Cy Ng" >/dev/null 2>&1
	sleep 2
	# a second session on the same server, so both panes can be read at once
	tm new-session -d -x 100 -y 30 -s coach2 "cd '$SCRATCH' && env TERM=${ECQ_TEST_TERM:-tmux-256color} \
	    '$ECQCOACH' --plan one-day-2025 --plan-start '$t0' c.ecq; echo EXIT=\$?; sleep 600"
	i=0
	while [ $i -lt "$WAIT_STEPS" ] && ! tm capture-pane -p -t coach2 | grep -q "room: step 3"; do
		sleep 0.05
		i=$((i + 1))
	done
	room2() { tm capture-pane -p -t coach2 | grep -q "(room: step 3)"; }
	check "the second coach shows where the room is" room2
	s2=$(tm capture-pane -p -t coach2 | secs_of)
	s1=$(screen | secs_of)
	now=$(date +%s)
	want=$(( now - $(date -d "$t0" +%s) - 300 ))
	near() { [ -n "$1" ] && [ -n "$2" ] && d=$(( $1 - $2 )) && [ "$d" -ge -3 ] && [ "$d" -le 3 ]; }
	check "both coaches show the same time for step 1 ($s1 s, $s2 s over)" near "$s1" "$s2"
	check "and it follows the wall clock, not when each coach started ($want s)" near "$s1" "$want"
	keys C-n C-n
	check "step 3, the room's step, counts down in the room's time" wait_for "Step 3 of 56"
	left_ok() { sed_out=$(screen | sed -n 2p); echo "$sed_out" | grep -Eq '[0-9]+:[0-9]{2} left' &&
	    ! echo "$sed_out" | grep -q "room:"; }
	check "with time left and no room note" left_ok
	keys C-q
	wait_exit 0 >/dev/null
	tm send-keys -t coach2 C-q
fi

# --- self-paced: every part of the narrative ---
start 100 30 "$ECQCOACH" --guided b.ecq
check "--guided runs the self-paced plan from its first step" \
    wait_for "Step 1 of 104: Name and position (Self-paced guide)"
check "the name step shows the name" wait_for "Bo Diaz"
keys Tab
type_text "Deputy Director, Budget"
keys C-n
check "Ctrl-N saves the position" wait_file b.ecq "Position: Deputy Director, Budget"
walk_ok=0
for label in "ECQ 1: Definition" "ECQ 1: Focus questions" "ECQ 1, example 1: Title" \
    "ECQ 1, example 1: Dates" "ECQ 1, example 1: Competencies" "ECQ 1, example 1: Challenge" \
    "ECQ 1, example 1: Context" "ECQ 1, example 1: Action" "ECQ 1, example 1: Result" \
    "ECQ 1: Examples"; do
	if wait_for "$label"; then :; else walk_ok=1; echo "# missing step: $label"; fi
	case $label in
	*"Focus questions") check "the questions step marks questions below" \
	    wait_for "more focus questions below" ;;
	*Title) type_text "Rebuilt the audit office" ;;
	*Challenge) check "the Challenge field is focused" wait_for "Challenge: the problem you faced" ;;
	esac
	keys C-n
done
check "self-paced walks definition, questions, title, dates, competencies, CCAR" [ "$walk_ok" -eq 0 ]
check "ses-2025 asks for interviews: the example's card comes next" \
    wait_for "ECQ 1, example 1: Interview card"
check "on the cards screen" wait_for "g Draft card"
keys C-n
check "with no second example, it goes on to the ECQ review" wait_for "ECQ 1: ECQ review"
keys C-p
wait_for "ECQ 1, example 1: Interview card" >/dev/null
keys C-p
check "Ctrl-P passes over the second example's steps too" wait_for "ECQ 1: Examples"
check "the examples step offers to add one" wait_for "+ Add an example"
keys Enter
keys C-g
check "Ctrl-G comes back to the examples step" wait_for "Example 2"
keys C-n
check "a second example added: its steps follow" wait_for "ECQ 1, example 2: Title"
check "ses-2025 asks for a résumé: its step comes before the review" step_to "Step 102 of 104: Résumé"
check "every step goes on to the whole review" step_to "The whole review"
check "and export, the last step" step_to "Step 104 of 104: Export"
check "the export screen is open" wait_for "Export the narrative"
keys C-q
check "quit" wait_exit 0
finish
