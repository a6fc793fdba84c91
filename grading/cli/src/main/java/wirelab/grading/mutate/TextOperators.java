package wirelab.grading.mutate;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import java.util.List;
import java.util.Set;

/** Text and HTTP mistakes: case, the wrong end of a string, paths not normalised, a check after its use. */
final class TextOperators {

    private TextOperators() {
    }

    static final String CAT = "text";

    static List<Operator> all() {
        return List.of(
                new Operator("equals-ignore-case", CAT, "`a.equalsIgnoreCase(b)` → `a.equals(b)`",
                        (cu, out) -> IoOperators.rename(cu, out, "equalsIgnoreCase", "equals")),
                new Operator("remove-case-fold", CAT, "drop a `toLowerCase(…)`/`toUpperCase(…)`",
                        (cu, out) -> unwrap(cu, out, Set.of("toLowerCase", "toUpperCase"))),
                new Operator("remove-trim", CAT, "drop a `trim()`/`strip()`", (cu, out) -> unwrap(cu, out, Set.of("trim", "strip"))),
                new Operator("index-of-swap", CAT, "`lastIndexOf` ↔ `indexOf`", TextOperators::indexOfSwap),
                new Operator("remove-normalize", CAT, "drop a path's `normalize()`", (cu, out) -> unwrap(cu, out, Set.of("normalize"))),
                new Operator("remove-real-path", CAT, "`p.toRealPath()` → `p.toAbsolutePath()` (links and `..` not resolved)",
                        TextOperators::realPath),
                new Operator("swap-check-and-use", CAT, "swap a guard (`if (…) return/throw`) with the statement after it",
                        TextOperators::swapCheck));
    }

    /** {@code x.name(args)} → {@code x}. */
    private static void unwrap(CompilationUnit cu, List<Operator.Site> out, Set<String> names) {
        for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
            if (names.contains(m.getNameAsString()) && m.getScope().isPresent() && m.getArguments().size() <= 1) {
                out.add(new Operator.Site(m, () -> m.replace(m.getScope().get())));
            }
        }
    }

    private static void indexOfSwap(CompilationUnit cu, List<Operator.Site> out) {
        for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
            if (m.getNameAsString().equals("indexOf") && m.getScope().isPresent()) {
                out.add(new Operator.Site(m, () -> m.setName("lastIndexOf")));
            } else if (m.getNameAsString().equals("lastIndexOf") && m.getScope().isPresent()) {
                out.add(new Operator.Site(m, () -> m.setName("indexOf")));
            }
        }
    }

    private static void realPath(CompilationUnit cu, List<Operator.Site> out) {
        for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
            if (m.getNameAsString().equals("toRealPath") && m.getScope().isPresent()) {
                out.add(new Operator.Site(m, () -> {
                    m.setName("toAbsolutePath");
                    m.getArguments().clear();
                }));
            }
        }
    }

    private static void swapCheck(CompilationUnit cu, List<Operator.Site> out) {
        for (IfStmt i : cu.findAll(IfStmt.class)) {
            if (i.getElseStmt().isPresent() || !(i.getParentNode().orElse(null) instanceof BlockStmt parent)) {
                continue;
            }
            boolean guard = i.getThenStmt().findFirst(Statement.class, s -> s instanceof ReturnStmt || s instanceof ThrowStmt
                    || s instanceof BreakStmt || s instanceof ContinueStmt).isPresent();
            int at = parent.getStatements().indexOf(i);
            if (!guard || at + 1 >= parent.getStatements().size()) {
                continue;
            }
            out.add(new Operator.Site(i, () -> {
                Statement next = parent.getStatement(at + 1);
                next.remove();
                parent.getStatements().addBefore(next, i);
            }));
        }
    }
}
