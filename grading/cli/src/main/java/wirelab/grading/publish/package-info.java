/**
 * From solutions/ to what students get: solution regions replaced by starter text ({@link
 * Markers}), a lab's starter in memory, labs/ written or compared, a week's student repository with
 * its poms and Classroom workflow, and the gate's stamps that publishing requires.
 *
 * <p>Uses {@code course} only.
 */
package wirelab.grading.publish;
