/**
 * The course repository as data: its labs and their {@code lab.properties}, the weeks (each
 * {@code module.yaml} under {@code modules/}) with their dates, points and late policy, what a
 * lab is worth, and the Maven wrapper.
 *
 * <p>A leaf: uses no other package of the tool, and every other package may use it.
 */
package wirelab.grading.course;
