package wirelab.grading.result;

/**
 * A change of score made by course staff after grading (a rubric deduction, a regrade request
 * granted), as applied to one submission.
 *
 * @param test     the test's id, or blank for the whole submission
 * @param testName what the student reads for that test (blank for the whole submission)
 * @param points   the change asked for, + or -
 * @param applied  the change that took effect: a test stays within 0 and its points, the
 *                 submission within 0 and its maximum
 * @param comment  why, in words the student reads
 * @param who      who decided it
 */
public record Adjustment(String test, String testName, double points, double applied, String comment, String who) {

    public Adjustment {
        test = test == null ? "" : test;
        testName = testName == null ? "" : testName;
        comment = comment == null ? "" : comment;
        who = who == null ? "" : who;
    }

    public boolean wholeSubmission() {
        return test.isEmpty();
    }

    /** One line: "-2 BankTest.test03 transfers both ways: no lock order explained (ta: kim)". */
    public String describe() {
        String change = (applied >= 0 ? "+" : "") + Points.of(applied);
        String clamp = applied == points ? "" : " (asked " + (points >= 0 ? "+" : "") + Points.of(points)
                + (test.isEmpty() ? ", the score stays within 0 and the maximum)" : ", a test stays within 0 and its points)");
        return change + "  " + (test.isEmpty() ? "whole submission" : testName) + ": " + comment
                + (who.isEmpty() ? "" : " (" + who + ")") + clamp;
    }
}
