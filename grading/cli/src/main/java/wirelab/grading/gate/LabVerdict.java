package wirelab.grading.gate;

import java.util.ArrayList;
import java.util.List;
import wirelab.grading.run.TestResult;

/** What the release gate found for one lab; {@link #breaches()} empty means the lab may ship. */
public final class LabVerdict {

    final String lab;
    final List<TestResult> solution = new ArrayList<>();
    final List<TestResult> starter = new ArrayList<>();
    final List<TestResult> raceSolution = new ArrayList<>();
    final List<TestResult> raceStarter = new ArrayList<>();
    final List<String> leaks = new ArrayList<>();
    final List<String> breaches = new ArrayList<>();
    /** Tests this machine could not check (a peer program missing), "CurlTest#test01_…: curl is not installed (…)". */
    final List<String> unchecked = new ArrayList<>();
    /** The lab's contract table against its tests. */
    ContractCheck contract;
    long millis;

    LabVerdict(String lab) {
        this.lab = lab;
    }

    public String lab() {
        return lab;
    }

    public List<String> breaches() {
        return breaches;
    }

    public List<String> unchecked() {
        return unchecked;
    }

    public ContractCheck contract() {
        return contract;
    }

    public boolean ok() {
        return breaches.isEmpty();
    }
}
