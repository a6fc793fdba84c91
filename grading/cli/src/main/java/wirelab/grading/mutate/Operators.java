package wirelab.grading.mutate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every operator by name, in the operator table's order: concurrency, I/O and network, text and HTTP, classic, contract. */
public final class Operators {

    private Operators() {
    }

    public static List<Operator> all() {
        List<Operator> all = new ArrayList<>();
        all.addAll(ConcurrencyOperators.all());
        all.addAll(IoOperators.all());
        all.addAll(TextOperators.all());
        all.addAll(ClassicOperators.all());
        all.addAll(ContractOperators.all());
        return List.copyOf(all);
    }

    /** The named operators (or categories: concurrency, io, text, classic, contract); every one when names is empty. */
    public static List<Operator> select(List<String> names) {
        if (names == null || names.isEmpty()) {
            return all();
        }
        Map<String, Operator> chosen = new LinkedHashMap<>();
        for (String n : names) {
            List<Operator> match = all().stream().filter(o -> o.name().equals(n) || o.category().equals(n)).toList();
            if (match.isEmpty()) {
                throw new IllegalArgumentException("no mutation operator or category named '" + n + "' (see ./wirelab mutate --list)");
            }
            match.forEach(o -> chosen.put(o.name(), o));
        }
        return List.copyOf(chosen.values());
    }
}
