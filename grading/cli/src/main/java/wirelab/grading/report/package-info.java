/**
 * Every output format, fed by the results ({@code result}): per submission result.json,
 * Gradescope's results.json (and, inside Gradescope, with the late policy and hidden tests after
 * the due date), JUnit XML and feedback.txt ({@link ResultFiles}); per class gradebook.csv,
 * report.html ({@link HtmlReport}), the console scoreboard ({@link Scoreboard}) and the changes
 * between two gradings ({@link ResultsDiff}). Adding a format touches this package only.
 *
 * <p>Uses {@code result} and {@code course} (a week's late policy); never a grading stage.
 */
package wirelab.grading.report;
