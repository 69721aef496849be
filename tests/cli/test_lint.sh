#!/bin/sh
# ecqcoach lint: output formats, rule selection, exit codes and bad input
# (invalid UTF-8, NUL bytes, empty, huge, a missing dictionary).
. "${srcdir:-.}/tests/cli/lib.sh"
plan 36

have_dict=0
[ -r /usr/share/hunspell/en_US.dic ] && have_dict=1
has_python=0
command -v python3 >/dev/null 2>&1 && has_python=1

# lint_in FILE ARGS...: lint with stdin from FILE.
lint_in() {
	in=$1; shift
	timeout 120 "$ECQCOACH" lint "$@" <"$in" >"$scratch/out" 2>"$scratch/err"
	status=$?
}
# json_ok: the output parses as JSON (skipped as passing without python3).
json_ok() {
	[ $has_python -eq 0 ] && return 0
	python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$scratch/out"
}

printf 'I led a team of 12 analysts and cut costs by 20%%.\n' >"$scratch/clean.txt"
run lint "$scratch/clean.txt"
expect "clean text exits 0" 0
[ ! -s "$scratch/out" ]
tap "clean text prints nothing" $?

printf 'Intro line.\nThe report was written by the team.\n' >"$scratch/passive.txt"
run lint "$scratch/passive.txt"
expect "a finding exits 1" 1 "passive.txt:2:12: warning: .*\[passive\]$"
grep -q '^    suggestion' "$scratch/out"
tap "a suggestion line follows the finding" $?

printf 'I recieved the award.\n' >"$scratch/spell.txt"
run lint "$scratch/spell.txt"
if [ $have_dict -eq 1 ]; then
	expect "a misspelling is found with its column" 1 "spell.txt:1:3: warning: .*recieved.*\[spelling\]"
	grep -q '^    suggestions: received' "$scratch/out"
	tap "hunspell suggestions are printed" $?
else
	tap "a misspelling is found with its column # SKIP no en_US dictionary" 0
	tap "hunspell suggestions are printed # SKIP no en_US dictionary" 0
fi

lint_in "$scratch/passive.txt" -
expect "- reads standard input" 1 "^<stdin>:2:12: "
lint_in "$scratch/passive.txt"
expect "no FILE reads standard input" 1 "^<stdin>:2:12: "

run lint --format json "$scratch/passive.txt"
expect "--format json exits 1 on findings" 1 '"rule": "passive"'
json_ok
tap "the JSON output parses" $?
grep -q '"ecq": null' "$scratch/out" && grep -q '"line": 2' "$scratch/out" &&
	grep -q '"column": 12' "$scratch/out" && grep -q '"text": "was written"' "$scratch/out" &&
	grep -q '"summary": {' "$scratch/out" && grep -q '"suggestions": \[' "$scratch/out"
tap "JSON findings carry place, text and suggestions" $?

printf 'Bad \001 control \033[31m and \377\376 bytes "quoted" \\ back.\n' >"$scratch/hostile.txt"
run lint --format json "$scratch/hostile.txt"
json_ok
tap "control characters and invalid UTF-8 are escaped in JSON" $?
grep -q '"rule": "encoding"' "$scratch/out" && grep -q 'byte offset 24' "$scratch/out"
tap "invalid UTF-8 is reported with its offset" $?
run lint "$scratch/hostile.txt"
! grep -q "$(printf '\033')" "$scratch/out"
tap "text output never carries an escape character" $?

printf 'Teh \377 report was written by the team.\n' >"$scratch/bad-then-good.txt"
run lint --no-spelling "$scratch/bad-then-good.txt"
expect "the text after invalid bytes is still checked" 1 "\[passive\]"
! grep -q '\[spelling\]' "$scratch/out"
tap "--no-spelling skips spelling" $?

run lint --rules passive "$scratch/spell.txt"
expect "--rules limits the rules" 0
run lint --rules -passive "$scratch/passive.txt"
expect "--rules -ID runs all but ID" 0
run lint --rules passive,speling "$scratch/passive.txt"
expect "an unknown rule is a usage error" 2 "unknown rule 'speling'"
run lint --format xml "$scratch/passive.txt"
expect "an unknown format is a usage error" 2 "unknown format"
run lint --fail-on error "$scratch/passive.txt"
expect "--fail-on error ignores warnings" 0 "\[passive\]"
run lint "$scratch/missing.txt"
expect "a missing file exits 3" 3 "cannot open .*missing.txt"
run lint "$scratch"
expect "a directory exits 3" 3 "cannot read"
run lint --list-rules
n=$(grep -c '' "$scratch/out")
tap "--list-rules lists every rule" $([ "$status" -eq 0 ] && [ "$n" -ge 25 ]; echo $?)

: >"$scratch/empty.txt"
run lint "$scratch/empty.txt"
expect "empty input exits 0" 0

printf 'one\000two\000 three was given to me.\n' >"$scratch/nul.txt"
run lint --format json "$scratch/nul.txt"
[ "$status" -le 1 ] && json_ok
tap "NUL bytes are read as spaces" $?

head -c 1048576 /dev/zero | tr '\000' 'a' >"$scratch/longline.txt"
lint_in "$scratch/longline.txt"
tap "a 1 MB line without spaces does not crash or hang" $([ "$status" -le 1 ]; echo $?)

# 16 MB of prose, just under the 16 MiB limit on a draft: every line of our
# labeled data, repeated.
cut -f2 "$srcdir/tests/data/rules.tsv" >"$scratch/unit.txt" 2>/dev/null ||
	printf 'The report was written by the team.\n' >"$scratch/unit.txt"
while [ "$(wc -c <"$scratch/unit.txt")" -lt 16000000 ]; do
	cat "$scratch/unit.txt" "$scratch/unit.txt" >"$scratch/unit2.txt"
	mv "$scratch/unit2.txt" "$scratch/unit.txt"
done
head -c 16000000 "$scratch/unit.txt" >"$scratch/unit2.txt"
mv "$scratch/unit2.txt" "$scratch/unit.txt"
lint_in "$scratch/unit.txt" --format json
tap "a 16 MB input is checked" $([ "$status" -eq 1 ]; echo $?)

DICPATH=$scratch/no-dictionaries run lint "$scratch/passive.txt"
expect "without a dictionary the other rules still run" 1 "\[passive\]"
n=$(grep -c 'hunspell' "$scratch/err")
tap "a missing dictionary is one warning" $([ "$n" -eq 1 ]; echo $?)

printf 'caf\303\251 tea and teh end.\n' >"$scratch/col.txt"
run lint --rules spelling "$scratch/col.txt"
if [ $have_dict -eq 1 ]; then
	expect "columns count characters, not bytes" 1 "col.txt:1:14: "
else
	tap "columns count characters, not bytes # SKIP no en_US dictionary" 0
fi

run lint --help
expect "--help explains the command" 0 "Usage: ecqcoach lint"

# A finding's machine fix: a "fix:" line after the suggestion, and in JSON
# "fix": {"text", "offset", "length"} (null without one).
printf 'I briefed OMB examiners. I utilized the data.\n' >"$scratch/fix.txt"
run lint --rules acronym_undefined,bureaucratic "$scratch/fix.txt"
expect "text output shows the acronym's fix after the suggestion" 1 \
    "^    fix: replace 'OMB' with 'Office of Management and Budget \\(OMB\\)'$"
grep -A1 "^    suggestion: Write 'used'" "$scratch/out" | grep -q "^    fix: replace 'utilized' with 'used'$"
tap "the fix line follows its finding's suggestion" $?
run lint --rules acronym_undefined,vague --format json "$scratch/fix.txt"
if command -v python3 >/dev/null; then
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
f = [x for x in d["findings"] if x["rule"] == "acronym_undefined"][0]
assert f["fix"] == {"text": "Office of Management and Budget (OMB)", "offset": 10, "length": 3}, f["fix"]
' "$scratch/out"
	tap "JSON carries the fix: text, offset and length" $?
	printf 'We did various things.\n' >"$scratch/nofix.txt"
	run lint --rules vague --format json "$scratch/nofix.txt"
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["findings"] and all(x["fix"] is None for x in d["findings"])
' "$scratch/out"
	tap "JSON has fix null when a finding has none" $?
else
	tap "JSON carries the fix # SKIP no python3" 0
	tap "JSON fix null # SKIP no python3" 0
fi
