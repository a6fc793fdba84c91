package wirelab.grading.mutate;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.SwitchStmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mistakes against a clause the handout states plainly, made on a path the tests may not take: a
 * case or a table row left out, a default forgotten, identity taken for equality, a resource given
 * back on one path only, an unlock skipped when the body throws, a date pattern letter in the wrong
 * case (right at some times of day, wrong at others), a flag reset when the thread starts (so a
 * {@code stop()} before the start is lost).
 */
final class ContractOperators {

    private ContractOperators() {
    }

    static final String CAT = "contract";

    static List<Operator> all() {
        return List.of(
                new Operator("remove-switch-case", CAT, "drop a `case` of a `switch` (one label of `case A, B`): that value falls to `default`",
                        ContractOperators::removeSwitchCase),
                new Operator("remove-table-entry", CAT, "drop an entry of a constant table: a `Map.of` pair, a `Map.ofEntries` entry, a `put` "
                        + "in an initializer block or into an `EnumMap`, an element of a constants `List.of`/`Set.of` or of a static array (a row of a 2-D one)",
                        ContractOperators::removeTableEntry),
                new Operator("get-or-default-to-get", CAT, "`m.getOrDefault(k, d)` → `m.get(k)` (the default forgotten)",
                        ContractOperators::getOrDefaultToGet),
                new Operator("equals-to-identity", CAT, "`a.equals(b)`, `Objects.equals(a, b)` → `a == b` (not on enum constants, classes or boxed literals)",
                        ContractOperators::equalsToIdentity),
                new Operator("remove-cleanup", CAT, "drop a cleanup call statement (`remove`, `unexportObject`, `unbind`, another thread's `interrupt()`); "
                        + "`m.remove(k)` whose value is used → `m.get(k)` (`contains` in a condition)",
                        ContractOperators::removeCleanup),
                new Operator("unlock-outside-finally", CAT, "move `l.unlock()` from `finally` to the end of the `try` block (a throw keeps the lock)",
                        ContractOperators::unlockOutsideFinally),
                new Operator("date-pattern-case", CAT, "a date/time pattern letter in the other case: `HH` ↔ `hh`, `dd` ↔ `DD`, `yyyy` ↔ `YYYY`, `mm` ↔ `MM`",
                        ContractOperators::datePatternCase),
                new Operator("reset-flag-in-run", CAT, "a thread's `run()` first resets a boolean flag that other methods set (`running = true;`): "
                        + "a `stop()` before the thread runs is lost",
                        ContractOperators::resetFlagInRun));
    }

    // ---- remove-switch-case

    private static void removeSwitchCase(CompilationUnit cu, List<Operator.Site> out) {
        for (SwitchEntry e : cu.findAll(SwitchEntry.class)) {
            if (!(e.getParentNode().orElse(null) instanceof SwitchStmt) && !(e.getParentNode().orElse(null) instanceof SwitchExpr)) {
                continue;
            }
            NodeList<Expression> labels = e.getLabels();
            if (labels.size() > 1) {
                for (Expression label : labels) {
                    // a new entry: the printer cannot take a label out of "case A, B" in place
                    out.add(new Operator.Site(label, () -> {
                        SwitchEntry fewer = Ast.fresh(e);
                        fewer.setLabels(labels.stream().filter(l -> l != label).map(Expression::clone).collect(NodeList.toNodeList()));
                        e.replace(fewer);
                    }));
                }
            } else if (labels.size() == 1) {
                out.add(new Operator.Site(labels.get(0), () -> removeEntry(e)));
            }
        }
    }

    /** Removes one case; in {@code case A: case B: body}, dropping B leaves A with the body. */
    private static void removeEntry(SwitchEntry e) {
        Node parent = e.getParentNode().orElseThrow();
        NodeList<SwitchEntry> entries = parent instanceof SwitchStmt s ? s.getEntries() : ((SwitchExpr) parent).getEntries();
        int at = entries.indexOf(e);
        if (e.getType() == SwitchEntry.Type.STATEMENT_GROUP && at > 0 && entries.get(at - 1).getStatements().isEmpty()
                && !e.getStatements().isEmpty()) {
            // the body stays with the label before: that label takes this entry's place
            SwitchEntry previous = entries.get(at - 1);
            e.getLabels().get(0).replace(previous.getLabels().get(0).clone());
            previous.remove();
        } else {
            e.remove();
        }
    }

    // ---- remove-table-entry

    private static final Set<String> CONSTANT_LISTS = Set.of("List.of", "Set.of", "EnumSet.of", "Arrays.asList");

    private static void removeTableEntry(CompilationUnit cu, List<Operator.Site> out) {
        for (Node n : cu.findAll(Node.class, n -> n instanceof MethodCallExpr || n instanceof ArrayInitializerExpr
                || n instanceof ExpressionStmt)) {
            if (n instanceof MethodCallExpr m && isStatic(m, "Map", "of") && m.getArguments().size() % 2 == 0) {
                NodeList<Expression> args = m.getArguments();
                for (int i = 0; i < args.size(); i += 2) {
                    Expression key = args.get(i);
                    Expression value = args.get(i + 1);
                    out.add(new Operator.Site(key, () -> {
                        args.remove(key);
                        args.remove(value);
                    }));
                }
            } else if (n instanceof MethodCallExpr m && isStatic(m, "Map", "ofEntries")) {
                removeEach(m.getArguments(), out);
            } else if (n instanceof MethodCallExpr m && m.getArguments().size() >= 2 && CONSTANT_LISTS.stream()
                    .anyMatch(c -> isStatic(m, c.substring(0, c.indexOf('.')), c.substring(c.indexOf('.') + 1)))
                    && m.getArguments().stream().allMatch(ContractOperators::isConstant)) {
                removeEach(m.getArguments(), out);
            } else if (n instanceof ArrayInitializerExpr a && a.getValues().size() >= 2 && staticTable(a)
                    && !(a.getParentNode().orElse(null) instanceof ArrayInitializerExpr)) {
                removeEach(a.getValues(), out);
            } else if (n instanceof ExpressionStmt s && tablePut(s)) {
                out.add(new Operator.Site(s, s::remove));
            }
        }
    }

    private static void removeEach(NodeList<Expression> items, List<Operator.Site> out) {
        for (Expression item : items) {
            out.add(new Operator.Site(item, () -> items.remove(item)));
        }
    }

    /** {@code Type.name(…)}, also with a qualified type ({@code java.util.Map.of}). */
    private static boolean isStatic(MethodCallExpr m, String type, String name) {
        return m.getNameAsString().equals(name) && m.getScope().map(s -> s.toString().equals(type)
                || s.toString().endsWith("." + type)).orElse(false);
    }

    /** A literal or a name in capitals ({@code Kind.PUT}, {@code MAX}): an element of a table of constants. */
    private static boolean isConstant(Expression e) {
        if (e instanceof LiteralExpr && !(e instanceof NullLiteralExpr)) {
            return true;
        }
        String name = e instanceof NameExpr n ? n.getNameAsString() : e instanceof FieldAccessExpr f ? f.getNameAsString() : null;
        return name != null && name.matches("[A-Z][A-Z0-9_]*");
    }

    /** An array initializer that is (part of) a static field's initial value. */
    private static boolean staticTable(ArrayInitializerExpr a) {
        return a.findAncestor(FieldDeclaration.class).filter(FieldDeclaration::isStatic).isPresent()
                && a.findAncestor(com.github.javaparser.ast.expr.AnnotationExpr.class).isEmpty()
                && a.findAncestor(com.github.javaparser.ast.expr.LambdaExpr.class).isEmpty();
    }

    /**
     * A {@code put} statement that fills a table: in an initializer block ({@code static { … }}), or
     * into a field that is an {@code EnumMap}.
     */
    static boolean tablePut(Statement s) {
        if (!(s instanceof ExpressionStmt) || !Ast.removable(s)) {
            return false;
        }
        MethodCallExpr m = Ast.callStatement(s).filter(c -> Ast.isCall(c, "put", 2)).orElse(null);
        if (m == null) {
            return false;
        }
        if (s.findAncestor(InitializerDeclaration.class).isPresent()) {
            return true;
        }
        String field = m.getScope().map(ContractOperators::fieldName).orElse(null);
        return field != null && s.findAncestor(ClassOrInterfaceDeclaration.class).flatMap(c -> c.getFieldByName(field))
                .flatMap(f -> f.getVariables().stream().filter(v -> v.getNameAsString().equals(field)).findFirst())
                .flatMap(VariableDeclarator::getInitializer)
                .filter(i -> i instanceof ObjectCreationExpr o && o.getType().getNameAsString().equals("EnumMap")).isPresent();
    }

    private static String fieldName(Expression e) {
        if (e instanceof NameExpr n) {
            return n.getNameAsString();
        }
        return e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr ? f.getNameAsString() : null;
    }

    // ---- get-or-default-to-get

    private static void getOrDefaultToGet(CompilationUnit cu, List<Operator.Site> out) {
        for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
            if (Ast.isCall(m, "getOrDefault", 2) && m.getScope().isPresent()) {
                out.add(new Operator.Site(m, () -> {
                    m.getArguments().remove(1);
                    m.setName("get");
                }));
            }
        }
    }

    // ---- equals-to-identity

    private static void equalsToIdentity(CompilationUnit cu, List<Operator.Site> out) {
        Set<String> enumConstants = new HashSet<>();
        Set<String> enumTypes = new HashSet<>();
        for (EnumDeclaration e : cu.findAll(EnumDeclaration.class)) {
            enumTypes.add(e.getNameAsString());
            e.getEntries().forEach(c -> enumConstants.add(c.getNameAsString()));
        }
        for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
            Expression a;
            Expression b;
            if (Ast.isCall(m, "equals", 1) && m.getScope().isPresent()) {
                a = m.getScope().get();
                b = m.getArgument(0);
            } else if (Ast.isCall(m, "equals", 2) && isStaticCallOf(m, "Objects")) {
                a = m.getArgument(0);
                b = m.getArgument(1);
            } else {
                continue;
            }
            if (a instanceof com.github.javaparser.ast.expr.SuperExpr || !identityIsAMistake(a, enumTypes, enumConstants)
                    || !identityIsAMistake(b, enumTypes, enumConstants)) {
                continue;
            }
            out.add(new Operator.Site(m, () -> {
                Expression identity = new BinaryExpr(operand(a), operand(b), BinaryExpr.Operator.EQUALS);
                m.replace(needsParentheses(m) ? new EnclosedExpr(identity) : identity);
            }));
        }
    }

    private static boolean isStaticCallOf(MethodCallExpr m, String type) {
        return m.getScope().map(s -> s.toString().equals(type) || s.toString().endsWith("." + type)).orElse(false);
    }

    /**
     * False where {@code ==} is the idiom or means the same: enum constants, classes
     * ({@code getClass()}, {@code X.class}), primitive literals (a boxed value is unboxed), null.
     */
    private static boolean identityIsAMistake(Expression e, Set<String> enumTypes, Set<String> enumConstants) {
        Expression x = e instanceof EnclosedExpr en ? en.getInner() : e;
        if (x instanceof LiteralExpr && !(x instanceof StringLiteralExpr)) {
            return false;
        }
        if (x instanceof ClassExpr || x instanceof MethodCallExpr c && Ast.isCall(c, "getClass", 0)) {
            return false;
        }
        if (x instanceof NameExpr n && enumConstants.contains(n.getNameAsString())) {
            return false;
        }
        return !(x instanceof FieldAccessExpr f && (enumTypes.contains(f.getScope().toString())
                || enumConstants.contains(f.getNameAsString()) && f.getScope().toString().matches("[A-Z]\\w*")));
    }

    /** An operand of {@code ==}: in parentheses unless it binds tighter than {@code ==} anyway. */
    private static Expression operand(Expression e) {
        Expression c = e.clone();
        boolean tight = c instanceof NameExpr || c instanceof FieldAccessExpr || c instanceof MethodCallExpr || c instanceof LiteralExpr
                || c instanceof EnclosedExpr || c instanceof ThisExpr || c instanceof ObjectCreationExpr
                || c instanceof com.github.javaparser.ast.expr.ArrayAccessExpr;
        return tight ? c : new EnclosedExpr(c);
    }

    /** Where a bare {@code a == b} would parse differently (after {@code !}, as a call's scope, inside + or instanceof). */
    private static boolean needsParentheses(Expression m) {
        Node p = m.getParentNode().orElse(null);
        if (p instanceof BinaryExpr b) {
            return b.getOperator() != BinaryExpr.Operator.AND && b.getOperator() != BinaryExpr.Operator.OR;
        }
        return p instanceof UnaryExpr || p instanceof MethodCallExpr call && call.getScope().filter(s -> s == m).isPresent()
                || p instanceof FieldAccessExpr || p instanceof com.github.javaparser.ast.expr.CastExpr
                || p instanceof com.github.javaparser.ast.expr.InstanceOfExpr;
    }

    // ---- remove-cleanup

    private static final Set<String> CLEANUP = Set.of("remove", "unexportObject", "unbind", "interrupt");

    /**
     * A call statement that gives something back: removes an entry, unexports, unbinds, or
     * interrupts another thread ({@code Thread.currentThread().interrupt()} restores a flag, it
     * cleans nothing up).
     */
    static boolean cleanupStatement(Statement s) {
        MethodCallExpr m = Ast.callStatement(s).orElse(null);
        if (m == null || !CLEANUP.contains(m.getNameAsString()) || !Ast.removable(s)) {
            return false;
        }
        if (m.getNameAsString().equals("interrupt")) {
            return m.getArguments().isEmpty() && m.getScope().filter(x -> !Ast.isCall(x, "currentThread", 0)).isPresent();
        }
        return m.getScope().isPresent() || m.getNameAsString().equals("unexportObject");
    }

    private static void removeCleanup(CompilationUnit cu, List<Operator.Site> out) {
        for (Node n : cu.findAll(Node.class, n -> n instanceof ExpressionStmt || n instanceof MethodCallExpr)) {
            if (n instanceof ExpressionStmt s && cleanupStatement(s) && !tablePut(s)) {
                out.add(new Operator.Site(s, s::remove));
            } else if (n instanceof MethodCallExpr m && Ast.isCall(m, "remove", 1) && m.getScope().isPresent() && !Ast.valueUnused(m)
                    && !(m.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.LambdaExpr)) {
                String lookup = inCondition(m) ? "contains" : "get";
                out.add(new Operator.Site(m, () -> m.setName(lookup)));
            }
        }
    }

    /** A removal whose boolean answer is tested ({@code if (set.remove(x))}): a lookup is {@code contains}. */
    private static boolean inCondition(Expression m) {
        Node p = m.getParentNode().orElse(null);
        if (p instanceof BinaryExpr b) {
            return b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR;
        }
        if (p instanceof UnaryExpr u) {
            return u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT;
        }
        if (p instanceof VariableDeclarator v) {
            return v.getType().asString().equals("boolean");
        }
        return p instanceof IfStmt || p instanceof WhileStmt || p instanceof DoStmt || p instanceof ForStmt
                || p instanceof ConditionalExpr c && c.getCondition() == m;
    }

    // ---- unlock-outside-finally

    private static final Set<String> UNLOCKS = Set.of("unlock", "unlockRead", "unlockWrite");

    private static void unlockOutsideFinally(CompilationUnit cu, List<Operator.Site> out) {
        for (TryStmt t : cu.findAll(TryStmt.class)) {
            if (t.getFinallyBlock().isEmpty()) {
                continue;
            }
            for (Statement s : t.getFinallyBlock().get().getStatements()) {
                if (Ast.callStatement(s).filter(m -> UNLOCKS.contains(m.getNameAsString()) && m.getScope().isPresent()).isPresent()) {
                    out.add(new Operator.Site(s, () -> moveOutOfFinally(t, s)));
                }
            }
        }
    }

    /**
     * {@code try { body } finally { l.unlock(); }} → {@code try { body; l.unlock(); } finally { }}:
     * the unlock at the end of the body (before a final return, whose value is computed first, or
     * throw), so any other way out of the body keeps the lock. The finally stays, emptied, so the
     * diff shows the one line that moved.
     */
    private static void moveOutOfFinally(TryStmt t, Statement inFinally) {
        Statement unlock = inFinally.clone();
        inFinally.remove();
        NodeList<Statement> body = t.getTryBlock().getStatements();
        Statement last = body.isEmpty() ? null : body.get(body.size() - 1);
        if (last instanceof ReturnStmt r && r.getExpression().filter(e -> !(e instanceof NameExpr || e instanceof LiteralExpr)).isPresent()) {
            Statement keep = Ast.stmt("var wirelab$result = " + r.getExpression().get() + ";");
            r.replace(keep);
            body.addAfter(unlock, keep);
            body.addAfter(Ast.stmt("return wirelab$result;"), unlock);
        } else if (last instanceof ReturnStmt || last instanceof ThrowStmt || last instanceof BreakStmt || last instanceof ContinueStmt) {
            Ast.addBefore(body, unlock, last);
        } else {
            body.add(unlock);
        }
    }

    // ---- date-pattern-case

    /** Runs of pattern letters that mean something else in the other case. */
    private static final Pattern LETTERS = Pattern.compile("H{1,2}|h{1,2}|d{1,2}|D{1,2}|y{4}|Y{4}|y{2}|Y{2}|m{1,2}|M{1,2}");

    private static void datePatternCase(CompilationUnit cu, List<Operator.Site> out) {
        Set<StringLiteralExpr> patterns = new LinkedHashSet<>();
        for (Node n : cu.findAll(Node.class, n -> n instanceof MethodCallExpr || n instanceof ObjectCreationExpr)) {
            Expression arg = null;
            if (n instanceof MethodCallExpr m && (Ast.isCall(m, "ofPattern", -1) || Ast.isCall(m, "appendPattern", 1)
                    || Ast.isCall(m, "applyPattern", 1)) && !m.getArguments().isEmpty()) {
                arg = m.getArgument(0);
            } else if (n instanceof ObjectCreationExpr o && o.getType().getNameAsString().equals("SimpleDateFormat")
                    && !o.getArguments().isEmpty()) {
                arg = o.getArgument(0);
            }
            StringLiteralExpr literal = arg == null ? null : patternLiteral(cu, arg);
            if (literal != null) {
                patterns.add(literal);
            }
        }
        List<StringLiteralExpr> ordered = new ArrayList<>(patterns);
        ordered.sort(java.util.Comparator.comparing(l -> l.getBegin().orElseThrow()));
        for (StringLiteralExpr literal : ordered) {
            String value = literal.getValue();
            Matcher m = LETTERS.matcher(value);
            while (m.find()) {
                if (quoted(value, m.start()) || adjacentSameLetter(value, m.start(), m.end())) {
                    continue;
                }
                String swapped = value.substring(0, m.start()) + swapCase(m.group()) + value.substring(m.end());
                out.add(new Operator.Site(literal, () -> literal.setValue(swapped)));
            }
        }
    }

    /** The pattern's literal: the argument itself, or the initial value of the constant it names. */
    private static StringLiteralExpr patternLiteral(CompilationUnit cu, Expression arg) {
        if (arg instanceof StringLiteralExpr s) {
            return s;
        }
        String name = arg instanceof NameExpr n ? n.getNameAsString() : arg instanceof FieldAccessExpr f ? f.getNameAsString() : null;
        if (name == null) {
            return null;
        }
        return cu.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name)
                        && v.getParentNode().filter(p -> p instanceof FieldDeclaration fd && fd.isFinal()).isPresent()).stream()
                .flatMap(v -> v.getInitializer().stream())
                .filter(i -> i instanceof StringLiteralExpr).map(i -> (StringLiteralExpr) i).findFirst().orElse(null);
    }

    /** Inside {@code '…'}: literal text of the pattern, not a letter. */
    private static boolean quoted(String pattern, int at) {
        int quotes = 0;
        for (int i = 0; i < at; i++) {
            if (pattern.charAt(i) == '\'') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    /** {@code yyy} or {@code MMM}: a run the table does not swap, not a part of it. */
    private static boolean adjacentSameLetter(String pattern, int start, int end) {
        char c = pattern.charAt(start);
        return start > 0 && pattern.charAt(start - 1) == c || end < pattern.length() && pattern.charAt(end) == c;
    }

    private static String swapCase(String run) {
        char c = run.charAt(0);
        char other = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        return String.valueOf(other).repeat(run.length());
    }

    // ---- reset-flag-in-run

    private static void resetFlagInRun(CompilationUnit cu, List<Operator.Site> out) {
        for (ClassOrInterfaceDeclaration type : cu.findAll(ClassOrInterfaceDeclaration.class)) {
            if (type.isInterface()) {
                continue;
            }
            Map<String, Boolean> atomic = new LinkedHashMap<>();
            Set<String> flags = new LinkedHashSet<>();
            for (FieldDeclaration f : type.getFields()) {
                for (VariableDeclarator v : f.getVariables()) {
                    if (!f.isFinal() && v.getType().asString().equals("boolean")) {
                        flags.add(v.getNameAsString());
                    } else if (v.getType().asString().equals("AtomicBoolean")) {
                        atomic.put(v.getNameAsString(), true);
                    }
                }
            }
            if (flags.isEmpty() && atomic.isEmpty()) {
                continue;
            }
            for (MethodDeclaration body : threadBodies(type)) {
                BlockStmt block = body.getBody().orElse(null);
                if (block == null) {
                    continue;
                }
                Node at = block.getStatements().isEmpty() ? block : block.getStatement(0);
                for (String reset : resets(type, body, flags, atomic.keySet())) {
                    if (!block.getStatements().isEmpty() && block.getStatement(0).toString().equals(reset)) {
                        continue;
                    }
                    out.add(new Operator.Site(at, () -> {
                        if (block.getStatements().isEmpty()) {
                            block.addStatement(Ast.stmt(reset));
                        } else {
                            Ast.addBefore(block.getStatements(), Ast.stmt(reset), block.getStatement(0));
                        }
                    }));
                }
            }
        }
    }

    /** run(), and the methods of this class handed to a thread or an executor as {@code this::name}. */
    private static List<MethodDeclaration> threadBodies(ClassOrInterfaceDeclaration type) {
        Set<String> names = new LinkedHashSet<>();
        for (MethodReferenceExpr r : type.findAll(MethodReferenceExpr.class)) {
            Node p = r.getParentNode().orElse(null);
            boolean handedOver = p instanceof ObjectCreationExpr o && o.getType().getNameAsString().equals("Thread")
                    || p instanceof MethodCallExpr c && Set.of("submit", "execute", "newThread", "start", "unstarted").contains(c.getNameAsString());
            if (handedOver && r.getScope() instanceof ThisExpr) {
                names.add(r.getIdentifier());
            }
        }
        return type.getMethods().stream().filter(m -> m.getParameters().isEmpty() && !m.isStatic()
                && (m.getNameAsString().equals("run") || names.contains(m.getNameAsString()))).toList();
    }

    /**
     * The statements that undo, at the thread's start, what the class's other methods (not the
     * constructors) set: {@code running = true;} when stop() writes {@code running = false}.
     */
    private static List<String> resets(ClassOrInterfaceDeclaration type, MethodDeclaration body, Set<String> flags, Set<String> atomics) {
        Set<String> out = new LinkedHashSet<>();
        for (MethodDeclaration other : type.getMethods()) {
            if (other == body || other.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null) != type) {
                continue;
            }
            for (AssignExpr a : other.findAll(AssignExpr.class)) {
                String field = fieldName(a.getTarget());
                if (field != null && flags.contains(field) && a.getOperator() == AssignExpr.Operator.ASSIGN
                        && a.getValue() instanceof BooleanLiteralExpr b && a.findAncestor(ConstructorDeclaration.class).isEmpty()) {
                    out.add(a.getTarget() + " = " + !b.getValue() + ";");
                }
            }
            for (MethodCallExpr m : other.findAll(MethodCallExpr.class)) {
                String field = m.getScope().map(ContractOperators::fieldName).orElse(null);
                if (field == null || !atomics.contains(field)) {
                    continue;
                }
                Expression value = Ast.isCall(m, Set.of("set", "getAndSet", "lazySet"), 1) ? m.getArgument(0)
                        : Ast.isCall(m, "compareAndSet", 2) ? m.getArgument(1) : null;
                if (value instanceof BooleanLiteralExpr b) {
                    out.add(m.getScope().get() + ".set(" + !b.getValue() + ");");
                }
            }
        }
        return List.copyOf(out);
    }
}
