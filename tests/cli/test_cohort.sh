#!/bin/sh
# test_cohort.sh: `ecqcoach cohort init` from good and bad rosters: a
# spreadsheet's CSV (BOM, CRLF, quotes), bad rows reported by line and
# skipped, existing files never overwritten, 0600 files, and, as root, a
# `user` column giving each project to its participant.
. "${srcdir:-.}/tests/cli/lib.sh"
plan 17

have_sqlite=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1
q() { sqlite3 "$1" "$2" 2>/dev/null; }

printf '\357\273\277Name,E-Mail,Position\r\n"Doe, Pat",pat@x.gov,"Director, ""Ops"""\r\nJos\303\251 N\303\272\303\261ez,jn@x.gov,Chief\r\n,nobody@x.gov,\r\n"Sam\r\nBell",,\r\nbad \377 name,,\r\nPat O'"'"'Neil,,\r\n' >"$scratch/roster.csv"
cd "$scratch" || exit 1

run cohort init room --roster roster.csv --framework ses-2010 --plan self-paced
expect "a roster with bad rows: the good rows are made, exit 3" 3 "room: 3 created, 0 already there, 3 rows skipped"
rc=0
for f in room/doe-pat.ecq room/jose-nunez.ecq room/pat-oneil.ecq; do [ -f "$f" ] || rc=1; done
tap "files are named from the names (ASCII, no commas or quotes)" $rc
rc=0
grep -q 'roster.csv:4: no name; row skipped' err || rc=1
grep -q 'roster.csv:5: a field holds a line break' err || rc=1
grep -q 'roster.csv:7: field 1 is not valid UTF-8' err || rc=1
[ $rc -eq 0 ] || sed 's/^/# /' err
tap "each bad row is reported by its line" $rc
rc=0
for f in room/*.ecq room/cohort.ini; do
	[ "$(stat -c %a "$f")" = 600 ] || { echo "# $f: $(stat -c %a "$f")"; rc=1; }
done
tap "projects and cohort.ini are 0600" $rc
rc=0
grep -q '^framework = ses-2010$' room/cohort.ini || rc=1
grep -q '^plan = self-paced$' room/cohort.ini || rc=1
grep -q '^file = doe-pat.ecq$' room/cohort.ini || rc=1
grep -q '^name = Doe, Pat$' room/cohort.ini || rc=1
tap "cohort.ini records the framework, plan and files" $rc

if [ $have_sqlite -eq 1 ]; then
	rc=0
	[ "$(q room/doe-pat.ecq "SELECT value FROM meta WHERE key = 'candidate'")" = "Doe, Pat" ] || rc=1
	[ "$(q room/doe-pat.ecq "SELECT value FROM meta WHERE key = 'position'")" = 'Director, "Ops"' ] || rc=1
	[ "$(q room/doe-pat.ecq "SELECT id FROM framework")" = ses-2010 ] || rc=1
	tap "name, quoted position and framework are in the project" $rc
	rc=0
	[ "$(q room/jose-nunez.ecq "SELECT value FROM setting WHERE key = 'plan.name'")" = self-paced ] || rc=1
	[ "$(q room/jose-nunez.ecq "SELECT value FROM setting WHERE key = 'plan.step'")" = 0 ] || rc=1
	[ "$(q room/jose-nunez.ecq "SELECT value FROM setting WHERE key = 'candidate.email'")" = jn@x.gov ] || rc=1
	tap "plan.name, plan.step and the e-mail are settings" $rc
else
	echo "ok 6 # SKIP no sqlite3"; echo "ok 7 # SKIP no sqlite3"; tap_n=7
fi

run show room/jose-nunez.ecq
expect "a project made by cohort init opens" 0 "José Núñez"

sum1=$(cat room/*.ecq room/cohort.ini | cksum)
printf 'name\n"Doe, Pat"\nNew Person\n' >roster2.csv
cp roster.csv roster-again.csv
run cohort init room --roster roster-again.csv --framework ses-2010
expect "running again: existing files are left as they are" 3 "doe-pat.ecq: already there, left as it is"
sum2=$(cat room/*.ecq | cksum)
rc=0
[ "$(cat room/doe-pat.ecq room/jose-nunez.ecq room/pat-oneil.ecq room/cohort.ini | cksum)" = "$sum1" ] || rc=1
tap "existing projects and cohort.ini are byte for byte unchanged" $rc
: "$sum2"
run cohort init room --roster roster2.csv
expect "a latecomer is added to an existing cohort" 0 "1 created, 1 already there"
rc=0
[ "$(grep -c '^file = new-person.ecq$' room/cohort.ini)" = 1 ] || rc=1
[ "$(grep -c '^\[cohort\]$' room/cohort.ini)" = 1 ] || rc=1
tap "cohort.ini gains the latecomer's section only" $rc

printf 'name,email\nA,"never closed\nB,b\n' >broken.csv
run cohort init room2 --roster broken.csv
expect "an unterminated quote is an error naming its line" 3 "broken.csv: line 2: a quote opened here is never closed"
printf 'email,position\na@b,c\n' >noname.csv
run cohort init room2 --roster noname.csv
expect "a roster without a name column is refused" 3 'no "name" column'
run cohort init room2 --roster roster.csv --plan ./no/such/plan.ini
expect "a plan path that does not exist is refused" 3 "plan ./no/such/plan.ini"

# As root, a user column gives each project (in a folder of its own) to its user.
if [ "$(id -u)" = 0 ] && getent passwd nobody >/dev/null 2>&1; then
	printf 'name,user\nNora Body,nobody\nGhost,no-such-user-xyz\n' >users.csv
	run cohort init owned --roster users.csv
	expect "root with a user column: unknown users are refused by row" 3 "users.csv:3: unknown user 'no-such-user-xyz'"
	rc=0
	[ "$(stat -c '%U %a' owned/nora-body/nora-body.ecq)" = "nobody 600" ] || rc=1
	[ "$(stat -c '%U %a' owned/nora-body)" = "nobody 700" ] || rc=1
	[ ! -e owned/ghost ] || rc=1
	tap "the project and its folder belong to the user" $rc
else
	echo "ok 16 # SKIP not root"; echo "ok 17 # SKIP not root"
fi
