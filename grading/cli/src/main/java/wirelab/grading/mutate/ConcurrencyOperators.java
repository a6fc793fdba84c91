package wirelab.grading.mutate;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Concurrency mistakes, after ConMAn (Bradbury, Cordy, Dingel: "Mutation operators for concurrent
 * Java", 2006): locks removed, shrunk, split, swapped or replaced; lost wake-ups; lost visibility;
 * unjoined threads; swallowed interrupts; compound actions split into check-then-act.
 */
final class ConcurrencyOperators {

    private ConcurrencyOperators() {
    }

    static final String CAT = "concurrency";

    static List<Operator> all() {
        return List.of(
                new Operator("remove-synchronized-method", CAT, "drop a method's `synchronized` modifier",
                        ConcurrencyOperators::removeSynchronizedMethod),
                new Operator("remove-synchronized-block", CAT, "replace `synchronized (l) { body }` by its body",
                        (cu, out) -> cu.findAll(SynchronizedStmt.class).forEach(s ->
                                out.add(new Operator.Site(s, () -> s.replace(s.getBody()))))),
                new Operator("shrink-region-head", CAT, "move a critical region's first statement out, before the lock",
                        (cu, out) -> shrink(cu, out, true)),
                new Operator("shrink-region-tail", CAT, "move a critical region's last statement out, after the lock",
                        (cu, out) -> shrink(cu, out, false)),
                new Operator("split-region", CAT, "split one critical region into two on the same lock",
                        ConcurrencyOperators::split),
                new Operator("swap-nested-locks", CAT, "swap the locks of two nested synchronized blocks (lock order)",
                        ConcurrencyOperators::swapNested),
                new Operator("lock-this", CAT, "lock `this` instead of the intended lock",
                        (cu, out) -> relock(cu, out, "this")),
                new Operator("lock-new-object", CAT, "lock a fresh `new Object()` (a lock nobody shares)",
                        (cu, out) -> relock(cu, out, "new Object()")),
                new Operator("lock-other-field", CAT, "lock another field of the class instead",
                        (cu, out) -> relock(cu, out, null)),
                new Operator("notify-all-to-notify", CAT, "`notifyAll()` → `notify()`, `signalAll()` → `signal()`",
                        ConcurrencyOperators::notifyOne),
                new Operator("while-to-if-wait", CAT, "`while (cond) wait();` → `if (cond) wait();` (no re-check after waking)",
                        ConcurrencyOperators::whileToIf),
                new Operator("remove-volatile", CAT, "drop a field's `volatile` modifier", ConcurrencyOperators::removeVolatile),
                new Operator("remove-join", CAT, "drop a `t.join()` (the caller no longer waits for the thread)",
                        (cu, out) -> removeCalls(cu, out, Set.of("join"))),
                new Operator("swallow-interrupt", CAT, "catch `InterruptedException` and do nothing (no re-interrupt, no exit)",
                        ConcurrencyOperators::swallowInterrupt),
                new Operator("start-to-run", CAT, "`t.start()` → `t.run()` (runs on the caller's thread)",
                        (cu, out) -> cu.findAll(MethodCallExpr.class).stream()
                                .filter(m -> Ast.isCall(m, "start", 0) && m.getScope().isPresent())
                                .forEach(m -> out.add(new Operator.Site(m, () -> m.setName("run"))))),
                new Operator("atomic-get-then-set", CAT, "`x.incrementAndGet()` → `x.set(x.get() + 1)` (read, then write)",
                        ConcurrencyOperators::atomicGetThenSet),
                new Operator("map-get-then-put", CAT,
                        "`putIfAbsent`/`computeIfAbsent`/`merge`/`compute` → `get`, then `put` (check-then-act)",
                        ConcurrencyOperators::mapGetThenPut),
                new Operator("plain-collection", CAT, "`ConcurrentHashMap` → `HashMap`, `CopyOnWriteArrayList` → `ArrayList`, …",
                        ConcurrencyOperators::plainCollection),
                new Operator("remove-executor-shutdown", CAT, "drop an executor's `shutdown()` or `awaitTermination(…)`",
                        (cu, out) -> removeCalls(cu, out, Set.of("shutdown", "shutdownNow", "awaitTermination"))),
                new Operator("flip-daemon", CAT, "`setDaemon(true)` ↔ `setDaemon(false)`", ConcurrencyOperators::flipDaemon));
    }

    private static void removeSynchronizedMethod(com.github.javaparser.ast.CompilationUnit cu, List<Operator.Site> out) {
        for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
            for (Modifier mod : m.getModifiers()) {
                if (mod.getKeyword() == Modifier.Keyword.SYNCHRONIZED) {
                    out.add(new Operator.Site(mod, () -> m.setSynchronized(false)));
                }
            }
        }
    }

    private static void removeVolatile(com.github.javaparser.ast.CompilationUnit cu, List<Operator.Site> out) {
        for (FieldDeclaration f : cu.findAll(FieldDeclaration.class)) {
            for (Modifier mod : f.getModifiers()) {
                if (mod.getKeyword() == Modifier.Keyword.VOLATILE) {
                    out.add(new Operator.Site(mod, () -> f.setVolatile(false)));
                }
            }
        }
    }

    private static void shrink(com.github.javaparser.ast.CompilationUnit cu, List<Operator.Site> out, boolean head) {
        for (SynchronizedStmt s : cu.findAll(SynchronizedStmt.class)) {
            NodeList<Statement> body = s.getBody().getStatements();
            if (body.size() < 2 || !Ast.removable(s)) {
                continue;
            }
            out.add(new Operator.Site(s, () -> {
                BlockStmt parent = (BlockStmt) s.getParentNode().orElseThrow();
                Statement moved = head ? body.get(0) : body.get(body.size() - 1);
                moved.remove();
                if (head) {
                    parent.getStatements().addBefore(moved, s);
                } else {
                    parent.getStatements().addAfter(moved, s);
                }
            }));
        }
    }

    private static void split(com.github.javaparser.ast.CompilationUnit cu, List<Operator.Site> out) {
        for (SynchronizedStmt s : cu.findAll(SynchronizedStmt.class)) {
            NodeList<Statement> body = s.getBody().getStatements();
            if (body.size() < 2 || !Ast.removable(s)) {
                continue;
            }
            out.add(new Operator.Site(s, () -> {
                BlockStmt parent = (BlockStmt) s.getParentNode().orElseThrow();
                int half = body.size() / 2;
                NodeList<Statement> second = new NodeList<>();
                for (Statement st : List.copyOf(body.subList(half, body.size()))) {
                    st.remove();
                    second.add(st);
                }
                parent.getStatements().addAfter(new SynchronizedStmt(s.getExpression().clone(), new BlockStmt(second)), s);
            }));
        }
    }

    private static void swapNested(com.github.javaparser.ast.CompilationUnit cu, List<Operator.Site> out) {
        for (SynchronizedStmt outer : cu.findAll(SynchronizedStmt.class)) {
            outer.getBody().findFirst(SynchronizedStmt.class).ifPresent(inner -> out.add(new Operator.Site(outer, () -> {
                Expression a = outer.getExpression().clone();
                outer.setExpression(inner.getExpression().clone());
                inner.setExpression(a);
            })));
        }
    }

    /** @param replacement the new lock's code, or null for the first other reference-typed field of the class */
    private static void relock(com.github.javaparser.ast.CompilationUnit cu, List<Operator.Site> out, String replacement) {
        for (SynchronizedStmt s : cu.findAll(SynchronizedStmt.class)) {
            String lock = s.getExpression().toString();
            String code = replacement;
            if ("this".equals(replacement) && (s.getExpression() instanceof ThisExpr || inStaticContext(s))) {
                continue;
            }
            if (replacement == null) {
                code = otherField(s, lock);
                if (code == null) {
                    continue;
                }
            }
            String newLock = code;
            out.add(new Operator.Site(s, () -> s.setExpression(Ast.expr(newLock))));
        }
    }

    private static boolean inStaticContext(Node n) {
        return n.findAncestor(MethodDeclaration.class).map(MethodDeclaration::isStatic).orElse(false);
    }

    private static String otherField(SynchronizedStmt s, String lock) {
        String name = lock.startsWith("this.") ? lock.substring(5) : lock;
        boolean isStatic = inStaticContext(s);
        TypeDeclaration<?> type = s.findAncestor(TypeDeclaration.class).orElse(null);
        if (type == null) {
            return null;
        }
        for (FieldDeclaration f : type.getFields()) {
            if (isStatic && !f.isStatic()) {
                continue;
            }
            for (VariableDeclarator v : f.getVariables()) {
                if (!v.getType().isPrimitiveType() && !v.getNameAsString().equals(name)) {
                    return v.getNameAsString();
                }
            }
        }
        return null;
    }

    private static void notifyOne(com.github.javaparser.ast.CompilationUnit cu, List<Operator.Site> out) {
        for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
            if (Ast.isCall(m, "notifyAll", 0)) {
                out.add(new Operator.Site(m, () -> m.setName("notify")));
            } else if (Ast.isCall(m, "signalAll", 0)) {
                out.add(new Operator.Site(m, () -> m.setName("signal")));
            }
        }
    }

    private static void whileToIf(com.github.javaparser.ast.CompilationUnit cu, List<Operator.Site> out) {
        for (WhileStmt w : cu.findAll(WhileStmt.class)) {
            boolean waits = w.getBody().findFirst(MethodCallExpr.class,
                    m -> Ast.isCall(m, Set.of("wait", "await", "awaitNanos"), -1)).isPresent();
            if (waits) {
                out.add(new Operator.Site(w, () -> w.replace(new IfStmt(w.getCondition(), w.getBody(), null))));
            }
        }
    }

    /** Removes statements that are just a call of one of these names on some object. */
    static void removeCalls(com.github.javaparser.ast.CompilationUnit cu, List<Operator.Site> out, Set<String> names) {
        for (ExpressionStmt s : cu.findAll(ExpressionStmt.class)) {
            Ast.callStatement(s).filter(m -> names.contains(m.getNameAsString()) && m.getScope().isPresent())
                    .filter(m -> Ast.removable(s))
                    .ifPresent(m -> out.add(new Operator.Site(s, s::remove)));
        }
    }

    private static void swallowInterrupt(com.github.javaparser.ast.CompilationUnit cu, List<Operator.Site> out) {
        for (CatchClause c : cu.findAll(CatchClause.class)) {
            if (!c.getParameter().getType().toString().contains("InterruptedException") || c.getBody().isEmpty()) {
                continue;
            }
            out.add(new Operator.Site(c, () -> c.getBody().getStatements().clear()));
        }
    }

    private static final Map<String, String> ATOMIC = Map.of(
            "incrementAndGet", "+ 1", "getAndIncrement", "+ 1", "decrementAndGet", "- 1", "getAndDecrement", "- 1");

    private static void atomicGetThenSet(com.github.javaparser.ast.CompilationUnit cu, List<Operator.Site> out) {
        for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
            if (m.getScope().isEmpty() || !Ast.repeatable(m.getScope().get())) {
                continue;
            }
            String x = m.getScope().get().toString();
            String name = m.getNameAsString();
            String delta;
            boolean returnsNew;
            if (ATOMIC.containsKey(name) && m.getArguments().isEmpty()) {
                delta = ATOMIC.get(name);
                returnsNew = name.endsWith("AndGet");
            } else if ((name.equals("addAndGet") || name.equals("getAndAdd")) && m.getArguments().size() == 1) {
                delta = "+ (" + m.getArgument(0) + ")";
                returnsNew = name.equals("addAndGet");
            } else {
                continue;
            }
            String code = Ast.valueUnused(m) ? x + ".set(" + x + ".get() " + delta + ")"
                    : "(" + x + ".getAndSet(" + x + ".get() " + delta + ")" + (returnsNew ? " " + delta : "") + ")";
            out.add(new Operator.Site(m, () -> m.replace(Ast.expr(code))));
        }
    }

    private static void mapGetThenPut(com.github.javaparser.ast.CompilationUnit cu, List<Operator.Site> out) {
        for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
            if (m.getScope().isEmpty() || !Ast.repeatable(m.getScope().get())) {
                continue;
            }
            String map = m.getScope().get().toString();
            String code = switch (m.getNameAsString()) {
                case "putIfAbsent" -> m.getArguments().size() != 2 ? null
                        : "(" + map + ".get(" + m.getArgument(0) + ") == null ? " + map + ".put(" + m.getArgument(0) + ", "
                                + m.getArgument(1) + ") : " + map + ".get(" + m.getArgument(0) + "))";
                case "computeIfAbsent" -> computeIfAbsent(m, map);
                case "merge" -> merge(m, map);
                case "compute" -> compute(m, map);
                default -> null;
            };
            if (code == null) {
                continue;
            }
            if (Ast.valueUnused(m) && code.startsWith("(") && m.getNameAsString().equals("putIfAbsent")) {
                String k = m.getArgument(0).toString();
                String stmt = "if (" + map + ".get(" + k + ") == null) " + map + ".put(" + k + ", " + m.getArgument(1) + ");";
                Statement s = (Statement) m.getParentNode().orElseThrow();
                out.add(new Operator.Site(m, () -> s.replace(Ast.stmt(stmt))));
            } else {
                out.add(new Operator.Site(m, () -> m.replace(Ast.expr(code))));
            }
        }
    }

    /** {@code m.computeIfAbsent(k, p -> e)} → read; when absent, compute and put (a lambda with an expression body only). */
    private static String computeIfAbsent(MethodCallExpr m, String map) {
        if (m.getArguments().size() != 2 || !(m.getArgument(1) instanceof LambdaExpr l) || l.getParameters().size() != 1
                || l.getExpressionBody().isEmpty()) {
            return null;
        }
        String k = m.getArgument(0).toString();
        String p = l.getParameter(0).getNameAsString();
        return "java.util.Optional.ofNullable(" + map + ".get(" + k + ")).orElseGet(() -> { var " + p + " = " + k
                + "; var wirelab$v = " + l.getExpressionBody().get() + "; " + map + ".put(" + p + ", wirelab$v); return wirelab$v; })";
    }

    /** {@code m.merge(k, v, f)} → read the old value, combine, put: f a two-parameter lambda or Integer/Long/Math::name. */
    private static String merge(MethodCallExpr m, String map) {
        if (m.getArguments().size() != 3) {
            return null;
        }
        String k = m.getArgument(0).toString();
        String v = m.getArgument(1).toString();
        String combine = combine(m.getArgument(2));
        if (combine == null) {
            return null;
        }
        return "java.util.Optional.ofNullable(" + map + ".get(" + k + ")).map(wirelab$old -> " + combine
                + ").or(() -> java.util.Optional.of(" + v + ")).map(wirelab$new -> { " + map + ".put(" + k
                + ", wirelab$new); return wirelab$new; }).get()";
    }

    private static String combine(Expression f) {
        String v = ((MethodCallExpr) f.getParentNode().orElseThrow()).getArgument(1).toString();
        if (f instanceof MethodReferenceExpr r && Set.of("Integer", "Long", "Double", "Math").contains(r.getScope().toString())) {
            return r.getScope() + "." + r.getIdentifier() + "(wirelab$old, " + v + ")";
        }
        if (f instanceof LambdaExpr l && l.getParameters().size() == 2 && l.getExpressionBody().isPresent()) {
            return "{ var " + l.getParameter(0).getNameAsString() + " = wirelab$old; var " + l.getParameter(1).getNameAsString()
                    + " = " + v + "; return " + l.getExpressionBody().get() + "; }";
        }
        return null;
    }

    /** {@code m.compute(k, (key, old) -> e);} as a statement → {@code put(k, e)} with old read by get. */
    private static String compute(MethodCallExpr m, String map) {
        if (m.getArguments().size() != 2 || !(m.getArgument(1) instanceof LambdaExpr l) || l.getParameters().size() != 2
                || l.getExpressionBody().isEmpty()) {
            return null;
        }
        String k = m.getArgument(0).toString();
        return "java.util.Optional.of(" + k + ").map(" + l.getParameter(0).getNameAsString() + " -> { var "
                + l.getParameter(1).getNameAsString() + " = " + map + ".get(" + l.getParameter(0).getNameAsString()
                + "); var wirelab$new = " + l.getExpressionBody().get() + "; " + map + ".put(" + l.getParameter(0).getNameAsString()
                + ", wirelab$new); return wirelab$new; }).get()";
    }

    private static final Map<String, String> PLAIN = Map.of(
            "ConcurrentHashMap", "java.util.HashMap",
            "CopyOnWriteArrayList", "java.util.ArrayList",
            "CopyOnWriteArraySet", "java.util.LinkedHashSet",
            "ConcurrentLinkedQueue", "java.util.ArrayDeque",
            "ConcurrentLinkedDeque", "java.util.ArrayDeque",
            "ConcurrentSkipListMap", "java.util.TreeMap",
            "ConcurrentSkipListSet", "java.util.TreeSet");

    private static void plainCollection(com.github.javaparser.ast.CompilationUnit cu, List<Operator.Site> out) {
        for (Node n : cu.findAll(Node.class, n -> n instanceof ObjectCreationExpr || n instanceof MethodCallExpr)) {
            if (n instanceof ObjectCreationExpr o && PLAIN.containsKey(o.getType().getNameAsString())) {
                out.add(new Operator.Site(o, () -> {
                    ClassOrInterfaceType t = StaticJavaParserTypes.type(PLAIN.get(o.getType().getNameAsString()));
                    o.getType().getTypeArguments().ifPresent(a -> t.setTypeArguments(a));
                    o.setType(t);
                }));
            } else if (n instanceof MethodCallExpr m && m.getScope().map(Object::toString).orElse("").endsWith("Collections")
                    && m.getNameAsString().startsWith("synchronized") && m.getArguments().size() == 1) {
                out.add(new Operator.Site(m, () -> m.replace(m.getArgument(0))));
            } else if (n instanceof MethodCallExpr m && Ast.isCall(m, "newKeySet", 0)
                    && m.getScope().map(Object::toString).orElse("").endsWith("ConcurrentHashMap")) {
                out.add(new Operator.Site(m, () -> m.replace(Ast.expr("new java.util.HashSet<>()"))));
            }
        }
    }

    private static void flipDaemon(com.github.javaparser.ast.CompilationUnit cu, List<Operator.Site> out) {
        for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
            if (!Ast.isCall(m, "setDaemon", 1)) {
                continue;
            }
            Expression arg = m.getArgument(0);
            out.add(new Operator.Site(m, () -> {
                if (arg instanceof BooleanLiteralExpr b) {
                    b.setValue(!b.getValue());
                } else {
                    arg.replace(Ast.expr("!(" + arg + ")"));
                }
            }));
        }
    }

    /** Parses a class type from its name. */
    private static final class StaticJavaParserTypes {
        static ClassOrInterfaceType type(String name) {
            return com.github.javaparser.StaticJavaParser.parseClassOrInterfaceType(name);
        }
    }
}
