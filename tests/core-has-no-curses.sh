#!/bin/sh
# The layer rule: src/core is the model and never touches the terminal.
# Fails when any core file includes curses or prints to stdout/stderr.
src=${srcdir:-.}
echo "1..2"
hits=$(grep -lE '#include *[<"](n?curses|ncursesw/)' "$src"/src/core/*.[ch] "$src"/src/core/*/*.[ch] 2>/dev/null)
if [ -z "$hits" ]; then echo "ok 1 - no curses include under src/core"
else echo "not ok 1 - curses included by: $hits"; fi
hits=$(grep -nE '\b(printf|puts|putchar|perror)\s*\(|\bf?printf\s*\(\s*std(out|err)|fputs\s*\([^)]*std(out|err)\)' \
	"$src"/src/core/*.c "$src"/src/core/*/*.c 2>/dev/null | grep -v 'snprintf\|vsnprintf')
if [ -z "$hits" ]; then echo "ok 2 - no printing under src/core"
else echo "not ok 2 - core prints: $hits" | head -5; fi
exit 0
