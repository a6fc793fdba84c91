package wirelab.grading.mutate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.compile.JavaCompile;

/**
 * Every operator on a small snippet: it finds its site inside the solution region, the mutant's
 * diff holds the expected change and nothing else, and the mutant compiles (all mutants in one javac run).
 */
class OperatorsTest {

    /** One operator's fixture: class members inside a region, and what the diff must add or remove. */
    record Case(String operator, String members, String added, String removed) {
    }

    static final List<Case> CASES = List.of(
            new Case("remove-synchronized-method", """
                    int x;
                    synchronized void m() {
                        x++;
                    }""", "void m() {", "synchronized void m()"),
            new Case("remove-synchronized-block", """
                    final Object lock = new Object();
                    int x;
                    void m() {
                        synchronized (lock) {
                            x++;
                        }
                    }""", null, "synchronized (lock)"),
            new Case("shrink-region-head", LOCKED_TWO(), "x++;", null),
            new Case("shrink-region-tail", LOCKED_TWO(), "y++;", null),
            new Case("split-region", LOCKED_TWO(), "synchronized (lock)", null),
            new Case("swap-nested-locks", """
                    final Object a = new Object();
                    final Object b = new Object();
                    int x;
                    void m() {
                        synchronized (a) {
                            synchronized (b) {
                                x++;
                            }
                        }
                    }""", "synchronized (b) {", null),
            new Case("lock-this", LOCKED_TWO(), "synchronized (this)", null),
            new Case("lock-new-object", LOCKED_TWO(), "synchronized (new Object())", null),
            new Case("lock-other-field", """
                    final Object lock = new Object();
                    final Object other = new Object();
                    int x;
                    void m() {
                        synchronized (lock) {
                            x++;
                        }
                    }""", "synchronized (other)", null),
            new Case("notify-all-to-notify", """
                    synchronized void m() {
                        notifyAll();
                    }""", "notify();", null),
            new Case("while-to-if-wait", """
                    boolean ready;
                    synchronized void m() throws InterruptedException {
                        while (!ready) {
                            wait();
                        }
                    }""", "if (!ready) {", null),
            new Case("remove-volatile", "volatile boolean stop;", "boolean stop;", "volatile"),
            new Case("remove-join", """
                    void m(Thread t) throws InterruptedException {
                        t.start();
                        t.join();
                    }""", null, "t.join();"),
            new Case("swallow-interrupt", """
                    void m() {
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }""", null, "interrupt();"),
            new Case("start-to-run", """
                    void m(Thread t) {
                        t.start();
                    }""", "t.run();", null),
            new Case("atomic-get-then-set", """
                    final AtomicInteger n = new AtomicInteger();
                    void m() {
                        n.incrementAndGet();
                    }
                    int k() {
                        return n.getAndIncrement();
                    }""", "n.set(n.get() + 1);", null),
            new Case("map-get-then-put", """
                    final Map<String, Integer> m = new ConcurrentHashMap<>();
                    void a(String k) {
                        m.putIfAbsent(k, 1);
                    }
                    Integer b(String k) {
                        return m.computeIfAbsent(k, key -> key.length());
                    }
                    int c(String k) {
                        return m.merge(k, 1, Integer::sum);
                    }
                    void d(String k) {
                        m.compute(k, (key, old) -> old == null ? 1 : old + 1);
                    }""", "if (m.get(k) == null)", null),
            new Case("plain-collection", """
                    final Map<String, Integer> m = new ConcurrentHashMap<>();
                    final List<String> l = Collections.synchronizedList(new ArrayList<>());""",
                    "new java.util.HashMap<>()", null),
            new Case("remove-executor-shutdown", """
                    void m(ExecutorService pool) throws InterruptedException {
                        pool.shutdown();
                        pool.awaitTermination(1, TimeUnit.SECONDS);
                    }""", null, "pool.shutdown();"),
            new Case("flip-daemon", """
                    void m(Thread t) {
                        t.setDaemon(true);
                    }""", "t.setDaemon(false);", null),
            new Case("remove-close", """
                    void m(Socket s) throws IOException {
                        s.close();
                    }""", null, "s.close();"),
            new Case("remove-try-resource", """
                    int m(Path p) throws IOException {
                        try (InputStream in = Files.newInputStream(p)) {
                            return in.read();
                        }
                    }""", "InputStream in = Files.newInputStream(p);", "try (InputStream in"),
            new Case("remove-flush", """
                    void m(OutputStream out) throws IOException {
                        out.write(1);
                        out.flush();
                    }""", null, "out.flush();"),
            new Case("one-read", """
                    int m(InputStream in, byte[] b) throws IOException {
                        int n;
                        int total = 0;
                        while ((n = in.read(b)) > 0) {
                            total += n;
                        }
                        return total;
                    }
                    void f(DataInputStream in, byte[] b) throws IOException {
                        in.readFully(b);
                    }""", "if ((n = in.read(b)) > 0) {", null),
            new Case("remove-eof-check", """
                    int m(InputStream in) throws IOException {
                        int c = in.read();
                        if (c == -1) {
                            throw new EOFException();
                        }
                        return c;
                    }""", null, "if (c == -1) {"),
            new Case("platform-charset", """
                    String m(byte[] b) {
                        return new String(b, StandardCharsets.UTF_8);
                    }""", "new String(b)", null),
            new Case("remove-so-timeout", """
                    void m(Socket s) throws IOException {
                        s.setSoTimeout(1000);
                    }""", null, "s.setSoTimeout(1000);"),
            new Case("compact-to-clear", """
                    void m(ByteBuffer b) {
                        b.compact();
                    }""", "b.clear();", null),
            new Case("remove-flip", """
                    void m(ByteBuffer b) {
                        b.flip();
                    }""", null, "b.flip();"),
            new Case("byte-order", """
                    void m(ByteBuffer b) {
                        b.order(ByteOrder.BIG_ENDIAN);
                    }""", "ByteOrder.LITTLE_ENDIAN", null),
            new Case("get-by-name", """
                    InetAddress[] m(String h) throws IOException {
                        return InetAddress.getAllByName(h);
                    }""", "java.net.InetAddress.getByName(h)", null),
            new Case("equals-ignore-case", """
                    boolean m(String a) {
                        return a.equalsIgnoreCase("GET");
                    }""", "a.equals(\"GET\")", null),
            new Case("remove-case-fold", """
                    String m(String a) {
                        return a.toLowerCase(Locale.ROOT);
                    }""", "return a;", null),
            new Case("remove-trim", """
                    String m(String a) {
                        return a.trim();
                    }""", "return a;", null),
            new Case("index-of-swap", """
                    int m(String a) {
                        return a.indexOf('/');
                    }""", "a.lastIndexOf('/')", null),
            new Case("remove-normalize", """
                    Path m(Path root, String p) {
                        return root.resolve(p).normalize();
                    }""", "return root.resolve(p);", null),
            new Case("remove-real-path", """
                    Path m(Path p) throws IOException {
                        return p.toRealPath();
                    }""", "p.toAbsolutePath()", null),
            new Case("swap-check-and-use", """
                    int m(int[] a, int i) {
                        if (i >= a.length) {
                            return -1;
                        }
                        int v = a[i];
                        return v;
                    }""", "int v = a[i];", null),
            new Case("boundary", """
                    boolean m(int a) {
                        return a < 10;
                    }""", "a <= 10", null),
            new Case("negate-condition", """
                    boolean m(int a) {
                        return a < 10;
                    }
                    void n(List<String> l) {
                        if (l.isEmpty()) {
                            l.add("x");
                        }
                    }""", "a >= 10", null),
            new Case("remove-return", """
                    void m(int a, List<Integer> l) {
                        if (a > 0) {
                            return;
                        }
                        l.add(a);
                    }""", null, "return;"),
            new Case("remove-break", """
                    int m(int[] a) {
                        int n = 0;
                        for (int x : a) {
                            if (x == 0) {
                                break;
                            }
                            n++;
                        }
                        return n;
                    }""", null, "break;"),
            new Case("remove-continue", """
                    int m(int[] a) {
                        int n = 0;
                        for (int x : a) {
                            if (x == 0) {
                                continue;
                            }
                            n++;
                        }
                        return n;
                    }""", null, "continue;"),
            new Case("constant-plus-one", """
                    int m() {
                        return 41;
                    }""", "return 42;", null),
            new Case("constant-minus-one", """
                    int m() {
                        return 41;
                    }""", "return 40;", null),
            new Case("remove-call", """
                    final List<String> l = new ArrayList<>();
                    void m() {
                        l.add("x");
                    }""", null, "l.add(\"x\");"),
            // the contract operators' snippets; ContractOperatorsTest checks their every mutant exactly
            new Case("remove-switch-case", ContractOperatorsTest.SWITCH, null, "case \"GET\" -> {"),
            new Case("remove-table-entry", ContractOperatorsTest.TABLES, "Map.of(\"https\", 443)", null),
            new Case("get-or-default-to-get", ContractOperatorsTest.GET_OR_DEFAULT, "ports.get(p)", null),
            new Case("equals-to-identity", ContractOperatorsTest.EQUALS, "a == b", null),
            new Case("remove-cleanup", ContractOperatorsTest.CLEANUP, null, "registry.unbind(\"info\");"),
            new Case("unlock-outside-finally", ContractOperatorsTest.UNLOCK, null, "} finally {"),
            new Case("date-pattern-case", ContractOperatorsTest.DATES, "\"yyyy-MM-dd hh:mm\"", null),
            new Case("reset-flag-in-run", ContractOperatorsTest.FLAGS, "running = true;", null));

    private static String LOCKED_TWO() {
        return """
                final Object lock = new Object();
                int x;
                int y;
                void m() {
                    synchronized (lock) {
                        x++;
                        y++;
                    }
                }""";
    }

    @TempDir
    static Path dir;

    static final Map<Case, List<Mutant>> MUTANTS = new LinkedHashMap<>();

    @BeforeAll
    static void makeMutants() throws IOException {
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            Path root = dir.resolve("case" + i);
            Path file = root.resolve("p/S.java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source("p", c.members()));
            MUTANTS.put(c, new MutantMaker(root, Operators.select(List.of(c.operator())), false).all());
        }
    }

    /** A class whose members are all inside one solution region, with the imports the snippets need. */
    static String source(String pkg, String members) {
        String body = members.lines().map(l -> "    " + l).collect(Collectors.joining("\n"));
        return "package " + pkg + ";\n\n"
                + "import java.io.*;\nimport java.net.*;\nimport java.nio.*;\nimport java.nio.charset.StandardCharsets;\n"
                + "import java.nio.file.*;\nimport java.util.*;\nimport java.util.concurrent.*;\n"
                + "import java.util.concurrent.atomic.*;\nimport java.util.concurrent.locks.*;\n"
                + "import java.rmi.*;\nimport java.rmi.registry.*;\nimport java.rmi.server.*;\n"
                + "import java.text.SimpleDateFormat;\nimport java.time.format.DateTimeFormatter;\nimport java.time.temporal.TemporalAccessor;\n\n"
                + "class S {\n\n    // BEGIN SOLUTION\n" + body + "\n    // END SOLUTION\n}\n";
    }

    @Test
    @DisplayName("every operator has a fixture here (a new operator needs one)")
    void everyOperatorHasACase() {
        Set<String> covered = CASES.stream().map(Case::operator).collect(Collectors.toCollection(TreeSet::new));
        Set<String> all = Operators.all().stream().map(Operator::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(all, covered);
        assertEquals(all.size(), Operators.all().size(), "operator names are unique");
    }

    @Test
    @DisplayName("each operator makes its mutant: the diff adds and removes what the operator says")
    void eachOperatorMakesItsMutant() {
        for (Case c : CASES) {
            List<Mutant> ms = MUTANTS.get(c);
            assertFalse(ms.isEmpty(), c.operator() + " found no site in\n" + c.members());
            boolean found = ms.stream().anyMatch(m -> matches(m, c));
            assertTrue(found, c.operator() + ": no mutant adds '" + c.added() + "' / removes '" + c.removed() + "':\n"
                    + ms.stream().map(Mutant::diff).collect(Collectors.joining("\n")));
            for (Mutant m : ms) {
                assertEquals(c.operator(), m.operator());
                assertTrue(m.id().startsWith("p/S.java:" + m.line() + ":" + c.operator() + ":"), m.id());
                // the solution markers survive every edit, and the diff is a few lines, not the file
                assertTrue(m.source().contains("// BEGIN SOLUTION") && m.source().contains("// END SOLUTION"), m.source());
                assertTrue(m.diff().lines().filter(l -> l.startsWith("+") || l.startsWith("-")).count() <= 16, m.diff());
            }
        }
    }

    private static boolean matches(Mutant m, Case c) {
        String added = m.diff().lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).collect(Collectors.joining("\n"));
        String removed = m.diff().lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).collect(Collectors.joining("\n"));
        return (c.added() == null || added.contains(c.added())) && (c.removed() == null || removed.contains(c.removed()));
    }

    @Test
    @DisplayName("every operator's mutants compile (one javac run over all of them)")
    void mutantsCompile() throws IOException {
        Path src = dir.resolve("all-mutants");
        List<Path> files = new ArrayList<>();
        Map<String, String> byFile = new LinkedHashMap<>();
        int n = 0;
        for (Case c : CASES) {
            for (Mutant m : MUTANTS.get(c)) {
                // each mutant in a package of its own, so all compile together
                CompilationUnit cu = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
                        .parse(m.source()).getResult().orElseThrow();
                String pkg = "m" + n++;
                cu.setPackageDeclaration(pkg);
                Path f = src.resolve(pkg + "/S.java");
                Files.createDirectories(f.getParent());
                Files.writeString(f, cu.toString());
                files.add(f);
                byFile.put(pkg + "/S.java", m.id() + "\n" + m.diff());
            }
        }
        JavaCompile.Outcome o = JavaCompile.compile(src, files, List.of(), dir.resolve("classes"), false);
        List<String> broken = o.errors().stream().map(e -> e + "\n" + byFile.get(e.file())).toList();
        assertTrue(broken.isEmpty(), "mutants that do not compile:\n" + String.join("\n", broken));
    }

    @Test
    @DisplayName("nothing outside a solution region is mutated, unless --everywhere")
    void onlyInsideRegions() throws IOException {
        Path root = dir.resolve("outside");
        Path file = root.resolve("p/S.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package p;

                class S {
                    int outside(int a) {
                        return a < 10 ? 1 : 2;
                    }

                    int inside(int a) {
                        // BEGIN SOLUTION
                        return a < 10 ? 1 : 2;
                        // END SOLUTION
                    }
                }
                """);
        List<Mutant> regions = new MutantMaker(root, Operators.select(List.of("boundary")), false).all();
        assertEquals(List.of("p/S.java:10:boundary:1"), regions.stream().map(Mutant::id).toList());
        List<Mutant> all = new MutantMaker(root, Operators.select(List.of("boundary")), true).all();
        assertEquals(List.of("p/S.java:5:boundary:1", "p/S.java:10:boundary:1"), all.stream().map(Mutant::id).toList());
    }

    @Test
    @DisplayName("ids are stable: two runs make the same mutants; a second site on a line gets ordinal 2")
    void stableIds() throws IOException {
        Path root = dir.resolve("stable");
        Path file = root.resolve("p/S.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source("p", """
                boolean m(int a, int b) {
                    return a < 1 && b < 2;
                }"""));
        List<String> first = new MutantMaker(root, Operators.all(), false).all().stream().map(Mutant::id).toList();
        List<String> again = new MutantMaker(root, Operators.all(), false).all().stream().map(Mutant::id).toList();
        assertEquals(first, again);
        assertTrue(first.contains("p/S.java:23:boundary:1") && first.contains("p/S.java:23:boundary:2"), first.toString());
        assertEquals(first.size(), Set.copyOf(first).size(), "ids are unique");
    }
}
