package wirelab.threads.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;

/** Exercise 6: transfers between two accounts, in both directions at once, without deadlock. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class BankTest {

    @Test
    @Points(value = 1, group = "bank")
    @DisplayName("a transfer moves the amount from one account to the other")
    void test01_transferMovesMoney() {
        Account a = new Account(1, 100);
        Account b = new Account(2, 50);
        assertTrue(Bank.transfer(a, b, 30), "transfer(a, b, 30) with 100 in a should succeed");
        assertEquals(70, a.balance(), "a after sending 30");
        assertEquals(80, b.balance(), "b after receiving 30");
        assertTrue(Bank.transfer(b, a, 80), "transfer(b, a, 80) with 80 in b should succeed");
        assertEquals(150, a.balance(), "a after getting 80 back");
        assertEquals(0, b.balance(), "b after sending all it had");
    }

    @Test
    @Points(value = 1, group = "bank")
    @DisplayName("a transfer of more than the balance is refused and moves nothing")
    void test02_refusesOverdraft() {
        Account a = new Account(1, 10);
        Account b = new Account(2, 0);
        assertFalse(Bank.transfer(a, b, 11), "transfer(a, b, 11) with only 10 in a should return false");
        assertEquals(10, a.balance(), "a after a refused transfer");
        assertEquals(0, b.balance(), "b after a refused transfer");
    }

    @Test
    @Points(value = 2, group = "bank")
    @DisplayName("transfers a->b and b->a at the same time finish (no deadlock) and keep the total")
    void test03_oppositeDirections() {
        Account a = new Account(1, 1_000);
        Account b = new Account(2, 1_000);
        // the deadlock, without waiting for luck (it needs both threads between their two locks at
        // once): with account 1's lock held by the test, each direction must wait for it holding
        // no other lock (see LockOrder). Then the real thing, for the total.
        LockOrder.assertNoLockHeldWhileWaiting(a, b, "transfer(account 2, account 1)", () -> Bank.transfer(b, a, 1));
        LockOrder.assertNoLockHeldWhileWaiting(a, b, "transfer(account 1, account 2)", () -> Bank.transfer(a, b, 1));
        int transfers = 20_000;
        Transfers.runAll(Duration.ofSeconds(10),
                new Transfers.Job("transfers a->b", () -> {
                    for (int i = 0; i < transfers; i++) {
                        Bank.transfer(a, b, 1);
                    }
                }),
                new Transfers.Job("transfers b->a", () -> {
                    for (int i = 0; i < transfers; i++) {
                        Bank.transfer(b, a, 1);
                    }
                }));
        assertEquals(2_000, a.balance() + b.balance(), "a + b after all transfers: money was made or lost");
    }

    @Test
    @Points(value = 2, group = "bank")
    @DisplayName("transfer locks the account with the smaller id first, in both directions")
    void test04_lockOrder() {
        Account small = new Account(1, 100);
        Account large = new Account(2, 100);
        LockOrder.assertNoLockHeldWhileWaiting(small, large, "transfer(account 2, account 1)",
                () -> Bank.transfer(large, small, 1));
        LockOrder.assertNoLockHeldWhileWaiting(small, large, "transfer(account 1, account 2)",
                () -> Bank.transfer(small, large, 1));
        assertEquals(200, small.balance() + large.balance(), "the total after the two transfers");
    }

    @Test
    @Points(value = 3, group = "bank")
    @DisplayName("transfer holds BOTH accounts' locks from the balance check until the money has moved")
    void test05_holdsBothLocks() {
        List<String> problems = new ArrayList<>();
        WatchedAccount[] ab = WatchedAccount.pair(100, 50, problems);
        WatchedAccount a = ab[0];
        WatchedAccount b = ab[1];
        WatchedAccount.watch(ab, "transfer(account 1, account 2, 30)", () -> Bank.transfer(a, b, 30));
        WatchedAccount.watch(ab, "transfer(account 2, account 1, 60)", () -> Bank.transfer(b, a, 60));
        WatchedAccount.watch(ab, "transfer(account 2, account 1, 1 000)", () -> Bank.transfer(b, a, 1_000));
        assertTrue(problems.isEmpty(), String.join("; ", problems.subList(0, Math.min(2, problems.size())))
                + (problems.size() > 2 ? " (and " + (problems.size() - 2) + " more such calls)" : "") + ". Another transfer on another thread could run at that moment: both"
                + " see enough money and overdraw the account, or a reader sees the money in neither account."
                + " Lock both accounts (smaller id first), then check the balance and move the money, and only"
                + " then let go of the locks.");
        assertEquals(130, a.balance(), "account 1 (100) after -30, +60 and a refused transfer of 1 000");
        assertEquals(20, b.balance(), "account 2 (50) after +30, -60 and a refused transfer of 1 000");
    }
}
