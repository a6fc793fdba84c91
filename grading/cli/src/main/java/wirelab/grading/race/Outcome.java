package wirelab.grading.race;

/** One row of a jcstress result table: an observed state, how often, and what it means. */
public record Outcome(String id, long samples, String expect, String description) {

    public boolean forbidden() {
        return "Forbidden".equalsIgnoreCase(expect);
    }
}
