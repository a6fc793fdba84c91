package wirelab.grading.run;

/**
 * What a submission may try beyond being graded, by kind: the grader says, per kind, whether the
 * machine it runs on keeps a submission from doing it ({@link Sandbox#confines}).
 */
public enum Threat {

    READ("read", "read what is not its own: the course's sources and reference solutions, other students,"
            + " the grader's results"),
    WRITE("write", "write outside its work folder: the course, result files, other students, shared temporary folders"),
    OUTLIVE("outlive", "outlive its test: a child process (setsid or double-forked) that runs on after its JVM"),
    REACH("reach", "reach the grader: signals to its processes, ptrace, reading /proc/<grader>/"),
    EXHAUST("exhaust", "exhaust shared resources: processes, memory, disk, CPU time");

    private final String word;
    private final String meaning;

    Threat(String word, String meaning) {
        this.word = word;
        this.meaning = meaning;
    }

    /** The kind in one word, as sample.properties ({@code threat=read}) and the doctor name it. */
    public String word() {
        return word;
    }

    public String meaning() {
        return meaning;
    }

    public static Threat of(String word) {
        for (Threat t : values()) {
            if (t.word.equals(word.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("threat=" + word + ": one of read, write, outlive, reach, exhaust");
    }
}
