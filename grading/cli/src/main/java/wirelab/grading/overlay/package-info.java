/**
 * What of a submission counts: only the lab's main sources, copied into the grading folder; the
 * course's tests and poms always win, and edited tests are noted.
 *
 * <p>A leaf: uses nothing of the tool.
 */
package wirelab.grading.overlay;
