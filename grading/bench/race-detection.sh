#!/usr/bin/env bash
# How often do the threads lab's jcstress tests catch the racy STARTER? Runs the graded race
# tests (counters, check-then-act, and the stop flag in termination mode) N times (default 20)
# against labs/threads, with the release gate's budget, and counts the verdicts per test.
# Needs a build first: ./mvnw -q process-test-classes -pl solutions/threads,labs/threads -am
# Usage: grading/bench/race-detection.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-20}"
cp="$root/labs/threads/target/classes:$root/solutions/threads/target/test-classes:$(cat "$root/solutions/threads/target/test.classpath")"
tests='wirelab.threads.(counters.(Atomic|Synchronized|Adder)CounterRace|lazy.IdRegistryRace|visibility.StopFlagTermination)'
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for i in $(seq 1 "$runs"); do
  mkdir -p "$scratch/$i" && cd "$scratch/$i"
  java -Xmx256m -cp "$cp" org.openjdk.jcstress.Main -sc false -f 1 -iters 1 -time 200 -v \
      -jvmArgs "-Xmx256m" -t "$tests" > log.txt 2>&1 || true
  # the verdicts are the [OK]/[FAILED] lines after RUN RESULTS
  awk '/RUN RESULTS:/{f=1} f' log.txt | grep -oE '\[(FAILED|OK|ERROR)\] \S+' | sort -u | sed "s/^/run $i /"
done | awk '{n[$3" "$4]++} END {for (k in n) print n[k], k}' | sort -k2
echo "(each line: how many of $runs runs gave that verdict; FAILED = the starter's race was caught)"
