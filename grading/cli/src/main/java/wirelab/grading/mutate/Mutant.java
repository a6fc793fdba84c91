package wirelab.grading.mutate;

/**
 * One mutant of the reference: one operator applied at one site of one file.
 *
 * @param id       stable across runs: {@code file:line:operator:ordinal} (ordinal counts this
 *                 operator's sites on that line from 1), e.g. {@code wirelab/threads/Bank.java:42:remove-volatile:1}
 * @param file     the changed file, relative to src/main/java
 * @param source   the whole mutated file
 * @param diff     the changed lines only, as a unified diff hunk
 */
public record Mutant(String id, String operator, String category, String file, int line, int ordinal,
        String source, String diff) {

    public static String id(String file, int line, String operator, int ordinal) {
        return file + ":" + line + ":" + operator + ":" + ordinal;
    }

    /** A folder name for the mutant's submission: the id with only safe characters. */
    public String folderName() {
        return (file.replace(".java", "").replace('/', '.') + "-" + line + "-" + operator + "-" + ordinal)
                .replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
