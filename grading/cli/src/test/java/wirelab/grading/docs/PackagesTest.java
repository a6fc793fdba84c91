package wirelab.grading.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import wirelab.grading.course.Course;

/**
 * The harness stays a map a newcomer can read: every package of the tool, the runner and the test
 * kit says in its {@code package-info.java} what it does and what it may use, and no package
 * depends on itself through others (an import cycle makes two packages one).
 */
class PackagesTest {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    /** An import, or a name written out in full: wirelab.grading.files.Folders.delete(…). */
    private static final Pattern REFERENCE = Pattern.compile("\\b(wirelab(?:\\.[a-z]\\w*)+)\\.[A-Z]");

    /** Each module of the harness whose packages are checked. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ParameterizedTest
    @ValueSource(strings = {"grading/cli", "grading/runner", "grading/testkit"})
    @interface EachModule {
    }

    @DisplayName("every package has a package-info.java that says what it does and what it may use")
    @EachModule
    void everyPackageIsDescribed(String module) throws IOException {
        Map<String, Set<String>> deps = dependencies(module);
        List<String> missing = new ArrayList<>();
        for (String pkg : deps.keySet()) {
            Path info = sources(module).resolve(pkg.replace('.', '/')).resolve("package-info.java");
            if (!Files.isRegularFile(info)) {
                missing.add(pkg);
            } else {
                String text = Files.readString(info, StandardCharsets.UTF_8);
                assertTrue(text.contains("/**") && text.contains("<p>"), info + ": say what the package does, then (after"
                        + " <p>) what it may use");
            }
        }
        assertEquals(List.of(), missing, "packages of " + module + " without a package-info.java");
    }

    @DisplayName("no import cycle between the packages of a module")
    @EachModule
    void noCycles(String module) throws IOException {
        Map<String, Set<String>> deps = dependencies(module);
        List<String> cycles = new ArrayList<>();
        for (String start : deps.keySet()) {
            // a path from start back to itself, by breadth-first search over the packages it uses
            Map<String, String> via = new TreeMap<>();
            Deque<String> todo = new ArrayDeque<>(deps.get(start));
            deps.get(start).forEach(d -> via.put(d, start));
            while (!todo.isEmpty()) {
                String p = todo.poll();
                if (p.equals(start)) {
                    List<String> cycle = new ArrayList<>(List.of(start));
                    for (String q = via.get(start); !q.equals(start); q = via.get(q)) {
                        cycle.add(0, q);
                    }
                    cycle.add(0, start);
                    cycles.add(String.join(" → ", cycle));
                    break;
                }
                for (String d : deps.getOrDefault(p, Set.of())) {
                    if (!via.containsKey(d)) {
                        via.put(d, p);
                        todo.add(d);
                    }
                }
            }
        }
        assertEquals(List.of(), cycles, "packages of " + module + " that use themselves through others");
    }

    private static Path sources(String module) {
        return Course.locate().root().resolve(module).resolve("src/main/java");
    }

    /** Each package of the module → the packages of the same module its code names. */
    private static Map<String, Set<String>> dependencies(String module) throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources(module))) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path f : files) {
            String code = withoutCommentsAndStrings(Files.readString(f, StandardCharsets.UTF_8));
            Matcher pm = PACKAGE.matcher(code);
            if (!pm.find()) {
                continue;
            }
            String pkg = pm.group(1);
            Set<String> uses = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
            Matcher m = REFERENCE.matcher(code.substring(pm.end()));
            while (m.find()) {
                if (!m.group(1).equals(pkg)) {
                    uses.add(m.group(1));
                }
            }
        }
        deps.values().forEach(s -> s.retainAll(deps.keySet()));
        return deps;
    }

    /** The code with comments, strings, text blocks and char literals blanked: a name in a comment uses nothing. */
    static String withoutCommentsAndStrings(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            int end;
            if (src.startsWith("//", i)) {
                end = src.indexOf('\n', i);
            } else if (src.startsWith("/*", i)) {
                end = src.indexOf("*/", i + 2);
                end = end < 0 ? -1 : end + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                end = src.indexOf("\"\"\"", i + 3);
                while (end > 0 && src.charAt(end - 1) == '\\') {
                    end = src.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? -1 : end + 3;
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                char quote = src.charAt(i);
                end = i + 1;
                while (end < src.length() && src.charAt(end) != quote) {
                    end += src.charAt(end) == '\\' ? 2 : 1;
                }
                end++;
            } else {
                out.append(src.charAt(i++));
                continue;
            }
            end = end < 0 || end > src.length() ? src.length() : end;
            out.append(src.substring(i, end).replaceAll("[^\n]", " "));
            i = end;
        }
        return out.toString();
    }
}
