/**
 * Compiling: in-process javac with diagnostics per file ({@link JavaCompile}), a submission's
 * sources with broken files left out ({@link SubmissionCompiler}), and the lab bundle: the course's
 * compiled tests and libraries, built once per lab and cached ({@link LabBundle}).
 *
 * <p>Uses {@code course} (where Maven put a lab's classes), {@code files} and {@code sandbox.Perms}
 * (who may read the bundle).
 */
package wirelab.grading.compile;
