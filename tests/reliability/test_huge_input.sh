#!/bin/sh
# SPDX-License-Identifier: MIT
# test_huge_input.sh: hostile sizes cost bounded time and memory. A project
# with a 50 MB one-word title (written with sqlite3, as a hostile tester
# would) opens in the coach and quits at Ctrl-Q or SIGHUP at once; check of
# a 10 MB one-line draft ends; an endless stream into check, lint and import
# is refused at the draft limit with exit 3, bounded memory and no claim of
# saved work; a paste that would push a field past the field limit is
# refused and the field keeps its text.
. "$srcdir/tests/tui/lib.sh"
if ! command -v sqlite3 >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP needs sqlite3 and python3"
	exit 77
fi

# now: seconds since the epoch with fractions
now() { python3 -c 'import time; print("%.3f" % time.time())'; }
elapsed() { python3 -c "import sys; print('%.2f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$1" "$2"; }

# The coach's pid in the pane (a child of the pane's shell).
coach_pid() {
	shell=$(tm display -p -t coach '#{pane_pid}')
	pgrep -P "$shell" | head -1
}

"$ECQCOACH" import "$srcdir/tests/fixtures/draft-markdown.md" -o "$SCRATCH/small.ecq" -q \
    >/dev/null 2>&1
python3 -c 'import sys; sys.stdout.write("A" * (50 * 1024 * 1024))' >"$SCRATCH/title.txt"
cp "$SCRATCH/small.ecq" "$SCRATCH/huge.ecq"
sqlite3 "$SCRATCH/huge.ecq" "UPDATE example SET title = CAST(readfile('$SCRATCH/title.txt') AS TEXT)
    WHERE id = (SELECT min(id) FROM example)"
rm -f "$SCRATCH/title.txt"
cp "$SCRATCH/huge.ecq" "$SCRATCH/hup.ecq"

# (a) Ctrl-Q a second after the first screen, while the page meter would
# be laying out the title.
start 100 30 "$ECQCOACH" "$SCRATCH/huge.ecq"
check "the coach opens a project with a 50 MB title" wait_for "Ctrl-Q"
sleep 1
t0=$(now)
keys C-q
if wait_exit 0; then
	t1=$(now)
	echo "# Ctrl-Q to exit with a 50 MB title: $(elapsed "$t0" "$t1") s"
	ok "Ctrl-Q quits the coach on a project with a 50 MB title"
else
	not_ok "Ctrl-Q quits the coach on a project with a 50 MB title"
	pid=$(coach_pid)
	[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
fi

# (b) SIGHUP while it works on the title.
start 100 30 "$ECQCOACH" "$SCRATCH/hup.ecq"
wait_for "Ctrl-Q" >/dev/null
sleep 1
pid=$(coach_pid)
t0=$(now)
[ -n "$pid" ] && kill -HUP "$pid"
if wait_for "EXIT="; then
	echo "# SIGHUP to exit with a 50 MB title: $(elapsed "$t0" "$(now)") s"
	ok "SIGHUP ends the coach on a project with a 50 MB title"
else
	not_ok "SIGHUP ends the coach on a project with a 50 MB title"
	[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
fi
tm kill-server 2>/dev/null
rm -f "$SCRATCH/huge.ecq"* "$SCRATCH/hup.ecq"*

# (c) check of a 10 MB draft on one line.
# "word word": a doubled-word finding every 10 bytes, a million in all.
python3 -c 'import sys; sys.stdout.write(("word " * 2000000)[:10000000] + "\n")' >"$SCRATCH/line.txt"
t0=$(now)
timeout 60 "$ECQCOACH" check --no-spelling "$SCRATCH/line.txt" >"$SCRATCH/out" 2>"$SCRATCH/err"
status=$?
echo "# check of a 10 MB line: status $status in $(elapsed "$t0" "$(now)") s"
check "check of a 10 MB one-line draft finishes within 60 s" [ "$status" -eq 1 ]
rm -f "$SCRATCH/line.txt" "$SCRATCH/out"

# (d) endless and over-limit streams: exit 3 at the limit, no "saved".
# stream_case NAME PRODUCER ARGS...: pipes PRODUCER into ecqcoach ARGS.
stream_case() {
	name=$1 producer=$2
	shift 2
	sh -c "$producer" | timeout 60 /usr/bin/env ECQ_RSS_FILE="$SCRATCH/rss" \
	    sh -c 'if [ -x /usr/bin/time ]; then exec /usr/bin/time -f "%M" -o "$ECQ_RSS_FILE" "$@";
	    else exec "$@"; fi' sh "$ECQCOACH" "$@" >/dev/null 2>"$SCRATCH/err"
	status=$?
	rss=$(tail -1 "$SCRATCH/rss" 2>/dev/null)
	echo "# $name: status $status, max RSS ${rss:-?} KB"
	if [ "$status" -eq 3 ] && grep -q "larger than the limit" "$SCRATCH/err" &&
	    ! grep -qi "saved" "$SCRATCH/err" && { [ -z "$rss" ] || [ "$rss" -lt 1048576 ]; }; then
		ok "$name: refused at the limit (exit 3), bounded memory, no claim of saved work"
	else
		not_ok "$name: refused at the limit (exit 3), bounded memory, no claim of saved work"
		sed 's/^/# err: /' "$SCRATCH/err" | head -3
	fi
	rm -f "$SCRATCH/rss"
}
stream_case "check of 100 MB on standard input" "yes | head -c 100000000" check -
stream_case "check of an endless stream" "yes" check -
stream_case "lint of an endless stream of NUL bytes" "cat /dev/zero" lint -
timeout 60 "$ECQCOACH" import - -o "$SCRATCH/imp.ecq" </dev/zero >/dev/null 2>"$SCRATCH/err"
status=$?
check "import of an endless stream is refused with exit 3 and no project" \
    sh -c "[ $status -eq 3 ] && [ ! -e '$SCRATCH/imp.ecq' ] && ! grep -qi saved '$SCRATCH/err'"

# (e) a paste that would take a field past the 1 MiB field limit.
start 100 30 "$ECQCOACH" paste.ecq
wait_for "Your full name" >/dev/null
type_text "Pat Doe"
keys Enter
wait_for "ses-2025" >/dev/null
keys Enter
wait_for "Step 1 of 104" >/dev/null
step_to "ECQ 1, example 1: Challenge" >/dev/null
type_text "Keep me as I am."
check "the Challenge holds what was typed" wait_for "Keep me as I am."
python3 -c 'import sys; sys.stdout.write("word " * 220000)' >"$SCRATCH/big.txt"
tm load-buffer -b big "$SCRATCH/big.txt"
tm paste-buffer -p -b big -t coach
check "a paste over the field limit is refused with a message" wait_for "Paste refused"
kept() { screen | grep -q 'Keep me as I am.' && ! screen | grep -q 'word word'; }
check "the field keeps its text" kept
keys C-q
check "the coach quits after the refused paste" wait_exit 0
check "the saved field holds the typed text only" sh -c \
    "'$ECQCOACH' show '$SCRATCH/paste.ecq' | grep -q 'Keep me as I am.' &&
     ! '$ECQCOACH' show '$SCRATCH/paste.ecq' | grep -q 'word word'"

finish
