#!/bin/sh
# test_report.sh: `ecqcoach report` on a folder of 200 generated projects,
# one corrupt file (one row with the reason, not an abort) and one held by a
# writer (still read, and the writer is not blocked); CSV and JSON parse.
. "${srcdir:-.}/tests/cli/lib.sh"
plan 12

command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP no sqlite3"; exit 77; }
cd "$scratch" || exit 1
mkdir room
# 200 projects: one made by `new`, copied with their own names and a few
# edits (an example, words, a plan step, an open and a resolved comment).
"$ECQCOACH" new room/p000.ecq --name "Participant 000" --framework ses-2025 >/dev/null || exit 1
i=1
while [ $i -lt 200 ]; do
	f=$(printf 'room/p%03d.ecq' $i)
	cp room/p000.ecq "$f"
	i=$((i + 1))
done
# One complete narrative among them.
rm room/p007.ecq
"$ECQCOACH" new --demo room/p007.ecq >/dev/null || exit 1
i=0
for f in room/p*.ecq; do
	n=${f#room/p}; n=${n%.ecq}
	sqlite3 "$f" "UPDATE meta SET value = 'Participant $n' WHERE key = 'candidate';
	    INSERT INTO setting(key, value) VALUES ('plan.name', 'one-day-2025'), ('plan.step', '$((i % 7))');" || exit 1
	i=$((i + 1))
done
sqlite3 room/p007.ecq "UPDATE setting SET value = '7' WHERE key = 'plan.step';
    INSERT INTO comment(uid, target, quote, author, body, created, resolved) VALUES
    ('c1', 'meta.candidate', 'x', 'mentor', 'open one', '2026-01-01T00:00:00Z', 0),
    ('c2', 'meta.candidate', 'x', 'mentor', 'done', '2026-01-01T00:00:00Z', 1);" || exit 1
printf 'this is not a project' >room/broken.ecq

run report room
expect "200 projects and a corrupt one: exit 0" 0 "201 projects, 200 read"
rc=0
[ "$(grep -c '^Participant ' out)" = 200 ] || rc=1
tap "one row per readable participant" $rc
rc=0
grep -q '^broken  *cannot read: ' out || rc=1
tap "the corrupt file is one row with the reason" $rc
rc=0
grep '^Participant 007 ' out | grep -q 'ses-2025  *one-day-2025 8  *2/[1-9]' || rc=1
[ "$(grep '^Participant 007 ' out | awk '{print $(NF-2)}')" = 1 ] || rc=1
[ $rc -eq 0 ] || grep '^Participant 007 ' out | sed 's/^/# /'
tap "framework, plan step, examples and open comments of a participant" $rc
rc=0
[ "$(sed -n 2p out | cut -c1-15)" = "Participant 000" ] || rc=1
grep -q '^TOTAL ' out || rc=1
tap "sorted by name, with a total" $rc

run report --format json room
rc=$status
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["participants"]) == 201, len(d["participants"]); assert d["read"] == 200; p=[x for x in d["participants"] if x["name"] == "Participant 007"][0]; assert p["plan_step"] == 8 and p["open_comments"] == 1 and p["examples"] == 10 and p["words"] > 1000, p; assert [x for x in d["participants"] if x["error"]][0]["file"].endswith("broken.ecq")' "$scratch/out" || rc=1
tap "JSON parses and holds every row" $rc

run report --format csv room
rc=$status
python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1], newline=""))); assert len(r) == 202, len(r); assert r[-1]["name"] == "TOTAL"; assert [x for x in r if x["name"] == "Participant 007"][0]["open_comments"] == "1"; assert [x for x in r if x["problem"]][0]["file"].endswith("broken.ecq")' "$scratch/out" || rc=1
tap "CSV parses and holds every row and the total" $rc

# A writer holds the project (a write transaction open in another process,
# and a coach's lock file): report still reads it, and does not block it.
mkdir held
"$ECQCOACH" new held/w.ecq --name "Writer Busy" >/dev/null
fifo=$scratch/fifo
mkfifo "$fifo"
( { echo "BEGIN IMMEDIATE; UPDATE meta SET value = 'Writer Busy' WHERE key = 'candidate';"; cat "$fifo"; } | sqlite3 held/w.ecq ) &
writer=$!
exec 9>"$fifo"
sleep 1
run report held
expect "a project in the middle of a write transaction is still read" 0 "Writer Busy"
echo "COMMIT;" >&9
exec 9>&-
wait $writer
tap "the writer commits after the report" $?

( flock -x 8; sleep 4 ) 8>"held/w.ecq.lock" &
locker=$!
sleep 0.5
run report held/w.ecq
expect "a project whose write lock a coach holds is read" 0 "Writer Busy"
kill $locker 2>/dev/null; wait $locker 2>/dev/null

run report nothing-here.ecq
expect "nothing readable: exit 3" 3 "nothing-here"
run report --format xml room
expect "an unknown format is a usage error" 2 "unknown format"
