package wirelab.rmi;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LLL_Result;
import wirelab.testkit.Points;

/**
 * One client rebinds a key while another removes it. Whatever the order, the key ends either
 * bound at the version the bind returned, or removed; never half of each.
 *
 * <p>How to run this test: {@code ./mvnw verify}.
 */
@JCStressTest
@State
@Points(2)
@Outcome(id = "2, true, null", expect = ACCEPTABLE, desc = "Rebind (version 2), then remove: the key is gone.")
@Outcome(id = "1, true, 1", expect = ACCEPTABLE, desc = "Remove, then bind of a now new key (version 1): the key holds it.")
@Outcome(expect = FORBIDDEN, desc = "The store ended in a state no order of the two calls explains (lost remove or lost bind).")
public class InfoStore_02_BindWhileRemove {

    private final InfoStore store = new InfoStore();

    public InfoStore_02_BindWhileRemove() {
        store.bind("k", new Info("first"));
    }

    @Actor
    public void binder(LLL_Result r) {
        r.r1 = store.bind("k", new Info("second")).version();
    }

    @Actor
    public void remover(LLL_Result r) {
        r.r2 = store.remove("k");
    }

    @Arbiter
    public void after(LLL_Result r) {
        Info now = store.lookup("k");
        r.r3 = now == null ? null : now.version();
    }
}
