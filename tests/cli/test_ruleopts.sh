#!/bin/sh
# check and lint share their rule options (src/cli/lint.h): the same
# options are accepted, answer bad values the same way and are described by
# the same --help lines.
. "${srcdir:-.}/tests/cli/lib.sh"
plan 6

draft=$srcdir/tests/data/narrative-clean.md

# shared_help CMD: the --help lines of the shared options (from -f to the
# line before the command's own options or -h).
shared_help() {
	"$ECQCOACH" "$1" --help | sed -n '/^  -f, --format/,/--list-rules/p'
}
shared_help check >"$scratch/check-help"
shared_help lint >"$scratch/lint-help"
[ -s "$scratch/check-help" ] && cmp -s "$scratch/check-help" "$scratch/lint-help"
tap "check and lint describe the shared options with the same lines" $?

run check --list-rules
cp "$scratch/out" "$scratch/check-rules"
s1=$status
run lint --list-rules
[ $s1 -eq 0 ] && [ "$status" -eq 0 ] && [ -s "$scratch/out" ] &&
    cmp -s "$scratch/check-rules" "$scratch/out"
tap "check --list-rules lists the same rules as lint --list-rules" $?

run check --format xml "$draft"
expect "check: an unknown format is a usage error" 2 "unknown format 'xml'"
run lint --format xml "$draft"
expect "lint: an unknown format is a usage error" 2 "unknown format 'xml'"

run check --fail-on severe "$draft"
expect "check: an unknown severity is a usage error" 2 "unknown severity 'severe'"
run lint --fail-on severe "$draft"
expect "lint: an unknown severity is a usage error" 2 "unknown severity 'severe'"
