#!/usr/bin/env bash
# Grade the same N sample submissions of one lab twice, in one run: with the harness
# (./wirelab grade, one lane) and with `mvn -o -q test` per submission (the naive way: a Maven
# project per student), then print the time per submission and the ratio.
#
#   grading/bench/grade-vs-maven.sh [LAB] [N]        default: sockets 4
#
# The samples are the demo's (reference, starter, typical mistakes), cycled to N. Race tests
# (jcstress) are left out on both sides: this measures the JUnit grading path.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lab="${1:-sockets}"
n="${2:-4}"
work="$root/target/bench-$lab"
subs_src="$root/target/demo/submissions/$lab"

cd "$root"
if [[ ! -d "$subs_src" ]]; then
  echo "== building the $lab sample submissions (./wirelab demo --lab $lab)"
  ./wirelab demo --lab "$lab" > /dev/null
fi
./wirelab --version > /dev/null   # build the tool now, not inside the timing

rm -rf "$work" && mkdir -p "$work/subs"
mapfile -t samples < <(find "$subs_src" -mindepth 1 -maxdepth 1 -type d | sort)
for ((i = 0; i < n; i++)); do
  cp -r "${samples[$((i % ${#samples[@]}))]}" "$work/subs/$(printf 's%03d' "$i")-$(basename "${samples[$((i % ${#samples[@]}))]}")"
done

now() { date +%s.%N; }

echo "== warm-up: the lab's compiled tests and test plan are built once per lab, not per class"
./wirelab grade "$(ls -d "$work"/subs/* | head -1)" --lab "$lab" --out "$work/warm-up" --jobs 1 --force > "$work/warm-up.log" 2>&1

echo "== harness: ./wirelab grade, $n submissions, --jobs 1 --force"
t0=$(now)
./wirelab grade "$work/subs" --lab "$lab" --out "$work/harness" --jobs 1 --force > "$work/harness.log" 2>&1
t1=$(now)
harness=$(echo "$t1 - $t0" | bc -l)
grep "submission(s):" "$work/harness.log" | sed "s/^/   /"

echo "== maven: ./mvnw -o -q test per submission, $n submissions"
t0=$(now)
for s in "$work"/subs/*; do
  proj="$root/target/wlbench-$(basename "$s")"   # two levels below the root: the parent pom resolves
  rm -rf "$proj" && mkdir -p "$proj/src"
  cp "$root/solutions/$lab/pom.xml" "$proj/pom.xml"
  for d in test grading; do
    [[ -d "$root/solutions/$lab/src/$d" ]] && cp -r "$root/solutions/$lab/src/$d" "$proj/src/$d"
  done
  cp -r "$s/src/main" "$proj/src/main"
  s0=$(now)
  ./mvnw -o -q -B -f "$proj/pom.xml" test -Dmaven.test.failure.ignore=true > "$proj.log" 2>&1 || true
  printf '   %-40s %6.1f s\n' "$(basename "$s")" "$(echo "$(now) - $s0" | bc -l)"
  rm -rf "$proj"
done
t1=$(now)
maven=$(echo "$t1 - $t0" | bc -l)

printf '\n%-10s %8s %14s\n' "" "total" "per submission"
printf '%-10s %7.1fs %13.2fs\n' harness "$harness" "$(echo "$harness / $n" | bc -l)"
printf '%-10s %7.1fs %13.2fs\n' maven "$maven" "$(echo "$maven / $n" | bc -l)"
printf 'ratio (maven / harness): %.1fx   load average: %s\n' "$(echo "$maven / $harness" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
