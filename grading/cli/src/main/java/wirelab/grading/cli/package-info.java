/**
 * The {@code wirelab} command line (picocli): one class per command, the options several commands
 * share as mixins ({@link LabOption}, {@link LabsOption}, {@link JobsOption}, {@link StuckOption},
 * {@link GradedClass}), the version from the build, and the start-up checks a command that runs
 * student code makes ({@link Confinement}). A command reads its options and calls the package
 * that does the work; it holds no grading logic.
 *
 * <p>May use every other package; no package uses it.
 */
package wirelab.grading.cli;
