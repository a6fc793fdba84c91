package wirelab.grading.gate;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import wirelab.grading.course.Lab;

/**
 * The test classes of a lab, read from its test source roots (public, hidden, race) with
 * JavaParser, by simple name: which methods are tests, which classes are jcstress tests. Nothing
 * is compiled, so the contract can be checked before the build.
 */
final class TestSources {

    /** JUnit's test annotations; a method with none of them is not a test. */
    static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "RepeatedTest", "ParameterizedTest", "TestFactory");

    /**
     * One class (nested ones too, by their own simple name).
     *
     * @param methods  name → whether any method of that name is a test (and not {@code @Disabled})
     * @param disabled the class, or a method of each name, is {@code @Disabled}
     * @param supers   simple names of the types it extends or implements (their tests are its own)
     */
    record TestClass(String qualifiedName, String root, boolean jcstress, boolean classDisabled,
            Map<String, Boolean> methods, Set<String> disabled, List<String> supers) {
    }

    private final Map<String, List<TestClass>> bySimpleName = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private TestSources() {
    }

    static List<Path> roots(Lab lab) {
        return List.of(lab.publicTests(), lab.hiddenTests(), lab.raceTests());
    }

    static TestSources of(Lab lab) {
        TestSources index = new TestSources();
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        for (Path root : roots(lab)) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            String rootName = lab.solutionDir().relativize(root).toString().replace('\\', '/');
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    ParseResult<CompilationUnit> r = parser.parse(Files.readString(file));
                    if (r.getResult().isEmpty() || !r.isSuccessful()) {
                        index.problems.add("cannot read " + lab.solutionDir().relativize(file) + ": " + r.getProblems());
                        continue;
                    }
                    index.add(r.getResult().get(), rootName);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return index;
    }

    private void add(CompilationUnit cu, String root) {
        String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        for (ClassOrInterfaceDeclaration c : cu.findAll(ClassOrInterfaceDeclaration.class)) {
            Map<String, Boolean> methods = new LinkedHashMap<>();
            Set<String> disabled = new HashSet<>();
            for (MethodDeclaration m : c.getMethods()) {
                boolean test = hasAny(m, TEST_ANNOTATIONS);
                methods.merge(m.getNameAsString(), test, Boolean::logicalOr);
                if (test && hasAny(m, Set.of("Disabled"))) {
                    disabled.add(m.getNameAsString());
                }
            }
            List<String> supers = new ArrayList<>();
            c.getExtendedTypes().forEach(t -> supers.add(t.getNameAsString()));
            c.getImplementedTypes().forEach(t -> supers.add(t.getNameAsString()));
            String qualified = c.getFullyQualifiedName().orElse(pkg + c.getNameAsString());
            bySimpleName.computeIfAbsent(c.getNameAsString(), k -> new ArrayList<>())
                    .add(new TestClass(qualified, root, hasAny(c, Set.of("JCStressTest")), hasAny(c, Set.of("Disabled")),
                            methods, disabled, supers));
        }
    }

    private static boolean hasAny(NodeWithAnnotations<?> n, Set<String> simpleNames) {
        return n.getAnnotations().stream().map(a -> a.getName().getIdentifier()).anyMatch(simpleNames::contains);
    }

    List<String> problems() {
        return problems;
    }

    List<TestClass> named(String simpleName) {
        return bySimpleName.getOrDefault(simpleName, List.of());
    }

    /** Whether a method of this name is declared in the class or a type it extends (among the lab's test sources). */
    Optional<Boolean> method(TestClass c, String name) {
        return method(c, name, new HashSet<>());
    }

    private Optional<Boolean> method(TestClass c, String name, Set<String> seen) {
        if (!seen.add(c.qualifiedName())) {
            return Optional.empty();
        }
        if (c.methods().containsKey(name)) {
            return Optional.of(c.methods().get(name));
        }
        for (String s : c.supers()) {
            for (TestClass parent : named(s)) {
                Optional<Boolean> found = method(parent, name, seen);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The tests a class runs: its own test methods and those it inherits, not the disabled ones. */
    Set<String> tests(TestClass c) {
        Set<String> out = new java.util.TreeSet<>();
        collect(c, out, new HashSet<>());
        return out;
    }

    private void collect(TestClass c, Set<String> out, Set<String> seen) {
        if (!seen.add(c.qualifiedName())) {
            return;
        }
        c.methods().forEach((name, test) -> {
            if (test && !c.disabled().contains(name) && !c.classDisabled()) {
                out.add(name);
            }
        });
        c.supers().forEach(s -> named(s).forEach(p -> collect(p, out, seen)));
    }

    /** Every test of the lab as {@code SimpleName#method} (a jcstress class as its name), abstract bases left out. */
    Set<String> allTests() {
        Set<String> out = new java.util.TreeSet<>();
        bySimpleName.forEach((name, classes) -> classes.forEach(c -> {
            if (c.jcstress()) {
                out.add(name);
            } else if (!isBaseOnly(c)) {
                tests(c).forEach(m -> out.add(name + "#" + m));
            }
        }));
        return out;
    }

    /** A class that only others extend (an abstract base): its tests run as theirs. */
    private boolean isBaseOnly(TestClass c) {
        String simple = c.qualifiedName().substring(c.qualifiedName().lastIndexOf('.') + 1);
        return bySimpleName.values().stream().flatMap(List::stream).anyMatch(o -> o.supers().contains(simple));
    }
}
