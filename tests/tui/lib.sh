# SPDX-License-Identifier: MIT
# lib.sh: helpers for the end-to-end tests of the coach. They run the real
# binary in a detached tmux session of fixed size on a private socket, send
# keys, and read the screen with capture-pane (polled, never a fixed sleep).
# Sourced by tests/tui/test_*.sh; skips (exit 77) without tmux.

: "${ECQCOACH:?ECQCOACH must name the binary}"
TMUX_BIN=${TMUX_BIN:-$(command -v tmux 2>/dev/null)}
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ]; then
	echo "1..0 # SKIP tmux is not installed"
	exit 77
fi
unset TMUX TMUX_PANE
SOCK=ecqtest-$$
SOCKS=""
starts=0
SCRATCH=$(mktemp -d)
export HOME="$SCRATCH/home" XDG_DATA_HOME="$SCRATCH/data" XDG_CONFIG_HOME="$SCRATCH/config"
mkdir -p "$HOME"
export LC_ALL=${LC_ALL:-C.UTF-8} TZ=UTC
# Under sanitizers everything is slower: allow more time, never less.
WAIT_STEPS=${ECQ_TEST_WAIT_STEPS:-200}    # x 0.05 s

n=0
failed=0
cleanup() {
	for s in $SOCKS; do
		"$TMUX_BIN" -L "$s" kill-server 2>/dev/null
	done
	rm -rf "$SCRATCH"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

tm() { "$TMUX_BIN" -L "$SOCK" "$@"; }

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
	echo "# screen:"; screen | sed 's/^/#   /'
}
# check NAME COMMAND...: ok when the command succeeds.
check() {
	name=$1; shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# start W H ENV-AND-COMMAND (on socket ecqtest-PID-N): runs it in a new session "coach"; the shell
# prints EXIT=status when it ends and keeps the pane for inspection.
start() {
	w=$1 h=$2; shift 2
	# a fresh private server each time: no race with one shutting down
	tm kill-server 2>/dev/null
	starts=$((starts + 1))
	SOCK=ecqtest-$$-$starts
	SOCKS="$SOCKS $SOCK"
	tm -f /dev/null new-session -d -x "$w" -y "$h" -s coach \
	    "cd '$SCRATCH' && env TERM=${ECQ_TEST_TERM:-tmux-256color} $*; echo EXIT=\$?; sleep 600"
	tm set-option -t coach status off >/dev/null 2>&1
}

screen() { tm capture-pane -p -t coach 2>/dev/null; }
screen_esc() { tm capture-pane -p -e -t coach 2>/dev/null; }
keys() { tm send-keys -t coach "$@"; }
type_text() { tm send-keys -t coach -l "$1"; }

# wait_for TEXT: true once TEXT (a fixed string) is on the screen.
wait_for() {
	i=0
	while [ $i -lt "$WAIT_STEPS" ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# wait_gone TEXT: true once TEXT is no longer on the screen.
wait_gone() {
	i=0
	while [ $i -lt "$WAIT_STEPS" ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# wait_file FILE TEXT: true once `ecqcoach show FILE` prints TEXT.
wait_file() {
	i=0
	while [ $i -lt "$WAIT_STEPS" ]; do
		"$ECQCOACH" show "$1" 2>/dev/null | grep -qF -- "$2" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# wait_exit STATUS: true once the program ended with STATUS.
wait_exit() { wait_for "EXIT=$1"; }

finish() {
	echo "1..$n"
	exit 0
}

# step_to TEXT: presses Ctrl-N (the plan's next step) until TEXT is on the
# screen; true when it got there within 100 steps.
step_to() {
	j=0
	while [ $j -lt 100 ]; do
		screen | grep -qF -- "$1" && return 0
		before=$(screen | sed -n 2p)
		keys C-n
		k=0
		while [ $k -lt "$WAIT_STEPS" ] && [ "$(screen | sed -n 2p)" = "$before" ]; do
			sleep 0.05
			k=$((k + 1))
		done
		j=$((j + 1))
	done
	screen | grep -qF -- "$1"
}
