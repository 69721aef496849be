#!/bin/sh
# SPDX-License-Identifier: MIT
# test_resume.sh: `ecqcoach export --resume` end to end on the 2025 demo
# project. PDF checks use poppler-utils: page size and count, the embedded
# font and its size (10 pt by default, 12 pt when the project says so), body
# text inside the project's margins (0.5 inch by default, 1 inch when set)
# with the header and footer in their bands, the two-page warning; the text
# for USAJOBS' builder with its character limit and the ECQ coverage
# warnings. Prints TAP.

: "${ECQCOACH:?ECQCOACH must name the binary}"
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
check "export --resume writes a one-page PDF and says its settings" \
	grep -qx "wrote $tmp/r.pdf: résumé, 1 page (10 pt, 0.5-inch margins)" "$tmp/out"
check "the demo shows every ECQ: no warning" [ ! -s "$tmp/err" ]
[ "$have_poppler" = yes ] && pdftotext -bbox "$tmp/r.pdf" "$tmp/r.html"
pdf_check "US Letter, one page" \
	sh -c "pdfinfo '$tmp/r.pdf' | grep -q 'Page size: *612 x 792' && pdfinfo '$tmp/r.pdf' | grep -q 'Pages: *1$'"
pdf_check "Liberation Serif embedded" \
	sh -c "pdffonts '$tmp/r.pdf' | grep -q 'LiberationSerif .* yes yes yes'"
# Word boxes of Liberation Serif are 1.107 times the size: 10 pt -> 11.1.
size_ok() { # size_ok HTML PT
	awk -F'"' -v pt="$2" '/<word / { h = $8 - $4; if (h < pt * 1.07 || h > pt * 1.15) bad++; w++ }
	           END { exit (bad > 0 || w == 0) }' "$1"
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

# --- over two pages -----------------------------------------------------------
cp "$p" "$tmp/long.ecq"
sqlite3 "$tmp/long.ecq" "UPDATE position SET duties = replace(hex(zeroblob(200)), '00',
  'Lead the budget office and its staff through every part of the year. ') || duties;"
"$ECQCOACH" export "$tmp/long.ecq" --resume -o "$tmp/long.pdf" >"$tmp/out" 2>"$tmp/err"
check "a résumé over two pages is written with a warning" \
	sh -c "grep -q 'pages (10 pt' '$tmp/out' && grep -q 'over its 2' '$tmp/err'"
check "duties over USAJOBS' 5000 characters are named" grep -q "usajobs_limit" "$tmp/err"
[ "$have_poppler" = yes ] && pdftotext -bbox "$tmp/long.pdf" "$tmp/long.html"
pdf_check "the long résumé stays inside its margins on every page" margins_ok "$tmp/long.html" 0.5

# --- text for USAJOBS, and coverage -------------------------------------------
"$ECQCOACH" export "$p" --resume -u -o "$tmp/r.txt" >/dev/null 2>&1
check "text: one line per résumé line, tagged with its ECQ" \
	grep -qx -- "- Automated grant payment reviews, cutting average payment time from 21 days to 4. (ECQ 2)" "$tmp/r.txt"
"$ECQCOACH" export "$p" --resume -o "$tmp/r.md" >/dev/null 2>&1
check "Markdown: a heading per position" grep -qx "### Director, Grants Management Office, National Water Infrastructure Agency, Washington, DC" "$tmp/r.md"
sqlite3 "$p" "UPDATE example SET resume = '' WHERE ecq = 'merit-and-competence';"
"$ECQCOACH" export "$p" --resume -o "$tmp/r2.txt" >/dev/null 2>"$tmp/err"
check "an ECQ the résumé lacks is named" grep -q "no accomplishment for ECQ 3 (Merit and Competence)" "$tmp/err"
"$ECQCOACH" export "$p" --resume --ecq 2 -o "$tmp/x.txt" >/dev/null 2>&1
check "--resume with --ecq is a usage error" [ $? -eq 2 ]

echo "1..$n"
[ "$failed" -eq 0 ]
