#!/bin/sh
# check: project rules on the labeled narratives, compiler-style and JSON
# output, draft line numbers, --fail-on, --rules, exit codes.
. "${srcdir:-.}/tests/cli/lib.sh"
plan 28
fx=$srcdir/tests/fixtures
data=$srcdir/tests/data
ECQCOACH_TODAY=2026-11-23
export ECQCOACH_TODAY
project_rules=unquantified_result,too_many_examples,duplicate_example,example_too_old,intro_too_long,definition_included,missing_part,competency_coverage,word_budget

run check --rules "$project_rules" "$data/narrative-clean.md"
expect "the clean narrative has no project finding" 0 "0 findings"

run check --rules "$project_rules" "$data/narrative-flawed.md"
expect "the flawed narrative fails" 1 ""
for r in unquantified_result too_many_examples duplicate_example example_too_old \
    intro_too_long definition_included missing_part; do
	grep -q "\[$r\]\$" "$scratch/out"
	tap "the flawed narrative's $r is found" $?
done
grep -qE '^[^:]*narrative-flawed.md:7:16: warning: This repeats OPM.s definition' "$scratch/out"
tap "a draft finding gives the draft's line and column" $?
grep -qE 'narrative-flawed.md:127:1: warning: This example tells the same story as example 1 of ECQ 1' "$scratch/out"
tap "duplicate_example points at the later copy's heading" $?

# The same story retold in other words in ECQ 5.
head -n 112 "$data/narrative-clean.md" >"$scratch/retold.md"
cat "$fx/draft-retold-example.md" >>"$scratch/retold.md"
run check --rules duplicate_example "$scratch/retold.md"
expect "a retold story is a duplicate" 1 "113:1: warning: This example tells the same story"

run import "$data/narrative-flawed.md" -o "$scratch/f.ecq"
run check "$scratch/f.ecq" --rules "$project_rules"
expect "a project file is checked too" 1 "f.ecq:ECQ 4 Business Acumen, example 2, Context:1:1: warning: The Context is empty \\[missing_part\\]"
run check "$scratch/f.ecq" --rules unquantified_result --format json
expect "JSON output is one object" 1 '^  "findings": \['
grep -q '"field": "result"' "$scratch/out" && grep -q '"ecq": 3' "$scratch/out" &&
    grep -q '"text": "Callers waited less' "$scratch/out" || false
tap "a JSON finding names ECQ, field and text" $?
grep -qE '"pages": [0-9]+' "$scratch/out" && grep -qE '"words": [0-9]+' "$scratch/out"
tap "the JSON summary has words and pages" $?
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$scratch/out"
	tap "the JSON parses" $?
else
	tap "the JSON parses # SKIP no python3" 0
fi

run check "$scratch/f.ecq" --rules competency_coverage,intro_too_long --fail-on error
expect "--fail-on error ignores warnings" 0 "intro_too_long"
run check "$scratch/f.ecq" --rules too_many_examples --fail-on error
expect "--fail-on error stops on errors" 1 "too_many_examples"
run check "$scratch/f.ecq" --rules nope
expect "an unknown rule is a usage error" 2 "unknown rule 'nope'"
run check "$scratch/missing.ecq"
expect "a missing project is a file error" 3 "missing.ecq"
run check
expect "check without a file is a usage error" 2 "missing FILE"
n=$(ls "${TMPDIR:-/tmp}" | grep -c "^ecqcoach-check\." || true)
run check --rules missing_part "$fx/draft-plain.txt"
m=$(ls "${TMPDIR:-/tmp}" | grep -c "^ecqcoach-check\." || true)
[ "$n" -eq "$m" ]
tap "checking a draft leaves no temporary project behind" $?
printf 'ECQ 1: Leading Change\nChallenge: bad \377 byte.\nResult: Costs fell.\n' >"$scratch/bad.md"
run check --rules encoding,unquantified_result "$scratch/bad.md"
expect "invalid UTF-8 in a draft is an encoding error at its place" 1 "bad.md:2:16: error: Invalid UTF-8"
grep -q 'bad.md:3:9: warning: .*\[unquantified_result\]' "$scratch/out"
tap "the rest of a draft with a bad byte is still checked" $?
run check --rules example_too_old "$srcdir/tests/data/drafts/dates-in-prose.txt"
expect "an example with no dates is dated by its prose, and says where" 1 \
    "dates-in-prose.txt:15:[0-9]+: warning: The example has no dates, and the Challenge says 2011"

# check shows fixes too, with offsets in the field's text.
printf '# ECQ 1: Leading Change\n\n## Example 1: Grants (2021-01 to 2022-06)\n\nChallenge: The grants office lost its OMB funding.\n\nAction: I cut the backlog.\n\nResult: It fell by half.\n' >"$scratch/fixdraft.md"
run check --rules acronym_undefined "$scratch/fixdraft.md"
expect "check prints the fix after the suggestion" 1 \
    "^    fix: replace 'OMB' with 'Office of Management and Budget \\(OMB\\)'$"
run check --rules acronym_undefined --format json "$scratch/fixdraft.md"
if command -v python3 >/dev/null; then
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
f = d["findings"][0]
assert f["fix"] == {"text": "Office of Management and Budget (OMB)", "offset": f["offset"], "length": 3}, f
' "$scratch/out"
	tap "check JSON carries the fix at the finding's offset in its field" $?
else
	tap "check JSON fix # SKIP no python3" 0
fi
