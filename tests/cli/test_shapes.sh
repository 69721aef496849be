#!/bin/sh
# test_shapes.sh: one story, three shapes on the command line (issue 12):
# `show` prints what the framework asks for, the totals, each example's
# shapes, résumé line and card; `report` has résumé-line and card columns
# when some participant's framework asks for them, in text, CSV and JSON,
# and its cache does not serve rows of the format before them.
. "${srcdir:-.}/tests/cli/lib.sh"
plan 16

cd "$scratch" || exit 1
"$ECQCOACH" new --demo d25.ecq --framework ses-2025 --name "Ann Able" >/dev/null || exit 1
"$ECQCOACH" new --demo d10.ecq --framework ses-2010 --name "Bo Bell" >/dev/null || exit 1

run show d25.ecq
expect "show ses-2025: what the framework asks for, with budgets" 0 \
    "^Asks for: résumé \(2 pages\) and interview \(2:00-4:00 a story\) first; narrative \(10 pages\) optional$"
expect "show ses-2025: the totals" 0 "^Résumé lines: 10 of 10 examples; cards: 5 of 10; narratives: 10 of 10$"
expect "show ses-2025: an example's shapes, résumé first" 0 \
    "^Shapes: Résumé 2 lines · Card 2:13 · Narrative 378 words$"
expect "show ses-2025: an example without a card says so" 0 "^Shapes: Résumé 1 line · no card · Narrative [0-9]+ words$"
expect "show ses-2025: the résumé line" 0 "^Reported a \\\$6.2 million Antideficiency Act violation"
expect "show ses-2025: the card" 0 "^Three months into my job as Deputy CFO"
rc=0
[ "$(grep -c '^Résumé line:$' out)" = 10 ] && [ "$(grep -c '^Card:$' out)" = 5 ] || rc=1
tap "show ses-2025: ten résumé lines and five cards, each under its example" $rc

run show d10.ecq
expect "show ses-2010: the narrative alone" 0 "^Asks for: narrative \(10 pages\)$"
rc=0
grep -q '^Narratives: 10 of 10 examples$' out || rc=1
grep '^Shapes: ' out | grep -qv '^Shapes: Narrative [0-9]* words$' && rc=1
tap "show ses-2010: totals and shapes of the narrative only" $rc

# report: columns only when some framework asks for the shapes
mkdir room old
cp d25.ecq d10.ecq room/
cp d10.ecq old/
"$ECQCOACH" new room/new.ecq --name "Cy New" --framework ses-2025 >/dev/null || exit 1
run report --no-cache room
expect "report: résumé and card columns" 0 "RESUME +CARDS +ERR"
rc=0
grep '^Ann Able ' out | grep -q ' 10/10  *5/10 ' || rc=1
grep '^Bo Bell ' out | grep -qE ' -  +-  +[0-9]' || rc=1
grep '^Cy New ' out | grep -q ' 0/0  *0/0 ' || rc=1
grep '^TOTAL ' out | grep -q ' 10/10  *5/10 ' || rc=1
[ $rc -eq 0 ] || sed 's/^/# /' out
tap "report: n of examples per participant, '-' where the framework does not ask, and the total" $rc
run report --no-cache old
rc=0
grep -q RESUME out && rc=1
grep -q CARDS out && rc=1
tap "report: no such columns when no framework asks for them" $rc
run report --no-cache --format json room
rc=$status
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); p={x["name"]: x for x in d["participants"]}; assert (p["Ann Able"]["resume_lines"], p["Ann Able"]["cards"]) == (10, 5), p["Ann Able"]; assert p["Bo Bell"]["resume_lines"] is None and p["Bo Bell"]["cards"] is None; assert (d["totals"]["resume_lines"], d["totals"]["cards"]) == (10, 5)' "$scratch/out" || rc=1
tap "report --format json: resume_lines and cards (null where not asked)" $rc
run report --no-cache --format csv room
rc=$status
python3 -c 'import csv,sys; r={x["name"]: x for x in csv.DictReader(open(sys.argv[1], newline=""))}; assert (r["Ann Able"]["resume_lines"], r["Ann Able"]["cards"]) == ("10", "5"); assert (r["Bo Bell"]["resume_lines"], r["Bo Bell"]["cards"]) == ("", "")' "$scratch/out" || rc=1
tap "report --format csv: resume_lines and cards columns" $rc

# the cache: a row kept in the format before these columns is read again
XDG_CACHE_HOME=$scratch/cache
export XDG_CACHE_HOME
touch -d '2020-01-02 03:04:05' room/*.ecq
run report room
cdir=$XDG_CACHE_HOME/ecqcoach/report
entry=$(grep -l '^name Ann Able$' "$cdir"/*.row 2>/dev/null | head -1)
rc=0
[ -n "$entry" ] && grep -q '^resume_lines 10$' "$entry" && grep -q '^cards 5$' "$entry" || rc=1
tap "the cache keeps the résumé lines and cards" $rc
sed -i -e 's/^name Ann Able$/name From Old Cache/' -e 's/^end [0-9]*$/end 1/' "$entry"
run report room
rc=0
grep -q 'From Old Cache' out && rc=1
grep '^Ann Able ' out | grep -q ' 10/10  *5/10 ' || rc=1
tap "a cached row of the older format is read again from its project" $rc
