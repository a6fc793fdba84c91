package wirelab.grading.peers;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import wirelab.testkit.Peers;

/**
 * Which peer programs each test declares with {@code @Needs} (wirelab.testkit), read from the
 * compiled test classes before anything runs, and which of them this machine lacks. The classes
 * are loaded without initialising them, in a loader of their own (the annotation is matched by
 * name, so the lab's copy of the test kit is read, whatever the tool's own is).
 *
 * @param byTest test id ({@code class#method}, as the plan has it) → programs it needs
 */
public record PeerNeeds(Map<String, List<String>> byTest) {

    static final String NEEDS = "wirelab.testkit.Needs";

    public static final PeerNeeds NONE = new PeerNeeds(Map.of());

    /** Reads {@code @Needs} of every test method of the given classes (and of the classes themselves). */
    public static PeerNeeds read(List<Path> classpath, List<String> testClasses) {
        URL[] urls = classpath.stream().map(PeerNeeds::url).toArray(URL[]::new);
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            for (String name : testClasses) {
                Class<?> cls;
                try {
                    cls = Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                List<String> onClass = needs(cls);
                for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
                    Method[] methods;
                    try {
                        methods = c.getDeclaredMethods();
                    } catch (LinkageError e) {
                        continue;
                    }
                    for (Method m : methods) {
                        Set<String> programs = new LinkedHashSet<>(onClass);
                        programs.addAll(needs(m));
                        if (!programs.isEmpty()) {
                            out.putIfAbsent(name + "#" + m.getName(), List.copyOf(programs));
                        }
                    }
                }
            }
        } catch (IOException e) {
            // closing the loader failed: what was read stands
        }
        return new PeerNeeds(out);
    }

    private static List<String> needs(AnnotatedElement element) {
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().getName().equals(NEEDS)) {
                try {
                    return List.of((String[]) a.annotationType().getMethod("value").invoke(a));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(p.toString(), e);
        }
    }

    /** Every program any test needs, sorted. */
    public List<String> programs() {
        Set<String> all = new java.util.TreeSet<>();
        byTest.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    /** What this machine lacks, looked up once now on PATH. */
    public Missing missingHere() {
        return missingHere(p -> wirelab.testkit.Tools.find(p).isPresent());
    }

    /** What this machine lacks, by {@code canRun} (a sandbox's own view of PATH), looked up once now. */
    public Missing missingHere(java.util.function.Predicate<String> canRun) {
        List<String> absent = programs().stream().filter(canRun.negate()).distinct().toList();
        Map<String, List<String>> tests = new LinkedHashMap<>();
        byTest.forEach((test, programs) -> {
            List<String> lacking = programs.stream().filter(absent::contains).toList();
            if (!lacking.isEmpty()) {
                tests.put(test, lacking);
            }
        });
        return new Missing(absent, tests);
    }

    /**
     * The peers this machine lacks and the tests that cannot be graded here for want of them.
     *
     * @param programs missing programs
     * @param tests    test id → the missing programs it needs
     */
    public record Missing(List<String> programs, Map<String, List<String>> tests) {

        public static final Missing NOTHING = new Missing(List.of(), Map.of());

        public boolean isEmpty() {
            return tests.isEmpty();
        }

        public boolean affects(String testId) {
            return tests.containsKey(testId);
        }

        /** "apt-get install chromium netcat-openbsd" */
        public String installCommand() {
            return Peers.installCommand(programs);
        }

        /** Why one test cannot be graded here: "chromium is not installed (apt-get install chromium)". */
        public String reason(String testId) {
            return Peers.describeMissing(tests.getOrDefault(testId, List.of()));
        }

        /** The ids, sorted; "class#method" shortened to "SimpleClass#method". */
        public List<String> shortIds() {
            List<String> out = new ArrayList<>();
            tests.keySet().stream().sorted().forEach(id -> out.add(shortId(id)));
            return out;
        }

        public static String shortId(String id) {
            int hash = id.indexOf('#');
            String cls = hash < 0 ? id : id.substring(0, hash);
            return cls.substring(cls.lastIndexOf('.') + 1) + (hash < 0 ? "" : id.substring(hash));
        }
    }
}
