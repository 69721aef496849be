#!/bin/sh
# SPDX-License-Identifier: MIT
# test_review.sh: a writer has the coach open (holding the write lock)
# while a reviewer adds one comment with `ecqcoach comments add` and
# another in the coach's review mode (--review --as NAME, select, F12).
# Neither loses anything: the writer's coach shows both comments without
# reopening, and quits with its text intact.
. "${srcdir:-.}/tests/tui/lib.sh"

F="$SCRATCH/w.ecq"
"$ECQCOACH" new "$F" --demo --name "Pat Writer" >/dev/null || exit 1
start 110 32 "$ECQCOACH" w.ecq
check "the writer's coach opens" wait_for "Pat Writer"

"$ECQCOACH" comments add "$F" --as "Cli Reviewer" --ecq 1 --field action \
    --quote "froze new amendments" "From the command line." >/dev/null 2>&1
check "comments add works while the writer holds the lock" test $? -eq 0
keys F12
check "the writer sees the new comment" wait_for "From the command line."

# The reviewer's coach, beside the writer's, on the same tmux server.
rscreen() { tm capture-pane -p -t rev 2>/dev/null; }
rwait() {
	i=0
	while [ $i -lt "$WAIT_STEPS" ]; do
		rscreen | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
tm new-session -d -x 110 -y 32 -s rev \
    "cd '$SCRATCH' && env TERM=${ECQ_TEST_TERM:-tmux-256color} '$ECQCOACH' w.ecq --review --as 'Rita Mentor'; echo EXIT=\$?; sleep 600"
check "review mode opens while the writer has the file" rwait "review mode as Rita Mentor"
tm send-keys -t rev F12
check "the reviewer sees the comments too" rwait "From the command line."
tm send-keys -t rev Enter
check "Enter jumps to the commented text" rwait "Action"
tm send-keys -t rev F3 C-Right C-Right
tm send-keys -t rev F12
check "F12 on a selection asks for a comment" rwait "Comment:"
tm send-keys -t rev -l "Say how long."
tm send-keys -t rev Enter
check "the reviewer's comment is saved" rwait "Comment saved."
check "the writer sees the reviewer's comment" wait_for "Say how long."
tm send-keys -t rev C-q
check "the reviewer quits cleanly" rwait "EXIT=0"

keys C-q
check "the writer quits cleanly" wait_exit 0
"$ECQCOACH" comments "$F" >"$SCRATCH/list" 2>&1
check "both comments are in the file" grep -q "Rita Mentor" "$SCRATCH/list"
check "the writer's text is intact" wait_file "$F" "I froze new amendments in the affected program"
finish
