#!/bin/sh
# SPDX-License-Identifier: MIT
# test_history.sh: `ecqcoach history`: lists the texts a project keeps
# earlier versions of (with labels people read), the versions of one text,
# prints one, and restores one through the store, keeping what it replaces;
# refuses to restore while a coach holds the file (ERR_LOCKED, exit 3).
. "${srcdir:-.}/tests/cli/lib.sh"
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "1..0 # SKIP needs sqlite3"
	exit 77
fi
plan 19
f=$scratch/h.ecq
run new "$f" --demo
expect "demo project" 0
run history "$f"
expect "no versions yet" 0 "No earlier versions are kept yet"

# earlier versions, as the store keeps them (targets count ECQs from 1)
sqlite3 "$f" "INSERT INTO revision(target, text, changed) VALUES
  ('meta.position', 'Old position title', '2026-01-01T00:00:00Z'),
  ('example.2.action', 'I wrote an old action. Second line
here.', '2026-01-02T00:00:00Z'),
  ('note.1.2', 'An older note on question two.', '2026-01-03T00:00:00Z');"

run history "$f"
expect "the list names the position" 0 "^meta.position  Position  \(1 version"
expect "the list labels the example field" 0 \
    'example.2.action  ECQ 1 \(Commitment.*\), example 2 "Restoring grantees.*", Action'
expect "the list labels the note from 1" 0 "note.1.2  ECQ 1 .*answer to focus question 2"

run history "$f" --field meta.position
expect "--field shows the text now" 0 "now +[0-9]+ words  Chief Financial Officer"
expect "--field lists version 1" 0 "^  1 +2026-01-01T00:00:00Z +3 words  Old position title$"
run history "$f" --field example.2.action
expect "--field shows the first line and marks the cut" 0 "I wrote an old action. Second line\.\.\.$"

run history "$f" --show 2
expect "--show prints the whole text" 0 "^here\.$"
run history "$f" --show 99
expect "--show an unknown id fails" 3 "keeps no revision 99"
run history "$f" --show x1
expect "--show a non-number is a usage error" 2 "version ID is a number"

if command -v flock >/dev/null 2>&1; then
	flock "$f.lock" "$ECQCOACH" history "$f" --restore 3 >"$scratch/out" 2>"$scratch/err"
	status=$?
	expect "--restore while another ecqcoach holds the file: ERR_LOCKED" 3 "is open in another ecqcoach"
else
	tap "--restore while locked # SKIP no flock" 0
fi

run history "$f" --restore 3
expect "--restore puts the note back" 0 "Restored version 3 of ECQ 1 .*focus question 2"
run show "$f"
expect "the note is the restored text" 0 "^An older note on question two\.$"
run history "$f" --field note.1.2
expect "the replaced note is kept as a version" 0 "^  4 .*Reported the violation"

run history "$f" --restore 1
expect "--restore the position" 0 "Restored version 1 of Position"
run show "$f"
expect "the position is restored" 0 "^Position: Old position title$"
run history "$f" --restore 5
expect "restoring the replaced text undoes the restore" 0 "Restored version 5"
run show "$f"
expect "the position is back as it was" 0 "^Position: Chief Financial Officer"
