#!/bin/sh
# SPDX-License-Identifier: MIT
# fuzz/run.sh: runs libFuzzer harnesses for `make fuzz`, each for SECONDS on
# its seed corpus ($srcdir/fuzz/corpus/NAME, read only: new inputs go to the
# scratch dir fuzz/work/NAME in the build tree) with its dictionary
# ($srcdir/fuzz/NAME.dict) when there is one. Prints one line per harness,
# PASS or FAIL with the executions and coverage, and exits 1 when one crashed.
# Usage: run.sh SRCDIR SECONDS HARNESS...
set -u
srcdir=$1 seconds=$2
shift 2
status=0

# run_one PROG: one harness; prints its line, returns 1 on a crash.
run_one() {
	name=$(basename "$1")
	work=fuzz/work/$name
	rm -rf "$work"
	mkdir -p "$work/new" || return 1
	dict=
	[ -f "$srcdir/fuzz/$name.dict" ] && dict=-dict=$srcdir/fuzz/$name.dict
	mkdir -p "$work/tmp" && TMPDIR=$PWD/$work/tmp && export TMPDIR
	"$1" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$work/" ${dict:+"$dict"} "$work/new" "$srcdir/fuzz/corpus/$name" \
		>"$work/log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
	cov=$(grep -E '^#[0-9]+.*cov: [0-9]+' "$work/log" | tail -1 |
		sed 's/.*\(cov: [0-9]* ft: [0-9]*\).*/\1/')
	if [ "$rc" -eq 0 ]; then
		echo "PASS: $name: ${runs:-0} runs in $seconds s, ${cov:-no coverage figure}, no crash"
		return 0
	fi
	art=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$work/log" | head -1)
	echo "FAIL: $name: crashed (exit $rc) after ${runs:-?} runs; input: ${art:-none saved}; log: $work/log"
	grep -E '^SUMMARY|ERROR: |runtime error' "$work/log" | head -5 | sed 's/^/    /'
	return 1
}

for prog in "$@"; do
	run_one "$prog" || status=1
done
exit $status
