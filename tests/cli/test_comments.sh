#!/bin/sh
# SPDX-License-Identifier: MIT
# test_comments.sh: `ecqcoach comments` (list, add, merge), export
# --comments, and new projects' permissions (0600, --shared 0640). A
# comment added while another program holds the write lock still lands;
# merging a reviewed copy twice adds nothing twice; a comment whose text is
# deleted is listed as detached with its old quote.
. "${srcdir:-.}/tests/cli/lib.sh"
if ! command -v sqlite3 >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP needs sqlite3 and python3"
	exit 77
fi
plan 28
a=$scratch/a.ecq
q="froze new amendments"

# json_check FILE.ecq PYTHON-EXPR: the expression over c (the comments,
# a list) and t(target) (a field's current text) is true.
json_check() {
	"$ECQCOACH" comments "$1" --format json >"$scratch/json" 2>"$scratch/err" &&
	python3 - "$1" "$2" "$scratch/json" <<'PY'
import json, sqlite3, sys
path, expr, js = sys.argv[1:4]
c = json.load(open(js))
db = sqlite3.connect(path)
def t(target):
    kind, ident, col = target.split('.')
    return db.execute('SELECT %s FROM example WHERE id = ?' % col, (int(ident),)).fetchone()[0].encode()
def spans(x):
    return t(x['target'])[x['offset']:x['offset'] + x['length']].decode()
sys.exit(0 if eval(expr) else 1)
PY
}

run new "$a" --demo --name "Pat Doe"
expect "new makes the demo" 0 "created"
[ "$(stat -c %a "$a")" = 600 ]
tap "a new project is readable by its owner only (0600)" $?
run new "$scratch/shared.ecq" --shared
expect "new --shared" 0 "created"
[ "$(stat -c %a "$scratch/shared.ecq")" = 640 ]
tap "new --shared lets the group read it (0640)" $?

run comments "$a"
expect "a new project has no comments" 0 "^no comments"
run comments add "$a" --as "Mentor Kim" --ecq 1 --field action --quote "$q" "Say how long the freeze lasted."
expect "comments add" 0 "^added comment 1 to"
run comments add "$a" --as "Mentor Kim" --ecq 1 --field action --quote "froze old amendments" "x"
expect "a quote that is not in the text is refused" 3 "does not contain"
run comments add "$a" --ecq 1 --field action --quote "$q" "x"
expect "add without --as is a usage error" 2 "--as NAME"
run comments add "$a" --as K --ecq 1 --field summary "x"
expect "an unknown field is a usage error" 2 "no field 'summary'"
run comments add "$a" --as K --ecq 9 --field action "x"
expect "an ECQ that is not there" 3 "no ECQ 9"
run comments add "$a" --as "Peer Lee" --ecq 2 --field intro "The introduction could be shorter."
expect "a comment on a whole field" 0 "added comment 2"
run comments "$a"
expect "comments lists them" 0 "^#1 open: ECQ 1, example 1, action, Mentor Kim"
grep -q "\"$q\"" "$scratch/out"
tap "the list shows the quote" $?

json_check "$a" "len(c) == 2 and c[0]['id'] == 1 and c[0]['ecq'] == 1 and c[0]['example'] == 1 and c[0]['field'] == 'action' and c[0]['state'] == 'open' and c[0]['author'] == 'Mentor Kim' and c[0]['replies'] == [] and c[0]['created'].endswith('Z')"
tap "json: id, author, created, ecq, example, field, state, replies" $?
json_check "$a" "spans(c[0]) == '$q' and c[0]['quote'] == '$q'"
tap "json: offset and length point at the quote in the current text" $?

# A reviewer comments on a mailed copy while the writer goes on editing.
cp "$a" "$scratch/copy.ecq"
run comments add "$scratch/copy.ecq" --as "Coordinator" --ecq 1 --field action --quote "briefed the Administrator" "Which decision did you ask for?"
expect "a comment on the copy" 0 "added comment 3"
sqlite3 "$a" "UPDATE example SET action = 'In the first week, before anything else, ' || action WHERE id = (SELECT min(id) FROM example)"
run comments merge "$scratch/copy.ecq" "$a"
expect "merge brings the new comment" 0 "^merged 1 comment and replies"
run comments merge "$scratch/copy.ecq" "$a"
expect "merging again adds nothing" 0 "^merged 0 comments"
json_check "$a" "len(c) == 3 and spans(c[2]) == 'briefed the Administrator' and spans(c[0]) == '$q'"
tap "merged comments point at the writer's moved text" $?
sqlite3 "$a" "SELECT action FROM example WHERE id = (SELECT min(id) FROM example)" | grep -q "^In the first week"
tap "merge never touches the writer's text" $?
run new "$scratch/other.ecq" --demo
run comments merge "$scratch/other.ecq" "$a"
expect "merging another project is refused" 3 "is not a copy of"

# Another program holds the write lock: a comment still lands.
( flock -x 9; sleep 3 ) 9>"$a.lock" &
locker=$!
sleep 0.3
run comments add "$a" --as "Mentor Kim" --ecq 1 --field result "Add a number."
expect "comments add works while a writer holds the lock" 0 "added comment 4"
kill "$locker" 2>/dev/null; wait "$locker" 2>/dev/null

run export "$a" -o "$scratch/c.txt" --comments
expect "export --comments" 0 "wrote"
grep -q "^REVIEW COMMENTS" "$scratch/c.txt" && grep -q "Say how long the freeze lasted." "$scratch/c.txt"
tap "the text has the open comments at the end" $?
run export "$a" -o "$scratch/n.txt"
! grep -q "REVIEW COMMENTS" "$scratch/n.txt"
tap "without --comments it has none" $?
run export "$a" -o "$scratch/c.pdf" --comments
expect "the PDF never has comments" 2 "PDF never includes"

# The writer deletes the sentence the first comment quoted.
sqlite3 "$a" "UPDATE example SET action = 'I kept the program going.' WHERE id = (SELECT min(id) FROM example)"
json_check "$a" "c[0]['state'] == 'detached' and c[0]['offset'] is None and c[0]['quote'] == '$q'"
tap "a comment whose text is gone is detached with its old quote" $?
run comments "$a" --open
expect "the list says detached" 0 "^#1 detached:"
