package wirelab.threads.workers;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * HOSTILE SAMPLE (exhaust: memory): a correct RunThreads2 that, asked to run no worker (one hidden
 * test does), takes memory outside the Java heap, where -Xmx does not reach: 64 MiB blocks, every
 * page touched, up to 2 GiB. Where memory is confined the JVM is stopped long before (a memory
 * cgroup, or the grader watching the processes' memory); if it gets to 2 GiB it frees it all and
 * fails the test saying so.
 */
public class RunThreads2 {

    private static final long BLOCK = 64L << 20;
    private static final long ALL = 2L << 30;

    public static List<Thread> runAll(int n, Consumer<String> out) throws InterruptedException {
        if (n == 0) {
            bomb();
        }
        List<Thread> threads = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
            Thread t = new Thread(new SomeThread2(id, out), "SomeThread2-" + id);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return threads;
    }

    private static void bomb() {
        sun.misc.Unsafe unsafe;
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            unsafe = (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            return;
        }
        List<Long> blocks = new ArrayList<>();
        try {
            for (long taken = 0; taken < ALL; taken += BLOCK) {
                long address = unsafe.allocateMemory(BLOCK);
                blocks.add(address);
                unsafe.setMemory(address, BLOCK, (byte) 1);   // touch every page: resident, not just reserved
            }
        } catch (OutOfMemoryError e) {
            return;
        } finally {
            blocks.forEach(unsafe::freeMemory);
        }
        throw new IllegalStateException("took " + (ALL >> 20) + " MiB outside the heap unhindered");
    }

    public static void main(String[] args) throws InterruptedException {
        runAll(3, System.out::println);
    }
}
