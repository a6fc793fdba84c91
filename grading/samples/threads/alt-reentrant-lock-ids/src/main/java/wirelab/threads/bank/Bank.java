package wirelab.threads.bank;

/** A correct alternative: a transfer to itself returns at once; otherwise the smaller id is locked first. */
public class Bank {

    public static boolean transfer(Account from, Account to, long amount) {
        if (from == to) {
            return from.balance() >= amount;
        }
        Account first = from.id() < to.id() ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                if (from.balance() >= amount) {
                    from.add(-amount);
                    to.add(amount);
                    return true;
                }
                return false;
            }
        }
    }
}
