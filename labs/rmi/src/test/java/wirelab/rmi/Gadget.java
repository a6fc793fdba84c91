package wirelab.rmi;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands for a class an attacker would send: harmless, but it counts how often its
 * {@code readObject} ran. A filter must reject it before that happens.
 */
final class Gadget implements Serializable {

    private static final long serialVersionUID = 1L;

    static final AtomicInteger READS = new AtomicInteger();

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        READS.incrementAndGet();
        in.defaultReadObject();
    }
}
