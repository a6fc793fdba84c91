#!/usr/bin/env bash
# Grade the same N sample submissions of one lab twice, in one run: with the harness
# (./wirelab grade, one lane) and with `mvn -o -q test` per submission (the naive way: a Maven
# project per student), then print the time per submission and the ratio.
#
#   grading/bench/grade-vs-maven.sh [LAB] [N]        default: sockets 4
#   QUICK=1 grading/bench/grade-vs-maven.sh LAB N    only the default lanes, for a class-sized N: Maven
#                                                    grades each distinct sample once (N cycles them,
#                                                    so the mix per submission is the same)
#
# The samples are the demo's (reference, starter, typical mistakes), cycled to N. Race tests
# (jcstress) are left out on both sides: this measures the JUnit grading path.
#
# Three figures, because a lab's tests take the time they take (the sockets lab's lossy-UDP tests
# wait on purpose, a broken server makes a test wait out its bound):
#   per submission  wall time / N: one lane and one test JVM per submission (like the Maven loop),
#                   one lane with the submission's test JVMs running at once, each a fixed part
#                   of its tests (--shards, default for the lab), and the default lanes;
#   test time       the tests' own running time (harness: result.json; Maven: surefire's reports);
#   overhead        per submission minus test time: what each way adds around the same tests.
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

# the tests' own time in a harness output folder: the sum of every test's seconds
harness_test_time() {
  python3 -c 'import json,glob,sys; print(sum(t.get("seconds") or 0 for f in glob.glob(sys.argv[1] + "/students/*/result.json") for t in json.load(open(f))["tests"]))' "$1"
}

if [[ -z "${QUICK:-}" ]]; then
echo "== harness: ./wirelab grade, $n submissions, --jobs 1 --shards 1 --force"
t0=$(now)
./wirelab grade "$work/subs" --lab "$lab" --out "$work/harness" --jobs 1 --shards 1 --force > "$work/harness.log" 2>&1
t1=$(now)
harness=$(echo "$t1 - $t0" | bc -l)
harness_tests=$(harness_test_time "$work/harness")
grep "submission(s):" "$work/harness.log" | sed "s/^/   /"

echo "== harness: ./wirelab grade, $n submissions, --jobs 1 --force (the lab's default test JVMs per submission)"
t0=$(now)
./wirelab grade "$work/subs" --lab "$lab" --out "$work/harness-shards" --jobs 1 --force > "$work/harness-shards.log" 2>&1
t1=$(now)
shards=$(echo "$t1 - $t0" | bc -l)
grep -o "[0-9a-z ]* test JVM.* each[^;]*" "$work/harness-shards.log" | sed "s/^/   /" || true
grep "submission(s):" "$work/harness-shards.log" | sed "s/^/   /"
fi

echo "== harness: ./wirelab grade, $n submissions, default lanes, --force"
t0=$(now)
./wirelab grade "$work/subs" --lab "$lab" --out "$work/harness-lanes" --force > "$work/harness-lanes.log" 2>&1
t1=$(now)
lanes=$(echo "$t1 - $t0" | bc -l)
grep "submission(s):" "$work/harness-lanes.log" | sed "s/^/   /"

maven_tests=0
maven_subs=("$work"/subs/*)
if [[ -n "${QUICK:-}" ]]; then
  maven_subs=("${maven_subs[@]:0:${#samples[@]}}")
fi
m=${#maven_subs[@]}
echo "== maven: ./mvnw -o -q test per submission, $m submissions"
t0=$(now)
for s in "${maven_subs[@]}"; do
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
  # surefire's own account of the tests' time (a class that timed out or crashed has no report)
  spent=$(python3 -c 'import glob,sys,xml.etree.ElementTree as E; print(sum(float(E.parse(f).getroot().get("time") or 0) for f in glob.glob(sys.argv[1] + "/target/surefire-reports/TEST-*.xml")))' "$proj")
  maven_tests=$(echo "$maven_tests + $spent" | bc -l)
  rm -rf "$proj"
done
t1=$(now)
maven=$(echo "$t1 - $t0" | bc -l)

per() { echo "($1) / $n" | bc -l; }
if [[ -n "${QUICK:-}" ]]; then
  printf '\n%-24s %8s %15s\n' "" "total" "per submission"
  printf '%-24s %7.1fs %14.2fs\n' "harness, default lanes" "$lanes" "$(per "$lanes")"
  printf '%-24s %7.1fs %14.2fs   (%d distinct samples)\n' "mvn -o -q test" "$maven" "$(echo "$maven / $m" | bc -l)" "$m"
  printf '\nratio per submission (maven / harness), default lanes: %.1fx\n' "$(echo "($maven / $m) / ($lanes / $n)" | bc -l)"
  printf 'load average: %s (%s cores)\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
  exit 0
fi
printf '\n%-24s %8s %15s %15s %15s\n' "" "total" "per submission" "of it: tests" "overhead"
printf '%-24s %7.1fs %14.2fs %14.2fs %14.2fs\n' "harness, 1 lane, 1 JVM" "$harness" "$(per "$harness")" \
  "$(per "$harness_tests")" "$(per "$harness - $harness_tests")"
printf '%-24s %7.1fs %14.2fs\n' "harness, 1 lane, shards" "$shards" "$(per "$shards")"
printf '%-24s %7.1fs %14.2fs\n' "harness, default lanes" "$lanes" "$(per "$lanes")"
printf '%-24s %7.1fs %14.2fs %14.2fs %14.2fs\n' "mvn -o -q test" "$maven" "$(per "$maven")" \
  "$(per "$maven_tests")" "$(per "$maven - $maven_tests")"
printf '\nratio per submission (maven / harness): %.1fx with 1 lane and 1 JVM, %.1fx with 1 lane and shards,\n' \
  "$(echo "$maven / $harness" | bc -l)" "$(echo "$maven / $shards" | bc -l)"
printf '                                         %.1fx with the default lanes (and shards)\n' "$(echo "$maven / $lanes" | bc -l)"
printf 'ratio of the overhead around the tests:   %.1fx\n' \
  "$(echo "($maven - $maven_tests) / ($harness - $harness_tests)" | bc -l)"
printf 'load average: %s (%s cores)\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
