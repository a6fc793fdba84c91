package wirelab.grading.mutate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** --max picks a sample that spreads over operators and files, the same every time. */
class SpreadTest {

    private static List<Mutant> mutants(int operators, int each) {
        List<Mutant> out = new ArrayList<>();
        for (int o = 0; o < operators; o++) {
            for (int i = 0; i < each; i++) {
                out.add(new Mutant(Mutant.id("F" + i + ".java", 1, "op" + o, 1), "op" + o, "classic", "F" + i + ".java", 1, 1, "", ""));
            }
        }
        return out;
    }

    @Test
    @DisplayName("fewer than the operators: operators evenly spaced, one mutant each")
    void fewerThanOperators() {
        List<Mutant> s = MutationRun.spread(mutants(10, 3), 5);
        assertEquals(List.of("op0", "op2", "op4", "op6", "op8"), s.stream().map(Mutant::operator).toList());
    }

    @Test
    @DisplayName("more than the operators: every operator, and its mutants spread over the files, without repeats")
    void moreThanOperators() {
        List<Mutant> s = MutationRun.spread(mutants(3, 8), 9);
        assertEquals(9, s.size());
        assertEquals(9, new HashSet<>(s).size());
        Set<String> files = new HashSet<>();
        s.stream().filter(m -> m.operator().equals("op0")).forEach(m -> files.add(m.file()));
        assertTrue(files.contains("F0.java") && files.contains("F4.java"), files.toString());
        assertEquals(s, MutationRun.spread(mutants(3, 8), 9));
    }

    @Test
    @DisplayName("spreadIndex visits every index once")
    void spreadIndexIsAPermutation() {
        for (int n = 1; n < 40; n++) {
            Set<Integer> seen = new HashSet<>();
            for (int r = 0; r < n; r++) {
                seen.add(MutationRun.spreadIndex(r, n));
            }
            assertEquals(n, seen.size(), "n=" + n);
        }
    }
}
