#!/bin/sh
# SPDX-License-Identifier: MIT
# test_cards.sh: `ecqcoach export --cards`: the demo's interview cards as
# PDF (two a page: pdfinfo's page count is the cards halved, rounded up;
# pdftotext finds each question and card), text and Markdown; a project
# with no card is refused with nothing written; --cards refuses options
# that do not apply. The frameworks' interview questions pass --check.
. "${srcdir:-.}/tests/cli/lib.sh"

plan 16
p=$scratch/d.ecq
run new "$p" --demo --framework ses-2025
expect "a demo project" 0

# the 2025 demo has a card for each ECQ's first example
cards=5
run show "$p"
expect "the demo opens" 0

run export "$p" --cards -o "$scratch/c.pdf"
expect "export --cards writes a PDF" 0 "wrote .*c.pdf: $cards interview cards, $(( (cards + 1) / 2 )) pages"
if command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
	pages=$(pdfinfo "$scratch/c.pdf" | sed -n 's/^Pages: *//p')
	tap "two cards a page (pdfinfo: $pages pages for $cards cards)" \
	    "$([ "$pages" -eq $(( (cards + 1) / 2 )) ]; echo $?)"
	pdftotext "$scratch/c.pdf" "$scratch/c.txt"
	grep -q "Tell me about a time you had to check the legal limits" "$scratch/c.txt"
	tap "pdftotext finds the question on top of the card" $?
	grep -q "Three months into my job as Deputy CFO" "$scratch/c.txt"
	tap "pdftotext finds the card's text" $?
	grep -q "Tell me about a time you turned a goal your superiors set" "$scratch/c.txt"
	tap "pdftotext finds the last ECQ's question" $?
	grep -q "Page 3 of 3" "$scratch/c.txt"
	tap "the footer counts the pages of the whole document" $?
else
	for i in 1 2 3 4 5; do tap_n=$((tap_n + 1)); echo "ok $tap_n - # SKIP no poppler-utils"; done
fi

run export "$p" --cards -o "$scratch/c.txt"
expect "export --cards writes text" 0 "wrote .*c.txt: $cards interview cards"
q=$(grep -c "^Q: Tell me about a time" "$scratch/c.txt")
tap "each card has its question on top ($q)" "$([ "$q" -eq "$cards" ]; echo $?)"
run export "$p" --cards -o "$scratch/c.md"
expect "export --cards writes Markdown" 0
grep -q "^## Tell me about a time" "$scratch/c.md"
tap "Markdown questions are headings" $?

run new "$scratch/e.ecq" --framework ses-2025 --name "Pat Writer"
run export "$scratch/e.ecq" --cards -o "$scratch/e.pdf"
expect "no card: refused" 3 "no example has a card"
tap "and nothing was written" "$([ ! -e "$scratch/e.pdf" ]; echo $?)"
run export "$p" --cards --resume -o "$scratch/x.pdf"
expect "--cards with --resume is a usage error" 2 "--cards takes none of"
run frameworks --check "$srcdir/prompts"
expect "the shipped frameworks with their interview questions pass --check" 0 "no problems"
