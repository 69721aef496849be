#!/bin/sh
# bench/import.sh: the time and peak memory of `ecqcoach import` on a
# generated draft of about SIZE kilobytes (default 500): five ECQs, each with
# labelled examples built from tests/data/narrative-clean.md. A benchmark,
# not a test. Usage: bench/import.sh [ECQCOACH] [SIZE_KB]
set -u
srcdir=${srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
ecq=${1:-./ecqcoach}
kb=${2:-500}
[ -x "$ecq" ] || { echo "import bench: build ecqcoach first" >&2; exit 2; }
scratch=$(mktemp -d "${TMPDIR:-/tmp}/ecqimport.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export LC_ALL=C.UTF-8 ECQCOACH_DATADIR=${ECQCOACH_DATADIR:-$srcdir}
draft=$scratch/draft.md
# One example's body, repeated under each ECQ until the draft is big enough.
body=$(sed -n '/^\*\*Challenge/,/^\*\*Result/p' "$srcdir/tests/data/narrative-clean.md" | head -7)
{
	echo "# Narrative of Bench Mark"
	n=0
	for e in "Leading Change" "Leading People" "Results Driven" "Business Acumen" "Building Coalitions"; do
		n=$((n + 1))
		echo "## ECQ $n: $e"
		i=0
		while [ $i -lt $((kb * 1024 / 2300 / 5 + 1)) ]; do
			i=$((i + 1))
			echo "### Example $i: Story $i (2021-03 to 2023-06)"
			echo "$body"
			echo
		done
	done
} >"$draft"
size=$(wc -c <"$draft")
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f "%e s, %M KB peak" "$ecq" import "$draft" -o "$scratch/p.ecq" -q \
	    2>"$scratch/time" >"$scratch/out"
	rc=$?
	t=$(tail -1 "$scratch/time")
else
	start=$(date +%s.%N)
	"$ecq" import "$draft" -o "$scratch/p.ecq" -q >"$scratch/out" 2>&1
	rc=$?
	t="$(echo "$(date +%s.%N) - $start" | bc) s"
fi
echo "import of a $((size / 1024)) KB draft: exit $rc, $t"
tail -1 "$scratch/out"
