#!/bin/sh
# SPDX-License-Identifier: MIT
# test_resume_rescue.sh: text typed on the résumé screen is never lost.
# Another program holds the project's write lock (sqlite3, BEGIN
# IMMEDIATE), so the coach cannot save: a position's title and
# organization and a résumé line are typed, the coach shows NOT SAVED, and
# SIGHUP makes it write a rescue file beside the project and exit 3.
# `ecqcoach recover` lists the file with its places named and --apply
# puts every typed character back in its own place.
. "${srcdir:-.}/tests/tui/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "1..0 # SKIP sqlite3 is not installed"
	exit 77
fi
P="$SCRATCH/p.ecq"
cat > "$SCRATCH/run.sh" <<EOF
echo \$\$ > "$SCRATCH/coach.pid"
exec "$ECQCOACH" "\$@" 2>"$SCRATCH/coach.err"
EOF
q() { sqlite3 "$P" "$1" 2>/dev/null; }
# wait_sql QUERY TEXT: true once the query's output holds TEXT
wait_sql() {
	i=0
	while [ $i -lt "$WAIT_STEPS" ]; do
		q "$1" | grep -qF -- "$2" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

"$ECQCOACH" new "$P" --demo >/dev/null || exit 1
start 100 30 sh "$SCRATCH/run.sh" "$P"
check "the coach opens" wait_for "Castillo"
keys F3
check "F3 opens the résumé screen" wait_for "Deputy Chief Financial Officer"
keys a
check "a adds a position" wait_for "Position 3, Title"
type_text "Quebec"
check "its title is saved" wait_sql "SELECT title FROM position WHERE id = 3" "Quebec"

# another program takes the write lock: nothing more can be saved
mkfifo "$SCRATCH/sql"
sqlite3 "$P" < "$SCRATCH/sql" >/dev/null 2>&1 &
SQLPID=$!
exec 3>"$SCRATCH/sql"
echo "BEGIN IMMEDIATE;" >&3
sleep 0.5
type_text " Victor"
keys Tab
type_text "Whiskey Office"
keys Escape Up Up Up
check "the last line of position 2 is selected" wait_for "Résumé line, ECQ 4,"
keys Enter
type_text "Xray yankee. "
check "every key typed is on the screen" wait_for "Xray yankee. Cut average"
check "the lock: NOT SAVED" wait_for "NOT SAVED"
kill -HUP "$(cat "$SCRATCH/coach.pid")"
check "SIGHUP with unsaved text exits with status 3" wait_exit 3
check "the rescue file is beside the project" test -f "$P.rescue"
check "stderr names it" grep -q "p.ecq.rescue" "$SCRATCH/coach.err"
echo "ROLLBACK;" >&3
exec 3>&-
wait "$SQLPID"

check "recover lists it" sh -c "'$ECQCOACH' recover '$P' | grep -q 'p.ecq.rescue'"
check "the rescue file names the résumé line's place" \
    grep -q "résumé line" "$P.rescue"
check "and the position's field" grep -q 'Résumé, position 3 "Quebec", Organization' "$P.rescue"
check "recover --apply puts it back" sh -c "'$ECQCOACH' recover '$P' --apply >/dev/null"
check "the title typed is in the project" \
    sh -c "[ \"\$(sqlite3 '$P' 'SELECT title FROM position WHERE id = 3')\" = 'Quebec Victor' ]"
check "the organization typed is in the project" \
    sh -c "[ \"\$(sqlite3 '$P' 'SELECT organization FROM position WHERE id = 3')\" = 'Whiskey Office' ]"
check "the résumé line typed is in the project" \
    sh -c "sqlite3 '$P' 'SELECT resume FROM example WHERE id = 7' | grep -q '^Xray yankee. Cut average award time'"
check "nothing went to the unsorted text" \
    sh -c "! sqlite3 '$P' \"SELECT value FROM meta WHERE key = 'unsorted'\" | grep -q 'Rescued'"
finish
