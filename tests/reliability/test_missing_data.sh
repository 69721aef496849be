#!/bin/sh
# SPDX-License-Identifier: MIT
# test_missing_data.sh: missing data is said, never a silent "0 findings".
# With ECQCOACH_DATADIR on a copy whose dictionaries/ is empty, lacks a
# list or the federal words, or is gone, and with DICPATH on a folder
# without hunspell's en_US, `check` warns and the coach's dashboard shows
# the same warning, still there after visiting another screen and after
# the status line has moved on. Runs the coach in tmux; prints TAP.
. "${srcdir:-.}/tests/tui/lib.sh"

unset DICPATH
P=$SCRATCH/p.ecq
"$ECQCOACH" new --demo "$P" >/dev/null || { echo "Bail out! cannot create a project"; exit 1; }
"$ECQCOACH" new "$SCRATCH/guided.ecq" >/dev/null
# A data folder like the real one: prompts/ and dictionaries/.
mkdata() {
	rm -rf "$SCRATCH/data-$1"
	mkdir -p "$SCRATCH/data-$1/dictionaries"
	cp -r "$srcdir/prompts" "$SCRATCH/data-$1/"
	cp "$srcdir"/dictionaries/*.txt "$SCRATCH/data-$1/dictionaries/"
	echo "$SCRATCH/data-$1"
}
mkdir -p "$SCRATCH/nohunspell"

# cli_says NAME TEXT ENV...: `check` on the project warns with TEXT.
cli_says() {
	name=$1 text=$2; shift 2
	env "$@" "$ECQCOACH" check --format text "$P" >"$SCRATCH/out" 2>"$SCRATCH/err"
	if grep -qF -- "$text" "$SCRATCH/err"; then ok "$name"; else
		n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $name"
		sed 's/^/#   /' "$SCRATCH/err" | head -5
	fi
}

# coach_says NAME TEXT ENV...: the dashboard shows TEXT at once, after an
# ECQ screen was opened and left, and after a few seconds.
coach_says() {
	what=$1 text=$2; shift 2
	start 100 30 env "$@" "$ECQCOACH" "$P"
	check "coach, $what: the dashboard says so" wait_for "$text"
	keys Enter
	wait_for "Definition" >/dev/null
	keys Escape
	wait_for "Share of pages" >/dev/null
	sleep 3
	keys Down
	check "coach, $what: still said after another screen and a while" wait_for "$text"
	keys C-q
	wait_exit 0 >/dev/null
}

D=$(mkdata empty)
rm -f "$D"/dictionaries/*.txt
cli_says "check: an empty dictionaries/ is said" "no word lists in" ECQCOACH_DATADIR="$D"
coach_says "empty dictionaries/" "no word lists in" ECQCOACH_DATADIR="$D"

D=$(mkdata partial)
rm -f "$D/dictionaries/vague.txt" "$D/dictionaries/we-actors.txt"
cli_says "check: missing word lists are named" "missing from $D/dictionaries: vague, we-actors" \
	ECQCOACH_DATADIR="$D"
coach_says "missing word lists" "word lists missing from" ECQCOACH_DATADIR="$D"

D=$(mkdata nofederal)
rm -f "$D/dictionaries/federal-words.txt"
if [ -r /usr/share/hunspell/en_US.dic ]; then
	cli_says "check: a missing federal word list is said" "federal-words.txt" ECQCOACH_DATADIR="$D"
	coach_says "missing federal word list" "federal-words.txt" ECQCOACH_DATADIR="$D"
fi

cli_says "check: a missing hunspell dictionary is said" "no en_US hunspell dictionary" \
	DICPATH="$SCRATCH/nohunspell"
coach_says "missing hunspell dictionary" "no en_US hunspell dictionary" \
	DICPATH="$SCRATCH/nohunspell"

# No dictionaries/ at all (a coordinator's folder with only prompts/): the
# shipped word lists are used and that is said, never a run with no checks.
D=$(mkdata gone)
rm -rf "$D/dictionaries"
env ECQCOACH_DATADIR="$D" "$ECQCOACH" check "$P" >/dev/null 2>"$SCRATCH/err"
st=$?
if [ $st -le 1 ] && grep -qF "has no dictionaries/; using the word lists in" "$SCRATCH/err" &&
    ! grep -qF "no word lists" "$SCRATCH/err"; then
	ok "check: no dictionaries/ uses the shipped word lists and says so"
else
	n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - check: no dictionaries/ (exit $st)"
fi
start 100 30 env ECQCOACH_DATADIR="$D" "$ECQCOACH" "$P"
check "coach, no dictionaries/: the status line says which word lists are used" \
    wait_for "has no dictionaries/; using"
keys C-q
wait_exit 0 >/dev/null

finish
