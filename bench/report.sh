#!/bin/sh
# bench/report.sh: `ecqcoach report` over 500 demo-sized projects. The goal:
# a cold report of 500 projects in under 2 s with the default workers (one
# per processor), a warm one well under that, memory flat in the number of
# files. Prints each figure against the goal and exits 0 (77 when it cannot
# run: no sqlite3 or /usr/bin/time); it is a benchmark, not a test, and
# never fails on time.
#
# The projects are made once with `ecqcoach new --demo` into a cache folder
# ($ECQ_BENCH_CACHE, default ${XDG_CACHE_HOME:-~/.cache}/ecqcoach-bench/
# report-500) and reused; they are made again when the demo or the recipe
# below changed, or when this ecqcoach cannot read them. Each copy gets its
# own name and its own sentence at the end of every text, so no two
# projects have a text in common: a cache keyed by text cannot make the
# cohort look cheaper than 500 different participants (they still share
# the demo's vocabulary, as a cohort shares much of its own).
#
# "cold" is a report with an empty result cache (every project read and
# checked, rows stored), "warm" the same report again (nothing changed:
# every row from the cache). Each figure comes with the CPU time (user +
# system, all processes) and the load average: the machine may be shared,
# and then the CPU time is the steadier figure.
# Usage: bench/report.sh PATH/TO/ecqcoach
set -u
prog=${1:?usage: report.sh ECQCOACH}
: "${srcdir:=.}"
ECQCOACH_DATADIR=${ECQCOACH_DATADIR:-$srcdir}
export ECQCOACH_DATADIR
goal=2
recipe=2        # bump when the way the copies are made changes
cache=${ECQ_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ecqcoach-bench/report-500}
n=500
if ! command -v sqlite3 >/dev/null 2>&1 || [ ! -x /usr/bin/time ]; then
	echo "bench/report: needs sqlite3 and /usr/bin/time; skipped"
	exit 77
fi
mkdir -p "$cache" || exit 1
cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')

# What the copies are made from: the recipe and the demo's texts.
fresh=$cache.fresh.ecq
rm -f "$fresh"
"$prog" new --demo "$fresh" >/dev/null || exit 1
stamp="recipe $recipe $(sqlite3 "$fresh" "SELECT group_concat(title || challenge || context ||
    action || result || resume || card, '|') FROM example" | cksum)"
rm -f "$fresh" "$fresh-wal" "$fresh-shm"
have=$(ls "$cache" | grep -c '\.ecq$')
if [ "$have" -gt 0 ] && { [ "$(cat "$cache.stamp" 2>/dev/null)" != "$stamp" ] ||
    ! "$prog" report --no-cache --no-checks "$cache/p000.ecq" >/dev/null 2>&1; }; then
	echo "bench/report: $cache was made from another demo or by another ecqcoach; making it again"
	rm -f "$cache"/p*.ecq
	have=0
fi
if [ "$have" -lt $n ]; then
	echo "bench/report: making $n demo projects in $cache (once)..."
	rm -f "$cache"/p*.ecq
	"$prog" new --demo "$cache/p.ecq" >/dev/null || exit 1
	i=0
	while [ $i -lt $n ]; do
		f=$(printf '%s/p%03d.ecq' "$cache" $i)
		# A text of its own in every field that has one.
		cp "$cache/p.ecq" "$f" &&
		sqlite3 "$f" "UPDATE meta SET value = 'Participant $i' WHERE key = 'candidate';
		    UPDATE example SET
		      challenge = challenge || ' Participant $i faced this in year $i.',
		      context = context || ' The team of participant $i had $i members.',
		      action = action || ' Participant $i led step $i.',
		      result = result || ' Participant $i saved \$$i,000.',
		      resume = CASE WHEN resume = '' THEN '' ELSE resume || ' Saved \$$i,000.' END,
		      card = CASE WHEN card = '' THEN '' ELSE card || ' Participant $i saved \$$i,000.' END;
		    UPDATE intro SET text = text || ' Participant $i wrote this.' WHERE text <> '';" ||
		    exit 1
		i=$((i + 1))
	done
	rm -f "$cache/p.ecq"
	# Old enough that the result cache keeps their rows: see ecqcoach(1).
	touch -d '1 minute ago' "$cache"/p*.ecq
	echo "$stamp" >"$cache.stamp"
fi
# The result cache of these runs, apart from the user's own.
rcache=$cache.xdg
measure() {
	label=$1
	want=$2
	shift 2
	load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
	XDG_CACHE_HOME=$rcache /usr/bin/time -f '%e %U %S %M' -o "$cache.time" "$prog" report "$@" \
	    >/dev/null 2>&1
	# time(1) puts "Command exited with non-zero status N" first on failure.
	read -r secs user sys kb <<EOF_TIME
$(tail -n 1 "$cache.time")
EOF_TIME
	verdict=
	if [ "$want" != - ]; then
		if awk -v s="$secs" -v g="$want" 'BEGIN { exit !(s <= g) }'; then
			verdict=", goal $want s: met"
		else
			verdict=", goal $want s: NOT met"
		fi
	fi
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	echo "bench/report: $label: $secs s (CPU $cpu s), max RSS $((kb / 1024)) MiB$verdict" \
	    "(load average $load)"
}
# Memory flat in the number of files: 50 files against 500; and 100.
for k in 50 100; do
	rm -rf "$cache.$k"
	mkdir -p "$cache.$k"
	ls "$cache"/p*.ecq | head -n $k | while read -r f; do ln -s "$f" "$cache.$k/"; done
done
echo "bench/report: $cpus processors"
rm -rf "$rcache"
measure "500 projects, cold (checks, empty result cache)" $goal "$cache"
measure "500 projects, warm (checks, nothing changed)" 0.2 "$cache"
measure "500 projects, --no-cache" $goal --no-cache "$cache"
measure "500 projects, --no-cache --jobs 1" - --no-cache --jobs 1 "$cache"
rm -rf "$rcache"
measure "100 projects, cold" - "$cache.100"
measure "100 projects, --no-cache --jobs 1" - --no-cache --jobs 1 "$cache.100"
rm -rf "$rcache"
measure "50 projects, cold" - "$cache.50"
measure "50 projects, warm" - "$cache.50"
measure "500 projects, --no-checks --no-cache" - --no-checks --no-cache "$cache"
measure "500 projects, --pages --no-cache" - --pages --no-cache "$cache"
rm -rf "$rcache"
exit 0
