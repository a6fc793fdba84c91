package wirelab.grading.gate;

import java.util.ArrayList;
import java.util.List;
import wirelab.grading.run.TestResult;

/**
 * What the release gate found for one lab; {@link #breaches()} empty means the lab may ship.
 * {@link ReleaseGate} fills it phase by phase, {@link GateTable} prints it.
 */
public final class LabVerdict {

    private final String lab;
    private final List<TestResult> solution = new ArrayList<>();
    private final List<TestResult> starter = new ArrayList<>();
    private final List<TestResult> raceSolution = new ArrayList<>();
    private final List<TestResult> raceStarter = new ArrayList<>();
    private final List<String> leaks = new ArrayList<>();
    private final List<String> breaches = new ArrayList<>();
    /** Tests this machine could not check (a peer program missing), "CurlTest#test01_…: curl is not installed (…)". */
    private final List<String> unchecked = new ArrayList<>();
    /** The lab's contract table against its tests. */
    private ContractCheck contract;

    LabVerdict(String lab) {
        this.lab = lab;
    }

    public String lab() {
        return lab;
    }

    /** Why the lab may not ship, one line each. */
    public List<String> breaches() {
        return breaches;
    }

    void breach(String why) {
        breaches.add(why);
    }

    public List<String> unchecked() {
        return unchecked;
    }

    public ContractCheck contract() {
        return contract;
    }

    void contract(ContractCheck check) {
        this.contract = check;
    }

    /** Every public and hidden test on the solution (the first round). */
    List<TestResult> solution() {
        return solution;
    }

    /** Every public and hidden test on the starter. */
    List<TestResult> starter() {
        return starter;
    }

    List<TestResult> raceSolution() {
        return raceSolution;
    }

    List<TestResult> raceStarter() {
        return raceStarter;
    }

    /** Solution markers, hidden tests or hidden expected values found in labs/. */
    List<String> leaks() {
        return leaks;
    }

    public boolean ok() {
        return breaches.isEmpty();
    }
}
