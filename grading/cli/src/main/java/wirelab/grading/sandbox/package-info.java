/**
 * The isolation this machine offers, found by trying each layer for real: resource limits, cgroups,
 * a sandbox uid per test JVM when root, bubblewrap; what student code could read or leave behind
 * ({@code Exposure}, {@code Strays}); what keeps bubblewrap from working here ({@code BubblewrapAdvice}); file modes for the sandbox uid ({@code Perms}); the folders
 * grading writes in, open to the sandbox uids only as far as they must be ({@code WorkFolders}).
 *
 * <p>Implements {@code run.Sandbox}; uses {@code run}, {@code files} and {@code course} (where the
 * course lies), nothing that grades.
 */
package wirelab.grading.sandbox;
