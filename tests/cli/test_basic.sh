#!/bin/sh
# new, frameworks, show, --help, --version: output and exit codes on good
# and bad input.
. "${srcdir:-.}/tests/cli/lib.sh"
plan 30

run --version
expect "--version prints the version" 0 "^ecqcoach [0-9]+\.[0-9]+"
run --help
expect "--help lists the commands" 0 "frameworks +list"
run
expect "no arguments is a usage error" 2 "Usage:"
run --bogus
expect "unknown option is a usage error" 2 "unknown option '--bogus'"
run frameworks
expect "frameworks lists ses-2010" 0 "^  ses-2010 "
n=$(grep -c '^[ *] ses-' "$scratch/out")
tap "frameworks lists three frameworks" $([ "$n" -eq 3 ]; echo $?)
grep -q '^\* ses-2025 ' "$scratch/out"
tap "the current framework is marked as default" $?
run frameworks --verbose
expect "frameworks --verbose lists ECQs" 0 "ECQ 4  Business Acumen"

run new "$scratch/a.ecq" --name "Pat Doe" --framework ses-2010
expect "new creates a project" 0 "created .*a.ecq: framework ses-2010"
run new "$scratch/a.ecq"
expect "new refuses to overwrite" 3 "already exists"
run new "$scratch/b.ecq" --framework nope
expect "new with an unknown framework fails" 3 "no framework 'nope'"
[ ! -e "$scratch/b.ecq" ]
tap "a failed new leaves no file" $?
run new
expect "new without a file is a usage error" 2 "missing FILE.ecq"
run new "$scratch/c.ecq" --nope
expect "new with an unknown option is a usage error" 2 "Try 'ecqcoach new --help'"
run new "$scratch/nodir/x.ecq"
expect "new in a missing folder is a file error" 3 "cannot create"

run show "$scratch/a.ecq"
expect "show prints the candidate" 0 "^Candidate: Pat Doe"
expect "show prints every ECQ" 0 "== ECQ 5: Building Coalitions =="
run show "$scratch/a.ecq" --ecq 9
expect "show --ecq out of range is a usage error" 2 "has no ECQ '9'"

run new --demo "$scratch/demo.ecq" --framework ses-2010
expect "new --demo ses-2010" 0 "framework ses-2010, 10 examples"
run show "$scratch/demo.ecq" --ecq "Results Driven"
expect "the demo has content" 0 "^Challenge:"
run new --demo "$scratch/demo25.ecq"
expect "new --demo uses the current framework" 0 "framework ses-2025, 10 examples"
cp "$scratch/demo.ecq" "$scratch/copied.ecq"
run show "$scratch/copied.ecq"
expect "a copied project file opens" 0 "Example 2"

printf 'not a project at all' >"$scratch/junk.ecq"
run show "$scratch/junk.ecq"
expect "a text file is refused" 3 "not an ecqcoach project"
: >"$scratch/empty.ecq"
run show "$scratch/empty.ecq"
expect "an empty file is refused" 3 "not an ecqcoach project"
run show "$scratch/missing.ecq"
expect "a missing file is a file error" 3 "cannot open"
head -c 3000 "$scratch/demo.ecq" >"$scratch/trunc.ecq"
run show "$scratch/trunc.ecq"
expect "a truncated project is refused" 3 "damaged|not an ecqcoach project"
# the coach's options after the file, as users type them
run "$scratch/demo.ecq" --plan interview-clinic-2025
expect "FILE.ecq --plan PLAN opens the coach (no terminal here)" 3 "needs a terminal"
run "$scratch/demo.ecq" --colour
expect "FILE.ecq with an unknown option names the option" 2 "unknown option '--colour'"
run "$scratch/demo.ecq" "$scratch/other.ecq"
expect "two files: the coach opens one" 2 "opens one FILE.ecq"
ECQCOACH_DATADIR=$scratch/nowhere "$ECQCOACH" frameworks >"$scratch/out" 2>"$scratch/err"
status=$?
expect "a missing prompts folder names the fix" 3 "ECQCOACH_DATADIR"
exit 0
