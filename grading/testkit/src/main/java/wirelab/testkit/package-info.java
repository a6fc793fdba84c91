/**
 * What the labs' tests import: grading facts on a test ({@link Points}, {@link Needs}, {@link
 * GradedTest}), helpers for tests of concurrent and networked code ({@link Loopback}, {@link
 * Waits}, {@link StartGate}, {@link Stress}, {@link Deadlocks}, {@link Cleanup}, {@link
 * Leftovers}, {@link LossyRelay}, {@link ChildJvm}, {@link OpenFiles}, {@link Interleaving}),
 * and the student's summary of points after {@code ./mvnw test} ({@link PointsListener}, {@link
 * MavenSummary}).
 *
 * <p>Published to students with their labs: it uses the JDK, JUnit and Awaitility only, never the
 * grading tool.
 */
package wirelab.testkit;
