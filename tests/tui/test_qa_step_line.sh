#!/bin/sh
# SPDX-License-Identifier: MIT
# test_qa_step_line.sh: at 80 columns a workshop's plan line keeps the
# step's name whole when the countdown and the room's step take the right
# of it: the keys (on the help line anyway) give way. It showed
# "Step 2 of 14: ECQ 1, e…  starts in 8:30 (room: step 1)".
. "${srcdir:-.}/tests/tui/lib.sh"

"$ECQCOACH" new "$SCRATCH/w.ecq" --name "Pat Doe" >/dev/null || exit 1
start 80 24 "$ECQCOACH" --plan interview-clinic-2025 --plan-start "$(date +%H:%M)" w.ecq
check "the plan starts" wait_for "Step 1 of 14"
keys C-n
check "ahead of the room, the step's name is whole" \
    wait_for "Step 2 of 14: ECQ 1, example 1: Interview card"
check "with the room's step beside it" wait_for "(room: step 1)"
check "the help line has the plan's keys" wait_for "Ctrl-N Next step"
keys C-q
check "the coach quits cleanly" wait_exit 0
finish
