# Shared by the CLI test scripts: a pinned environment, a scratch folder,
# and TAP helpers. Source it, then call `plan N` and `check ...`.
set -u
: "${ECQCOACH:?ECQCOACH must name the ecqcoach binary}"
: "${srcdir:=.}"
LC_ALL=C.UTF-8 TZ=UTC TERM=dumb
export LC_ALL TZ TERM
scratch=$(mktemp -d "${TMPDIR:-/tmp}/ecqcli.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
HOME=$scratch/home XDG_DATA_HOME=$scratch/home/.local/share XDG_CONFIG_HOME=$scratch/home/.config
mkdir -p "$HOME"
export HOME XDG_DATA_HOME XDG_CONFIG_HOME
unset NO_COLOR
tap_n=0

plan() { echo "1..$1"; }

# ok NAME CONDITION-EXIT-STATUS
tap() {
	tap_n=$((tap_n + 1))
	if [ "$2" -eq 0 ]; then echo "ok $tap_n - $1"; else echo "not ok $tap_n - $1"; fi
}

# run CMD...: runs ecqcoach with args, capturing out, err and status.
run() {
	"$ECQCOACH" "$@" >"$scratch/out" 2>"$scratch/err" </dev/null
	status=$?
}

# expect NAME STATUS [GREP-PATTERN-IN-OUT-OR-ERR]
expect() {
	name=$1 want=$2 pat=${3:-}
	rc=0
	[ "$status" -eq "$want" ] || rc=1
	if [ -n "$pat" ] && ! grep -qE -- "$pat" "$scratch/out" "$scratch/err"; then rc=1; fi
	if [ $rc -ne 0 ]; then
		echo "# $name: status $status (want $want), pattern '$pat'" >&2
		sed 's/^/# out: /' "$scratch/out" | head -5
		sed 's/^/# err: /' "$scratch/err" | head -5
	fi
	tap "$name" $rc
}
