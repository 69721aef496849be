#!/bin/sh
# SPDX-License-Identifier: MIT
# test_qa_report_step.sh: the coordinator's report shows the step each
# participant's coach shows. A cohort project and a project made by `new`
# are both run with --plan and moved to step 3; `report` then gives step 3
# and the plan's name for both (it gave 4, and no plan for the second).
. "${srcdir:-.}/tests/tui/lib.sh"

cd "$SCRATCH" || exit 1
printf 'name,email\nAna Diaz,ana@example.gov\n' >roster.csv
"$ECQCOACH" cohort init room --roster roster.csv --plan example-clinic >/dev/null || exit 1
"$ECQCOACH" new room/solo.ecq --name "Sol Oak" >/dev/null || exit 1

for f in ana-diaz solo; do
	start 100 30 "$ECQCOACH" --plan example-clinic "room/$f.ecq"
	check "$f: the plan starts at step 1" wait_for "Step 1 of"
	keys C-n
	check "$f: step 2" wait_for "Step 2 of"
	keys C-n
	check "$f: step 3" wait_for "Step 3 of"
	keys C-q
	check "$f: the coach quits" wait_exit 0
done

"$ECQCOACH" report room --no-cache --no-checks --format csv >report.csv 2>&1
row() { grep "^$1," report.csv | cut -d, -f4,5; }
check "the cohort participant is at step 3 with its plan" [ "$(row "Ana Diaz")" = "example-clinic,3" ]
check "the participant made by new is at step 3 with its plan" [ "$(row "Sol Oak")" = "example-clinic,3" ]
start 100 30 "$ECQCOACH" "room/solo.ecq"
check "reopened without --plan, the coach resumes at step 3" wait_for "Step 3 of"
keys C-q
check "the coach quits again" wait_exit 0
finish
