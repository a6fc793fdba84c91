package wirelab.grading.intake;

/** A submission that cannot be graded, with one sentence saying why (the batch goes on). */
public final class Refused extends Exception {
    public Refused(String reason) {
        super(reason);
    }
}
