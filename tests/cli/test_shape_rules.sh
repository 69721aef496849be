#!/bin/sh
# SPDX-License-Identifier: MIT
# test_shape_rules.sh: the résumé and card rules in the checking engine
# (issue 12). Their ids are public (lint --list-rules, --rules); `check` on
# a 2025 project checks every résumé line (spelling, grammar, the résumé
# rules), the coverage, USAJOBS' limit and the length as laid out, and
# every card (spelling and the text rules said aloud, never first_person),
# with the target and field a front end jumps to; a dismissal sticks; the
# 2010 demo (narrative only) checks exactly as before. Prints TAP.

: "${ECQCOACH:?ECQCOACH must name the binary}"
: "${srcdir:=.}"
if [ ! -x "$ECQCOACH" ] || ! command -v sqlite3 >/dev/null 2>&1 ||
    ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP needs the ecqcoach binary, sqlite3 and python3"
	exit 77
fi
srcdir=$(cd "$srcdir" && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp/home XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
export HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME
mkdir -p "$HOME"
LC_ALL=C.UTF-8 TZ=UTC
export LC_ALL TZ

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }
# has JSON RULE TARGET FIELD TEXT: a finding with these (TEXT "" for any)
has() {
	python3 - "$@" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
rule, target, field, text = sys.argv[2:6]
sys.exit(0 if any(f["rule"] == rule and f["target"] == target and f["field"] == field
                  and (text == "" or f["text"] == text) for f in d["findings"]) else 1)
EOF
}
count() { # count JSON RULE [TARGET-PREFIX]
	python3 - "$@" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
p = sys.argv[3] if len(sys.argv) > 3 else ""
print(sum(1 for f in d["findings"] if f["rule"] == sys.argv[2]
          and (f["target"] or "").startswith(p)))
EOF
}

# --- the ids are public ------------------------------------------------------
"$ECQCOACH" lint --list-rules >"$tmp/rules"
for id in first_person action_verb resume_length resume_coverage usajobs_limit; do
	check "lint --list-rules lists $id as a résumé rule" \
		grep -q "^$id .*(résumé)$" "$tmp/rules"
done
for id in card_time card_no_result; do
	check "lint --list-rules lists $id as a card rule" grep -q "^$id .*(card)$" "$tmp/rules"
done
check "unquantified_result is listed once" [ "$(grep -c '^unquantified_result ' "$tmp/rules")" = 1 ]
echo "Led it." | "$ECQCOACH" lint --rules first_person,card_time - >/dev/null 2>"$tmp/err"
check "--rules accepts the résumé and card ids" [ $? -eq 0 ]

# --- the 2025 demo with a bad résumé line and a misspelt card ----------------
p=$tmp/d.ecq
"$ECQCOACH" new "$p" --demo --framework ses-2025 >/dev/null ||
	{ echo "Bail out! cannot make the demo project"; exit 1; }
sqlite3 "$p" "UPDATE example SET resume = 'I was responsible for managment of the the grants office.' WHERE id = 2;
	UPDATE example SET card = card || char(10) || 'I then utilized a recieved plan.' WHERE id = 3;"
(cd "$tmp" && "$ECQCOACH" check d.ecq >"$tmp/out" 2>"$tmp/err")
check "check finds first_person on the résumé line, at its place" \
	grep -q "^d.ecq:ECQ 1 .*, example 2, résumé line:1:1: warning: .*\[first_person\]$" "$tmp/out"
check "and spelling in the résumé line, with line and column" \
	grep -q "example 2, résumé line:1:23: warning: unknown word \"managment\" \[spelling\]" "$tmp/out"
check "and spelling in a card" \
	grep -q "^d.ecq:ECQ 2 .*, example 1, card:6:.*unknown word \"recieved\" \[spelling\]" "$tmp/out"
"$ECQCOACH" check "$p" --format json >"$tmp/j" 2>/dev/null
check "JSON: first_person with target example.2.resume and field resume" \
	has "$tmp/j" first_person example.2.resume resume I
check "JSON: spelling in the résumé line" has "$tmp/j" spelling example.2.resume resume managment
check "JSON: a doubled word in the résumé line" has "$tmp/j" grammar example.2.resume resume "the the"
check "JSON: unquantified_result on the résumé line" \
	has "$tmp/j" unquantified_result example.2.resume resume ""
check "JSON: spelling in the card with target example.3.card and field card" \
	has "$tmp/j" spelling example.3.card card recieved
check "JSON: bureaucratic in the card" has "$tmp/j" bureaucratic example.3.card card utilized
check "\"I\" in a card is right: no first_person on cards" \
	[ "$(count "$tmp/j" first_person example.)" = 1 ]
check "the JSON summary counts the résumé rule" \
	python3 -c "import json,sys; sys.exit(0 if json.load(open('$tmp/j'))['summary']['rules'].get('first_person') == 1 else 1)"
"$ECQCOACH" check "$p" --format json --rules -first_person >"$tmp/j2" 2>/dev/null
check "--rules -first_person leaves it out" [ "$(count "$tmp/j2" first_person)" = 0 ]

# --- a dismissal sticks -------------------------------------------------------
sqlite3 "$p" "INSERT INTO dismissed VALUES ('spelling', 'example.3.card', 'recieved', '2026-01-01T00:00:00Z');"
"$ECQCOACH" check "$p" --format json >"$tmp/j3" 2>/dev/null
check "a dismissed card finding stays dismissed" \
	[ "$(count "$tmp/j3" spelling example.3.card)" = 0 ]
check "the other findings of the card stay" has "$tmp/j3" bureaucratic example.3.card card utilized

# --- coverage, length, USAJOBS' limit -----------------------------------------
sqlite3 "$p" "UPDATE example SET resume = '' WHERE ecq = 'leading-people';"
"$ECQCOACH" check "$p" --format json >"$tmp/j4" 2>/dev/null
check "an ECQ with examples but no résumé line: resume_coverage on ECQ 4" \
	python3 -c "import json,sys; sys.exit(0 if [f['ecq'] for f in json.load(open('$tmp/j4'))['findings'] if f['rule'] == 'resume_coverage'] == [4] else 1)"
long="Led $(printf 'the review of 40 grant programs across ten regions and %.0s' 1 2 3 4 5 6 7 8)all of it."
sqlite3 "$p" "UPDATE example SET resume = '$long' WHERE id = 5;
	UPDATE position SET duties = printf('%.5100c', 'x') WHERE id = 1;"
"$ECQCOACH" check "$p" --format json >"$tmp/j5" 2>/dev/null
check "a résumé line over three lines as laid out: resume_length" \
	has "$tmp/j5" resume_length example.5.resume resume ""
check "duties past USAJOBS' limit: usajobs_limit on the position's duties" \
	has "$tmp/j5" usajobs_limit position.1.duties position ""
(cd "$tmp" && "$ECQCOACH" check d.ecq 2>/dev/null | grep "usajobs_limit" >"$tmp/u")
check "the text output names the position" grep -q "^d.ecq:résumé, position 1 " "$tmp/u"
"$ECQCOACH" check "$p" --format json --rules -resume_length >"$tmp/j6" 2>/dev/null
check "--rules -resume_length leaves the layout's finding out" \
	[ "$(count "$tmp/j6" resume_length)" = 0 ]

# --- a narrative-only project checks as before ---------------------------------
"$ECQCOACH" new "$tmp/d10.ecq" --demo --framework ses-2010 >/dev/null
sqlite3 "$tmp/d10.ecq" "UPDATE example SET resume = 'I was responsible for managment.', card = 'We utilized it.'"
(cd "$tmp" && "$ECQCOACH" check d10.ecq >"$tmp/c10" 2>/dev/null)
check "ses-2010 (narrative only): check output as before the résumé and card rules" \
	cmp -s "$srcdir/tests/data/check-ses2010-demo.expected" "$tmp/c10"
[ "$failed" -eq 0 ] || diff "$srcdir/tests/data/check-ses2010-demo.expected" "$tmp/c10" | sed 's/^/#   /'

echo "1..$n"
[ "$failed" -eq 0 ]
