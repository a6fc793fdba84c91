/**
 * {@code ./wirelab doctor}: what this machine offers the course: the JDKs, the isolation grading
 * will get, and each peer program the tests drive with its version or how to install it.
 *
 * <p>Uses {@code course}, {@code sandbox} and {@code similarity} (finding a JDK 21+).
 */
package wirelab.grading.doctor;
