/**
 * A class: the session a lab is graded in ({@link GradingSession}: isolation, prepared lab and lanes
 * decided once), its submissions graded on lanes at once ({@link Batch}), the lanes of labs graded
 * together shared ({@link SharedLanes}), resume by input hash, progress, {@code --copies}, and the
 * class files rebuilt from every result (gradebook, matrix, report).
 *
 * <p>Uses {@code grade} for one submission, {@code sandbox} for the isolation, {@code roster} and {@code intake} for who is who,
 * {@code result}, {@code report}, {@code adjust}, {@code export} and {@code late} for the class
 * files. Never used by the stages it runs.
 */
package wirelab.grading.batch;
