package wirelab.threads.workers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * HOSTILE SAMPLE (exhaust: processes): a correct RunThreads that, asked to run no worker (one hidden
 * test does), starts a fork bomb instead: a process that forks sleeping children in a loop until
 * the system refuses one (or 3 s have passed). Where processes are limited it stops far below its
 * ceiling of 2048; this code then ends what it started, so that the tests after it can start
 * threads again. If it gets to 2048, it fails the test saying so.
 */
public class RunThreads {

    private static final int CEILING = 2048;

    public static List<Thread> runAll(int n, Consumer<String> out) throws InterruptedException {
        if (n == 0) {
            bomb();
        }
        List<Thread> threads = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
            Thread t = new SomeThread(id, out);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return threads;
    }

    /**
     * Perl waits for a line (the JVM starts the threads it needs first), forks sleeping children until
     * the system refuses one, printing each pid, then waits; asked to end (SIGTERM), it kills its
     * children and reaps them, so that none is left as a zombie.
     */
    private static final String BOMB = """
            $| = 1; my @kids;
            $SIG{TERM} = sub { kill 'KILL', @kids; waitpid($_, 0) for @kids; exit 0 };
            my $go = <STDIN>;
            for (1 .. $ARGV[0]) { my $pid = fork(); last unless defined $pid; if ($pid == 0) { sleep 30; exit 0 } push @kids, $pid; print "$pid\\n" }
            print "refused\\n"; sleep 60 while 1;
            """;

    private static void bomb() throws InterruptedException {
        Process perl;
        try {
            perl = new ProcessBuilder("perl", "-e", BOMB, Integer.toString(CEILING)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return;   // no perl here: no bomb
        }
        AtomicInteger started = new AtomicInteger();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread pids = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(perl.getInputStream()))) {
                for (String line; (line = in.readLine()) != null && !line.equals("refused"); ) {
                    started.incrementAndGet();
                }
            } catch (IOException e) {
                // ended: what was read is all there is
            }
            stopped.countDown();
        });
        pids.start();
        try {
            perl.getOutputStream().write('\n');
            perl.getOutputStream().flush();
        } catch (IOException e) {
            // perl is gone already
        }
        stopped.await(3, TimeUnit.SECONDS);   // a busy machine may take longer to reach the limit: 3 s of it is enough
        perl.destroy();
        if (!perl.waitFor(5, TimeUnit.SECONDS)) {
            perl.destroyForcibly();
        }
        if (started.get() >= CEILING) {
            throw new IllegalStateException("started " + started.get() + " processes unhindered");
        }
    }

    public static void main(String[] args) throws InterruptedException {
        runAll(3, System.out::println);
    }
}
