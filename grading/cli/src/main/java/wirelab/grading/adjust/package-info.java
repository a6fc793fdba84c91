/**
 * The course staff's changes to scores ({@code adjustments.csv} in a grading output folder): read,
 * validated, added to and applied after every grading.
 *
 * <p>Uses {@code result} only: an adjustment changes a result, and knows nothing of how it was
 * graded.
 */
package wirelab.grading.adjust;
