#!/bin/sh
# SPDX-License-Identifier: MIT
# test_steady_typing.sh: text typed without a pause reaches the file. Keys
# arrive in small chunks every ~50 ms for ~5 s (the idle autosave never
# runs), then the coach is killed with SIGKILL: the file must hold every
# chunk but those of the last ~1.5 s.
. "${srcdir:-.}/tests/tui/lib.sh"

P="$SCRATCH/p.ecq"
"$ECQCOACH" new "$P" --name "Pat Doe" >/dev/null || exit 1
cat > "$SCRATCH/run.sh" <<RUN
echo \$\$ > "$SCRATCH/coach.pid"
exec "$ECQCOACH" "\$@"
RUN
start 100 30 sh "$SCRATCH/run.sh" --guided "$P"
check "the coach opens on the guide" wait_for "Step 1 of 104"
check "the first focus question" step_to "ECQ 1: Focus questions"

# chunk N is "wN " (w1 ... w100); its send time goes to sent.log in ms
now_ms() { date +%s%3N; }
i=1
end=$(( $(now_ms) + 5000 ))
while [ "$(now_ms)" -lt "$end" ]; do
	type_text "w$i "
	echo "$i $(now_ms)" >> "$SCRATCH/sent.log"
	i=$((i + 1))
	sleep 0.05
done
last=$((i - 1))
pid=$(cat "$SCRATCH/coach.pid")
kill -KILL "$pid"
# (not "EXIT=137" on the screen: the killed coach leaves the cursor where
# it was, and the shell's line may wrap anywhere)
gone() { i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt "$WAIT_STEPS" ]; do sleep 0.05; i=$((i + 1)); done; ! kill -0 "$pid" 2>/dev/null; }
check "the coach is gone" gone

text=$("$ECQCOACH" show "$P")
# the highest chunk in the file, and every one before it there in order
kept=0
k=1
while [ $k -le $last ]; do
	case " $text " in *" w$k "*|*"w$k "*) kept=$k ;; *) break ;; esac
	k=$((k + 1))
done
t_last=$(sed -n "${last}p" "$SCRATCH/sent.log" | cut -d' ' -f2)
if [ "$kept" -gt 0 ]; then
	t_kept=$(sed -n "${kept}p" "$SCRATCH/sent.log" | cut -d' ' -f2)
else
	t_kept=$(sed -n 1p "$SCRATCH/sent.log" | cut -d' ' -f2)
fi
lost_ms=$((t_last - t_kept))
echo "# sent $last chunks over $(( t_last - $(sed -n 1p "$SCRATCH/sent.log" | cut -d' ' -f2) )) ms; the file holds w1..w$kept; lost: the last $lost_ms ms"
check "chunks were typed steadily (at least 40)" test "$last" -ge 40
check "the file holds all but at most the last 1.5 s of typing" test "$kept" -gt 0 -a "$lost_ms" -le 1500
finish
