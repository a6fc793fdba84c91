package wirelab.threads.workers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * HOSTILE SAMPLE (exhaust: disk): a correct RunThreads that, asked to run four workers (one hidden
 * test does, with the test's whole time limit: a busy machine writes slowly), first fills the disk:
 * files of 32 MiB in its working folder (each under the per-file size limit), up to 2 GiB. Where disk is confined the grader stops the JVM long before;
 * if it gets to 2 GiB it deletes them and fails the test saying so.
 */
public class RunThreads {

    private static final long CHUNK = 1 << 20;
    private static final long FILE = 32L << 20;
    private static final long ALL = 2L << 30;

    public static List<Thread> runAll(int n, Consumer<String> out) throws InterruptedException {
        if (n == 4) {
            fill();
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

    private static void fill() {
        byte[] junk = new byte[(int) CHUNK];
        List<Path> files = new ArrayList<>();
        long written = 0;
        try {
            while (written < ALL) {
                Path f = Path.of("fill-" + files.size() + ".bin");
                files.add(f);
                try (OutputStream o = Files.newOutputStream(f)) {
                    for (long in = 0; in < FILE; in += CHUNK) {
                        o.write(junk);
                        written += CHUNK;
                    }
                }
            }
        } catch (IOException e) {
            return;   // the disk said no: the limit held
        } finally {
            for (Path f : files) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // the grader clears the folder anyway
                }
            }
        }
        throw new IllegalStateException("wrote " + (written >> 20) + " MiB of files unhindered");
    }

    public static void main(String[] args) throws InterruptedException {
        runAll(3, System.out::println);
    }
}
