#!/usr/bin/env bash
# Where a lab's grading CPU goes, test by test: the reference solution's tests (public and hidden)
# run once in one JVM with the flags the grader gives a lab's test JVM (its JIT, the serial
# collector, self-attach for Lincheck), and for each test the CPU the whole JVM used while it ran
# (its threads, the JIT and the collector) next to its wall time; then the sums per test class and
# the JVM's total. The sandbox, the class-data-sharing archive and the shards are left out: this
# shows which tests cost a submission's grading, not the grading's total (grade-speed.sh).
#
#   grading/bench/test-cpu.sh [LAB] [TOP]     default: threads, the 15 costliest tests
#
# The CPU of a test includes whatever the JVM did meanwhile: the first test of a class pays for
# loading it, and Lincheck's first test for instrumenting the loaded classes. A time-boxed stress
# test takes what CPU the machine leaves it during its box: compare runs at the same load.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lab="${1:-threads}"
top="${2:-15}"
work="$root/target/bench-test-cpu"
module="$root/solutions/$lab"
[[ -d "$module" ]] || { echo "no lab $lab in solutions/" >&2; exit 2; }

cd "$root"
rm -rf "$work" && mkdir -p "$work"
./mvnw -q -B process-test-classes -pl "solutions/$lab" -am > "$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log"; exit 1; }

cat > "$work/TestCpu.java" <<'EOF'
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/** Runs every test of a package; prints per test: CPU seconds of the JVM, wall seconds, status, class#method. */
public class TestCpu {
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) {
        long cpu0 = cpu();
        long wall0 = System.nanoTime();
        Map<String, long[]> started = new HashMap<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectPackage(args[0])).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionStarted(TestIdentifier id) {
                        if (id.isTest()) {
                            started.put(id.getUniqueId(), new long[] {cpu(), System.nanoTime()});
                        }
                    }

                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.isTest()) {
                            long[] s = started.get(id.getUniqueId());
                            String u = id.getUniqueId();
                            String cls = u.replaceAll(".*\\[class:([^\\]]*)\\].*", "$1").replaceAll(".*\\.", "");
                            String method = u.replaceAll(".*\\[method:([^(]*)\\(.*", "$1");
                            System.out.printf("TEST %.2f %.2f %s %s#%s%n", (cpu() - s[0]) / 1e9, (System.nanoTime() - s[1]) / 1e9,
                                    result.getStatus(), cls, method);
                        }
                    }
                });
        System.out.printf("JVM %.2f %.2f%n", cpu() / 1e9, (System.nanoTime() - wall0) / 1e9);
        System.out.printf("BEFORE %.2f%n", cpu0 / 1e9);
    }
}
EOF

cp="$module/target/classes:$module/target/test-classes:$(cat "$module/target/test.classpath")"
jit="$(sed -n 's/^grade\.jit=//p' "$module/lab.properties" | tr -d '[:space:]')"
level=4
[[ "$jit" == quick ]] && level=1
javac -d "$work" -cp "$cp" "$work/TestCpu.java"
java -Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=$level -Djdk.attach.allowAttachSelf=true \
  -cp "$cp:$work" TestCpu "wirelab.$lab" > "$work/run.log" 2> "$work/run.err" || true

echo "lab $lab, reference solution, one JVM (C$([[ $level == 1 ]] && echo 1 || echo 2) as graded), load $(cut -d' ' -f1-3 /proc/loadavg)"
awk '/^TEST /{ n++; if ($4 != "SUCCESSFUL") bad++ } END { printf "%d tests, %d not passed\n", n, bad }' "$work/run.log"
echo
echo "costliest tests (CPU s of the JVM while each ran, wall s):"
grep '^TEST ' "$work/run.log" | sort -k2 -rn | head -n "$top" | awk '{ printf "  %6.2f %6.2f  %s\n", $2, $3, $5 }'
echo
echo "per test class:"
grep '^TEST ' "$work/run.log" | awk '{ split($5, a, "#"); cpu[a[1]] += $2; wall[a[1]] += $3 }
  END { for (c in cpu) printf "  %6.2f %6.2f  %s\n", cpu[c], wall[c], c }' | sort -rn
awk '/^TEST /{ t += $2 } /^JVM /{ j = $2; w = $3 } /^BEFORE /{ b = $2 }
  END { printf "\nthe JVM: %.2f CPU s in %.2f s; the tests %.2f; the JVM start before main %.2f; discovery and the rest %.2f\n", j, w, t, b, j - t - b }' "$work/run.log"
