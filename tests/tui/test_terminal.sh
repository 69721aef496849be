#!/bin/sh
# SPDX-License-Identifier: MIT
# test_terminal.sh: the coach and its terminal: no terminal or TERM=dumb
# give a clear error (exit 3), a tiny terminal a message, signal keys do
# not stop it, NO_COLOR turns colours off, a hang-up mid-typing saves.
. "${srcdir:-.}/tests/tui/lib.sh"

cd "$SCRATCH" || exit 1
"$ECQCOACH" coach.ecq </dev/null >out.txt 2>err.txt
st=$?
check "no terminal: exit 3" [ $st -eq 3 ]
check "no terminal: the error names show, check and export" grep -q "show, check or export" err.txt
check "no terminal: nothing is created" [ ! -e coach.ecq ]

start 100 30 env TERM=dumb "$ECQCOACH" coach.ecq
check "TERM=dumb: clear error" wait_for "TERM=dumb"
check "TERM=dumb: exit 3" wait_exit 3
check "TERM=dumb: nothing is created" [ ! -e coach.ecq ]

start 100 30 "$ECQCOACH" quit.ecq
check "first run: the questions" wait_for "Your full name"
keys C-q
check "first run: Ctrl-Q leaves with status 0" wait_exit 0
check "first run: nothing is created when quitting" [ ! -e quit.ecq ]

echo "not a project" > bad.ecq
start 100 30 "$ECQCOACH" bad.ecq
check "a file that is not a project: exit 3" wait_exit 3
check "a file that is not a project: it is left alone" grep -q "not a project" bad.ecq

"$ECQCOACH" new --demo demo.ecq >/dev/null 2>&1
start 40 10 "$ECQCOACH" demo.ecq
check "40x10: the terminal is too small" wait_for "too small"
keys C-q
check "40x10: Ctrl-Q still quits" wait_exit 0

start 100 30 NO_COLOR=1 "$ECQCOACH" demo.ecq
check "the dashboard opens" wait_for "of 10 pages"
keys C-z C-c 'C-\' C-s
check "Ctrl-Z, Ctrl-C, Ctrl-\\ and Ctrl-S do not stop it" wait_for "Saved."
nocolor() { ! screen_esc | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m"; }
check "NO_COLOR: no colour on screen" nocolor
keys F4
check "F4: the review lists a failed line" wait_for "failed ("
keys F5
check "F5: the export screen" wait_for "Export the narrative"
keys Up Up Up Up Up Up Up Right Down Enter   # format row; text; Enter in the path exports
check "export to plain text reports the size" wait_for "Wrote demo.txt:"
check "the text file holds the narrative" grep -q "Challenge" demo.txt
keys C-q
check "quit with status 0" wait_exit 0

"$ECQCOACH" new term.ecq --name "Term Inated" >/dev/null 2>&1
start 100 30 "$ECQCOACH" --guided term.ecq
check "guided mode on a second file" wait_for "Step 1 of 104"
check "to the focus questions" step_to "ECQ 1: Focus questions"
type_text "Typed before SIGTERM"
check "the text before SIGTERM is on screen" wait_for "Typed before SIGTERM"
shpid=$(tm display -p -t coach '#{pane_pid}')
# the shell's child (pgrep may be missing on a minimal system: read /proc)
pid=""
for st in /proc/[0-9]*/stat; do
	set -- $(cat "$st" 2>/dev/null)
	[ "${4:-}" = "$shpid" ] && pid=$1 && break
done
check "the coach process is found" [ -n "$pid" ]
[ -n "$pid" ] && kill -TERM "$pid"
check "SIGTERM: saves and exits with status 0" wait_exit 0
check "SIGTERM: the text is in the file" wait_file term.ecq "Typed before SIGTERM"

"$ECQCOACH" new hup.ecq --name "Hang Up" >/dev/null 2>&1
start 100 30 "$ECQCOACH" --guided hup.ecq
check "guided mode starts on an existing file" wait_for "Step 1 of 104"
check "the questions step" step_to "ECQ 1: Focus questions"
type_text "Typed just before the line dropped"
check "the text is on screen" wait_for "Typed just before the line dropped"
tm kill-pane -t coach
check "a hang-up saves what was typed" wait_file hup.ecq "Typed just before the line dropped"
finish
