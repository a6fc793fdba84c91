package wirelab.grading.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.course.LabPoints;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;
import wirelab.grading.run.Sandbox;
import wirelab.grading.run.Threat;

class ExpectationTest {

    @TempDir
    Path tmp;

    static TestVerdict junit(double score, double max, String status) {
        return new TestVerdict("t" + score + status, "a test", "", "junit", score, max, status, null, null, null, 0.1);
    }

    static SubmissionResult result(List<TestVerdict> tests, String refusal) {
        double score = tests.stream().mapToDouble(TestVerdict::score).sum();
        double max = tests.stream().mapToDouble(TestVerdict::max).sum();
        return (refusal == null ? SubmissionResult.graded("s", "lab") : SubmissionResult.refused("s", "lab", refusal))
                .score(score, max).tests(tests).isolation("test").inputHash("").jvms(1).seconds(1.0).build();
    }

    @Test
    void lostPointsMustFallInTheRange() {
        SubmissionResult r = result(List.of(junit(3, 3, "passed"), junit(0, 4, "failed"), junit(0, 2, "crashed")), null);
        assertEquals(Optional.empty(), new Expectation("6", "").missedBy(r));
        assertEquals(Optional.empty(), new Expectation("4..9", "crashed").missedBy(r));
        Optional<String> miss = new Expectation("0..4", "").missedBy(r);
        assertTrue(miss.orElseThrow().contains("lost 6 of 9 JUnit points, expected loses 0 to 4"), miss.get());
        assertTrue(new Expectation("1", "timeout").missedBy(r).orElseThrow().contains("timeout"));
    }

    @Test
    void raceTestsAreNotCountedAndPercentagesAreOfTheJunitPoints() {
        TestVerdict race = new TestVerdict("r", "race", "", "race", 0, 50, "failed", null, null, null, 1);
        SubmissionResult starter = result(List.of(junit(0, 9, "failed"), junit(1, 1, "passed"), race), null);
        assertEquals(Optional.empty(), Expectation.STARTER.missedBy(starter), "9 of 10 lost is 90%");
        assertEquals(Optional.empty(), new Expectation("9", "").missedBy(starter));
        assertTrue(Expectation.FULL_MARKS.missedBy(starter).isPresent());
    }

    @Test
    void lossesAreCountedOverTheTestsThisMachineCanGrade() {
        TestVerdict curl = new TestVerdict("wirelab.d.CurlTest#test01_reuse", "curl", "", "junit", 0, 2,
                TestVerdict.NOT_GRADED, "not graded on this machine: curl is not installed", null, null, 0);
        TestVerdict chromium = new TestVerdict("wirelab.d.ChromiumTest#test01_page", "chromium", "", "junit", 0, 4,
                TestVerdict.NOT_GRADED, "not graded on this machine: chromium is not installed", null, null, 0);
        // the reference: full marks over what is graded here, however many tests were left out
        SubmissionResult reference = result(List.of(junit(6, 6, "passed"), curl, chromium), null);
        assertEquals(Optional.empty(), Expectation.FULL_MARKS.missedBy(reference));
        // a sample expected to lose 3 + CurlTest's 2: loses 3 here, where curl is missing
        SubmissionResult sample = result(List.of(junit(3, 6, "failed"), curl, chromium), null);
        assertEquals(Optional.empty(), new Expectation("5", "", List.of("CurlTest#test01")).missedBy(sample));
        Optional<String> miss = new Expectation("5", "").missedBy(sample);
        assertTrue(miss.orElseThrow().contains("lost 3 of 6 JUnit points graded here"), miss.get());
        // the starter: 90%..100% of the 6 points graded here
        assertEquals(Optional.empty(), Expectation.STARTER.missedBy(result(List.of(junit(0, 6, "failed"), curl, chromium), null)));
    }

    @Test
    void refusalIsAVerdict() {
        SubmissionResult refused = result(List.of(junit(0, 5, "not-compiled")), "the zip holds a path that escapes");
        assertEquals(Optional.empty(), new Expectation("", "refused").missedBy(refused));
        assertTrue(new Expectation("", "refused").missedBy(result(List.of(junit(5, 5, "passed")), null)).isPresent());
    }

    @Test
    void aSampleMustSayWhatItExpectsAndSayItWell() throws Exception {
        Path silent = Files.createDirectories(tmp.resolve("silent"));
        Files.writeString(silent.resolve("sample.properties"), "base=solution\nexpect=something, in words\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sample.load("threads", silent));
        assertTrue(e.getMessage().contains("lost=LO..HI"), e.getMessage());
        Path typo = Files.createDirectories(tmp.resolve("typo"));
        Files.writeString(typo.resolve("sample.properties"), "lost=3..x\n");
        assertThrows(IllegalArgumentException.class, () -> Sample.load("threads", typo));
        Path stray = Files.createDirectories(tmp.resolve("stray"));
        Files.writeString(stray.resolve("sample.properties"), "lost=0\nunconfined.lost=15\n");
        e = assertThrows(IllegalArgumentException.class, () -> Sample.load("threads", stray));
        assertTrue(e.getMessage().contains("threat="), e.getMessage());
    }

    @Test
    void aHostileSampleIsCheckedOneWayWhereItsKindIsConfinedAndTheOtherWhereNot() throws Exception {
        Path reads = Files.createDirectories(tmp.resolve("reads"));
        Files.writeString(reads.resolve("sample.properties"), "threat=read\nlost=0\nunconfined.lost=15\nabsent=/tmp/x,/dev/shm/y\n");
        Sample s = Sample.load("threads", reads);
        assertEquals(Threat.READ, s.threat());
        assertEquals(List.of(Path.of("/tmp/x"), Path.of("/dev/shm/y")), s.absent());
        assertEquals("0", s.checkUnder(confining(true)).orElseThrow().lost());
        assertEquals("15", s.checkUnder(confining(false)).orElseThrow().lost());

        Path outlives = Files.createDirectories(tmp.resolve("outlives"));
        Files.writeString(outlives.resolve("sample.properties"), "threat=outlive\nlost=3\n");
        Sample o = Sample.load("threads", outlives);
        assertEquals("3", o.checkUnder(confining(true)).orElseThrow().lost());
        assertTrue(o.checkUnder(confining(false)).isEmpty(), "nothing to check where its kind is not confined");

        Path typo = Files.createDirectories(tmp.resolve("typo-threat"));
        Files.writeString(typo.resolve("sample.properties"), "threat=escape\nlost=0\n");
        assertThrows(IllegalArgumentException.class, () -> Sample.load("threads", typo));
    }

    private static Sandbox confining(boolean all) {
        return new Sandbox() {
            @Override
            public List<String> wrap(List<String> command, wirelab.grading.run.TestJvmSpec spec) {
                return command;
            }

            @Override
            public String describe() {
                return all ? "confines everything" : "confines nothing";
            }

            @Override
            public boolean confines(Threat threat) {
                return all;
            }
        };
    }

    // "(62 / 65)", "(57 / 65 JUnit points", "161 of 170 points", "9 of 85 (and jcstress ..."
    private static final Pattern STATED = Pattern.compile("(\\d+(?:\\.\\d+)?) (/|of) (\\d+)(?=(?: JUnit)? points|\\)| \\(and)");

    @Test
    @DisplayName("every sample's expect text states its lab's maximum, and a score or loss that matches lost=")
    void expectTextsStateTheCurrentMaximum() throws Exception {
        Course course = Course.locate();
        List<String> problems = new ArrayList<>();
        int stated = 0;
        for (Lab lab : course.labList()) {
            double total = LabPoints.of(lab).total();
            Path samples = course.root().resolve("grading/samples").resolve(lab.name());
            if (!Files.isDirectory(samples)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(samples)) {
                for (Path props : dirs.map(d -> d.resolve("sample.properties")).filter(Files::isRegularFile).sorted().toList()) {
                    Properties p = new Properties();
                    try (var in = Files.newBufferedReader(props)) {
                        p.load(in);
                    }
                    String lost = p.getProperty("lost", "");
                    Matcher m = STATED.matcher(p.getProperty("expect", ""));
                    while (m.find()) {
                        stated++;
                        double n = Double.parseDouble(m.group(1));
                        double max = Double.parseDouble(m.group(3));
                        String where = course.root().relativize(props) + ": expect says \"" + m.group() + "\"";
                        if (max != total) {
                            problems.add(where + ", but " + lab.name() + " is worth " + LabPoints.num(total));
                        } else if (lost.matches("\\d+(\\.\\d+)?")) {
                            double l = Double.parseDouble(lost);
                            // "N / M" is a score; "X of M" a score or a loss
                            boolean agrees = max - n == l || (m.group(2).equals("of") && n == l);
                            if (!agrees) {
                                problems.add(where + ", but lost=" + lost);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(stated > 0, "no sample states a score: the pattern no longer matches the samples' wording");
        assertEquals(List.of(), problems);
    }
}
