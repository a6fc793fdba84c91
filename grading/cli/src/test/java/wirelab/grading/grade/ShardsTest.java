package wirelab.grading.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardsTest {

    private static Baseline.Planned test(String id, double seconds) {
        return new Baseline.Planned(id, id, 1, true, true, seconds);
    }

    @Test
    void methodsBecomeUnitsAndAClassWithoutMethodIdsRunsWhole() {
        Baseline plan = new Baseline(List.of(test("a.One#test01", 1), test("a.One#test02", 2),
                test("raceTableFromTrace()", 0.5)), List.of());
        List<Shards.Unit> units = Shards.units(plan, List.of("a.One", "raceTableFromTrace()", "a.Unplanned"));
        assertEquals(List.of("--method a.One#test01", "--method a.One#test02", "--class raceTableFromTrace()",
                "--class a.Unplanned"), units.stream().map(u -> u.flag() + " " + u.selector()).toList());
    }

    @Test
    void thePartitionIsFixedBalancedByTheReferenceTimeAndInPlanOrder() {
        List<Shards.Unit> units = new ArrayList<>();
        double[] seconds = {5, 1, 1, 0, 4, 1};
        for (int i = 0; i < seconds.length; i++) {
            units.add(new Shards.Unit("a.T", "--method", "a.T#t" + i, seconds[i]));
        }
        // longest first into the lightest part (ties: the first): t0 (5) → A, t4 (4) → B, t1 → B,
        // t2 → A, t5 → B, t3 → A; then each part in plan order
        List<List<String>> parts = Shards.partition(units, 2).stream()
                .map(p -> p.stream().map(Shards.Unit::selector).toList()).toList();
        assertEquals(List.of(List.of("a.T#t0", "a.T#t2", "a.T#t3"), List.of("a.T#t1", "a.T#t4", "a.T#t5")), parts);
        assertEquals(parts, Shards.partition(new ArrayList<>(units), 2).stream()
                .map(p -> p.stream().map(Shards.Unit::selector).toList()).toList(), "a pure function of the plan");
        assertEquals(List.of(units), Shards.partition(units, 1), "one part: the whole plan, in plan order");
        assertEquals(3, Shards.partition(units.subList(0, 3), 5).size(), "never an empty part");
    }

    @Test
    void countFollowsTheTaThenTheLabThenTheReferenceTime() {
        assertEquals(3, Shards.count(3, "1", 30, 50), "the TA's --shards wins");
        assertEquals(1, Shards.count(0, "1", 30, 50), "then lab.properties grade.shards");
        assertEquals(Shards.AUTO_MAX, Shards.count(0, null, 30, 50), "then the reference time, capped");
        assertEquals(1, Shards.count(0, null, 1, 50), "a quick lab stays in one JVM");
        assertEquals(2, Shards.count(0, null, 30, 2), "never more shards than units");
        assertEquals(4, Shards.autoJvmsPerCore(30), "a lab whose tests wait still runs more JVMs at once than parts");
        assertEquals(1, Shards.autoJvmsPerCore(1));
    }
}
