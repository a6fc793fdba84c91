package wirelab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;
import wirelab.leftovers.A1UsesTimeoutFixture;
import wirelab.leftovers.A2FailsOnItsOwnFixture;
import wirelab.leftovers.LeavesThingsFixture;

class LeftoversTest {

    @Test
    @DisplayName("a graded test's leftovers are closed or interrupted, and a later failure names what is still there")
    void aLaterFailureSaysTheEnvironmentWasLeftDirty() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                result.getThrowable().ifPresent(failures::add);
            }
        };
        try {
            // one JVM, two classes one after the other, as in a graded test JVM (autodetection off, as there)
            for (String cls : List.of("wirelab.leftovers.LeavesThingsFixture", "wirelab.leftovers.FailsLaterFixture")) {
                // without the service-loaded listeners: the summary would count the fixtures' failures as the test kit's
                LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build()).execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(cls))
                        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false").build(), listener);
            }
            assertTrue(LeavesThingsFixture.closed);
            assertEquals(1, failures.size(), "only the later test fails: " + failures);
            Throwable failure = failures.get(0);
            String message = failure.getMessage();
            assertTrue(message.startsWith(Leftovers.DIRTY), message);
            assertTrue(message.contains("LeavesThingsFixture left thread \"stubborn-server\" running"), message);
            assertTrue(message.contains("a registry that will not close could not be closed"), message);
            assertFalse(message.contains("polite-server"), "a thread that ended on its interrupt is not dirt: " + message);
            assertTrue(message.endsWith("port 1099 already in use ==> expected: <1> but was: <2>"), message);
            AssertionFailedError afe = (AssertionFailedError) failure;
            assertEquals(1, afe.getExpected().getValue(), "expected and actual survive");
            assertNotNull(failure.getCause());
        } finally {
            LeavesThingsFixture.release.countDown();
            if (LeavesThingsFixture.stubborn != null) {
                LeavesThingsFixture.stubborn.join();
            }
        }
        assertTrue(Leftovers.dirt().stream().noneMatch(d -> d.contains("stubborn")), "a thread that ended is no longer reported");
    }

    @Test
    @DisplayName("JUnit's own threads are not dirt: after a class with a time limit, the next failure is the test's own")
    void junitsOwnThreadsAreNotDirt() {
        List<Throwable> failures = new ArrayList<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                result.getThrowable().ifPresent(failures::add);
            }
        };
        // one run of both classes, in name order: JUnit's timeout watcher thread outlives the first
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(A1UsesTimeoutFixture.class), selectClass(A2FailsOnItsOwnFixture.class))
                        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                        .configurationParameter("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$ClassName")
                        .build(), listener);
        assertEquals(1, failures.size(), "only the second class fails: " + failures);
        String message = failures.get(0).getMessage();
        // (what the other test's fixture could not close stays dirt in this JVM: only JUnit's thread must not be named)
        assertFalse(message.contains("junit-jupiter-timeout-watcher"), message);
        assertTrue(message.endsWith("GET /hello should answer 200 ==> expected: <200> but was: <404>"), message);
    }
}
