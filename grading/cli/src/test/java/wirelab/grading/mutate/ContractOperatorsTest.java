package wirelab.grading.mutate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract operators, exactly: each snippet's mutants are the listed sources, in order, and
 * nothing else — so a site the operator must leave alone (an enum compared with equals, a local
 * array, a pattern letter in quotes, a re-interrupt) is proved left alone.
 */
class ContractOperatorsTest {

    static final String SWITCH = """
            String kind(String method) {
                switch (method) {
                    case "GET" -> {
                        return "read";
                    }
                    case "PUT", "POST" -> {
                        return "write";
                    }
                    default -> {
                        return "other";
                    }
                }
            }
            int size(int k) {
                switch (k) {
                    case 1:
                    case 2:
                        return 12;
                    default:
                        return 0;
                }
            }
            int code(String s) {
                return switch (s) {
                    case "ok" -> 200;
                    default -> 500;
                };
            }""";

    static final String TABLES = """
            static final Map<String, Integer> PORTS = Map.of("http", 80, "https", 443);
            static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(404, "Not Found"));
            static final String[] METHODS = {"GET", "HEAD"};
            static final String[][] TYPES = {{"html", "text/html"}, {"css", "text/css"}};
            static final Map<TimeUnit, String> UNITS = new EnumMap<>(TimeUnit.class);
            static {
                UNITS.put(TimeUnit.SECONDS, "s");
            }
            final Map<String, Integer> live = new HashMap<>();
            boolean allowed(String m) {
                return List.of("POST", "PUT").contains(m);
            }
            void notTables(String a, String b) {
                int[] local = {1, 2};
                live.put(a, local.length);
                List.of(a, b);
            }""";

    static final String GET_OR_DEFAULT = """
            final Map<String, Integer> ports = new HashMap<>();
            int port(String p) {
                return ports.getOrDefault(p, -1);
            }""";

    static final String EQUALS = """
            enum Kind { GET, PUT }
            boolean same(String a, String b) {
                return a.equals(b);
            }
            boolean notGet(String m) {
                return !"GET".equals(m);
            }
            boolean both(Object a, Object b, boolean c) {
                return c && Objects.equals(a, b);
            }
            boolean idioms(Kind k, Integer i, Object o) {
                return k.equals(Kind.GET) || i.equals(5) || o.getClass().equals(String.class);
            }""";

    static final String CLEANUP = """
            final Map<String, Runnable> lanes = new ConcurrentHashMap<>();
            final Set<String> names = ConcurrentHashMap.newKeySet();
            Thread worker;
            void drop(String k) {
                lanes.remove(k);
            }
            Runnable take(String k) {
                Runnable r = lanes.remove(k);
                return r;
            }
            boolean forget(String k) {
                if (names.remove(k)) {
                    return true;
                }
                return false;
            }
            void stop(Registry registry, Remote service) throws Exception {
                registry.unbind("info");
                UnicastRemoteObject.unexportObject(service, true);
                worker.interrupt();
            }
            void keepFlag() {
                Thread.currentThread().interrupt();
            }""";

    static final String UNLOCK = """
            final Lock lock = new ReentrantLock();
            int x;
            void add() {
                lock.lock();
                try {
                    x++;
                } finally {
                    lock.unlock();
                }
            }
            int next() {
                lock.lock();
                try {
                    return x + 1;
                } finally {
                    lock.unlock();
                }
            }
            void notInFinally() {
                lock.lock();
                x++;
                lock.unlock();
            }""";

    static final String DATES = """
            static final String STAMP = "yyyy-MM-dd HH:mm";
            String stamp(TemporalAccessor t) {
                return DateTimeFormatter.ofPattern(STAMP).format(t);
            }
            String clock(Date d) {
                return new SimpleDateFormat("hh 'hours' dd MMM").format(d);
            }
            String notAPattern() {
                return "yyyy-MM-dd HH:mm".toUpperCase();
            }""";

    static final String FLAGS = """
            volatile boolean running = true;
            final AtomicBoolean stopped = new AtomicBoolean();
            boolean verbose;
            S() {
                verbose = false;
            }
            public void run() {
                while (running && !stopped.get()) {
                    Thread.onSpinWait();
                }
            }
            void stop() {
                running = false;
                stopped.set(true);
            }""";

    record Exact(String operator, String members, List<String> mutated) {
    }

    static final List<Exact> CASES = List.of(
            new Exact("remove-switch-case", SWITCH, List.of(
                    SWITCH.replace("""
                                    case "GET" -> {
                                        return "read";
                                    }
                            """, ""),
                    SWITCH.replace("case \"PUT\", \"POST\" ->", "case \"POST\" ->"),
                    SWITCH.replace("case \"PUT\", \"POST\" ->", "case \"PUT\" ->"),
                    SWITCH.replace("""
                                    case 1:
                                    case 2:
                            """, """
                                    case 2:
                            """),
                    SWITCH.replace("""
                                    case 1:
                                    case 2:
                            """, """
                                    case 1:
                            """),
                    SWITCH.replace("""
                                    case "ok" -> 200;
                            """, ""))),
            new Exact("remove-table-entry", TABLES, List.of(
                    TABLES.replace("Map.of(\"http\", 80, \"https\", 443)", "Map.of(\"https\", 443)"),
                    TABLES.replace("Map.of(\"http\", 80, \"https\", 443)", "Map.of(\"http\", 80)"),
                    TABLES.replace("Map.entry(200, \"OK\"), ", ""),
                    TABLES.replace(", Map.entry(404, \"Not Found\")", ""),
                    TABLES.replace("{\"GET\", \"HEAD\"}", "{\"HEAD\"}"),
                    // the printer leaves the space before a removed last element
                    TABLES.replace("{\"GET\", \"HEAD\"}", "{\"GET\" }"),
                    TABLES.replace("{\"html\", \"text/html\"}, ", ""),
                    TABLES.replace(", {\"css\", \"text/css\"}", " "),
                    TABLES.replace("    UNITS.put(TimeUnit.SECONDS, \"s\");\n", ""),
                    TABLES.replace("List.of(\"POST\", \"PUT\")", "List.of(\"PUT\")"),
                    TABLES.replace("List.of(\"POST\", \"PUT\")", "List.of(\"POST\")"))),
            new Exact("get-or-default-to-get", GET_OR_DEFAULT, List.of(
                    GET_OR_DEFAULT.replace("ports.getOrDefault(p, -1)", "ports.get(p)"))),
            new Exact("equals-to-identity", EQUALS, List.of(
                    EQUALS.replace("a.equals(b)", "a == b"),
                    EQUALS.replace("!\"GET\".equals(m)", "!(\"GET\" == m)"),
                    EQUALS.replace("Objects.equals(a, b)", "a == b"))),
            new Exact("remove-cleanup", CLEANUP, List.of(
                    CLEANUP.replace("    lanes.remove(k);\n", ""),
                    CLEANUP.replace("lanes.remove(k);\n    return r;", "lanes.get(k);\n    return r;"),
                    CLEANUP.replace("names.remove(k)", "names.contains(k)"),
                    CLEANUP.replace("    registry.unbind(\"info\");\n", ""),
                    CLEANUP.replace("    UnicastRemoteObject.unexportObject(service, true);\n", ""),
                    CLEANUP.replace("    worker.interrupt();\n", ""))),
            new Exact("unlock-outside-finally", UNLOCK, List.of(
                    UNLOCK.replace("""
                                    x++;
                                } finally {
                                    lock.unlock();
                                }
                            """, """
                                    x++;
                                    lock.unlock();
                                } finally {
                                }
                            """),
                    UNLOCK.replace("""
                                    return x + 1;
                                } finally {
                                    lock.unlock();
                                }
                            """, """
                                    var wirelab$result = x + 1;
                                    lock.unlock();
                                    return wirelab$result;
                                } finally {
                                }
                            """))),
            new Exact("date-pattern-case", DATES, List.of(
                    DATES.replace("\"yyyy-MM-dd HH:mm\";", "\"YYYY-MM-dd HH:mm\";"),
                    DATES.replace("\"yyyy-MM-dd HH:mm\";", "\"yyyy-mm-dd HH:mm\";"),
                    DATES.replace("\"yyyy-MM-dd HH:mm\";", "\"yyyy-MM-DD HH:mm\";"),
                    DATES.replace("\"yyyy-MM-dd HH:mm\";", "\"yyyy-MM-dd hh:mm\";"),
                    DATES.replace("\"yyyy-MM-dd HH:mm\";", "\"yyyy-MM-dd HH:MM\";"),
                    DATES.replace("\"hh 'hours' dd MMM\"", "\"HH 'hours' dd MMM\""),
                    DATES.replace("\"hh 'hours' dd MMM\"", "\"hh 'hours' DD MMM\""))),
            new Exact("reset-flag-in-run", FLAGS, List.of(
                    FLAGS.replace("public void run() {\n", "public void run() {\n    running = true;\n"),
                    FLAGS.replace("public void run() {\n", "public void run() {\n    stopped.set(false);\n"))));

    @TempDir
    static Path dir;

    @Test
    @DisplayName("each contract operator makes exactly the listed mutants of its snippet, in order, and no other")
    void exactMutants() throws IOException {
        int n = 0;
        for (Exact c : CASES) {
            Path root = dir.resolve("exact" + n++);
            Path file = root.resolve("p/S.java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, OperatorsTest.source("p", c.members()));
            String reference = OperatorsTest.source("p", c.members());
            // whole sources compared, shown as diffs against the reference (a readable failure)
            List<String> actual = new MutantMaker(root, Operators.select(List.of(c.operator())), false).all().stream()
                    .map(m -> LineDiff.of("p/S.java", reference, m.source())).toList();
            List<String> expected = c.mutated().stream()
                    .map(m -> LineDiff.of("p/S.java", reference, OperatorsTest.source("p", m))).toList();
            for (String e : c.mutated()) {
                // a replace() above that matched nothing would expect the reference itself
                assertNotEquals(c.members(), e, c.operator() + ": an expected mutant equals the snippet");
            }
            assertEquals(String.join("\n", expected), String.join("\n", actual), c.operator());
        }
    }

    @Test
    @DisplayName("a reset needs a flag another method sets: one set only by the constructor, or never, is left alone")
    void resetNeedsAnotherWriter() throws IOException {
        Path root = dir.resolve("flags");
        Path file = root.resolve("p/S.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, OperatorsTest.source("p", """
                boolean started;
                S() {
                    started = true;
                }
                public void run() {
                    Thread.onSpinWait();
                }"""));
        assertEquals(List.of(), new MutantMaker(root, Operators.select(List.of("reset-flag-in-run")), false).all().stream()
                .map(Mutant::id).collect(Collectors.toList()));
    }
}
