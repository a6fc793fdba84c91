/**
 * {@code report.html}, one self-contained page for a class: the score distribution, the tests the
 * class failed most and why, roster coverage, late submissions and adjustments.
 *
 * <p>Uses {@code result} only.
 */
package wirelab.grading.report;
