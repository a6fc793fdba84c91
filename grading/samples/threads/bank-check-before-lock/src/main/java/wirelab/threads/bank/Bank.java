package wirelab.threads.bank;

/**
 * Exercise 6: a transfer that cannot deadlock.
 *
 * <p>A transfer must lock BOTH accounts, so no one sees the money in neither or in both. The
 * obvious code, {@code synchronized (from) { synchronized (to) { … } }}, deadlocks when one thread
 * moves money from a to b while another moves from b to a: each holds its first lock and waits
 * forever for the other's. The fix is a lock ORDER: every thread locks the account with the
 * smaller id first, whatever the direction of the transfer.
 *
 * <p>Tests: {@code BankTest}.
 */
public class Bank {

    /**
     * Moves {@code amount} from {@code from} to {@code to} if {@code from} has enough money, as one
     * atomic step. Returns false (and moves nothing) if it has not.
     */
    public static boolean transfer(Account from, Account to, long amount) {
        if (from.balance() < amount) {
            return false;
        }
        Account first = from.id() <= to.id() ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.add(-amount);
                to.add(amount);
                return true;
            }
        }
    }
}
