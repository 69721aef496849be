#!/bin/sh
# SPDX-License-Identifier: MIT
# test_qa_resume_draft.sh: g on the résumé screen at 80x24 drafts a line
# longer than the three rows of its editor; the draft is shown from its
# first words (the action's verb), not scrolled to its end.
. "${srcdir:-.}/tests/tui/lib.sh"

cat >"$SCRATCH/d.md" <<'DRAFT'
# ECQ 1: Commitment to the Rule of Law and the Principles of the American Founding

## Example 1: Grant compliance turnaround (2021-03 to 2023-06)

**Challenge:** In 2021 our grants office had 42 open audit findings and a 19 percent improper payment rate, and OMB placed the program on its high-risk list.

**Context:** The office managed 1,200 grants worth 840 million dollars with 35 staff across four regions.

**Action:** I built a corrective action plan with the Inspector General, set weekly reviews of each open finding, and trained 35 grant officers on risk-based monitoring. I rewrote three policies and negotiated a data sharing agreement with Treasury.

**Result:** Within 18 months we closed 40 of 42 findings, cut improper payments from 19 percent to 4 percent, and OMB removed the program from the high-risk list, saving 31 million dollars a year.
DRAFT
"$ECQCOACH" import "$SCRATCH/d.md" -o "$SCRATCH/r.ecq" --framework ses-2025 \
    --name "Pat Doe" >/dev/null || exit 1
start 80 24 "$ECQCOACH" r.ecq
check "the coach opens" wait_for "Pat Doe"
keys F3
check "F3 opens the résumé screen" wait_for "Not under a position yet"
keys Down
check "ECQ 1's line is selected" wait_for "Résumé line, ECQ 1,"
keys g
check "g drafts the line" wait_for "Drafted from the example's story"
check "the draft is shown from its first words" wait_for "Built a corrective action plan with the Inspector General"
keys Escape C-q
check "the coach quits cleanly" wait_exit 0
finish
