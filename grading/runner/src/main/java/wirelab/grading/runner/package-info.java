/**
 * The main class of every forked test JVM ({@link RunnerMain}): runs the JUnit tests it is given
 * and streams one JSON event per test to an events file, flushed each time (plan, started,
 * finished with status, message and the tail of the output), so the grader knows what finished
 * however the JVM ends. {@link StuckWatch} ends a test whose threads can no longer move.
 *
 * <p>Runs beside student code, so it uses the JDK, JUnit's launcher, Jackson and the test kit
 * only; nothing of the grading tool, which reads its events back ({@code wirelab.grading.run}).
 */
package wirelab.grading.runner;
