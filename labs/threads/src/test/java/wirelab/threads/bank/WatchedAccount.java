package wirelab.threads.bank;

import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: an Account that notes, at every balance() and add() a transfer makes, whether the
 * calling thread holds the locks of BOTH accounts of the transfer. A transfer that checks the
 * balance before it locks, moves the money after it unlocks, or locks only one account is seen
 * on its first call, every time: no race has to happen for the test to fail.
 */
final class WatchedAccount extends Account {

    private WatchedAccount other;
    private final List<String> problems;
    private volatile String watching;

    private WatchedAccount(int id, long balance, List<String> problems) {
        super(id, balance);
        this.problems = problems;
    }

    /** Two watched accounts with ids 1 and 2 that report into {@code problems}. */
    static WatchedAccount[] pair(long balance1, long balance2, List<String> problems) {
        WatchedAccount one = new WatchedAccount(1, balance1, problems);
        WatchedAccount two = new WatchedAccount(2, balance2, problems);
        one.other = two;
        two.other = one;
        return new WatchedAccount[] {one, two};
    }

    /** Runs {@code call} (a transfer between the two accounts, described by {@code what}) with both accounts watched. */
    static void watch(WatchedAccount[] pair, String what, Runnable call) {
        pair[0].watching = what;
        pair[1].watching = what;
        try {
            call.run();
        } finally {
            pair[0].watching = null;
            pair[1].watching = null;
        }
    }

    @Override
    public long balance() {
        note("read " + this + "'s balance");
        return super.balance();
    }

    @Override
    void add(long amount) {
        note((amount < 0 ? "took " + -amount + " from " : "added " + amount + " to ") + this);
        super.add(amount);
    }

    private void note(String what) {
        String call = watching;
        if (call == null) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (Account a : new Account[] {this, other}) {
            if (!Thread.holdsLock(a)) {
                missing.add(a.toString());
            }
        }
        if (!missing.isEmpty()) {
            synchronized (problems) {
                problems.add(call + " " + what + " while its thread ('" + Thread.currentThread().getName()
                        + "') held " + (missing.size() == 2 ? "neither account's lock" : "no lock of " + missing.get(0)));
            }
        }
    }
}
