#!/usr/bin/env bash
# A/B of the harness itself: grade the same class-sized batch with this tree's ./wirelab and with
# another checkout's (e.g. main before a change: `git archive main | tar -x -C /tmp/main`),
# alternating, so both meet the same load; prints each run and the ratio of the totals.
#
#   grading/bench/ab-trees.sh OTHER_TREE [LAB] [N] [ROUNDS]     default: sockets 18 2
#
# The submissions are the demo's samples of LAB cycled to N (as QUICK=1 grade-vs-maven.sh does),
# graded with the default lanes and --force. Each tree learns its plan and CDS archive first (untimed).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
other="$(cd "${1:?usage: ab-trees.sh OTHER_TREE [LAB] [N] [ROUNDS]}" && pwd)"
lab="${2:-sockets}"
n="${3:-18}"
rounds="${4:-2}"
work="$root/target/ab-$lab"
subs_src="$root/target/demo/submissions/$lab"

if [[ ! -d "$subs_src" ]]; then
  (cd "$root" && ./wirelab demo --lab "$lab" > /dev/null) || true
fi
rm -rf "$work" && mkdir -p "$work/subs"
mapfile -t samples < <(find "$subs_src" -mindepth 1 -maxdepth 1 -type d | sort)
for ((i = 0; i < n; i++)); do
  cp -r "${samples[$((i % ${#samples[@]}))]}" "$work/subs/$(printf 's%03d' "$i")-$(basename "${samples[$((i % ${#samples[@]}))]}")"
done

for tree in "$root" "$other"; do   # warm-up: the tool's build, the lab's bundle, plan and CDS archive
  (cd "$tree" && ./wirelab grade "${samples[0]}" --lab "$lab" --out "$work/warm" --jobs 1 --force > /dev/null 2>&1) || true
done

now() { date +%s.%N; }
total_this=0
total_other=0
for ((r = 1; r <= rounds; r++)); do
  for side in this other; do
    tree=$root; [[ $side == other ]] && tree=$other
    t0=$(now)
    (cd "$tree" && ./wirelab grade "$work/subs" --lab "$lab" --out "$work/out-$side-$r" --force > "$work/$side-$r.log" 2>&1) || true
    t=$(echo "$(now) - $t0" | bc -l)
    printf 'round %d %-5s %7.1f s   load %s   %s\n' "$r" "$side" "$t" "$(cut -d' ' -f1 /proc/loadavg)" \
      "$(grep -o '[0-9]* test JVM[^;]*' "$work/$side-$r.log" | head -1)"
    if [[ $side == this ]]; then total_this=$(echo "$total_this + $t" | bc -l); else total_other=$(echo "$total_other + $t" | bc -l); fi
  done
done
printf '\n%s: this tree %.1f s, other tree %.1f s over %d round(s) of %d submissions: this/other = %.2f\n' \
  "$lab" "$total_this" "$total_other" "$rounds" "$n" "$(echo "$total_this / $total_other" | bc -l)"
