#!/bin/sh
# test_report_cache.sh: the report's result cache ($XDG_CACHE_HOME/ecqcoach/
# report): an unchanged project's row comes from it, a changed one (in the
# file or only in its -wal journal) is read again, --no-cache bypasses it,
# planted symbolic links are refused; and the findings counted by report
# (with its reader processes or without) equal those of `check`.
. "${srcdir:-.}/tests/cli/lib.sh"
plan 13

command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP no sqlite3"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 77; }
cd "$scratch" || exit 1
XDG_CACHE_HOME=$scratch/cache
export XDG_CACHE_HOME
cdir=$XDG_CACHE_HOME/ecqcoach/report
mkdir room
"$ECQCOACH" new --demo room/a.ecq >/dev/null || exit 1
"$ECQCOACH" new room/b.ecq --name "Bea Blank" >/dev/null || exit 1
"$ECQCOACH" new --demo room/c.ecq >/dev/null || exit 1
sqlite3 room/a.ecq "UPDATE meta SET value = 'Ann Able' WHERE key = 'candidate'" || exit 1
sqlite3 room/c.ecq "UPDATE meta SET value = 'Cy Cole' WHERE key = 'candidate';
    UPDATE example SET challenge = challenge || ' We was late. Teh end.' WHERE id = (SELECT min(id) FROM example)" || exit 1
# Rows of files changed in the last two seconds are not kept; these are old.
touch -d '2020-01-02 03:04:05' room/*.ecq

run report room
expect "a first report is made" 0 "3 projects, 3 read"
cp out first
rc=0
[ "$(stat -c %a "$XDG_CACHE_HOME/ecqcoach")" = 700 ] && [ "$(stat -c %a "$cdir")" = 700 ] || rc=1
[ "$(ls "$cdir" | grep -c '\.row$')" = 3 ] || rc=1
for f in "$cdir"/*.row; do [ "$(stat -c %a "$f")" = 600 ] || rc=1; done
tap "the cache holds one private entry per project in a private folder" $rc

# Served from the cache: an entry changed behind ecqcoach's back shows.
entry=$(grep -l '^name Bea Blank$' "$cdir"/*.row)
sed -i 's/^name Bea Blank$/name Bea From Cache/' "$entry"
run report room
expect "an unchanged project's row comes from the cache" 0 "Bea From Cache"
run report --no-cache room
expect "--no-cache reads the project itself" 0 "Bea Blank"

sqlite3 room/a.ecq "UPDATE meta SET value = 'Ann Edited' WHERE key = 'candidate'" || exit 1
run report room
expect "a project changed since is read again" 0 "Ann Edited"

# A writer's committed save still in the -wal journal (the file itself
# unchanged) is seen too.
sqlite3 room/c.ecq "PRAGMA journal_mode = WAL" >/dev/null || exit 1
touch -d '2020-01-02 03:04:05' room/c.ecq
run report room
fifo=$scratch/fifo
mkfifo "$fifo"
( { echo "UPDATE meta SET value = 'Cy In Wal' WHERE key = 'candidate';"; cat "$fifo"; } |
    sqlite3 room/c.ecq ) &
writer=$!
exec 9>"$fifo"
sleep 1
rc=0
[ -s room/c.ecq-wal ] || rc=1
run report room
grep -q "Cy In Wal" out || rc=1
tap "a save still in the -wal journal is seen" $rc
exec 9>&-
wait $writer

# A symbolic link planted as an entry is neither read nor written through.
run report --no-cache room
touch -d '2020-01-02 03:04:05' room/*.ecq
run report room
entry=$(grep -l '^name Bea Blank$' "$cdir"/*.row)
sed 's/^name Bea Blank$/name Planted/' "$entry" >"$scratch/target"
cp "$scratch/target" "$scratch/target.orig"
ln -sf "$scratch/target" "$entry"
run report room
rc=0
grep -q "Planted" out && rc=1
grep -q "Bea Blank" out || rc=1
cmp -s "$scratch/target" "$scratch/target.orig" || rc=1
[ -f "$entry" ] && [ ! -L "$entry" ] || rc=1
tap "a link planted as an entry is not followed" $rc

# A link planted as the cache folder: refused, said, and the report made.
mv "$cdir" "$scratch/old-cache"
mkdir "$scratch/elsewhere"
ln -s "$scratch/elsewhere" "$cdir"
run report room
expect "a link planted as the cache folder is refused" 0 "symbolic link"
rc=0
[ -z "$(ls "$scratch/elsewhere")" ] || rc=1
grep -q "3 projects, 3 read" out || rc=1
tap "nothing is written through it and the report is whole" $rc
rm "$cdir"
chmod 777 "$XDG_CACHE_HOME/ecqcoach"
run report room
expect "a cache folder others may write to is refused" 0 "others may write"
chmod 700 "$XDG_CACHE_HOME/ecqcoach"

# The same findings as check, read here or by reader processes.
run report --no-cache --pages -j1 --format json room
cp out one.json
rc=$status
run report --no-cache --pages -j3 --format json room
cp out three.json
[ $status -eq 0 ] || rc=1
cmp -s one.json three.json || rc=1
tap "reader processes give the same rows as reading in one process" $rc
for f in room/*.ecq; do
	"$ECQCOACH" check --format json "$f" >"check-$(basename "$f").json" 2>/dev/null
done
run report --pages --format json room
rc=0
python3 - "$scratch" <<'PY' || rc=1
import json, os, sys
d = sys.argv[1]
rep = json.load(open(os.path.join(d, "out")))
for p in rep["participants"]:
    c = json.load(open(os.path.join(d, "check-" + os.path.basename(p["file"]) + ".json")))["summary"]
    got = (p["findings"]["error"], p["findings"]["warning"], p["findings"]["info"], p["words"], p["pages"])
    want = (c["error"], c["warning"], c["info"], c["words"], c["pages"])
    if got != want:
        print("# %s: report %s, check %s" % (p["file"], got, want))
        sys.exit(1)
PY
tap "report counts findings, words and pages as check does" $rc
run report --jobs 0 room
expect "a bad --jobs is a usage error" 2 "jobs"
