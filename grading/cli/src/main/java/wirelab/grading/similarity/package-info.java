/**
 * {@code ./wirelab similarity}: a JDK 21+ found on this machine and JPlag run in a JVM of its own,
 * the published starter left out as base code.
 *
 * <p>Uses {@code course}, {@code intake} and {@code publish}.
 */
package wirelab.grading.similarity;
