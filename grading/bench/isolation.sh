#!/usr/bin/env bash
# What the sandbox uid layer costs per submission: grades the same submissions (copies of the lab's
# reference) with the plain fork and limits a root grader without bubblewrap used before
# (WIRELAB_SANDBOX=limits) and with the sandbox uid layer it uses now (WIRELAB_SANDBOX=uid), and,
# where bubblewrap works, with bubblewrap on top (auto). Rounds alternate the levels in one run, one
# submission at a time (--jobs 1), so the machine's load falls on each alike. Prints seconds per
# submission per level (median over rounds), the ratio to the plain fork, and the scores (all
# copies must get full marks at every level). Needs root: the sandbox uids do.
#
#   grading/bench/isolation.sh [LAB] [COPIES] [ROUNDS]     default: threads 4 3
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lab="${1:-threads}"
copies="${2:-4}"
rounds="${3:-3}"
work="$root/target/bench-isolation-$lab"
cd "$root"
[[ $(id -u) -eq 0 ]] || { echo "isolation.sh: run as root (the sandbox uids need it)" >&2; exit 2; }

rm -rf "$work" && mkdir -p "$work/class"
# the reference as a student hands it in, built by the demo
./wirelab demo --lab "$lab" --sample reference --out "$work/demo" > "$work/demo.log" 2>&1
for i in $(seq "$copies"); do
  cp -r "$work/demo/submissions/$lab/reference" "$work/class/copy-$i"
done
levels=(limits uid)
command -v bwrap >/dev/null && levels+=(auto)

load() { cut -d' ' -f1-3 /proc/loadavg; }
declare -A times=()
for round in $(seq "$rounds"); do
  for level in "${levels[@]}"; do
    start=$(date +%s.%N)
    WIRELAB_SANDBOX="$level" ./wirelab grade "$work/class" --lab "$lab" --jobs 1 --force \
      --out "$work/out-$level-$round" > "$work/$level-$round.log" 2>&1
    per=$(awk -v s="$start" -v e="$(date +%s.%N)" -v n="$copies" 'BEGIN { print (e - s) / n }')
    times[$level]+="$per "
    printf 'round %d %-6s %6.2f s per submission (load %s)\n' "$round" "$level" "$per" "$(load)"
    scores=$(tail -n +2 "$work/out-$level-$round/gradebook.csv" | cut -d, -f2,3 | sort -u | tr '\n' ' ')
    [[ "$(echo "$scores" | wc -w)" -eq 1 ]] || echo "  copies disagree at $level: $scores"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
base=$(echo "${times[limits]}" | median)
echo
echo "$lab, $copies copies of the reference, $rounds rounds, median seconds per submission:"
for level in "${levels[@]}"; do
  m=$(echo "${times[$level]}" | median)
  score=$(tail -n +2 "$work/out-$level-$rounds/gradebook.csv" | cut -d, -f2,3 | sort -u | tr '\n' ' ')
  printf '  %-6s %6.2f s  (%.2fx the plain fork)  scores: %s\n' "$level" "$m" "$(awk -v m="$m" -v b="$base" 'BEGIN { print m / b }')" "$score"
done
