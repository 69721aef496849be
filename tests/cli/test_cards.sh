#!/bin/sh
# SPDX-License-Identifier: MIT
# test_cards.sh: `ecqcoach export --cards`: the demo's interview cards as
# PDF (two a page: pdfinfo's page count is the cards halved, rounded up;
# pdftotext finds each question and card; the second card of a page starts
# below the middle, the first ends above it; a sans-serif font), a card
# longer than half a page (it runs on: nothing overlaps, nothing is lost,
# nothing leaves the margins), text and Markdown; a project with no card is
# refused with nothing written; --cards refuses options that do not apply.
# The frameworks' interview questions pass --check.
. "${srcdir:-.}/tests/cli/lib.sh"

plan 23
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
	# page 1: the first card above the middle (396 pt), the second's
	# question just below it (the cut line), its card after
	pdftotext -f 1 -l 1 -bbox "$scratch/c.pdf" "$scratch/c1.html"
	awk -F'"' '/<word / { w = $0; sub(/^[^>]*>/, "", w); sub(/<.*/, "", w)
	           if ($4 < 30 || $4 > 740) next          # header and footer bands
	           if (w == "Tell") tell[++n] = $4
	           if ($4 < 396 && $8 > 393) bad++ }
	     END { exit (n != 2 || tell[1] > 60 || tell[2] < 396 || tell[2] > 396 + 30 || bad > 0) }' \
	    "$scratch/c1.html"
	tap "the second card starts below the page's middle, the first ends above it" $?
	pdffonts "$scratch/c.pdf" | grep -q "LiberationSans-Bold .* yes yes yes" &&
	    ! pdffonts "$scratch/c.pdf" | grep -q Serif
	tap "cards in Liberation Sans, the questions in its bold" $?
else
	for i in 1 2 3 4 5 6 7; do tap_n=$((tap_n + 1)); echo "ok $tap_n - # SKIP no poppler-utils"; done
fi

# --- a card longer than half a page ----------------------------------------
no_overlap() { # no two word boxes on a page overlap
	awk -F'"' '/<page / { page++; n = 0 }
	     /<word / { for (i = 1; i <= n; i++)
	                  if ($2 < x1[i] - 0.5 && $6 > x0[i] + 0.5 && $4 < y1[i] - 0.5 && $8 > y0[i] + 0.5) bad++
	                n++; x0[n] = $2; y0[n] = $4; x1[n] = $6; y1[n] = $8 }
	     END { exit (bad > 0 || page == 0) }' "$1"
}
inside() { # every word inside the half-inch margins, bands aside
	awk -F'"' '/<word / { if ($2 < 35.5 || $6 > 576.5 || $4 < 17.5 || $8 > 774.5) bad++; w++ }
	     END { exit (bad > 0 || w == 0) }' "$1"
}
if command -v sqlite3 >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then
	cp "$p" "$scratch/long.ecq"
	sqlite3 "$scratch/long.ecq" "UPDATE example SET card = replace(hex(zeroblob(60)), '00',
	  'I briefed the board on each step and asked for its view before we went on.' || char(10))
	  || 'LASTWORDS of the long card.'
	  WHERE id = (SELECT id FROM example WHERE card <> '' ORDER BY id LIMIT 1);"
	run export "$scratch/long.ecq" --cards -o "$scratch/long.pdf"
	said=$(sed -n 's/.*interview cards, \([0-9]*\) pages$/\1/p' "$scratch/out")
	got=$(pdfinfo "$scratch/long.pdf" | sed -n 's/^Pages: *//p')
	tap "a long card: written, export's page count ($said) is pdfinfo's, more than 3" \
	    "$([ "$status" -eq 0 ] && [ -n "$said" ] && [ "$said" = "$got" ] && [ "$got" -gt 3 ]; echo $?)"
	pdftotext -bbox "$scratch/long.pdf" "$scratch/long.html"
	no_overlap "$scratch/long.html"
	tap "a long card: no two words overlap on any page" $?
	pdftotext "$scratch/long.pdf" "$scratch/long.txt"
	[ "$(grep -c 'briefed the board' "$scratch/long.txt")" -eq 60 ] &&
	    grep -q LASTWORDS "$scratch/long.txt" &&
	    [ "$(grep -c '^Tell me about a time' "$scratch/long.txt")" -eq 5 ]
	tap "a long card: every line of it and every other card's question are there" $?
	inside "$scratch/long.html"
	tap "a long card: nothing leaves the margins" $?
	# the card after the long one starts at the top or the middle of a page
	awk -F'"' '/<page / { page++ } /<word / && />LASTWORDS</ { lp = page; ly = $8 }
	     /<word / && page >= lp && lp && />Tell</ && !t { if (page > lp || $4 > ly) { t = 1; ty = $4 } }
	     END { exit !(t && (ty < 60 || (ty > 396 && ty < 426))) }' "$scratch/long.html"
	tap "a long card: the next card starts after it, at the top or middle of a page" $?
else
	for i in 1 2 3 4 5; do tap_n=$((tap_n + 1)); echo "ok $tap_n - # SKIP no sqlite3 or poppler-utils"; done
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
