/**
 * The race tests: all of a lab's jcstress tests in one invocation under a time budget, jcstress's
 * output parsed, and its verdicts scored as test results by the points on each test class.
 *
 * <p>Uses {@code run} (test results, the sandbox interface).
 */
package wirelab.grading.race;
