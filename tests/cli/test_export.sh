#!/bin/sh
# SPDX-License-Identifier: MIT
# test_export.sh: `ecqcoach export` end to end. PDF checks use poppler-utils
# (pdfinfo, pdffonts, pdftotext): page count equals the layout's, Letter/A4
# size, embedded 12 pt Liberation Serif, content and order, header and
# "Page N of M" on every page, no text outside the 1-inch margins except the
# header (0.5 to 1 inch from the top) and footer (0.5 to 1 inch from the
# bottom). Text and Markdown are compared with golden files. Failures must
# leave no file behind. Prints TAP.

: "${ECQCOACH:?ECQCOACH must name the binary}"
: "${srcdir:=.}"
if [ ! -x "$ECQCOACH" ] || ! command -v sqlite3 >/dev/null 2>&1; then
	echo "1..0 # SKIP needs the ecqcoach binary and sqlite3"
	exit 77
fi
have_poppler=yes
command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 &&
	command -v pdffonts >/dev/null 2>&1 || have_poppler=no

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp/home XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
export HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME
mkdir -p "$HOME" "$tmp/out"
LC_ALL=C.UTF-8 TZ=UTC
export LC_ALL TZ
fx=$srcdir/tests/fixtures

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check() { # check NAME COMMAND...: ok when the command succeeds
	name=$1; shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
pdf_check() { # like check, skipped without poppler
	if [ "$have_poppler" = yes ]; then check "$@"; else skip "$1" "no poppler-utils"; fi
}

# The fixture project, and a long one (the same with every Action repeated).
make_project() { # make_project FILE REPEAT
	"$ECQCOACH" new "$1" --framework ses-2010 --name "Jane Q. Public" \
		--position "Director, Office of Grants (Announcement 24-117)" >/dev/null &&
	sqlite3 "$1" <"$fx/export-project.sql" &&
	if [ "$2" -gt 0 ]; then
		sqlite3 "$1" "UPDATE example SET action = action || char(10) ||
		  replace(hex(zeroblob($2)), '00', 'I led the work and wrote the plan that \
every office followed, and I checked the results each week with the team. ');"
	fi
}
make_project "$tmp/f.ecq" 0 || { echo "Bail out! cannot make the fixture project"; exit 1; }
make_project "$tmp/long.ecq" 60 || { echo "Bail out! cannot make the long project"; exit 1; }
make_project "$tmp/huge.ecq" 400 || { echo "Bail out! cannot make the huge project"; exit 1; }
# A position too long to share the header line with the name: two lines.
sqlite3 "$tmp/huge.ecq" "UPDATE meta SET value = 'Supervisory Program Manager \
(Deputy Assistant Administrator for Grants Policy), announcement ES-2026-0042' WHERE key = 'position';"

# --- PDF -------------------------------------------------------------------
out=$tmp/out/long.pdf
"$ECQCOACH" export "$tmp/long.ecq" -o "$out" >"$tmp/stdout" 2>"$tmp/stderr"
check "export to PDF succeeds with one line on stdout and nothing on stderr" \
	sh -c "grep -q '^wrote .*long.pdf: [0-9]* pages\$' '$tmp/stdout' &&
	       [ \$(wc -l <'$tmp/stdout') -eq 1 ] && [ ! -s '$tmp/stderr' ]"
pages=$(sed -n 's/.*: \([0-9]*\) pages*$/\1/p' "$tmp/stdout")
check "the long narrative takes several pages" [ "${pages:-0}" -ge 3 ]
pdf_info() { pdfinfo "$1" 2>/dev/null | sed -n "s/^$2: *//p"; }
if [ "$have_poppler" = yes ]; then
	pdfpages=$(pdf_info "$out" Pages)
	pdftotext -layout "$out" "$tmp/long.txt"
	pdftotext -bbox "$out" "$tmp/long.html"
fi
pdf_check "pdfinfo page count equals the layout's ($pages)" [ "$pdfpages" = "$pages" ]
pdf_check "page size is US Letter, 612 x 792 pt" \
	sh -c "pdfinfo '$out' | grep -q '^Page size: *612 x 792 pts'"
pdf_check "title, author and subject metadata" \
	sh -c "[ \"\$(pdfinfo '$out' | sed -n 's/^Title: *//p')\" = 'Executive Core Qualifications - Jane Q. Public' ] &&
	       [ \"\$(pdfinfo '$out' | sed -n 's/^Author: *//p')\" = 'Jane Q. Public' ] &&
	       [ \"\$(pdfinfo '$out' | sed -n 's/^Subject: *//p')\" = 'Director, Office of Grants (Announcement 24-117)' ]"
pdf_check "Liberation Serif and its bold (labels) are embedded" \
	sh -c "pdffonts '$out' | grep -q 'LiberationSerif  .* yes yes yes' &&
	       pdffonts '$out' | grep -q 'LiberationSerif-Bold .* yes yes yes' &&
	       [ \$(pdffonts '$out' | tail -n +3 | grep -c .) -eq 2 ]"
# Words of a 12 pt Liberation Serif line are 13.3 pt tall in poppler's boxes
# (ascent + descent); 10 pt would be 11.1, 14 pt 15.5.
pdf_check "every word is set in 12 pt" \
	awk -F'"' '/<word / { h = $8 - $4; if (h < 12.8 || h > 13.8) bad++ }
	           END { exit bad > 0 }' "$tmp/long.html"
margins_ok() { # margins_ok BBOX-HTML
	awk -F'"' -v W=612 -v H=792 '
	/<page / { page++ }
	/<word / { x0 = $2; y0 = $4; x1 = $6; y1 = $8; e = 0.5
	  if (x0 < 72 - e || x1 > W - 72 + e) bad++
	  else if (y1 <= 72 + e) { if (y0 < 36 - e) bad++ }        # header band
	  else if (y0 >= H - 72 - e) { if (y1 > H - 36 + e) bad++ } # footer band
	  else if (y0 < 72 - e || y1 > H - 72 + e) bad++ }
	END { exit (bad > 0 || page == 0) }' "$1"
}
pdf_check "body text stays inside 1-inch margins; header and footer in their bands" \
	margins_ok "$tmp/long.html"
every_page() { # every_page PDF PAGES: header and footer on each page
	i=1
	while [ "$i" -le "$2" ]; do
		pdftotext -f "$i" -l "$i" "$1" - | grep -q "Jane Q. Public" || return 1
		pdftotext -f "$i" -l "$i" "$1" - | grep -q "Director, Office of Grants (Announcement 24-117)" || return 1
		pdftotext -f "$i" -l "$i" "$1" - | grep -qx "Page $i of $2" || return 1
		i=$((i + 1))
	done
}
pdf_check "name, position and \"Page N of M\" on every page" every_page "$out" "$pages"
in_order() { # in_order FILE PATTERN...: each found after the one before
	f=$1; shift; last=0
	for pat; do
		at=$(grep -n -F -- "$pat" "$f" | head -n 1 | cut -d: -f1)
		[ -n "$at" ] && [ "$at" -gt "$last" ] || { echo "# out of order: $pat" >&2; return 1; }
		last=$at
	done
}
pdf_check "content in order: ECQs, intro, examples, labelled CCAR parts" \
	in_order "$tmp/long.txt" "ECQ 1: Leading Change" "I have led change in three agencies" \
	"Example 1: Rebuilding grant review (2019-03 to 2021-06)" "Challenge: In 2019" \
	"Context: The Office of Grants" "Action: I mapped" "Result: Review time fell" \
	"Example 2: Closing the Seattle office" "ECQ 2: Leading People" \
	"Example 1: Turning around a struggling team (2020-10 to present)" \
	"ECQ 3: Results Driven" "ECQ 4: Business Acumen" "ECQ 5: Building Coalitions"
pdf_check "text is selectable with its Unicode (quotes, dash, accents)" \
	sh -c "grep -q '“a black box.”' '$tmp/long.txt' && grep -q '90 days — without' '$tmp/long.txt' &&
	       grep -q 'José Álvarez' '$tmp/long.txt'"

"$ECQCOACH" export "$tmp/long.ecq" -o "$tmp/out/a4.pdf" --paper a4 >/dev/null 2>&1
pdf_check "--paper a4 gives 595 x 842 pt pages" \
	sh -c "pdfinfo '$tmp/out/a4.pdf' | grep -q '^Page size: *595.27[0-9]* x 841.8[0-9]* pts (A4)'"

"$ECQCOACH" export "$tmp/long.ecq" -o "$tmp/out/nolabels.pdf" --no-labels -q >"$tmp/stdout" 2>&1
pdf_check "--no-labels: no bold font and no labels; -q prints nothing" \
	sh -c "! pdffonts '$tmp/out/nolabels.pdf' | grep -q Bold &&
	       ! pdftotext '$tmp/out/nolabels.pdf' - | grep -q '^Challenge:' && [ ! -s '$tmp/stdout' ]"

"$ECQCOACH" export "$tmp/f.ecq" -o "$tmp/out/ppe.pdf" --page-per-ecq >"$tmp/stdout" 2>&1
ppe_ok() {
	p=$(pdf_info "$tmp/out/ppe.pdf" Pages)
	[ "$p" -eq 5 ] || return 1
	i=1
	while [ "$i" -le 5 ]; do
		pdftotext -f "$i" -l "$i" "$tmp/out/ppe.pdf" - | grep -q "^ECQ $i: " || return 1
		i=$((i + 1))
	done
}
pdf_check "--page-per-ecq puts each of the 5 ECQs on its own page" ppe_ok

"$ECQCOACH" export "$tmp/f.ecq" -o "$tmp/out/ecq2.pdf" --ecq 2 >/dev/null 2>&1
pdf_check "--ecq 2: only Leading People, titled so" \
	sh -c "pdftotext '$tmp/out/ecq2.pdf' - | grep -q '^ECQ 2: Leading People' &&
	       ! pdftotext '$tmp/out/ecq2.pdf' - | grep -q '^ECQ 1:' &&
	       pdfinfo '$tmp/out/ecq2.pdf' | grep -q '^Title: *ECQ 2: Leading People - Jane Q. Public'"

"$ECQCOACH" export "$tmp/huge.ecq" -o "$tmp/out/huge.pdf" >"$tmp/stdout" 2>"$tmp/stderr"
rc=$?
check "over 10 pages: written (exit 0) with a page_limit warning" \
	sh -c "[ $rc -eq 0 ] && grep -q 'over the limit of 10 (page_limit)' '$tmp/stderr'"
if [ "$have_poppler" = yes ]; then
	pdftotext -bbox "$tmp/out/huge.pdf" "$tmp/huge.html"
	pdftotext -f 12 -l 12 "$tmp/out/huge.pdf" "$tmp/huge12.txt"
fi
no_stranded_headings() { # no_stranded_headings PDF: never a heading at a page's foot
	np=$(pdf_info "$1" Pages); i=1
	while [ "$i" -lt "$np" ]; do    # the last page may end with an empty ECQ
		last=$(pdftotext -f "$i" -l "$i" "$1" - | grep -v '^Page [0-9]* of [0-9]*$' |
			grep -v '^[[:space:]]*$' | tr -d '\f' | grep . | tail -n 1)
		case $last in
		"ECQ "[0-9]*": "*|"Example "[0-9]*) echo "# page $i ends with: $last" >&2; return 1 ;;
		esac
		i=$((i + 1))
	done
}
two_line_header_ok() { # the position on its own line, under the name, above the body
	grep -q '^Supervisory Program Manager (Deputy Assistant Administrator for Grants Policy), announcement ES-2026-0042' \
		"$tmp/huge12.txt" &&
	awk -F'"' '/<word .*>Supervisory</ { if ($4 > 45 && $8 < 72.5) n++ } END { exit n == 0 }' "$tmp/huge.html" &&
	margins_ok "$tmp/huge.html"
}
pdf_check "a two-line header (long position) stays in the top band" two_line_header_ok
# Lengths at which, without keep-with-next, a heading or title would end
# page 1 or 2 (found by disabling it).
headings_kept() {
	for rep in 2 4 11 19; do
		make_project "$tmp/k$rep.ecq" "$rep" &&
		"$ECQCOACH" export "$tmp/k$rep.ecq" -q -o "$tmp/out/k$rep.pdf" &&
		no_stranded_headings "$tmp/out/k$rep.pdf" || return 1
	done
	no_stranded_headings "$tmp/out/huge.pdf"
}
pdf_check "no page ends with an ECQ heading or an example title" headings_kept
if command -v pdftoppm >/dev/null 2>&1; then
	# The check command's page figure, when it exists, must be the same.
	if "$ECQCOACH" check "$tmp/long.ecq" --format json >"$tmp/check.json" 2>/dev/null ||
	   [ -s "$tmp/check.json" ]; then
		cpages=$(tr -d ' \n' <"$tmp/check.json" | sed -n 's/.*"pages":\([0-9]*\).*/\1/p')
		if [ -n "$cpages" ]; then
			check "check's summary.pages equals the PDF's pages" [ "$cpages" = "$pages" ]
		else
			skip "check's summary.pages equals the PDF's pages" "check gives no pages yet"
		fi
	else
		skip "check's summary.pages equals the PDF's pages" "no check command yet"
	fi
fi

# --- text and Markdown: golden files ----------------------------------------
golden() { # golden NAME EXPORT-ARGS...: export to NAME, compare with fixture
	gold=$1; shift
	"$ECQCOACH" export "$tmp/f.ecq" -q -o "$tmp/out/$gold" "$@" &&
	diff -u "$fx/export-$gold" "$tmp/out/$gold" >&2
}
check "text wrapped at 72 matches export-wrapped.txt" golden wrapped.txt
check "text unwrapped and ASCII matches export-unwrapped-ascii.txt" \
	golden unwrapped-ascii.txt --unwrapped --ascii
check "--ascii output is pure ASCII" \
	sh -c "! LC_ALL=C grep -q '[^ -~]' '$tmp/out/unwrapped-ascii.txt'"
check "Markdown matches export-project.md" golden project.md
check "Markdown of ECQ 2 without labels matches export-ecq2-nolabels.md" \
	golden ecq2-nolabels.md --ecq leading-people --no-labels --ascii
"$ECQCOACH" export "$tmp/f.ecq" -q -o "$tmp/out/w40.txt" --width 40
check "--width 40: no line is wider than 40 columns" \
	sh -c "[ \$(wc -L <'$tmp/out/w40.txt') -le 40 ] && [ -s '$tmp/out/w40.txt' ]"
"$ECQCOACH" export "$tmp/f.ecq" -o - >"$tmp/stdout.txt" 2>"$tmp/stderr"
check "-o - writes the text to standard output and nothing else" \
	sh -c "cmp -s '$tmp/stdout.txt' '$fx/export-wrapped.txt' && [ ! -s '$tmp/stderr' ]"
check "a device as output (-o /dev/null) is written in place" \
	sh -c "'$ECQCOACH' export '$tmp/f.ecq' -q -o /dev/null --format pdf && [ -c /dev/null ]"
"$ECQCOACH" export "$tmp/f.ecq" -q -o "$tmp/out/notes.text" --format markdown
check "--format overrides the extension" cmp -s "$tmp/out/notes.text" "$fx/export-project.md"

# --- errors: a clear message, the right status, no file --------------------
expect() { # expect STATUS PATTERN COMMAND...: exit status and stderr
	want=$1 pat=$2; shift 2
	"$@" >"$tmp/stdout" 2>"$tmp/stderr"
	got=$?
	[ "$got" -eq "$want" ] && grep -q -- "$pat" "$tmp/stderr" ||
		{ echo "# status $got, stderr: $(cat "$tmp/stderr")" >&2; return 1; }
}
check "an unknown extension is a usage error (2), nothing written" \
	expect 2 "cannot tell the format" "$ECQCOACH" export "$tmp/f.ecq" -o "$tmp/out/x.doc"
check "missing -o is a usage error (2)" \
	expect 2 "missing -o" "$ECQCOACH" export "$tmp/f.ecq"
check "an unknown ECQ is a usage error (2)" \
	expect 2 "no ECQ '9'" "$ECQCOACH" export "$tmp/f.ecq" --ecq 9 -o "$tmp/out/x.pdf"
check "a folder that does not exist: exit 3, says nothing was written" \
	expect 3 "nothing was written" "$ECQCOACH" export "$tmp/f.ecq" -o "$tmp/no/such/x.pdf"
check "a missing font: exit 3, names the font" \
	expect 3 "No Such Font" "$ECQCOACH" export "$tmp/f.ecq" --font "No Such Font" -o "$tmp/out/font.pdf"
check "a missing font leaves no file" [ ! -e "$tmp/out/font.pdf" ]
check "the project itself is never the output (exit 2), and stays a project" \
	sh -c "'$ECQCOACH' export '$tmp/f.ecq' -o '$tmp/f.ecq' --format text --force 2>/dev/null;
	       [ \$? -eq 2 ] && '$ECQCOACH' show '$tmp/f.ecq' >/dev/null"
cp "$tmp/long.ecq" "$tmp/out/other.ecq"
check "another project is not replaced without --force" \
	expect 2 "use --force" "$ECQCOACH" export "$tmp/f.ecq" -o "$tmp/out/other.ecq" --format text
check "... and is with --force" \
	sh -c "'$ECQCOACH' export '$tmp/f.ecq' -q -o '$tmp/out/other.ecq' --format text --force &&
	       cmp -s '$tmp/out/other.ecq' '$fx/export-wrapped.txt'"
# A full disk: a 4 KiB file size limit makes write(2) fail with EFBIG.
cp "$tmp/out/long.pdf" "$tmp/out/keep.pdf"
(ulimit -f 4 && trap '' XFSZ &&
 "$ECQCOACH" export "$tmp/long.ecq" -o "$tmp/out/keep.pdf" >"$tmp/stdout" 2>"$tmp/stderr")
rc=$?
check "a write that fails half-way: exit 3, old file intact" \
	sh -c "[ $rc -eq 3 ] && grep -q 'nothing was written' '$tmp/stderr' &&
	       cmp -s '$tmp/out/keep.pdf' '$tmp/out/long.pdf'"
check "an existing export is replaced without asking" \
	sh -c "'$ECQCOACH' export '$tmp/f.ecq' -q -o '$tmp/out/keep.pdf' &&
	       ! cmp -s '$tmp/out/keep.pdf' '$tmp/out/long.pdf'"
check "no temporary files are left in the output folder" \
	sh -c "[ -z \"\$(ls -A '$tmp/out' | grep '^\\.')\" ]"
check "--help describes the options (exit 0)" \
	sh -c "'$ECQCOACH' export --help | grep -q -- '--page-per-ecq'"

echo "1..$n"
exit 0
