/**
 * A submission as handed in (a folder, a zip, a clone; a Classroom clone or a Gradescope export for
 * a class) turned into a folder of the lab's sources, or a refusal with the reason: zips unpacked
 * safely, links never followed.
 *
 * <p>A leaf: uses nothing of the tool.
 */
package wirelab.grading.intake;
