/**
 * The isolation this machine offers, found by trying each layer for real: resource limits, cgroups,
 * a sandbox uid per test JVM when root, bubblewrap; what student code could read or leave behind
 * ({@code Exposure}, {@code Strays}); file modes for the sandbox uid ({@code Perms}).
 *
 * <p>Implements {@code run.Sandbox}; uses {@code run} and {@code files}, nothing that grades.
 */
package wirelab.grading.sandbox;
