/**
 * One forked test JVM ({@link TestJvm}): its command, the runner's event file read back into one
 * verdict per test however the JVM ended, and the {@link Sandbox} interface every isolation
 * implements.
 *
 * <p>Uses the runner's event format only; the sandbox implementations live in {@code sandbox} and
 * depend on this package, not the other way round.
 */
package wirelab.grading.run;
