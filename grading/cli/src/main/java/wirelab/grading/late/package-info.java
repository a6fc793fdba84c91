/**
 * Late submissions: a lab's deadline from its week, when each student submitted, and the gradebook
 * with the week's late policy applied.
 *
 * <p>Uses {@code course} (the week and its policy) and {@code result}.
 */
package wirelab.grading.late;
