#!/bin/sh
# Frameworks a coordinator edits (issue 10): a folder with only prompts/
# keeps every check, --prompts DIR and the XDG data dir add frameworks,
# `frameworks --check DIR` finds what libinih would silently accept, and
# `handout` prints a framework for a workshop. Also: an unknown command word
# is an error, not a new project.
. "${srcdir:-.}/tests/cli/lib.sh"
plan 29
src=$(cd "$srcdir" && pwd)
cd "$scratch" || exit 99

# --- an unknown command word -----------------------------------------------
run chek
expect "an unknown command word is an error" 2 "unknown command 'chek'; did you mean 'check'\?"
[ ! -e chek ] && [ ! -e chek.ecq ]
tap "an unknown command word makes no project" $?
run frameworkz --verbose
expect "a misspelt command with options is an error too" 2 "did you mean 'frameworks'\?"

# --- a folder with only prompts/ ---------------------------------------------
mkdir -p coord/prompts
cp "$src/prompts/ses-2025.ini" coord/prompts/
run new --demo demo.ecq --framework ses-2025
"$ECQCOACH" check demo.ecq >want.txt 2>/dev/null
ECQCOACH_DATADIR=$scratch/coord "$ECQCOACH" check demo.ecq >got.txt 2>got.err
cmp -s want.txt got.txt
tap "a prompts-only folder gives the same findings as the shipped data" $?
grep -q "no dictionaries/.*using the word lists in" got.err
tap "a prompts-only folder says where the word lists come from" $?
! grep -q "no word lists" got.err
tap "a prompts-only folder never runs without word lists" $?
ECQCOACH_DATADIR=$scratch/coord "$ECQCOACH" lint <"$src/tests/data/narrative-flawed.md" >got.txt 2>&1
"$ECQCOACH" lint <"$src/tests/data/narrative-flawed.md" >want.txt 2>&1
[ "$(grep -vc 'note:' got.txt)" -eq "$(wc -l <want.txt)" ]
tap "lint finds as much with a prompts-only folder" $?

# --- a frameworks folder of one's own ------------------------------------------
mkdir -p extra
sed -e 's/^id = ses-2025/id = agency-2026/' -e 's/^current = yes/current = no/' \
    -e 's/^title = .*/title = Agency ECQs (2026)/' "$src/prompts/ses-2025.ini" >extra/agency-2026.ini
run --prompts extra frameworks --verbose
expect "--prompts DIR adds its frameworks" 0 "agency-2026 +Agency ECQs \(2026\)"
expect "--prompts DIR keeps the shipped ones" 0 "ses-2010 "
expect "frameworks --verbose says where each came from" 0 "from .*extra/agency-2026.ini"
run --prompts extra new agency.ecq --framework agency-2026
expect "new takes a framework from --prompts" 0 "framework agency-2026"
run --prompts "$scratch/none" frameworks
expect "--prompts with a missing folder is an error" 3 "none"
run --prompts
expect "--prompts without a folder is a usage error" 2 "--prompts needs a folder"
mkdir -p "$XDG_DATA_HOME/ecqcoach/prompts"
sed -e 's/^title = .*/title = Our own 2010 ECQs/' "$src/prompts/ses-2010.ini" \
    >"$XDG_DATA_HOME/ecqcoach/prompts/ses-2010.ini"
run frameworks --verbose
expect "a framework in the XDG data dir overrides the shipped one" 0 "ses-2010 +Our own 2010 ECQs"
expect "frameworks --verbose names the XDG file" 0 "from .*share/ecqcoach/prompts/ses-2010.ini"
n=$(grep -c '^[ *] ses-2010 ' "$scratch/out")
tap "an overridden framework is listed once" $([ "$n" -eq 1 ]; echo $?)
rm -rf "$XDG_DATA_HOME/ecqcoach"

# --- frameworks --check ---------------------------------------------------------
run frameworks --check "$src/prompts"
expect "frameworks --check on the shipped prompts is clean" 0 "3 frameworks, no problems"
mkdir -p bad
cp "$src/prompts/ses-2025.ini" bad/ses-2025.ini
# the framework's title cut at " ;", and the first focus question twice
sed -e 's/^id = ses-2025/id = agency-x/' -e '0,/^title = .*/s//title = A ; B title/' \
    -e '/^question = /{s/^/question = Asked twice?\nquestion = Asked twice?\n/;:a' -e 'n;ba' -e '}' \
    "$src/prompts/ses-2025.ini" >bad/agency.ini
run frameworks --check bad
expect "frameworks --check exits 1 on problems" 1
expect "--check: two current frameworks" 1 "bad/(agency|ses-2025).ini:[0-9]+: .*current"
expect "--check: a file name that differs from its id" 1 "bad/agency.ini:[0-9]+: .*id 'agency-x'.*agency-x.ini"
expect "--check: a value cut at ' ;'" 1 "bad/agency.ini:[0-9]+: .* ;"
expect "--check: a duplicate question" 1 "bad/agency.ini:[0-9]+: .*question.*twice|duplicate"

# --- handout ------------------------------------------------------------------------
run handout ses-2010
expect "handout prints the definitions" 0 "^ECQ 1: Leading Change"
expect "handout prints the focus questions" 0 "What should the focus be"
run handout nope
expect "handout with an unknown framework fails" 3 "no framework 'nope'"
if command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 &&
    fc-list 2>/dev/null | grep -q "Liberation Serif"; then
	run handout ses-2025 -o "$scratch/handout.pdf"
	expect "handout -o FILE.pdf writes a PDF" 0 "wrote .*handout.pdf: [0-9]+ pages?"
	pdfinfo "$scratch/handout.pdf" 2>/dev/null | grep -q '^Page size: *612 x 792 pts'
	tap "the handout is on US Letter" $?
	pdftotext "$scratch/handout.pdf" - 2>/dev/null | tr '\n' ' ' |
	    grep -q "ECQ 5: Achieving Results.*What should the focus be?"
	tap "the handout PDF holds the ECQs and their focus questions" $?
	# body text inside the 1-inch margins (72 pt): the smallest left edge
	xmin=$(pdftotext -bbox "$scratch/handout.pdf" - 2>/dev/null |
	    sed -n 's/.*xMin="\([0-9.]*\)".*/\1/p' | sort -n | head -1)
	awk -v x="$xmin" 'BEGIN { exit !(x >= 71.5 && x < 80) }'
	tap "the handout keeps 1-inch margins (left edge $xmin pt)" $?
else
	for t in "handout -o FILE.pdf" "handout on Letter" "handout PDF text" "handout margins"; do
		tap_n=$((tap_n + 1)); echo "ok $tap_n - $t # SKIP no poppler-utils or Liberation Serif"
	done
fi
