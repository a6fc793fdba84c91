/**
 * The peer programs a lab's tests declare with {@code @Needs} (curl, Chromium, rmiregistry…), read
 * from the compiled tests, and which of them this machine lacks: those tests are left out of the
 * maximum for the whole batch.
 *
 * <p>Uses the test kit's annotations only.
 */
package wirelab.grading.peers;
