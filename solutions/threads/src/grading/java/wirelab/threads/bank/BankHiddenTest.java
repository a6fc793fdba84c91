package wirelab.threads.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Deadlocks;
import wirelab.testkit.Points;
import wirelab.testkit.Waits;

/** Hidden: many accounts and threads, self-transfers, and no overdraft under contention. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class BankHiddenTest {

    @Test
    @Points(value = 2, group = "bank")
    @DisplayName("4 threads move money at random between 5 accounts: no deadlock, total unchanged")
    void test01_randomTransfers() {
        Account[] accounts = new Account[5];
        for (int i = 0; i < accounts.length; i++) {
            accounts[i] = new Account(i + 1, 1_000);
        }
        Transfers.Job[] jobs = new Transfers.Job[4];
        for (int j = 0; j < jobs.length; j++) {
            long seed = j;
            jobs[j] = new Transfers.Job("transfers-" + j, () -> {
                SplittableRandom random = new SplittableRandom(seed);
                for (int i = 0; i < 20_000; i++) {
                    Account from = accounts[random.nextInt(accounts.length)];
                    Account to = accounts[random.nextInt(accounts.length)];
                    Bank.transfer(from, to, random.nextInt(1, 50));
                }
            });
        }
        // the deadlock, without waiting for luck: a transfer between accounts 1 and 2, with account
        // 1's lock held by the test, must wait for it holding no other lock (see LockOrder)
        LockOrder.assertNoLockHeldWhileWaiting(accounts[0], accounts[1], "transfer(account 2, account 1)",
                () -> Bank.transfer(accounts[1], accounts[0], 1));
        LockOrder.assertNoLockHeldWhileWaiting(accounts[0], accounts[1], "transfer(account 1, account 2)",
                () -> Bank.transfer(accounts[0], accounts[1], 1));
        Transfers.runAll(Duration.ofSeconds(10), jobs);
        long total = 0;
        for (Account a : accounts) {
            total += a.balance();
        }
        assertEquals(5_000, total, "the total over all accounts: money was made or lost");
    }

    @Test
    @Points(value = 1, group = "bank")
    @DisplayName("a transfer from an account to itself does not hang and changes nothing")
    void test02_toItself() {
        Account a = new Account(1, 100);
        Transfers.runAll(Duration.ofSeconds(5), new Transfers.Job("self-transfer",
                () -> Bank.transfer(a, a, 40)));
        assertEquals(100, a.balance(), "a after moving 40 from a to a");
    }

    @Test
    @Points(value = 3, group = "bank")
    @DisplayName("two transfers of the last unit at once never overdraw the account; nor do 4 threads draining it")
    void test03_noOverdraft() {
        lastUnitOnce();
        Account source = new Account(1, 1_000);
        Account[] sinks = {new Account(2, 0), new Account(3, 0), new Account(4, 0), new Account(5, 0)};
        LongAdder succeeded = new LongAdder();
        Transfers.Job[] jobs = new Transfers.Job[4];
        for (int j = 0; j < jobs.length; j++) {
            Account sink = sinks[j];
            jobs[j] = new Transfers.Job("drain-" + j, () -> {
                for (int i = 0; i < 500; i++) {
                    if (Bank.transfer(source, sink, 1)) {
                        succeeded.increment();
                    }
                }
            });
        }
        Transfers.runAll(Duration.ofSeconds(10), jobs);
        assertEquals(0, source.balance(), "the drained account: 2 000 transfers of 1 from a balance of 1 000");
        assertEquals(1_000, succeeded.sum(), "transfers that returned true: only 1 000 could have the money");
    }

    /**
     * The overdraft, played rather than hoped for: the account holds 1; the first transfer is held
     * right after it read the balance (see GatedAccount) until the second has read it too or
     * waits at a lock. Checking before locking lets both see the 1 and move it, every time.
     */
    private static void lastUnitOnce() {
        GatedAccount source = new GatedAccount(1, 1);
        Account sinkA = new Account(2, 0);
        Account sinkB = new Account(3, 0);
        boolean[] moved = new boolean[2];
        Thread first = new Thread(() -> moved[0] = Bank.transfer(source, sinkA, 1), "transfer-1");
        Thread second = new Thread(() -> moved[1] = Bank.transfer(source, sinkB, 1), "transfer-2");
        first.setDaemon(true);   // a deadlocked transfer must not keep the JVM alive
        second.setDaemon(true);
        source.secondIs(second);
        first.start();
        Waits.await("transfer-1 to read account 1's balance", Duration.ofSeconds(10))
                .until(() -> source.firstIsHeld() || !first.isAlive());
        second.start();
        try {
            Waits.await("both transfers of the last unit to finish", Duration.ofSeconds(10))
                    .until(() -> !first.isAlive() && !second.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("two transfers from account 1 (balance 1) did not finish within 10 s.\n"
                    + Deadlocks.report().orElse("No deadlock was found: are they stuck in a loop?"));
        }
        long left = source.balance();
        if (left < 0 || moved[0] && moved[1]) {
            throw new AssertionError("account 1 held 1; transfer-1 read the balance (1) and, before it moved the money,"
                    + " transfer-2 read it too and also saw 1. Both moved it: transfer() returned " + moved[0]
                    + " and " + moved[1] + ", and account 1 ended at " + left + ". Check the balance while you hold both"
                    + " accounts' locks, so no other transfer can read it until the money has moved.");
        }
        assertEquals(0, left, "account 1 (balance 1) after two transfers of 1: exactly one may move the money");
    }
}
