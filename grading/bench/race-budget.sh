#!/usr/bin/env bash
# What a lab's jcstress race tests cost per submission, and what they still catch, for several
# budgets: runs the lab's graded race tests RUNS times on the reference and on each demo sample
# whose expectation names a jcstress test, once per budget, and prints per budget the wall and CPU
# seconds of one invocation (jcstress's own probes and forks included) and per sample how many
# runs failed each race test. A budget decides a mistake when its failures are RUNS of RUNS on the
# samples that make it and 0 on the reference (anything between: copies of one submission could
# get different scores).
#
#   grading/bench/race-budget.sh LAB [RUNS] [BUDGET...]
#       default RUNS 10; default budgets: the lab's race.budget and two shorter ones
#   e.g. grading/bench/race-budget.sh threads 10 "-sc false -f 1 -iters 1 -time 200"
#   SAMPLES="reference" grading/bench/race-budget.sh threads 3 "..."   the cost alone, on the reference
#
# Needs the lab's prepared bundle (any ./wirelab grade or demo of the lab makes it). Say how busy
# the machine was: the script prints the load average at the start and the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lab="${1:?usage: race-budget.sh LAB [RUNS] [BUDGET...]}"
runs="${2:-10}"
shift $(( $# >= 2 ? 2 : $# ))
budgets=("$@")
if (( ${#budgets[@]} == 0 )); then
  own="$(sed -n 's/^race\.budget=//p' "$root/solutions/$lab/lab.properties")"
  own="${own:--sc false -f 1 -iters 1 -time 200}"
  budgets=("$own" "-sc false -f 1 -iters 1 -time 50 -pth false" "-sc false -f 1 -iters 1 -time 20 -pth false -hs 64")
fi
# in the grader's work folder: $WIRELAB_WORK, else /var/lib/wirelab for root, else the course's target/
work_base="$root/target/grading-work"
(( EUID == 0 )) && work_base=/var/lib/wirelab
work_base="${WIRELAB_WORK:-$work_base}"
bundle="$(ls -dt "$work_base/bundles/$lab"-*/ 2>/dev/null | while read -r d; do
  [[ -f "$d/ready" && -d "$d/race" ]] && echo "${d%/}" && break; done)"
[[ -n "$bundle" ]] || { echo "no prepared $lab bundle with race tests: run ./wirelab grade or demo on $lab first" >&2; exit 2; }
libs="$(ls "$bundle"/lib/*.jar | tr '\n' ':')"
work="$root/target/race-budget-$lab"
rm -rf "$work" && mkdir -p "$work"

# the graded race tests (those with @Points) and the samples that name one
graded="$(grep -rl '@Points' "$root/solutions/$lab/src/jcstress/java" | sed "s|.*/java/||; s|\.java$||; s|/|.|g" | sort)"
filter="$(echo "$graded" | sed 's/\./\\./g' | paste -sd'|')"
mapfile -t samples < <(cd "$root/grading/samples/$lab" && for d in */; do d="${d%/}"
  grep -qiE 'jcstress|race tests' "$d/sample.properties" && grep -q '^base=' "$d/sample.properties" && echo "$d"; done)
samples=(reference "${samples[@]}")
# SAMPLES="reference" (space-separated) measures only those
[[ -n "${SAMPLES:-}" ]] && read -r -a samples <<< "$SAMPLES"

# each sample's main classes, compiled from the submission the demo grades (its base, patches and files)
"$root/grading/bench/sample-submissions.sh" "$lab" "$work/subs" "${samples[@]}" > /dev/null
for s in "${samples[@]}"; do
  src="$work/subs/$s/src/main/java"
  mkdir -p "$work/classes/$s"
  javac -nowarn -d "$work/classes/$s" -cp "$libs" $(find "$src" -name '*.java') > "$work/javac-$s.log" 2>&1 \
    || { echo "$s does not compile, see $work/javac-$s.log" >&2; exit 2; }
done

echo "lab $lab: graded race tests: $(echo "$graded" | sed 's/.*\.//' | paste -sd' ')"
echo "java: $(java -version 2>&1 | head -1); $(nproc) cores; load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for budget in "${budgets[@]}"; do
  echo
  echo "== budget: $budget"
  for s in "${samples[@]}"; do
    for i in $(seq 1 "$runs"); do
      d="$work/run/$s/$i" && mkdir -p "$d" && cd "$d"
      # shellcheck disable=SC2086  # the budget is a list of jcstress options
      /usr/bin/time -f "%e %U %S" -o time.txt java -Xmx256m -cp "$bundle/race:$work/classes/$s:$libs" \
          org.openjdk.jcstress.Main $budget -v -jvmArgs "-Xmx256m" -t "$filter" > log.txt 2>&1 || true
      read -r wall user sys < <(tail -n 1 time.txt)
      awk '/RUN RESULTS:/{f=1} f' log.txt | grep -oE '\[(FAILED|OK|ERROR)\] \S+' | sort -u \
        | sed "s/^/$s $i $wall $(echo "$user + $sys" | bc) /"
      cd "$root" && rm -rf "$d"
    done
  done | python3 -c '
import sys, collections
runs = int(sys.argv[1]); walls = {}; cpus = {}; failed = collections.Counter(); seen = collections.defaultdict(set)
for line in sys.stdin:
    s, i, wall, cpu, verdict, test = line.split()
    walls[(s, i)] = float(wall); cpus[(s, i)] = float(cpu)
    seen[s].add(test.split(".")[-1])
    if verdict != "[OK]": failed[(s, test.split(".")[-1])] += 1
n = max(len(walls), 1)
print(f"per invocation: {sum(walls.values()) / n:.1f} s wall, {sum(cpus.values()) / n:.1f} s CPU (mean of {len(walls)})")
for s in sys.argv[2:]:
    tests = sorted(seen[s])
    print(f"  {s:28s} " + "  ".join(f"{t}:{failed[(s, t)]}/{runs}" for t in tests))
' "$runs" "${samples[@]}"
done
echo
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg); (TEST:k/N = k of N runs failed that test)"
