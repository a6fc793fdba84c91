package wirelab.grading.grade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Splits a submission's tests among several test JVMs that may run at the same time. Most of a
 * lab's test time is waiting (a bound that must expire because the student's server never
 * answers, a lossy network, a retransmission timer), and waits overlap.
 *
 * <p>The split is fixed: {@link #partition} is computed once per lab from the reference's plan,
 * so a submission always runs the same tests together, in the same order, in each JVM, however
 * busy the machine is and whether its JVMs run one after another or at once. What one test leaves
 * behind in its JVM (an exported registry, a thread) can only reach the tests of its own part,
 * and always the same ones: the score cannot depend on how the batch was scheduled.
 */
final class Shards {

    /** One thing a test JVM is told to run: {@code --method C#m}, or {@code --class C} when methods cannot be named. */
    record Unit(String className, String flag, String selector, double seconds) {
    }

    /** Below this much reference time per shard another JVM costs more than it saves. */
    static final double SECONDS_PER_SHARD = 1.5;

    /**
     * Most parts chosen automatically: every part is one more JVM start (and JUnit start and
     * warm-up) for EVERY submission, since the split cannot depend on whether spare JVMs are free:
     * on a class of sockets submissions 4 parts were slower than one shared queue, 2 were not
     * (grading/bench/ab-trees.sh; docs/benchmarks.md).
     */
    static final int AUTO_MAX = 2;

    /** Most test JVMs at once per core chosen automatically, for a lab whose tests mostly wait. */
    static final int AUTO_MAX_PER_CORE = 4;

    private static final Pattern METHOD_ID = Pattern.compile("[\\w.$]+#[\\w$]+");

    private Shards() {
    }

    /**
     * How many test JVMs per submission: the TA's choice, else the lab's ({@code grade.shards} in
     * lab.properties, 1 for a lab whose tests are CPU-bound), else by the reference's test time.
     */
    static int count(int requested, String labSetting, double referenceSeconds, int units) {
        int n;
        if (requested > 0) {
            n = requested;
        } else if (labSetting != null && !labSetting.isBlank()) {
            n = Integer.parseInt(labSetting.strip());
        } else {
            n = (int) Math.max(1, Math.min(AUTO_MAX, Math.floor(referenceSeconds / SECONDS_PER_SHARD)));
        }
        return Math.max(1, Math.min(n, units));
    }

    /**
     * Test JVMs at once per core for a lab that sets neither {@code grade.shards} nor
     * {@code grade.jvms-per-core}: by the reference's test time, as its waits leave cores idle.
     */
    static int autoJvmsPerCore(double referenceSeconds) {
        return (int) Math.max(1, Math.min(AUTO_MAX_PER_CORE, Math.floor(referenceSeconds / SECONDS_PER_SHARD)));
    }

    /** The plan's tests as units, in plan order; a test class the plan does not know runs whole. */
    static List<Unit> units(Baseline plan, List<String> testClasses) {
        Map<String, List<Baseline.Planned>> byClass = new LinkedHashMap<>();
        for (String c : testClasses) {
            byClass.put(c, new ArrayList<>());
        }
        for (Baseline.Planned t : plan.tests()) {
            byClass.computeIfPresent(t.className(), (c, list) -> {
                list.add(t);
                return list;
            });
        }
        double mean = plan.tests().stream().mapToDouble(Baseline.Planned::seconds).average().orElse(1);
        List<Unit> out = new ArrayList<>();
        byClass.forEach((cls, tests) -> {
            boolean byMethod = !tests.isEmpty() && tests.stream().allMatch(t -> METHOD_ID.matcher(t.id()).matches())
                    && tests.stream().map(Baseline.Planned::id).distinct().count() == tests.size();
            if (byMethod) {
                tests.forEach(t -> out.add(new Unit(cls, "--method", t.id(), t.seconds())));
            } else {
                double s = tests.isEmpty() ? mean : tests.stream().mapToDouble(Baseline.Planned::seconds).sum();
                out.add(new Unit(cls, "--class", cls, s));
            }
        });
        return out;
    }

    /**
     * The units split into at most {@code parts} lists, each run in its own fresh JVM: longest
     * first (by the reference's time; ties in plan order) into the list with the least time so
     * far (ties: the first), then each list back in plan order. A pure function of the plan: the
     * same lab gives the same lists on every run and every lane.
     */
    static List<List<Unit>> partition(List<Unit> units, int parts) {
        int n = Math.max(1, Math.min(parts, units.size()));
        List<Integer> longestFirst = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            longestFirst.add(i);
        }
        longestFirst.sort(Comparator.comparingDouble((Integer i) -> units.get(i).seconds()).reversed()
                .thenComparing(Comparator.naturalOrder()));
        double[] load = new double[n];
        List<List<Integer>> bins = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            bins.add(new ArrayList<>());
        }
        for (int i : longestFirst) {
            int least = 0;
            for (int b = 1; b < n; b++) {
                if (load[b] < load[least]) {
                    least = b;
                }
            }
            bins.get(least).add(i);
            load[least] += units.get(i).seconds();
        }
        List<List<Unit>> out = new ArrayList<>();
        for (List<Integer> bin : bins) {
            if (!bin.isEmpty()) {
                out.add(bin.stream().sorted().map(units::get).toList());
            }
        }
        return out;
    }
}
