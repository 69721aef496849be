#!/bin/sh
# SPDX-License-Identifier: MIT
# test_two_coaches.sh: two coaches on one project (another terminal, a
# forgotten tmux or SSH session). The second opens read-only and says who
# holds the file; nothing typed in either is lost or silently overwritten;
# a holder killed with SIGKILL leaves a lock that the next coach takes over.
. "${srcdir:-.}/tests/tui/lib.sh"

F="$SCRATCH/p.ecq"
"$ECQCOACH" new "$F" --name "Pat Doe" >/dev/null || exit 1

# The second coach runs in another session of the same tmux server.
start2() {
	tm new-session -d -x 100 -y 30 -s coach2 \
	    "cd '$SCRATCH' && env TERM=${ECQ_TEST_TERM:-tmux-256color} $*; echo EXIT=\$?; sleep 600"
	tm set-option -t coach2 status off >/dev/null 2>&1
}
screen2() { tm capture-pane -p -t coach2 2>/dev/null; }
wait_for2() {
	i=0
	while [ $i -lt "$WAIT_STEPS" ]; do
		screen2 | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# history FILE TEXT: TEXT is in the file's revision table
in_history() { sqlite3 "$1" "SELECT count(*) FROM revision WHERE text LIKE '%$2%'" | grep -qv '^0$'; }
coach_pid() { pgrep -P "$(tm display -p -t "$1" '#{pane_pid}')" -f ecqcoach | head -1; }

start 100 30 "$ECQCOACH" --guided p.ecq
check "the first coach opens" wait_for "Step 1 of 104: Name and position"
check "it reaches the Challenge" step_to "ECQ 1, example 1: Challenge"
type_text "First coach wrote this."
check "the first coach saves" wait_file "$F" "First coach wrote this."

start2 "$ECQCOACH" --guided p.ecq
check "the second coach says the project is read-only" wait_for2 "READ-ONLY"
check "and names who holds it" wait_for2 "process $(coach_pid coach)"
# (it opens on the step the project keeps: the first coach's Challenge)
check "the second coach shows the first one's text" wait_for2 "First coach wrote this."
tm send-keys -t coach2 -l "Second coach typed this."
check "typing there is refused with a message" wait_for2 "open read-only"
sleep 1      # time for an autosave, had the text been taken
shown2=$(screen2 | grep -c "Second coach")
check "and does not reach the screen" test "$shown2" = 0
tm send-keys -t coach2 C-q
check "the second coach quits cleanly" wait_for2 "EXIT=0"

type_text " And more."
keys C-q
check "the first coach quits with status 0" wait_exit 0
check "the first coach's text is whole in the file" wait_file "$F" "First coach wrote this. And more."
# Whatever a coach showed as typed must be in the file or its history.
kept_second() {
	[ "$shown2" = 0 ] || "$ECQCOACH" show "$F" | grep -q "Second coach" || in_history "$F" "Second coach"
}
check "no text shown as typed is lost" kept_second
check "no lock file is left after both quit" test ! -e "$F.lock"

# A holder killed outright leaves its lock file; the next coach takes it.
start 100 30 "$ECQCOACH" p.ecq
# (guided mode is still on: it resumes on the Challenge)
check "a coach opens the project again" wait_for "First coach wrote this."
pid=$(coach_pid coach)
kill -9 "$pid"
check "the killed coach leaves its lock file" test -e "$F.lock"
start 100 30 "$ECQCOACH" p.ecq
check "the next coach opens it for writing" wait_for "First coach wrote this."
not_readonly() { ! screen | grep -q "READ-ONLY"; }
check "with no read-only banner" not_readonly
keys C-q
check "and quits with status 0" wait_exit 0
finish
