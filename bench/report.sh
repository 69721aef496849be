#!/bin/sh
# bench/report.sh: `ecqcoach report` over 500 demo-sized projects (the goal:
# under 2 s, memory flat in the number of files). The projects are made once
# with `ecqcoach new --demo` into a cache folder ($ECQ_BENCH_CACHE, default
# ${XDG_CACHE_HOME:-~/.cache}/ecqcoach-bench/report-500) and reused (made
# again when this ecqcoach cannot read them). "cold" is a report with an
# empty result cache (every project read and checked, rows stored), "warm"
# the same report again (nothing changed: every row from the cache). Each
# figure comes with the load average, since the machine may be shared.
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
# Demos made by an older ecqcoach (an older project format): make again.
if [ "$have" -gt 0 ] && ! "$prog" report --no-cache --no-checks "$cache/p000.ecq" >/dev/null 2>&1; then
	echo "bench/report: $cache was made by another ecqcoach; making it again"
	rm -f "$cache"/p*.ecq
	have=0
fi
if [ "$have" -lt $n ]; then
	echo "bench/report: making $n demo projects in $cache (once)..."
	# One demo, then copies with their own names: the same size as $n demos.
	# (Old enough that the result cache keeps their rows: see ecqcoach(1).)
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
	touch -d '1 minute ago' "$cache"/p*.ecq
fi
# The result cache of these runs, apart from the user's own.
rcache=$cache.xdg
measure() {
	label=$1
	shift
	load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
	XDG_CACHE_HOME=$rcache /usr/bin/time -f '%e %M' -o "$cache.time" "$prog" report "$@" \
	    >/dev/null 2>&1
	# time(1) puts "Command exited with non-zero status N" first on failure.
	read -r secs kb <<EOF_TIME
$(tail -n 1 "$cache.time")
EOF_TIME
	echo "bench/report: $label: $secs s, max RSS $((kb / 1024)) MiB (load average $load)"
}
# Memory flat in the number of files: 50 files against 500.
mkdir -p "$cache.50"
for f in "$cache"/p0[0-4]*.ecq; do ln -sf "$f" "$cache.50/"; done
rm -rf "$rcache"
measure "500 projects, cold (checks, empty result cache)" "$cache"
measure "500 projects, warm (checks, nothing changed)" "$cache"
measure "500 projects, --no-cache" --no-cache "$cache"
measure "500 projects, --no-cache --jobs 1" --no-cache --jobs 1 "$cache"
rm -rf "$rcache"
measure "50 projects, cold" "$cache.50"
measure "50 projects, warm" "$cache.50"
measure "500 projects, --no-checks --no-cache" --no-checks --no-cache "$cache"
measure "500 projects, --pages --no-cache" --pages --no-cache "$cache"
rm -rf "$rcache"
