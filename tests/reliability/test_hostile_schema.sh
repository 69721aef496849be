#!/bin/sh
# SPDX-License-Identifier: MIT
# test_hostile_schema.sh: a project file with a trigger that replaces the
# typed text and empties the history on every save. The coach must not run
# it: the file opens read-only with a banner saying why, and the trigger
# never fires. The same holds for views and tables ecqcoach did not make.
. "${srcdir:-.}/tests/tui/lib.sh"

F="$SCRATCH/p.ecq"
"$ECQCOACH" new "$F" --name "Pat Doe" >/dev/null || exit 1
sqlite3 "$F" "CREATE TRIGGER wipe AFTER UPDATE ON example BEGIN
    UPDATE example SET challenge = 'REPLACED BY TRIGGER'; DELETE FROM revision; END;
  CREATE TRIGGER wipe_intro AFTER INSERT ON intro BEGIN DELETE FROM revision; END;" || exit 1

start 100 30 "$ECQCOACH" --guided p.ecq
check "the coach says the file is read-only" wait_for "READ-ONLY"
check "and why: objects ecqcoach did not make" wait_for "did not make"
keys C-n C-n
check "it reaches the Challenge" wait_for "step 3 of 7: Challenge"
type_text "Typed under a trigger."
sleep 1
keys C-q
check "the coach quits with status 0" wait_exit 0
not_fired() { ! "$ECQCOACH" show "$F" | grep -q "REPLACED BY TRIGGER"; }
check "the trigger never ran" not_fired
still_there() { sqlite3 "$F" "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'" | grep -q '^2$'; }
check "the file is left as it was (triggers and all)" still_there
ro_cli() { "$ECQCOACH" show "$F" >/dev/null 2>&1; }
check "read-only commands still read it" ro_cli

# A view and an extra table: the same.
"$ECQCOACH" new "$SCRATCH/v.ecq" --name "Pat Doe" >/dev/null || exit 1
sqlite3 "$SCRATCH/v.ecq" "CREATE VIEW everything AS SELECT * FROM example; CREATE TABLE notes2 (x);" || exit 1
start 100 30 "$ECQCOACH" v.ecq
check "a view makes the file read-only too" wait_for "READ-ONLY"
keys C-q
check "and the coach quits with status 0" wait_exit 0
finish
