package wirelab.grading.mutate;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PIT's classic set, restricted to what students write: boundaries, negations, jumps, constants, calls. */
final class ClassicOperators {

    private ClassicOperators() {
    }

    static final String CAT = "classic";

    private static final Map<BinaryExpr.Operator, BinaryExpr.Operator> BOUNDARY = Map.of(
            BinaryExpr.Operator.LESS, BinaryExpr.Operator.LESS_EQUALS,
            BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.LESS,
            BinaryExpr.Operator.GREATER, BinaryExpr.Operator.GREATER_EQUALS,
            BinaryExpr.Operator.GREATER_EQUALS, BinaryExpr.Operator.GREATER);

    private static final Map<BinaryExpr.Operator, BinaryExpr.Operator> NEGATE = Map.of(
            BinaryExpr.Operator.EQUALS, BinaryExpr.Operator.NOT_EQUALS,
            BinaryExpr.Operator.NOT_EQUALS, BinaryExpr.Operator.EQUALS,
            BinaryExpr.Operator.LESS, BinaryExpr.Operator.GREATER_EQUALS,
            BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.GREATER,
            BinaryExpr.Operator.GREATER, BinaryExpr.Operator.LESS_EQUALS,
            BinaryExpr.Operator.GREATER_EQUALS, BinaryExpr.Operator.LESS);

    /**
     * Calls with operators of their own (so remove-call does not count them twice), and console
     * output; cleanup calls and table puts are remove-cleanup's and remove-table-entry's.
     */
    private static final Set<String> SPECIFIC = Set.of("close", "flush", "join", "shutdown", "shutdownNow", "awaitTermination",
            "setSoTimeout", "flip", "start", "setDaemon", "print", "println", "printf");

    static List<Operator> all() {
        return List.of(
                new Operator("boundary", CAT, "`<` ↔ `<=`, `>` ↔ `>=`", (cu, out) -> binary(cu, out, BOUNDARY)),
                new Operator("negate-condition", CAT, "`==` ↔ `!=`, `<` → `>=`, …; `if (c)` → `if (!c)` for other conditions",
                        ClassicOperators::negate),
                new Operator("remove-return", CAT, "drop a `return` statement", (cu, out) -> jumps(cu, out, ReturnStmt.class)),
                new Operator("remove-break", CAT, "drop a `break`", (cu, out) -> jumps(cu, out, BreakStmt.class)),
                new Operator("remove-continue", CAT, "drop a `continue`", (cu, out) -> jumps(cu, out, ContinueStmt.class)),
                new Operator("constant-plus-one", CAT, "an integer constant + 1", (cu, out) -> constants(cu, out, 1)),
                new Operator("constant-minus-one", CAT, "an integer constant − 1", (cu, out) -> constants(cu, out, -1)),
                new Operator("remove-call", CAT, "drop a call statement (PIT's void method call)", ClassicOperators::removeCall));
    }

    private static void binary(CompilationUnit cu, List<Operator.Site> out, Map<BinaryExpr.Operator, BinaryExpr.Operator> to) {
        for (BinaryExpr b : cu.findAll(BinaryExpr.class)) {
            BinaryExpr.Operator o = to.get(b.getOperator());
            if (o != null) {
                out.add(new Operator.Site(b, () -> b.setOperator(o)));
            }
        }
    }

    private static void negate(CompilationUnit cu, List<Operator.Site> out) {
        for (Node n : cu.findAll(Node.class, n -> n instanceof BinaryExpr || n instanceof IfStmt || n instanceof WhileStmt
                || n instanceof DoStmt || n instanceof ConditionalExpr)) {
            if (n instanceof BinaryExpr b) {
                BinaryExpr.Operator o = NEGATE.get(b.getOperator());
                if (o != null) {
                    out.add(new Operator.Site(b, () -> b.setOperator(o)));
                }
                continue;
            }
            Expression c = n instanceof IfStmt i ? i.getCondition() : n instanceof WhileStmt w ? w.getCondition()
                    : n instanceof DoStmt d ? d.getCondition() : ((ConditionalExpr) n).getCondition();
            if (c instanceof BinaryExpr b && NEGATE.containsKey(b.getOperator())) {
                continue;
            }
            if (c instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr) {
                continue;
            }
            out.add(new Operator.Site(c, () -> {
                Expression inner = c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT
                        ? null : c;
                if (inner == null) {
                    c.replace(((UnaryExpr) c).getExpression());
                } else {
                    Expression operand = c instanceof BinaryExpr || c instanceof ConditionalExpr ? new EnclosedExpr(c.clone()) : c.clone();
                    c.replace(new UnaryExpr(operand, UnaryExpr.Operator.LOGICAL_COMPLEMENT));
                }
            }));
        }
    }

    private static <T extends Statement> void jumps(CompilationUnit cu, List<Operator.Site> out, Class<T> kind) {
        for (T s : cu.findAll(kind)) {
            if (Ast.removable(s)) {
                out.add(new Operator.Site(s, s::remove));
            } else if (s.getParentNode().orElse(null) instanceof IfStmt i && i.getThenStmt() == s) {
                out.add(new Operator.Site(s, () -> i.setThenStmt(new com.github.javaparser.ast.stmt.BlockStmt())));
            }
        }
    }

    private static void constants(CompilationUnit cu, List<Operator.Site> out, int delta) {
        for (Expression e : cu.findAll(Expression.class, e -> e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr)) {
            if (e.findAncestor(AnnotationExpr.class).isPresent() || e.findAncestor(SwitchEntry.class)
                    .filter(s -> s.getLabels().stream().anyMatch(l -> l.isAncestorOf(e) || l == e)).isPresent()) {
                continue;
            }
            BigInteger v;
            try {
                v = e instanceof IntegerLiteralExpr i ? BigInteger.valueOf(i.asNumber().longValue())
                        : BigInteger.valueOf(((LongLiteralExpr) e).asNumber().longValue());
            } catch (RuntimeException overflow) {
                continue;
            }
            BigInteger nv = v.add(BigInteger.valueOf(delta));
            if (nv.signum() < 0) {
                // a literal is never negative in Java source: -1 is minus applied to 1
                continue;
            }
            out.add(new Operator.Site(e, () -> {
                if (e instanceof IntegerLiteralExpr i) {
                    i.setValue(nv.toString());
                } else {
                    ((LongLiteralExpr) e).setValue(nv + "L");
                }
            }));
        }
    }

    private static void removeCall(CompilationUnit cu, List<Operator.Site> out) {
        for (ExpressionStmt s : cu.findAll(ExpressionStmt.class)) {
            if (!(s.getExpression() instanceof MethodCallExpr m) || !Ast.removable(s) || SPECIFIC.contains(m.getNameAsString())
                    || ContractOperators.cleanupStatement(s) || ContractOperators.tablePut(s)) {
                continue;
            }
            out.add(new Operator.Site(s, s::remove));
        }
    }
}
