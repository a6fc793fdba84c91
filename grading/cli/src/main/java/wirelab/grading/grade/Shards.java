package wirelab.grading.grade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Shares a submission's tests among several test JVMs that run at the same time. Most of a lab's
 * test time is waiting (a bound that must expire because the student's server never answers, a
 * lossy network, a retransmission timer), and waits overlap.
 *
 * <p>The unit is one test method: the labs' tests share nothing between methods (a crashed JVM's
 * remaining methods already run one by one in a fresh JVM). The JVMs take units from one queue,
 * longest first by the reference's time: a fixed split would trust the reference's times, and a
 * broken submission makes quick tests slow.
 */
final class Shards {

    /** One thing a test JVM is told to run: {@code --method C#m}, or {@code --class C} when methods cannot be named. */
    record Unit(String className, String flag, String selector, double seconds) {
    }

    /** Below this much reference time per shard another JVM costs more than it saves. */
    static final double SECONDS_PER_SHARD = 1.5;

    /** Most shards chosen automatically. */
    static final int AUTO_MAX = 4;

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
     * The order a shared queue hands units out: longest first by the reference's time, so a slow
     * test starts early and the quick ones fill the gaps (ties keep plan order).
     */
    static List<Unit> queueOrder(List<Unit> units) {
        List<Unit> out = new ArrayList<>(units);
        out.sort(Comparator.comparingDouble(Unit::seconds).reversed());
        return out;
    }
}
