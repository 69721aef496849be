#!/bin/sh
# SPDX-License-Identifier: MIT
# test_save_failure.sh: a save that fails never silently loses typed text.
# The project sits on a small tmpfs that is then filled: the coach shows
# NOT SAVED (through F2 and other messages) and retries on its own once
# space is freed; Ctrl-Q asks (retry, rescue file, back) and re-asks on
# other keys; SIGTERM and SIGHUP write a rescue file in the state folder and
# exit non-zero; `ecqcoach recover` puts every typed character back. A
# project whose file is locked by another program gets its rescue file
# beside it. Needs root (to mount); skips otherwise.
. "${srcdir:-.}/tests/tui/lib.sh"

if [ "$(id -u)" != 0 ]; then
	echo "1..0 # SKIP needs root to mount a small filesystem"
	exit 77
fi
MNT="$SCRATCH/small"
mkdir -p "$MNT"
if ! mount -t tmpfs -o size=4m,mode=0755 ecqtest "$MNT" 2>/dev/null; then
	echo "1..0 # SKIP cannot mount a tmpfs here"
	exit 77
fi
# the coaches first (one may hold a file on the tmpfs), then the tmpfs
unmount() {
	for s in $SOCKS; do "$TMUX_BIN" -L "$s" kill-server 2>/dev/null; done
	umount "$MNT" 2>/dev/null || umount -l "$MNT" 2>/dev/null
}
trap 'unmount; cleanup' EXIT

P="$MNT/p.ecq"
STATE="$HOME/.local/state/ecqcoach"
# run.sh: the coach with its pid and stderr kept, so signals can reach it
cat > "$SCRATCH/run.sh" <<EOF
echo \$\$ > "$SCRATCH/coach.pid"
exec "$ECQCOACH" "\$@" 2>"$SCRATCH/coach.err"
EOF

fill() { dd if=/dev/zero of="$MNT/fill" bs=4096 2>/dev/null; sync; }
unfill() { rm -f "$MNT/fill"; }
# open PROJECT [ENV...]: the coach on the first focus question (guided mode)
open_note() {
	proj=$1; shift
	start 100 30 "$@" sh "$SCRATCH/run.sh" --guided "$proj"
	wait_for "Guided: ECQ 1 of 5" || return 1
	if screen | grep -q "step 1 of 7"; then keys C-n; fi
	wait_for "step 2 of 7: Focus questions"
}
has_state_rescue() { ls "$STATE"/p.ecq.rescue* >/dev/null 2>&1; }
text_in_project() { "$ECQCOACH" show "$P" | grep -qF -- "$1"; }
# the rescue file's name from the coach's message on stderr
rescue_named() { grep -o "is in [^;]*;" "$SCRATCH/coach.err" | sed 's/^is in //; s/;$//'; }

# ---- a full disk: NOT SAVED stays, and the retry saves on its own ---------
"$ECQCOACH" new "$P" --name "Pat Doe" >/dev/null || exit 1
check "the coach opens on the project" open_note "$P"
fill
type_text "Alpha bravo charlie."
check "a failed save shows NOT SAVED" wait_for "NOT SAVED"
check "with the reason" wait_for "full"
keys F2
check "F2 opens the dashboard" wait_for "Examples    Words"
check "NOT SAVED survives F2" wait_for "NOT SAVED"
keys C-s
sleep 0.3
check "NOT SAVED survives Ctrl-S" wait_for "NOT SAVED"
keys C-q
check "Ctrl-Q with unsaved text asks" wait_for "rescue file and quit"
keys x
check "a key that is no answer asks again" wait_for "Press r, w or Esc"
check "and the coach is still running" sh -c "! grep -q EXIT= <<EOF
$(screen)
EOF"
keys r
check "retrying on a full disk says so" wait_for "Still not saved"
keys Escape
check "Esc goes back to writing" wait_gone "rescue file and quit"
unfill
check "after space is freed the retry saves on its own" wait_for "everything typed is in the project file"
check "NOT SAVED is gone" wait_gone "NOT SAVED"
check "the text is in the project" wait_file "$P" "Alpha bravo charlie."

keys C-q
check "Ctrl-Q with everything saved quits at once, status 0" wait_exit 0

# Ctrl-Q, then w: a rescue file in the state folder (the project's is full)
check "the coach opens again" open_note "$P"
fill
type_text " Delta echo."
check "full again: NOT SAVED" wait_for "NOT SAVED"
keys C-q
check "Ctrl-Q asks again" wait_for "rescue file and quit"
keys w
check "w writes a rescue file and quits non-zero" wait_exit 3
check "in the state folder, since the project's folder is full" has_state_rescue
check "stderr names the rescue file" grep -q "$STATE/p.ecq.rescue" "$SCRATCH/coach.err"
unfill
check "recover lists it" sh -c "'$ECQCOACH' recover '$P' | grep -q 'Delta echo\|p.ecq.rescue'"
apply() { "$ECQCOACH" recover "$@" --apply >/dev/null; }
check "recover --apply puts it back" apply "$P"
check "the text typed before Ctrl-Q is in the project" text_in_project "Delta echo."
check "the rescue file is kept as .used" sh -c "ls '$STATE'/p.ecq.rescue*.used >/dev/null"

# ---- SIGTERM with a full disk -----------------------------------------------
check "the coach opens again" open_note "$P"
fill
type_text " Sierra tango, 100% done."
check "NOT SAVED before SIGTERM" wait_for "NOT SAVED"
kill -TERM "$(cat "$SCRATCH/coach.pid")"
check "SIGTERM with unsaved text exits with status 3" wait_exit 3
R=$(rescue_named)
check "stderr names the rescue file" test -n "$R"
check "the rescue file is 0600 in a 0700 folder" sh -c "
	[ \"\$(stat -c %a '$R')\" = 600 ] && [ \"\$(stat -c %a '$STATE')\" = 700 ]"
echo "# SIGTERM message: $(cat "$SCRATCH/coach.err")"
unfill
check "recover --apply RESCUE puts the text back" apply "$P" "$R"
check "every typed character is in the project" text_in_project "Sierra tango, 100% done."

# ---- SIGHUP, with XDG_STATE_HOME ---------------------------------------------
XS="$SCRATCH/xdg-state"
check "the coach opens with XDG_STATE_HOME set" open_note "$P" XDG_STATE_HOME="$XS"
fill
type_text " Hotel india."
check "NOT SAVED before SIGHUP" wait_for "NOT SAVED"
kill -HUP "$(cat "$SCRATCH/coach.pid")"
check "SIGHUP with unsaved text exits with status 3" wait_exit 3
check "the rescue file is in \$XDG_STATE_HOME/ecqcoach" test -f "$XS/ecqcoach/p.ecq.rescue"
unfill
check "recover finds it there" sh -c "XDG_STATE_HOME='$XS' '$ECQCOACH' recover '$P' | grep -q '$XS/ecqcoach/p.ecq.rescue'"
check "recover --apply with one rescue file needs no name" \
    env XDG_STATE_HOME="$XS" sh -c "'$ECQCOACH' recover '$P' --apply >/dev/null"
check "the text is back" text_in_project "Hotel india."

# ---- a rescue file on the next open -------------------------------------------
check "the coach opens again" open_note "$P"
fill
type_text " Juliet kilo."
check "NOT SAVED before SIGTERM" wait_for "NOT SAVED"
kill -TERM "$(cat "$SCRATCH/coach.pid")"
check "exit status 3" wait_exit 3
unfill
start 100 30 sh "$SCRATCH/run.sh" "$P"
check "the next open offers the rescued text" wait_for "r  restore it now"
check "naming its date and place" wait_for "was rescued to"
keys z
check "another key asks again" wait_for "Press r or l"
keys r
check "r restores it" wait_file "$P" "Juliet kilo."
check "and says so" wait_for "Restored 1 fields"
keys C-q
check "quit with nothing unsaved is instant, status 0" wait_exit 0

# ---- a locked project: the rescue file goes beside it ---------------------------
if command -v sqlite3 >/dev/null 2>&1; then
	B="$SCRATCH/beside"
	mkdir -p "$B"
	"$ECQCOACH" new "$B/p.ecq" --name "Pat Doe" >/dev/null
	check "the coach opens a project on a roomy disk" open_note "$B/p.ecq"
	mkfifo "$SCRATCH/sql"
	sqlite3 "$B/p.ecq" < "$SCRATCH/sql" >/dev/null 2>&1 &
	SQLPID=$!
	exec 3>"$SCRATCH/sql"
	echo "BEGIN IMMEDIATE;" >&3
	sleep 0.5
	type_text "Lima mike."
	check "another program's lock: NOT SAVED" wait_for "NOT SAVED"
	kill -TERM "$(cat "$SCRATCH/coach.pid")"
	check "SIGTERM exits with status 3" wait_exit 3
	check "the rescue file is beside the project" test -f "$B/p.ecq.rescue"
	echo "ROLLBACK;" >&3
	exec 3>&-
	wait "$SQLPID"
	check "recover --apply puts it back" apply "$B/p.ecq"
	check "the text is in the project" sh -c "'$ECQCOACH' show '$B/p.ecq' | grep -q 'Lima mike.'"
else
	echo "# sqlite3 is not installed: the rescue file beside the project is not tried"
fi
finish
