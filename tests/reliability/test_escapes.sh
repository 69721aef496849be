#!/bin/sh
# SPDX-License-Identifier: MIT
# test_escapes.sh: nothing read from a file reaches the terminal raw. A
# project whose every text column (meta, framework snapshot, examples,
# notes, intros, comments, words) holds terminal escapes (ESC [2J, OSC 0
# title-set, C1 CSI and OSC, BEL, CR, backspace, bidi overrides), a draft
# and a framework file with the same, and files named with them, go through
# every command that reads a project or a framework; stdout and stderr are
# scanned for the raw bytes. Files written by export drop the controls.
# The coach's own error path (a damaged project named with escapes) is
# checked in tmux. Prints TAP.

: "${ECQCOACH:?ECQCOACH must name the binary}"
: "${srcdir:=.}"
if [ ! -x "$ECQCOACH" ] || ! command -v sqlite3 >/dev/null 2>&1 ||
    ! command -v perl >/dev/null 2>&1; then
	echo "1..0 # SKIP needs the ecqcoach binary, sqlite3 and perl"
	exit 77
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp/home XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config
export HOME XDG_DATA_HOME XDG_CONFIG_HOME
mkdir -p "$HOME"
LC_ALL=C.UTF-8 TZ=UTC TERM=dumb
export LC_ALL TZ TERM
unset ECQCOACH_DATADIR

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

# scan FILE: prints what raw control bytes FILE holds (nothing when clean).
scan() {
	perl -0777 -ne '
		my @bad;
		push @bad, "ESC" if /\x1b/;
		push @bad, "BEL" if /\x07/;
		push @bad, "BS" if /\x08/;
		push @bad, "CR" if /\r/;
		push @bad, "DEL" if /\x7f/;
		push @bad, "C1" if /\xc2[\x80-\x9f]/;
		push @bad, "bidi" if /\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]/;
		s/[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xef][\x80-\xbf]{2}|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf4][\x80-\xbf]{3}//g;
		push @bad, "invalid-UTF-8" if length;
		print join(" ", @bad);' "$1"
}

# run NAME ARGS...: runs ecqcoach; ok when neither stdout nor stderr holds a
# raw control. Sets $status; keeps the output in $tmp/out and $tmp/err.
run() {
	name=$1; shift
	"$ECQCOACH" "$@" >"$tmp/out" 2>"$tmp/err" <"${IN:-/dev/null}"
	status=$?
	bad_out=$(scan "$tmp/out") bad_err=$(scan "$tmp/err")
	if [ -z "$bad_out$bad_err" ]; then
		ok "$name (exit $status)"
	else
		not_ok "$name: stdout [$bad_out] stderr [$bad_err]"
		head -c 300 "$tmp/err" | od -c | head -4 | sed 's/^/#   /'
	fi
}

# The payload: erase screen, set the window title (OSC 0 ... BEL), C1 CSI
# and OSC, BEL, CR, backspace, right-to-left override, an invalid byte.
# (Framework files must be valid UTF-8, so their payload PF has no invalid byte.)
PF=$(printf '\033[2J\033]0;pwn\007\302\2332J\302\2350;x\007\r\010\342\200\256\342\201\246')
P=$(printf '%s\377' "$PF")
SQLP="char(27)||'[2J'||char(27)||']0;pwn'||char(7)||char(155)||'2J'||char(157)||'0;x'||char(7)||char(13)||char(8)||char(8238)||char(8294)||CAST(X'FF' AS TEXT)"

# A real project, every text column poisoned.
p=$tmp/p.ecq
"$ECQCOACH" new --demo "$p" >/dev/null || { echo "Bail out! cannot create a project"; exit 1; }
sqlite3 "$p" "
UPDATE meta SET value = 'M' || $SQLP || value WHERE key IN ('candidate', 'position', 'created', 'modified');
INSERT OR REPLACE INTO meta(key, value) VALUES ('unsorted', 'Unsorted ' || $SQLP);
UPDATE example SET title = 'T' || $SQLP || title, start_date = $SQLP || start_date,
  end_date = end_date || $SQLP, challenge = challenge || ' We was helped ' || $SQLP,
  context = $SQLP || context, action = action || $SQLP, result = result || $SQLP;
UPDATE example_competency SET competency = competency || $SQLP;
INSERT OR REPLACE INTO note(ecq, question, text) SELECT ecq, 0, 'Note ' || $SQLP FROM intro;
UPDATE intro SET text = 'Intro ' || $SQLP || text;
INSERT INTO comment(target, quote, author, body, created) VALUES ('intro.x', $SQLP, $SQLP, $SQLP, $SQLP);
INSERT OR REPLACE INTO word(word) VALUES ('W' || $SQLP);
" || { echo "Bail out! cannot poison the project"; exit 1; }
# The framework snapshot: title, ECQ titles, definitions, competencies and
# questions (the snapshot is the framework file's text).
sqlite3 "$p" "SELECT text FROM framework" >"$tmp/fw.ini"
PAY=$PF perl -i -pe 's/^(title|definition|competency|question|in_force) = /$& Z$ENV{PAY}Z /' "$tmp/fw.ini"
sqlite3 "$p" "UPDATE framework SET text = CAST(readfile('$tmp/fw.ini') AS TEXT)" ||
	{ echo "Bail out! cannot poison the snapshot"; exit 1; }

run "show" show "$p"
run "show --ecq with escapes in the argument" show "$p" --ecq "$P"
run "check (text)" check "$p"
run "check --format json" check --format json "$p"
if perl -MJSON::PP -e 'local $/; decode_json(<STDIN>)' <"$tmp/out" 2>/dev/null; then
	ok "check --format json is still valid JSON"
else
	not_ok "check --format json is still valid JSON"
fi
run "export -o - (text)" export "$p" -o -
run "export -o - --format markdown" export "$p" -o - --format markdown
run "export -o - --unwrapped --ascii" export "$p" -o - -u -a
run "export -o out.txt" export "$p" -o "$tmp/out.txt"
run "export -o out.md" export "$p" -o "$tmp/out.md"
run "export -o out.pdf" export "$p" -o "$tmp/out.pdf"
for f in out.txt out.md; do
	bad=$(scan "$tmp/$f" | sed 's/bidi//; s/^ *//')
	if [ -f "$tmp/$f" ] && [ -z "$bad" ]; then
		ok "$f holds no control characters"
	else
		not_ok "$f holds no control characters: [$bad]"
	fi
done
if grep -q 'pwn' "$tmp/out.txt" 2>/dev/null && grep -q 'Intro' "$tmp/out.txt"; then
	ok "export to a file keeps the text around the controls"
else
	not_ok "export to a file keeps the text around the controls"
fi

# A draft with escapes: lint, check and import report them.
d=$tmp/draft.md
{
	printf '# Narrative %s\n\nName: Pat %s\nPosition: Chief %s\n\n' "$P" "$P" "$P"
	printf '## ECQ 1: Leading Change %s\n\nIntro %s we was helped.\n\n' "$P" "$P"
	printf '### Example 1: Title %s (2021-03 to 2023-06)\n\n' "$P"
	printf 'Competencies: Vision %s\n\n' "$P"
	printf '**Challenge:** I faced %s teh problem.\n\n**Action:** I acted %s.\n\n' "$P" "$P"
	printf 'Stray line %s\n' "$P"
} >"$d"
run "lint a draft" lint "$d"
run "lint --format json" lint --format json "$d"
IN=$d run "lint from standard input" lint -
run "check a draft" check "$d"
run "check a draft --format json" check --format json "$d"
run "import a draft (report)" import "$d" -o "$tmp/imported.ecq"
run "show the imported project" show "$tmp/imported.ecq"
run "import a draft named with escapes" import "$tmp/d$P.md" -o "$tmp/i2.ecq"

# A hostile framework file in ECQCOACH_DATADIR.
data=$tmp/datadir
mkdir -p "$data/prompts" "$data/dictionaries"
cp "$srcdir"/dictionaries/*.txt "$data/dictionaries/"
cp "$srcdir"/prompts/ses-2025.ini "$data/prompts/"
sed 's/^id = ses-2025$/id = hostile/; s/^current = yes$/current = no/' \
	"$srcdir/prompts/ses-2025.ini" >"$tmp/h.ini"
PAY=$PF perl -pe 's/^(title|definition|competency|question|in_force) = /$& Z$ENV{PAY}Z /' \
	"$tmp/h.ini" >"$data/prompts/hostile.ini"
export ECQCOACH_DATADIR=$data
run "frameworks with a hostile framework file" frameworks
run "frameworks --verbose" frameworks --verbose
run "new --framework hostile" new "$tmp/h.ecq" --framework hostile
run "show a project of the hostile framework" show "$tmp/h.ecq"
run "check a draft against the hostile framework" check --framework hostile "$d"
run "new --framework with escapes in the argument" new "$tmp/x.ecq" --framework "$P"
# A broken framework file: the error quotes its text.
printf '[framework]\nid = broken\ntitle = B\nbogus%s = 1\n' "$P" >"$data/prompts/broken.ini"
run "frameworks with a broken framework file" frameworks
rm -f "$data/prompts/broken.ini"
printf '[framework]\nid = broken\ntitle = B\ncurrent = %s\n' "$P" >"$data/prompts/broken.ini"
run "frameworks with a broken framework value" frameworks
rm -f "$data/prompts/broken.ini"
# A hostile word list (an error names the file and line).
printf 'ok\n%s\n' "$P" >"$data/dictionaries/vague.txt"
run "lint with a broken word list" lint "$d"
unset ECQCOACH_DATADIR

# Error paths: damaged and missing files named with escapes.
bad=$tmp/bad$P.ecq
printf 'not a project %s\n' "$P" >"$bad"
run "show a damaged file named with escapes" show "$bad"
run "check a damaged file named with escapes" check "$bad"
run "export a damaged file named with escapes" export "$bad" -o -
run "show a missing file named with escapes" show "$tmp/missing$P.ecq"
run "export to a folder named with escapes" export "$p" -o "$tmp/nodir$P/out.txt"
run "lint a missing file named with escapes" lint "$tmp/missing$P.txt"
run "check a missing draft named with escapes" check "$tmp/missing$P.md"
cp "$p" "$tmp/snap.ecq"
sqlite3 "$tmp/snap.ecq" "UPDATE framework SET id = 'x' || $SQLP, text = '[framework]' || char(10) || 'title = ' || $SQLP"
run "show a project whose snapshot is broken" show "$tmp/snap.ecq"
run "unknown command with escapes" "x$P" "$p"
run "unknown option with escapes" "-$P"

# The coach's own error path: a damaged project named with escapes, opened
# in a terminal, prints a filtered one-line error.
if command -v tmux >/dev/null 2>&1; then
	sock=ecqesc-$$
	printf '%s' "$bad" >"$tmp/badname"
	tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 30 -s esc \
	    "cd '$tmp' && env TERM=xterm-256color '$ECQCOACH' \"\$(cat '$tmp/badname')\" 2>'$tmp/coach.err'; echo \$? >'$tmp/coach.rc'; sleep 60"
	i=0
	while [ ! -s "$tmp/coach.rc" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
	tmux -L "$sock" kill-server 2>/dev/null
	b=$(scan "$tmp/coach.err")
	lines=$(wc -l <"$tmp/coach.err")
	if [ "$(cat "$tmp/coach.rc" 2>/dev/null)" = 3 ] && [ -z "$b" ] && [ "$lines" -eq 1 ] &&
	    grep -q 'ecqcoach: ' "$tmp/coach.err"; then
		ok "the coach's error on a damaged project named with escapes is one filtered line"
	else
		not_ok "the coach's error on a damaged project named with escapes is one filtered line: rc $(cat "$tmp/coach.rc" 2>/dev/null) [$b] $lines lines"
		od -c "$tmp/coach.err" | head -5 | sed 's/^/#   /'
	fi
else
	n=$((n + 1)); echo "ok $n - coach error path # SKIP tmux is not installed"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
