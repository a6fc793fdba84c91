package wirelab.threads.bank;

/** A correct alternative: the lock order by id written as a helper, the self-transfer handled first. */
public class Bank {

    public static boolean transfer(Account from, Account to, long amount) {
        if (from == to) {
            synchronized (from) {
                return from.balance() >= amount;
            }
        }
        return from.id() < to.id() ? lockedMove(from, to, from, to, amount) : lockedMove(to, from, from, to, amount);
    }

    private static boolean lockedMove(Account lower, Account higher, Account from, Account to, long amount) {
        synchronized (lower) {
            synchronized (higher) {
                if (amount > from.balance()) {
                    return false;
                }
                to.add(amount);
                from.add(-amount);
                return true;
            }
        }
    }
}
