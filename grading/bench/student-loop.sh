#!/usr/bin/env bash
# The student's loop, measured: a warm `./mvnw test -pl LAB` in a freshly published student
# repository (starter, then with the reference solution copied in), and a GitHub Classroom push
# run the way the generated workflow runs it (one Maven run, then one result check per graded
# step) against one Maven run per graded step (the simple alternative), in one run.
#
#   grading/bench/student-loop.sh [LAB] [WEEK] [RUNS]     default: threads 2 3
#   STEPS=K grading/bench/student-loop.sh ...              time K per-step Maven runs (default 8)
#                                                          and scale to every graded step
#   CDS=1 grading/bench/student-loop.sh [LAB] [WEEK] [RUNS]  instead: the starter's run as published
#       against class-data sharing on in the test JVM (-Dlab.jvm.flags=), alternating, with the JVM
#       warnings each run shows
#   RACES=1 grading/bench/student-loop.sh [LAB] [WEEK] [RUNS]  instead: what the practice race tests
#       cost a student: ./mvnw verify -pl LAB (the tests, then jcstress) against ./mvnw test -pl LAB,
#       alternating, with the solution in place, and each run's exit code
#   CATCHES=1 grading/bench/student-loop.sh [LAB] [WEEK]   instead: does the student's quick run
#       (time boxes scaled, see wirelab.testkit.Stress) fail the same public tests as whole boxes?
#       For the reference and each non-hostile demo sample: one run each way, the failed tests compared
#
# Prints per run: wall seconds, CPU seconds (user+sys of everything started), output lines, and
# whether the last 25 lines hold the points line. JAVA_HOME picks the JDK (17, 21, 25 alike).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lab="${1:-threads}"
week="${2:-2}"
runs="${3:-3}"
steps="${STEPS:-8}"
work="$root/target/bench-student"
repo="$work/repo"

cd "$root"
./wirelab --version > /dev/null   # build the tool now, not inside the timing
rm -rf "$work" && mkdir -p "$work"
# the student repository as publish writes it (without publish's release-gate stamps: this
# measures the build, not a release)
cat > "$work/Publish.java" <<'EOF'
public class Publish {
    public static void main(String[] a) {
        new wirelab.grading.publish.StudentRepo(wirelab.grading.course.Course.locate(), Integer.parseInt(a[0]))
                .write(java.nio.file.Path.of(a[1]));
    }
}
EOF
cp_tool="$root/.wirelab/cli/wirelab-cli.jar:$(cat "$root/.wirelab/cli/cli.classpath")"
WIRELAB_HOME="$root" java -cp "$cp_tool" "$work/Publish.java" "$week" "$repo"
cd "$repo"

if [[ -n "${CATCHES:-}" ]]; then
  # each sample as the demo writes it: its base (the reference or the starter), patches and files
  "$root/grading/bench/sample-submissions.sh" "$lab" "$work/samples" > /dev/null
  differ=0
  for dir in reference "$root/grading/samples/$lab"/*/; do
    name="$(basename "$dir")"
    props="$dir/sample.properties"
    # hostile samples are not a student's loop, and `./mvnw test` runs their code unconfined
    if [[ "$name" != reference ]] && grep -qE '^(verdict|threat)=' "$props"; then continue; fi
    rm -rf "$lab/src/main/java"
    cp -r "$work/samples/$name/src/main/java" "$lab/src/main/java"
    ./mvnw test -pl "$lab" > /dev/null 2>&1 || true
    quick="$( (grep -v "^PASS" "$lab/target/wirelab/results.txt" || true) | cut -d" " -f1,2 | sort)"
    ./mvnw test -pl "$lab" -Dwirelab.stress.scale=1 > /dev/null 2>&1 || true
    whole="$( (grep -v "^PASS" "$lab/target/wirelab/results.txt" || true) | cut -d" " -f1,2 | sort)"
    if [[ "$quick" == "$whole" ]]; then
      printf '%-28s same: %d failed public test(s)\n' "$name" "$(grep -c . <<< "$quick" || true)"
    else
      differ=$((differ + 1))
      printf '%-28s DIFFERENT\n  quick: %s\n  whole: %s\n' "$name" "${quick//$'\n'/, }" "${whole//$'\n'/, }"
    fi
  done
  echo "samples whose quick run failed other public tests than whole boxes: $differ"
  exit 0
fi

# one command, timed: wall and the CPU of all its processes
timed() {
  local log="$1"; shift
  local t0 t1 c0 c1 me=$BASHPID
  t0=$(date +%s.%N)
  c0=$(awk '{print $14+$15+$16+$17}' "/proc/$me/stat")
  "$@" > "$log" 2>&1 || true
  t1=$(date +%s.%N)
  # children's CPU shows in this shell's cutime/cstime once they are waited for
  c1=$(awk '{print $14+$15+$16+$17}' "/proc/$me/stat")
  awk -v a="$t0" -v b="$t1" -v c="$c0" -v d="$c1" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.1f s wall, %.1f s CPU", b - a, (d - c) / hz }'
}

if [[ -n "${CDS:-}" ]]; then
  # class-data sharing in the test JVM: as published (the lab's own flags: threads turns it off)
  # against sharing on (-Dlab.jvm.flags=), runs alternating, on the starter; and the JVM warnings
  # each run put on the screen
  ./mvnw test -pl "$lab" > "$work/warmup.log" 2>&1 || true
  for ((i = 1; i <= runs; i++)); do
    for how in published sharing-on; do
      flags=()
      [[ "$how" == sharing-on ]] && flags=(-Dlab.jvm.flags=)
      log="$work/cds-$how-$i.log"
      printf '%-10s run %d: %s' "$how" "$i" "$(timed "$log" ./mvnw test -pl "$lab" "${flags[@]}")"
      printf ', JVM warnings: %d\n' "$(grep -c 'VM warning' "$log" || true)"
    done
  done
  exit 0
fi

if [[ -n "${RACES:-}" ]]; then
  cp -r "$root/solutions/$lab/src/main/java/." "$lab/src/main/java/"
  ./mvnw verify -pl "$lab" > "$work/warmup.log" 2>&1 || true   # compile, fetch jcstress, warm the caches
  for ((i = 1; i <= runs; i++)); do
    for goal in test verify; do
      log="$work/races-$goal-$i.log"
      printf '%-6s run %d: %s' "$goal" "$i" "$(timed "$log" bash -c './mvnw "$@"; echo "exit code $?"' _ "$goal" -pl "$lab")"
      printf ', %s\n' "$(tail -n 1 "$log")"
    done
  done
  exit 0
fi

loop() {
  local what="$1"
  ./mvnw test -pl "$lab" > "$work/warmup.log" 2>&1 || true   # compile and warm the caches
  for ((i = 1; i <= runs; i++)); do
    local log="$work/$what-$i.log"
    printf '%-9s run %d: %s' "$what" "$i" "$(timed "$log" ./mvnw test -pl "$lab")"
    printf ', %d lines, points line in the last 25: %s\n' "$(wc -l < "$log")" \
      "$(tail -n 25 "$log" | grep -qE "^$lab: [0-9.]+ / [0-9.]+ public points" && echo yes || echo NO)"
  done
}

echo "== warm ./mvnw test -pl $lab ($(java -version 2>&1 | head -n 1))"
loop starter
cp -r "$root/solutions/$lab/src/main/java/." "$lab/src/main/java/"
loop solution

echo "== a Classroom push (solution in place; the workflow's run and command lines, in order)"
yml=.github/workflows/classroom.yml
mapfile -t checks < <(sed -n 's/^ *command: "\(.*\)"$/\1/p' "$yml")
push_new() {
  ./mvnw -B test || true
  for c in "${checks[@]}"; do bash -c "$c" || true; done
}
echo "one Maven run + ${#checks[@]} result checks: $(timed "$work/push-new.log" push_new)"
# the old workflow: one Maven run per graded step (each check names its test's class#method)
mapfile -t tests < <(printf '%s\n' "${checks[@]}" | sed -n "s/^grep -qF 'PASS \([^ ]*\) ' \([^/]*\)\/.*/\2 \1/p")
push_old() {
  ./mvnw -B -q -DskipTests install > /dev/null 2>&1 || true
  for t in "${tests[@]:0:$steps}"; do
    ./mvnw -B -q test -pl "${t%% *}" -Dtest="${t#* }" -Dsurefire.failIfNoSpecifiedTests=false || true
  done
}
echo "one Maven run per graded step, first $steps of ${#tests[@]} steps: $(timed "$work/push-old.log" push_old)" \
  "(scale by ${#tests[@]}/$steps for a whole push)"
