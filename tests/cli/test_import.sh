#!/bin/sh
# import: what it recognises and prints, the framework guess, refusing to
# overwrite, usage and file errors.
. "${srcdir:-.}/tests/cli/lib.sh"
plan 18
fx=$srcdir/tests/fixtures

run import "$fx/draft-markdown.md" -o "$scratch/a.ecq"
expect "import of a Markdown draft succeeds" 0 "^imported .* \(framework ses-2010, matched by its ECQ titles\): 5 ECQs, 5 examples"
grep -q 'draft-markdown.md:6: ECQ 1 Leading Change$' "$scratch/out"
tap "import names each ECQ heading with its line" $?
grep -q 'draft-markdown.md:11:   example "Moving grant reviews online"' "$scratch/out"
tap "import names each example with its line" $?
grep -q 'draft-markdown.md:1: unsorted: # Executive Core Qualifications' "$scratch/out"
tap "import lists what went to the unsorted note" $?
run show "$scratch/a.ecq"
expect "the imported project opens" 0 "Payment errors fell by half"

run import "$fx/draft-markdown.md" -o "$scratch/a.ecq"
expect "import refuses to overwrite a file" 3 "already exists"
run show "$scratch/a.ecq"
expect "the refused import left the old project alone" 0 "Dana M. Okafor"

run import "$fx/draft-plain.txt" -o "$scratch/b.ecq" --quiet
expect "a plain-text draft of 1994 ECQs picks ses-1994" 0 "^imported .*framework ses-1994.*2 ECQs, 2 examples"
run import "$fx/draft-plain.txt" -o "$scratch/c.ecq" --framework ses-2010 --name "Pat Q"
expect "--framework overrides the guess" 0 "framework ses-2010\)"
run show "$scratch/c.ecq"
expect "--name sets the candidate" 0 "^Candidate: Pat Q"

run import "$fx/draft-plain.txt"
expect "import without -o is a usage error" 2 "missing -o"
run import "$fx/draft-plain.txt" -o "$scratch/d.ecq" --framework nope
expect "an unknown framework is a data error" 3 "no framework 'nope'"
run import "$scratch/missing.md" -o "$scratch/e.ecq"
expect "a missing draft is a file error" 3 "cannot open .*missing.md"
[ ! -e "$scratch/d.ecq" ] && [ ! -e "$scratch/e.ecq" ]
tap "failed imports leave no project file" $?
line=$(printf 'I led the team through the change and met every milestone. %.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40)
{
	echo "## ECQ 1: Leading Change"
	i=0
	while [ $i -lt 450 ]; do
		i=$((i + 1))
		printf '### Example %d: Story\n**Action:** %s\n' $i "$line"
	done
} >"$scratch/big.md"
run import "$scratch/big.md" -o "$scratch/g.ecq" -q
expect "a draft over 1 MB imports (one transaction, no 1 MB refusal)" 0 "^imported .*big.md"
head -c 17000000 /dev/zero | tr '\0' 'x' >"$scratch/huge.md"
run import "$scratch/huge.md" -o "$scratch/h.ecq"
expect "a draft over 16 MB is refused with advice" 3 "over 16 MB .*split it"
[ ! -e "$scratch/h.ecq" ]
tap "the refused draft left no project" $?
run import "$fx/draft-markdown.md" -o "$scratch/pos.ecq" -q --position "Director, Grants Office" --name "Ann Lee"
run show "$scratch/pos.ecq"
expect "--position and --name are saved" 0 "Director, Grants Office"
