#!/usr/bin/env bash
# Same submissions, same scores, however busy the machine: grades one lab's demo samples twice in
# one run, first as the machine is, then while a CPU burner keeps every core busy, and compares
# the two gradings test by test (./wirelab diff). Exits 1 when any score differs.
#
#   grading/bench/busy-vs-idle.sh [LAB]          default: threads (its stress and Lincheck tests compute)
#   BURN=8 grading/bench/busy-vs-idle.sh         burner processes (default: 4 per core)
#   SAMPLES="hostile-output-flood hostile-infinite-loop reference" grading/bench/busy-vs-idle.sh
#                                                only these samples (default: every sample of the lab)
#
# The burner is bounded: each process is a `timeout`-limited shell loop at the lowest priority
# the others have (nice 0, like the graders'), stopped when the busy grading ends (and by its own
# time limit if this script is killed). "Idle" means "without the burner": on a shared machine the
# first run is already as busy as the machine is; the load averages are printed beside each run.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lab="${1:-threads}"
work="$root/target/bench-busy-$lab"
cores="$(nproc)"
burn="${BURN:-$((4 * cores))}"
limit="${BURN_SECONDS:-1800}"
cd "$root"

rm -rf "$work" && mkdir -p "$work"
load() { cut -d' ' -f1-3 /proc/loadavg; }
only=()
for s in ${SAMPLES:-}; do only+=(--sample "$s"); done

grade() {  # grade NAME LOAD: the lab's samples (or $SAMPLES), fresh, into $work/NAME
  local name="$1" start=$SECONDS
  ./wirelab demo --lab "$lab" "${only[@]}" --force --no-reuse --out "$work/$name-demo" > "$work/$name.log" 2>&1 || true
  mkdir -p "$work/$name" && cp -r "$work/$name-demo/$lab/." "$work/$name/"
  printf '%-5s graded in %4d s, load average before/after: %s / %s\n' "$name" "$((SECONDS - start))" "$2" "$(load)"
  grep -E "^  [a-z].*(ok|MISSED)" "$work/$name.log" | sed 's/^/      /' || true
}

grade idle "$(load)"

pids=()
for _ in $(seq "$burn"); do
  timeout "$limit" sh -c 'while :; do :; done' &
  pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
sleep 5   # let the load average see the burners
grade busy "$(load) (+$burn burners)"
kill "${pids[@]}" 2>/dev/null || true

echo
echo "gradebook, idle vs busy (student, score, max, ...):"
paste -d'|' "$work/idle/gradebook.csv" "$work/busy/gradebook.csv" | awk -F'|' '{split($1,a,","); split($2,b,","); printf "  %-28s %7s/%-5s %7s/%-5s %s\n", a[1], a[2], a[3], b[2], b[3], (a[2]==b[2] ? "" : "DIFFERS")}'
echo
if ./wirelab diff "$work/idle" "$work/busy"; then
  echo "busy-vs-idle: same scores for every submission ($lab)"
else
  echo "busy-vs-idle: SCORES DIFFER under load ($lab): see above"
  exit 1
fi
