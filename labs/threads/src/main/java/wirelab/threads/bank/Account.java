package wirelab.threads.bank;

/**
 * A bank account with a unique id. Its balance is guarded by the account's own monitor:
 * hold {@code synchronized (account)} while you read or change it.
 */
public class Account {

    private final int id;
    private long balance;

    public Account(int id, long balance) {
        this.id = id;
        this.balance = balance;
    }

    /** Unique per account: use it to decide which lock to take first. */
    public int id() {
        return id;
    }

    public synchronized long balance() {
        return balance;
    }

    synchronized void add(long amount) {
        balance += amount;
    }

    @Override
    public String toString() {
        return "Account " + id;
    }
}
