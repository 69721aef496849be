#!/bin/sh
# bench/report.sh: `ecqcoach report` over 500 demo-sized projects (the goal:
# under 2 s, memory flat in the number of files). The projects are made once
# with `ecqcoach new --demo` into a cache folder ($ECQ_BENCH_CACHE, default
# ${XDG_CACHE_HOME:-~/.cache}/ecqcoach-bench/report-500) and reused.
# Usage: bench/report.sh PATH/TO/ecqcoach
set -u
prog=${1:?usage: report.sh ECQCOACH}
: "${srcdir:=.}"
ECQCOACH_DATADIR=${ECQCOACH_DATADIR:-$srcdir}
export ECQCOACH_DATADIR
cache=${ECQ_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ecqcoach-bench/report-500}
n=500
mkdir -p "$cache" || exit 1
have=$(ls "$cache" | grep -c '\.ecq$')
if [ "$have" -lt $n ]; then
	echo "bench/report: making $n demo projects in $cache (once)..."
	# One demo, then copies with their own names: the same size as $n demos.
	[ -f "$cache/p000.ecq" ] || "$prog" new --demo "$cache/p000.ecq" >/dev/null || exit 1
	i=1
	while [ $i -lt $n ]; do
		f=$(printf '%s/p%03d.ecq' "$cache" $i)
		if [ ! -f "$f" ]; then
			cp "$cache/p000.ecq" "$f" &&
			sqlite3 "$f" "UPDATE meta SET value = 'Participant $i' WHERE key = 'candidate'" ||
			    exit 1
		fi
		i=$((i + 1))
	done
fi
measure() {
	label=$1
	shift
	/usr/bin/time -f '%e %M' -o "$cache.time" "$prog" report "$@" >/dev/null 2>&1
	read -r secs kb <"$cache.time"
	echo "bench/report: $label: $secs s, max RSS $((kb / 1024)) MiB"
}
# Memory flat in the number of files: 50 files against 500.
mkdir -p "$cache.50"
for f in "$cache"/p0[0-4]*.ecq; do ln -sf "$f" "$cache.50/"; done
measure "500 projects, checks (default)" "$cache"
measure "50 projects, checks (default)" "$cache.50"
measure "500 projects, --no-checks" --no-checks "$cache"
measure "500 projects, --pages" --pages "$cache"
