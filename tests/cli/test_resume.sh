#!/bin/sh
# SPDX-License-Identifier: MIT
# test_resume.sh: `ecqcoach export --resume` end to end on the 2025 demo
# project. PDF checks use poppler-utils: page size and count (the count
# export prints is pdfinfo's, short and long), the embedded sans-serif font
# and its sizes (body text in 10 pt by default, 12 pt when the project says
# so; the name and section headings in 14 pt), body text inside the
# project's margins (0.5 inch by default, 1 inch when set) with the header
# and footer in their bands, the name on page 1 and in the header band from
# page 2, bullets with a hanging indent, ECQ tags never alone on a line, no
# position heading left at a page's foot, the two-page warning; the text for
# USAJOBS' builder (one block per position, its character count true) with
# its limit and the ECQ coverage warnings; Markdown that renders (cmark).
# Prints TAP.

: "${ECQCOACH:?ECQCOACH must name the binary}"
if [ ! -x "$ECQCOACH" ] || ! command -v sqlite3 >/dev/null 2>&1; then
	echo "1..0 # SKIP needs the ecqcoach binary and sqlite3"
	exit 77
fi
have_poppler=yes
command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 &&
	command -v pdffonts >/dev/null 2>&1 || have_poppler=no
# The résumé is set in Liberation Sans (fonts-liberation2, as the
# narrative's Liberation Serif); without it export refuses to write a PDF.
if command -v fc-list >/dev/null 2>&1 && ! fc-list | grep -q "Liberation Sans"; then
	echo "1..0 # SKIP Liberation Sans is not installed (fonts-liberation2)"
	exit 77
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp/home XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
export HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME
mkdir -p "$HOME"
LC_ALL=C.UTF-8 TZ=UTC
export LC_ALL TZ

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
pdf_check() { if [ "$have_poppler" = yes ]; then check "$@"; else skip "$1" "no poppler-utils"; fi; }

p=$tmp/d.ecq
"$ECQCOACH" new "$p" --demo --framework ses-2025 >/dev/null ||
	{ echo "Bail out! cannot make the demo project"; exit 1; }

# --- defaults: 10 pt, 0.5-inch margins --------------------------------------
"$ECQCOACH" export "$p" --resume -o "$tmp/r.pdf" >"$tmp/out" 2>"$tmp/err"
cp "$tmp/out" "$tmp/out.short"
check "export --resume writes a one-page PDF and says its settings" \
	grep -qx "wrote $tmp/r.pdf: résumé, 1 page (10 pt, 0.5-inch margins)" "$tmp/out"
check "the demo shows every ECQ: no warning" [ ! -s "$tmp/err" ]
[ "$have_poppler" = yes ] && pdftotext -bbox "$tmp/r.pdf" "$tmp/r.html"
pdf_check "US Letter, one page" \
	sh -c "pdfinfo '$tmp/r.pdf' | grep -q 'Page size: *612 x 792' && pdfinfo '$tmp/r.pdf' | grep -q 'Pages: *1$'"
pdf_check "a sans-serif font embedded: Liberation Sans and its bold, no serif" \
	sh -c "pdffonts '$tmp/r.pdf' | grep -q 'LiberationSans .* yes yes yes' &&
	       pdffonts '$tmp/r.pdf' | grep -q 'LiberationSans-Bold .* yes yes yes' &&
	       ! pdffonts '$tmp/r.pdf' | grep -q Serif"
# Word boxes of Liberation Sans are 1.117 times the size: 10 pt -> 11.2.
# Every word is either body text in PT or a heading in 14 pt, and the
# headings are exactly the name and "Work Experience".
size_ok() { # size_ok HTML PT
	awk -F'"' -v pt="$2" '
	/<word / { h = $8 - $4; w = $0; sub(/^[^>]*>/, "", w); sub(/<.*/, "", w)
	  if (h >= pt * 1.08 && h <= pt * 1.15) body++
	  else if (h >= 14 * 1.08 && h <= 14 * 1.15) head = head (head == "" ? "" : " ") w
	  else bad++ }
	END { exit (bad > 0 || body < 100 || head != "María L. Castillo Work Experience") }' "$1"
}
# page|x|y|text per line of pdftotext -bbox-layout
lines_of() {
	awk '/<page / { page++ }
	/<line / { first = 1; t = "" }
	/<word / { split($0, a, "\""); if (first) { x = a[2]; y = a[4]; first = 0 }
	           w = $0; sub(/^[^>]*>/, "", w); sub(/<\/word>.*/, "", w); t = t (t == "" ? "" : " ") w }
	/<\/line>/ { printf "%d|%.1f|%.1f|%s\n", page, x, y, t }' "$1"
}
# Bullets hang: each starts at the margin M with "•", its other lines at
# M + 13 (1.3 x 10 pt); every line starts at one of the two (the footer
# aside) and at least one bullet runs over.
bullets_hang() { # bullets_hang LINES M
	awk -F'|' -v M="$2" '
	$4 ~ /^Page [0-9]+ of [0-9]+$/ { next }
	{ d = $2 - M }
	d > -0.5 && d < 0.5 { prev = ($4 ~ /^• /) ? "b" : "p"; if (prev == "b") bullets++; next }
	d > 12.5 && d < 13.5 { if (prev != "b" && prev != "c") bad++; prev = "c"; hung++; next }
	{ bad++ }
	END { exit (bad > 0 || bullets < 5 || hung < 1) }' "$1"
}
margins_ok() { # margins_ok HTML INCHES: body inside, header/footer in the bands
	awk -F'"' -v W=612 -v H=792 -v m="$2" '
	BEGIN { M = m * 72; B = M / 2; e = 0.5 }
	/<word / { x0 = $2; y0 = $4; x1 = $6; y1 = $8; words++
	  if (x0 < M - e || x1 > W - M + e) bad++
	  else if (y1 <= M + e) { if (y0 < B - e) bad++ }
	  else if (y0 >= H - M - e) { if (y1 > H - B + e) bad++ }
	  else if (y0 < M - e || y1 > H - M + e) bad++ }
	END { exit (bad > 0 || words == 0) }' "$1"
}
pdf_check "every word is set in 10 pt" size_ok "$tmp/r.html" 10
pdf_check "text stays inside 0.5-inch margins; header and footer in their bands" \
	margins_ok "$tmp/r.html" 0.5
[ "$have_poppler" = yes ] && pdftotext -bbox-layout "$tmp/r.pdf" "$tmp/rl.html" &&
	lines_of "$tmp/rl.html" >"$tmp/r.lines"
pdf_check "page 1 opens with the name, not a header band above it" \
	sh -c "head -n 1 '$tmp/r.lines' | grep -qx '1|36.0|36.0|María L. Castillo'"
pdf_check "accomplishments are bullets with a hanging indent" bullets_hang "$tmp/r.lines" 36
pdf_check "an ECQ tag never stands alone on a line" \
	sh -c "! grep -qE '\\|\\(ECQ [0-9]+\\)$|\\(ECQ$' '$tmp/r.lines' &&
	       [ \$(grep -c '(ECQ [0-9])$' '$tmp/r.lines') -eq 10 ]"
pdf_check "positions, their facts and the résumé lines are there" \
	sh -c "pdftotext '$tmp/r.pdf' - | tr '\n' ' ' | grep -q 'Deputy Chief Financial Officer' &&
	       pdftotext '$tmp/r.pdf' - | grep -q '50 hours per week' &&
	       pdftotext '$tmp/r.pdf' - | grep -q 'Supervisor: Daniel Okafor' &&
	       pdftotext '$tmp/r.pdf' - | grep -q 'Cleared all 263 overdue grantee appeals'"

# --- the project's own settings: 12 pt, 1-inch margins ----------------------
sqlite3 "$p" "INSERT INTO setting VALUES ('resume.font_pt', '12'), ('resume.margin_in', '1');"
"$ECQCOACH" export "$p" --resume -o "$tmp/r12.pdf" >"$tmp/out" 2>"$tmp/err"
check "the project's settings are used" grep -q "(12 pt, 1-inch margins)" "$tmp/out"
[ "$have_poppler" = yes ] && pdftotext -bbox "$tmp/r12.pdf" "$tmp/r12.html"
pdf_check "every word is set in 12 pt" size_ok "$tmp/r12.html" 12
pdf_check "text stays inside 1-inch margins" margins_ok "$tmp/r12.html" 1
sqlite3 "$p" "UPDATE setting SET value = '3' WHERE key = 'resume.margin_in';"
"$ECQCOACH" export "$p" --resume -o "$tmp/rbad.pdf" >"$tmp/out" 2>&1
check "a margin out of 0.5 to 1 inch falls back to 0.5" grep -q "(12 pt, 0.5-inch margins)" "$tmp/out"
sqlite3 "$p" "DELETE FROM setting WHERE key LIKE 'resume.%';"
sqlite3 "$p" "INSERT INTO setting VALUES ('resume.contact', 'Arlington, VA · maria@example.org');"
"$ECQCOACH" export "$p" --resume -o "$tmp/rc.pdf" >/dev/null 2>&1
pdf_check "the contact line (resume.contact) under the name on page 1" \
	sh -c "pdftotext -l 1 '$tmp/rc.pdf' - | sed -n 2p | grep -qx 'Arlington, VA · maria@example.org'"
sqlite3 "$p" "DELETE FROM setting WHERE key LIKE 'resume.%';"

# --- over two pages -----------------------------------------------------------
cp "$p" "$tmp/long.ecq"
sqlite3 "$tmp/long.ecq" "UPDATE position SET duties = replace(hex(zeroblob(200)), '00',
  'Lead the budget office and its staff through every part of the year. ') || duties;"
"$ECQCOACH" export "$tmp/long.ecq" --resume -o "$tmp/long.pdf" >"$tmp/out" 2>"$tmp/err"
check "a résumé over two pages is written with a warning" \
	sh -c "grep -q 'pages (10 pt' '$tmp/out' && grep -q 'over its 2' '$tmp/err'"
check "duties over USAJOBS' 5000 characters: the position and how many over" \
	grep -q "position 1 (Deputy Chief Financial Officer): its duties and résumé lines have 14835 characters, 9835 over the 5000 of USAJOBS' duties box (usajobs_limit)" "$tmp/err"
[ "$have_poppler" = yes ] && pdftotext -bbox "$tmp/long.pdf" "$tmp/long.html"
pdf_check "the long résumé stays inside its margins on every page" margins_ok "$tmp/long.html" 0.5
pages_agree() { # pages_agree PDF OUT: the count export printed is pdfinfo's
	said=$(sed -n 's/.*: résumé, \([0-9]*\) pages\{0,1\} (.*/\1/p' "$2")
	got=$(pdfinfo "$1" | sed -n 's/^Pages: *//p')
	[ -n "$said" ] && [ "$said" = "$got" ]
}
pdf_check "the long résumé: export's page count ($(sed -n 's/.*résumé, \([0-9]*\) page.*/\1/p' "$tmp/out")) is pdfinfo's" \
	pages_agree "$tmp/long.pdf" "$tmp/out"
pdf_check "the long résumé names the candidate in the header band from page 2" \
	sh -c "pdftotext -f 2 -l 2 -bbox '$tmp/long.pdf' - | awk -F'\"' '/<word / && \$4 < 30 && />María</ { f = 1 } END { exit !f }' &&
	       ! pdftotext -f 1 -l 1 -bbox '$tmp/long.pdf' - | awk -F'\"' '/<word / && \$4 < 30 { f = 1 } END { exit !f }'"

# --- many positions: none is left at a page's foot ----------------------------
cp "$p" "$tmp/many.ecq"
i=3
while [ $i -le 30 ]; do
	sqlite3 "$tmp/many.ecq" "INSERT INTO position (seq, title, organization, grade, start_date,
	  end_date, hours, supervisor, supervisor_phone, may_contact, duties, created, modified)
	  VALUES ($i, 'Post$i Analyst', 'Office of Things $i', 'GS-0343-13', '2001-01', '2002-02',
	  '40', 'Boss $i', '(202) 555-01$i', 'yes', 'Duty$i ran the office.', 'now', 'now');"
	i=$((i + 1))
done
"$ECQCOACH" export "$tmp/many.ecq" --resume -o "$tmp/many.pdf" >"$tmp/out" 2>"$tmp/err"
[ "$have_poppler" = yes ] && pdftotext -bbox-layout "$tmp/many.pdf" "$tmp/ml.html" &&
	lines_of "$tmp/ml.html" >"$tmp/many.lines"
# each position's title, its facts, supervisor and duties on one page
kept_together() {
	awk -F'|' '$4 ~ /^Post[0-9]+ Analyst/ { split($4, a, " "); t[a[1]] = $1 }
	     $4 ~ /^Duty[0-9]+ ran/ { split($4, a, " "); k = a[1]; sub(/Duty/, "Post", k); d[k] = $1 }
	     END { for (k in t) { n++; if (d[k] != t[k]) bad++ } exit (n != 28 || bad > 0) }' "$1"
}
pdf_check "28 more positions: no heading parted from its duties at a page's foot" \
	kept_together "$tmp/many.lines"
pdf_check "many positions: export's page count is pdfinfo's" pages_agree "$tmp/many.pdf" "$tmp/out"
pdf_check "the short résumé: export's page count is pdfinfo's" pages_agree "$tmp/r.pdf" "$tmp/out.short"

# --- text for USAJOBS, and coverage -------------------------------------------
"$ECQCOACH" export "$p" --resume -u -o "$tmp/r.txt" >/dev/null 2>&1
check "text: one line per résumé line, tagged with its ECQ" \
	grep -qx -- "- Automated grant payment reviews, cutting average payment time from 21 days to 4. (ECQ 2)" "$tmp/r.txt"
check "text: one block per position with the builder's fields" \
	sh -c "grep -qx 'POSITION 1 OF 2' '$tmp/r.txt' && grep -qx 'POSITION 2 OF 2' '$tmp/r.txt' &&
	       grep -qx 'Job title:      Deputy Chief Financial Officer' '$tmp/r.txt' &&
	       grep -qx 'Hours per week: 50' '$tmp/r.txt' && grep -qx 'May contact:    yes' '$tmp/r.txt'"
# The count each block states is the characters of the block as pasted:
# the lines after its dashes up to the next block, trailing newlines aside.
counts_true() {
	for k in 1 2; do
		got=$(awk -v k=$k '/^POSITION / { pos++ } pos == k && /^-----/ { g = 1; next }
		                   g && /^=====/ { exit } g' "$1" | { printf '%s' "$(cat)"; } | wc -m)
		said=$(sed -n 's/^Duties and accomplishments (\([0-9,]*\) of .*/\1/p' "$1" |
			sed -n "${k}p" | tr -d ,)
		[ -n "$said" ] && [ "$got" -eq "$said" ] && [ "$said" -gt 300 ] || return 1
	done
}
check "text: each block's character count is the block's, as pasted" counts_true "$tmp/r.txt"
"$ECQCOACH" export "$p" --resume -o "$tmp/r.md" >/dev/null 2>&1
check "Markdown: a heading per position" grep -qx "### Director, Grants Management Office, National Water Infrastructure Agency, Washington, DC" "$tmp/r.md"
if command -v cmark >/dev/null 2>&1; then
	cmark "$tmp/r.md" >"$tmp/r.md.html"
	check "Markdown renders: the name a title, a section, a heading and a list per position" \
		sh -c "[ \$(grep -c '^<h1>' '$tmp/r.md.html') -eq 1 ] && [ \$(grep -c '^<h2>' '$tmp/r.md.html') -eq 1 ] &&
		       [ \$(grep -c '^<h3>' '$tmp/r.md.html') -eq 2 ] && [ \$(grep -c '^<ul>' '$tmp/r.md.html') -eq 2 ] &&
		       [ \$(grep -c '^<li>.*(ECQ [0-9])</li>' '$tmp/r.md.html') -eq 10 ]"
	check "Markdown renders: dates and supervisor on lines of their own" \
		grep -qx "<p>2023-05 to present; ES-0505; 50 hours per week<br />" "$tmp/r.md.html"
else
	skip "Markdown renders: the name a title, a section, a heading and a list per position" "no cmark"
	skip "Markdown renders: dates and supervisor on lines of their own" "no cmark"
fi
sqlite3 "$p" "UPDATE example SET resume = '' WHERE ecq = 'merit-and-competence';"
"$ECQCOACH" export "$p" --resume -o "$tmp/r2.txt" >/dev/null 2>"$tmp/err"
check "an ECQ the résumé lacks is named" grep -q "no accomplishment for ECQ 3 (Merit and Competence)" "$tmp/err"
"$ECQCOACH" export "$p" --resume --ecq 2 -o "$tmp/x.txt" >/dev/null 2>&1
check "--resume with --ecq is a usage error" [ $? -eq 2 ]

echo "1..$n"
[ "$failed" -eq 0 ]
