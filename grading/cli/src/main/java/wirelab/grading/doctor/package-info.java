/**
 * {@code ./wirelab doctor}: what this machine offers the course: the JDKs and each peer program the
 * tests drive with its version or how to install it (the isolation speaks for itself through
 * {@code run.Sandbox}: its kinds, remarks and advice).
 *
 * <p>Uses {@code course} and {@code similarity} (finding a JDK 21+).
 */
package wirelab.grading.doctor;
