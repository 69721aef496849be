#!/bin/sh
# SPDX-License-Identifier: MIT
# test_readonly_and_full.sh: a project the user may not write (its file, or
# its folder) opens read-only with a banner that says why in plain words,
# not a SQLite message; and `new`, `new --demo` and `import` on a full disk
# fail with a clear message and leave no file, -wal or -shm behind.
. "${srcdir:-.}/tests/tui/lib.sh"

# As root, permissions do not stop writes: run the coach as nobody.
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null 2>&1 || { echo "1..0 # SKIP needs setpriv to drop root"; exit 77; }
	AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod 755 "$SCRATCH"
	# nobody must reach the binary and the data
	for d in "$ECQCOACH" "$ECQCOACH_DATADIR/prompts/ses-2025.ini"; do
		setpriv --reuid=65534 --regid=65534 --clear-groups test -r "$d" ||
		    { echo "1..0 # SKIP nobody cannot read $d"; exit 77; }
	done
else
	AS=""
fi

mkdir -p "$SCRATCH/ro" && chmod 755 "$SCRATCH/ro"
F="$SCRATCH/ro/p.ecq"
"$ECQCOACH" new "$F" --name "Pat Doe" >/dev/null || exit 1
chmod 644 "$F"

# A read-only file (owned by someone else from nobody's side, or 0444).
[ -z "$AS" ] && chmod 444 "$F"
start 100 30 "sh -c 'cd ro && $AS env HOME=/nonexistent $ECQCOACH p.ecq'"
check "a file the user may not write opens read-only" wait_for "READ-ONLY"
check "and says why in plain words" wait_for "you may not write to p.ecq"
no_sqlite() { ! screen | grep -qi "sqlite"; }
check "with no SQLite message" no_sqlite
keys C-q
check "it quits with status 0" wait_exit 0

# A writable file in a folder the user may not write.
if [ -n "$AS" ]; then
	chmod 666 "$F"
else
	chmod 644 "$F"; chmod 555 "$SCRATCH/ro"
fi
start 100 30 "sh -c 'cd ro && $AS env HOME=/nonexistent $ECQCOACH p.ecq'"
check "a folder the user may not write: read-only too" wait_for "READ-ONLY"
check "naming the folder" wait_for "may not write in the folder"
keys C-q
check "it quits with status 0" wait_exit 0
chmod 755 "$SCRATCH/ro"

# A full disk: a small tmpfs, where we may mount one.
FULL="$SCRATCH/full"
mkdir -p "$FULL"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=256k tmpfs "$FULL" 2>/dev/null; then
	echo "# SKIP full-disk cases: cannot mount a small tmpfs here (needs root)"
	finish
fi
trap 'umount "$FULL" 2>/dev/null; cleanup' EXIT
no_litter() { [ -z "$(ls -A "$FULL")" ]; }
"$ECQCOACH" new --demo "$FULL/d.ecq" >"$SCRATCH/out" 2>&1
check "new --demo on a full disk fails with status 3" test $? -eq 3
check "saying the disk is full" grep -q "disk is full" "$SCRATCH/out"
check "and leaves nothing behind" no_litter
head -c 230000 /dev/zero >"$FULL/filler" 2>/dev/null
"$ECQCOACH" new "$FULL/n.ecq" >"$SCRATCH/out" 2>&1
check "new on a nearly full disk fails with status 3" test $? -eq 3
rm -f "$FULL/filler"
check "and leaves nothing behind either" no_litter
cat "$srcdir/tests/fixtures/draft-markdown.md" "$srcdir/tests/fixtures/draft-markdown.md" \
    "$srcdir/tests/fixtures/draft-markdown.md" >"$SCRATCH/draft.md"
head -c 150000 /dev/zero >"$FULL/filler" 2>/dev/null
"$ECQCOACH" import "$SCRATCH/draft.md" -o "$FULL/i.ecq" >"$SCRATCH/out" 2>&1
rc=$?
rm -f "$FULL/filler"
check "import on a nearly full disk fails with status 3" test $rc -eq 3
check "and leaves nothing behind" no_litter
finish
