package wirelab.threads.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;

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
        Transfers.runAll(Duration.ofSeconds(10), jobs);
        long total = 0;
        for (Account a : accounts) {
            assertTrue(a.balance() >= 0, a + " ended with a negative balance " + a.balance());
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
    @DisplayName("4 threads draining one account never overdraw it: exactly its balance is moved")
    void test03_noOverdraft() {
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
}
