package wirelab.grading.result;

import java.util.List;

/**
 * Everything the grader concluded about one submission; written as result.json (this schema) and
 * turned into the Gradescope and JUnit XML views.
 *
 * @param status      graded, or refused (intake could not use it: zip slip, nothing found...)
 * @param inputHash   hash of the submission's files and the lab's tests: an unchanged re-run is skipped
 * @param compile     compiler messages, "File.java:12: error: ..."
 * @param leftOut     the student's files that did not compile and were left out
 * @param notes       what intake found and ignored, edited tests, run problems
 * @param adjustments changes made by course staff after grading, already counted in {@code score}
 *                    (empty when none)
 */
public record SubmissionResult(
        String schema,
        String student,
        String lab,
        String status,
        String refusal,
        double score,
        double max,
        List<TestVerdict> tests,
        List<String> compile,
        List<String> leftOut,
        List<String> editedTests,
        List<String> notes,
        String isolation,
        String inputHash,
        int jvms,
        double seconds,
        List<Adjustment> adjustments) {

    public static final String SCHEMA = "wirelab-result/1";

    public SubmissionResult {
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    }

    /** A result for a submission the grader graded; the rest is set by name. */
    public static Builder graded(String student, String lab) {
        return new Builder(student, lab, "graded", null);
    }

    /** A result for a submission the grader could not use ({@code reason}: zip slip, nothing found...). */
    public static Builder refused(String student, String lab, String reason) {
        return new Builder(student, lab, "refused", reason);
    }

    /** A builder holding everything of this result, to change a part of it. */
    public Builder toBuilder() {
        Builder b = new Builder(student, lab, status, refusal);
        b.schema = schema;
        return b.score(score, max).tests(tests).compile(compile).leftOut(leftOut).editedTests(editedTests).notes(notes)
                .isolation(isolation).inputHash(inputHash).jvms(jvms).seconds(seconds).adjustments(adjustments);
    }

    /** The score the tests gave, before any adjustment. */
    public double gradedScore() {
        return Math.round((score - adjustmentTotal()) * 1e6) / 1e6;
    }

    public double adjustmentTotal() {
        return adjustments.stream().mapToDouble(Adjustment::applied).sum();
    }

    /** The same result with other adjustments: the score is the graded score plus what they apply. */
    public SubmissionResult withAdjustments(List<Adjustment> applied) {
        double total = applied.stream().mapToDouble(Adjustment::applied).sum();
        return toBuilder().score(Math.round((gradedScore() + total) * 1e6) / 1e6, max).adjustments(applied).build();
    }

    public long passedCount() {
        return tests.stream().filter(TestVerdict::passed).count();
    }

    /** The same result with a new time (the resumed copy keeps everything else). */
    public SubmissionResult withSeconds(double s) {
        return toBuilder().seconds(s).build();
    }

    /** Builds a result by name; lists not set are empty. */
    public static final class Builder {

        private String schema = SCHEMA;
        private String student;
        private final String lab;
        private final String status;
        private final String refusal;
        private double score;
        private double max;
        private List<TestVerdict> tests = List.of();
        private List<String> compile = List.of();
        private List<String> leftOut = List.of();
        private List<String> editedTests = List.of();
        private List<String> notes = List.of();
        private String isolation;
        private String inputHash;
        private int jvms;
        private double seconds;
        private List<Adjustment> adjustments = List.of();

        private Builder(String student, String lab, String status, String refusal) {
            this.student = student;
            this.lab = lab;
            this.status = status;
            this.refusal = refusal;
        }

        /** The name the results go under. */
        public Builder student(String name) {
            this.student = name;
            return this;
        }

        public Builder score(double points, double outOf) {
            this.score = points;
            this.max = outOf;
            return this;
        }

        public Builder tests(List<TestVerdict> verdicts) {
            this.tests = verdicts;
            return this;
        }

        public Builder compile(List<String> messages) {
            this.compile = messages;
            return this;
        }

        public Builder leftOut(List<String> files) {
            this.leftOut = files;
            return this;
        }

        public Builder editedTests(List<String> files) {
            this.editedTests = files;
            return this;
        }

        public Builder notes(List<String> lines) {
            this.notes = lines;
            return this;
        }

        public Builder isolation(String described) {
            this.isolation = described;
            return this;
        }

        public Builder inputHash(String hash) {
            this.inputHash = hash;
            return this;
        }

        public Builder jvms(int count) {
            this.jvms = count;
            return this;
        }

        public Builder seconds(double wall) {
            this.seconds = wall;
            return this;
        }

        public Builder adjustments(List<Adjustment> applied) {
            this.adjustments = applied;
            return this;
        }

        public SubmissionResult build() {
            return new SubmissionResult(schema, student, lab, status, refusal, score, max, tests, compile, leftOut,
                    editedTests, notes, isolation, inputHash, jvms, seconds, adjustments);
        }
    }
}
