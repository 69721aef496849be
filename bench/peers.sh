#!/bin/sh
# bench/peers.sh: ecqcoach beside its peers, in one run (a benchmark, not a test).
#  1. passive voice: precision, recall and F1 of `ecqcoach lint --rules passive`,
#     write-good (npm, --passive) and GNU style -p (Debian package diction) on
#     tests/data/passive.tsv;
#  2. time and peak memory (/usr/bin/time -v) of a full `ecqcoach lint` (all rules
#     and spelling), write-good, diction, style and `hunspell -l` on one
#     50,000-word text generated from tests/data.
# write-good is installed with npm into a scratch directory, diction with apt-get
# when missing; a peer that cannot be installed is shown as n/a.
# Usage: bench/peers.sh [ECQCOACH] (default: ./ecqcoach, then ecqcoach on PATH)
set -u
srcdir=${srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
ecq=${1:-${ECQCOACH:-./ecqcoach}}
[ -x "$ecq" ] || ecq=$(command -v ecqcoach) || { echo "peers: build ecqcoach first" >&2; exit 2; }
case $ecq in /*) ;; *) ecq=$(pwd)/$ecq ;; esac
data=$srcdir/tests/data
scratch=$(mktemp -d "${TMPDIR:-/tmp}/ecqpeers.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export LC_ALL=C.UTF-8 ECQCOACH_DATADIR=${ECQCOACH_DATADIR:-$srcdir}
# The user's own word list must not change the figures.
export XDG_DATA_HOME=$scratch/xdg

# ---- the peers ---------------------------------------------------------------
wg=
if command -v npm >/dev/null 2>&1; then
	echo "peers: installing write-good with npm into $scratch/npm ..." >&2
	if npm install --prefix "$scratch/npm" --no-audit --no-fund --loglevel=error write-good >"$scratch/npm.log" 2>&1; then
		wg=$scratch/npm/node_modules/.bin/write-good
	else
		echo "peers: npm could not install write-good (see below); shown as n/a" >&2
		tail -3 "$scratch/npm.log" >&2
	fi
else
	echo "peers: npm not found; write-good shown as n/a" >&2
fi
if ! command -v diction >/dev/null 2>&1; then
	echo "peers: installing diction with apt-get ..." >&2
	if [ "$(id -u)" -eq 0 ]; then
		apt-get install -y -qq diction >/dev/null 2>&1 ||
			{ apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq diction >/dev/null 2>&1; }
	else
		sudo -n apt-get install -y -qq diction >/dev/null 2>&1
	fi
fi
have_diction=0
command -v diction >/dev/null 2>&1 && command -v style >/dev/null 2>&1 && have_diction=1
[ $have_diction -eq 1 ] || echo "peers: diction/style not available; shown as n/a" >&2
have_time=0
[ -x /usr/bin/time ] && have_time=1
[ $have_time -eq 1 ] || echo "peers: /usr/bin/time missing (apt-get install time); no timings" >&2

# ---- 1. passive voice on tests/data/passive.tsv ------------------------------
# One sentence per paragraph (a blank line between), so every tool sees
# sentence i on line 2i-1 and no tool can join two sentences.
awk -F '\t' '{ print $2; print "" }' "$data/passive.tsv" >"$scratch/passive.txt"
awk -F '\t' '{ print ($1 == "passive") ? 1 : 0 }' "$data/passive.tsv" >"$scratch/gold"

# score NAME FILE-OF-FLAGGED-LINE-NUMBERS: prints "NAME P R F1"
score() {
	sort -un "$2" | awk 'NR == FNR { hit[($1 + 1) / 2] = 1; next }
		{ i++; g = $1; p = (i in hit) ? 1 : 0
		  if (g && p) tp++; else if (!g && p) fp++; else if (g && !p) fn++ }
		END { P = tp + fp ? tp / (tp + fp) : 0; R = tp + fn ? tp / (tp + fn) : 0
		      F = P + R ? 2 * P * R / (P + R) : 0
		      printf "%.3f %.3f %.3f %d %d %d\n", P, R, F, tp, fp, fn }' - "$scratch/gold"
}

"$ecq" lint --rules passive "$scratch/passive.txt" 2>/dev/null |
	sed -n 's/^[^:]*:\([0-9]*\):[0-9]*: .*\[passive\]$/\1/p' >"$scratch/ecq.lines"
ecq_score=$(score ecqcoach "$scratch/ecq.lines")
wg_score="n/a"
if [ -n "$wg" ]; then
	"$wg" "$scratch/passive.txt" --passive 2>/dev/null |
		sed -n 's/.* on line \([0-9]*\) at column .*/\1/p' >"$scratch/wg.lines"
	wg_score=$(score write-good "$scratch/wg.lines")
fi
st_score="n/a"
if [ $have_diction -eq 1 ]; then
	style -p "$scratch/passive.txt" 2>/dev/null |
		sed -n "s|^$scratch/passive.txt:\([0-9]*\): .*|\1|p" >"$scratch/style.lines"
	st_score=$(score style "$scratch/style.lines")
fi

n_sent=$(wc -l <"$scratch/gold")
n_pos=$(grep -c 1 "$scratch/gold")
echo
echo "Passive voice on tests/data/passive.tsv ($n_sent sentences, $n_pos passive)"
printf '  %-28s %7s %7s %7s %6s %6s %6s\n' tool precision recall F1 TP FP FN
for row in "ecqcoach lint --rules passive|$ecq_score" "write-good --passive|$wg_score" \
    "style -p (GNU diction)|$st_score"; do
	name=${row%%|*} s=${row#*|}
	if [ "$s" = "n/a" ]; then
		printf '  %-28s %7s\n' "$name" "n/a"
	else
		set -- $s
		printf '  %-28s %7s %7s %7s %6s %6s %6s\n' "$name" "$1" "$2" "$3" "$4" "$5" "$6"
	fi
done

# ---- 2. speed and memory on a 50,000-word text -------------------------------
# Every sentence and narrative line of tests/data, repeated, cut at 50,000 words.
{
	cut -f2 "$data/passive.tsv"
	cut -f2 "$data/rules.tsv"
	cat "$data/narrative-clean.md" "$data/narrative-flawed.md"
} >"$scratch/unit.txt"
: >"$scratch/words50k.txt"
while [ "$(wc -w <"$scratch/words50k.txt")" -lt 50000 ]; do
	cat "$scratch/unit.txt" >>"$scratch/words50k.txt"
done
awk -v max=50000 '{ n = split($0, w, /[ \t]+/); out = ""; k = 0
	for (i = 1; i <= n; i++) if (w[i] != "") { if (total >= max) break; out = out (k++ ? " " : "") w[i]; total++ }
	print out; if (total >= max) exit }' "$scratch/words50k.txt" >"$scratch/text.txt"
text=$scratch/text.txt
n_words=$(wc -w <"$text")

# measure NAME CMD...: runs CMD on the text under /usr/bin/time -v, 3 times, and
# keeps the run with the least CPU time (user + system): other jobs on the
# machine stretch the wall-clock time, not the CPU time.
measure() {
	name=$1; shift
	best_c= best_t= best_m=
	for run in 1 2 3; do
		/usr/bin/time -v "$@" >"$scratch/m.out" 2>"$scratch/m.err"
		t=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$scratch/m.err" |
			awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.3f", s }')
		c=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 }
			END { printf "%.3f", s }' "$scratch/m.err")
		m=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$scratch/m.err")
		if [ -z "$best_c" ] || awk -v a="$c" -v b="$best_c" 'BEGIN { exit !(a < b) }'; then
			best_c=$c best_t=$t best_m=$m
		fi
	done
	printf '  %-40s %9s %9s %9s\n' "$name" "$best_t" "$best_c" \
		"$(awk -v k="$best_m" 'BEGIN { printf "%.1f", k / 1024 }')"
	echo "$name|$best_t|$best_c|$best_m" >>"$scratch/times"
}

echo
echo "Time and peak memory on one $n_words-word text generated from tests/data (best of 3)"
printf '  %-40s %9s %9s %9s\n' tool "wall s" "CPU s" "peak MB"
if [ $have_time -eq 1 ]; then
	: >"$scratch/times"
	measure "hunspell -l -d en_US" sh -c "hunspell -l -d en_US <'$text'"
	measure "ecqcoach lint (all rules, spelling)" "$ecq" lint "$text"
	measure "ecqcoach lint --format json" "$ecq" lint --format json "$text"
	measure "ecqcoach lint --no-spelling" "$ecq" lint --no-spelling "$text"
	[ -n "$wg" ] && measure "write-good (all checks)" "$wg" "$text"
	[ -n "$wg" ] && measure "write-good --passive" "$wg" "$text" --passive
	[ $have_diction -eq 1 ] && measure "diction" diction "$text"
	[ $have_diction -eq 1 ] && measure "style -p" style -p "$text"
	awk -F'|' '
		$1 ~ /^hunspell/ { hw = $2; hc = $3 }
		$1 ~ /^ecqcoach lint \(all/ { ew = $2; ec = $3 }
		$1 ~ /^write-good \(all/ { ww = $2; wc = $3 }
		END {
			if (hc > 0 && ec > 0)
				printf "\n  full lint / hunspell -l: %.2fx CPU, %.2fx wall (target: at most 1.5x)\n", ec / hc, ew / hw
			if (ec > 0 && wc > 0)
				printf "  write-good / full lint: %.1fx CPU, %.1fx wall (target: at least 10x)\n", wc / ec, ww / ew
		}' "$scratch/times"
fi
