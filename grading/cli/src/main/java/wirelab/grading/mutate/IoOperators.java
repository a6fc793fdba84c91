package wirelab.grading.mutate;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithArguments;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.List;
import java.util.Set;

/** I/O and network mistakes: resources left open, unflushed writes, short reads, lost end-of-stream, charsets, buffers. */
final class IoOperators {

    private IoOperators() {
    }

    static final String CAT = "io";

    private static final Set<String> READS = Set.of("read", "readLine", "receive", "readNBytes", "readFully", "readInt",
            "readUTF", "readObject", "readByte");

    static List<Operator> all() {
        return List.of(
                new Operator("remove-close", CAT, "drop an `x.close()`",
                        (cu, out) -> ConcurrencyOperators.removeCalls(cu, out, Set.of("close"))),
                new Operator("remove-try-resource", CAT, "take a resource out of try-with-resources (never closed)",
                        IoOperators::removeTryResource),
                new Operator("remove-flush", CAT, "drop an `x.flush()`",
                        (cu, out) -> ConcurrencyOperators.removeCalls(cu, out, Set.of("flush"))),
                new Operator("one-read", CAT, "a read loop → one read (`while` → `if`; `readFully`/`readNBytes` → `read`)",
                        IoOperators::oneRead),
                new Operator("remove-eof-check", CAT, "drop an end-of-stream check (`if (n == -1) …`, `if (line == null) …`)",
                        IoOperators::removeEofCheck),
                new Operator("platform-charset", CAT, "drop an explicit charset: the platform default is used",
                        IoOperators::platformCharset),
                new Operator("remove-so-timeout", CAT, "drop a `setSoTimeout(…)`",
                        (cu, out) -> ConcurrencyOperators.removeCalls(cu, out, Set.of("setSoTimeout"))),
                new Operator("compact-to-clear", CAT, "`buffer.compact()` → `buffer.clear()` (unread bytes lost)",
                        (cu, out) -> rename(cu, out, "compact", "clear")),
                new Operator("remove-flip", CAT, "drop a `buffer.flip()`",
                        (cu, out) -> ConcurrencyOperators.removeCalls(cu, out, Set.of("flip"))),
                new Operator("byte-order", CAT, "`ByteOrder.BIG_ENDIAN` ↔ `ByteOrder.LITTLE_ENDIAN`", IoOperators::byteOrder),
                new Operator("get-by-name", CAT, "`InetAddress.getAllByName(h)` → only the first address (`getByName`)",
                        IoOperators::getByName));
    }

    static void rename(CompilationUnit cu, List<Operator.Site> out, String from, String to) {
        for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
            if (m.getNameAsString().equals(from) && m.getScope().isPresent()) {
                out.add(new Operator.Site(m, () -> m.setName(to)));
            }
        }
    }

    private static void removeTryResource(CompilationUnit cu, List<Operator.Site> out) {
        for (TryStmt t : cu.findAll(TryStmt.class)) {
            if (!Ast.removable(t)) {
                continue;
            }
            for (int i = 0; i < t.getResources().size(); i++) {
                int index = i;
                out.add(new Operator.Site(t.getResources().get(i), () -> {
                    BlockStmt parent = (BlockStmt) t.getParentNode().orElseThrow();
                    Expression r = t.getResources().get(index);
                    t.getResources().remove(r);
                    if (r instanceof VariableDeclarationExpr) {
                        parent.getStatements().addBefore(new ExpressionStmt(r), t);
                    }
                    if (t.getResources().isEmpty() && t.getCatchClauses().isEmpty() && t.getFinallyBlock().isEmpty()) {
                        NodeList<Statement> body = t.getTryBlock().getStatements();
                        for (Statement s : List.copyOf(body)) {
                            s.remove();
                            parent.getStatements().addBefore(s, t);
                        }
                        t.remove();
                    }
                }));
            }
        }
    }

    private static void oneRead(CompilationUnit cu, List<Operator.Site> out) {
        for (Node n : cu.findAll(Node.class, n -> n instanceof WhileStmt || n instanceof MethodCallExpr)) {
            if (n instanceof WhileStmt w) {
                boolean reads = w.getCondition().findFirst(MethodCallExpr.class, m -> READS.contains(m.getNameAsString())).isPresent()
                        || w.getBody() instanceof BlockStmt b && b.getStatements().stream().anyMatch(s -> !(s instanceof WhileStmt)
                                && s.findFirst(MethodCallExpr.class, m -> READS.contains(m.getNameAsString())).isPresent());
                if (reads) {
                    out.add(new Operator.Site(w, () -> w.replace(new IfStmt(w.getCondition(), w.getBody(), null))));
                }
            } else if (n instanceof MethodCallExpr m && m.getScope().isPresent()
                    && (Ast.isCall(m, "readFully", -1) || Ast.isCall(m, "readNBytes", 3))) {
                out.add(new Operator.Site(m, () -> m.setName("read")));
            }
        }
    }

    private static boolean exits(Statement s) {
        return s.findFirst(Statement.class, x -> x instanceof ReturnStmt || x instanceof BreakStmt
                || x instanceof ThrowStmt || x instanceof ContinueStmt).isPresent();
    }

    private static void removeEofCheck(CompilationUnit cu, List<Operator.Site> out) {
        for (IfStmt i : cu.findAll(IfStmt.class)) {
            if (i.getElseStmt().isPresent() || !Ast.removable(i) || !exits(i.getThenStmt())) {
                continue;
            }
            if (isEofTest(i.getCondition(), i)) {
                out.add(new Operator.Site(i, i::remove));
            }
        }
    }

    /** {@code x == -1}, {@code x < 0}, or {@code line == null} where line came from readLine. */
    private static boolean isEofTest(Expression c, IfStmt where) {
        if (!(c instanceof BinaryExpr b)) {
            return false;
        }
        if (b.getOperator() == BinaryExpr.Operator.OR || b.getOperator() == BinaryExpr.Operator.AND) {
            return false;
        }
        Expression right = b.getRight();
        boolean minusOne = right instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS
                && u.getExpression() instanceof IntegerLiteralExpr l && l.getValue().equals("1");
        if (b.getOperator() == BinaryExpr.Operator.EQUALS && minusOne) {
            return true;
        }
        if (b.getOperator() == BinaryExpr.Operator.LESS && right instanceof IntegerLiteralExpr z && z.getValue().equals("0")) {
            return true;
        }
        if (b.getOperator() == BinaryExpr.Operator.EQUALS && right instanceof NullLiteralExpr) {
            Expression left = b.getLeft();
            if (left.findFirst(MethodCallExpr.class, m -> READS.contains(m.getNameAsString())).isPresent()) {
                return true;
            }
            if (left instanceof NameExpr name) {
                Node scope = where.getParentNode().orElse(where);
                while (scope.getParentNode().isPresent() && !(scope instanceof com.github.javaparser.ast.body.CallableDeclaration)) {
                    scope = scope.getParentNode().get();
                }
                return scope.findFirst(Node.class, n -> assignsRead(n, name.getNameAsString())).isPresent();
            }
        }
        return false;
    }

    private static boolean assignsRead(Node n, String name) {
        Expression value = null;
        if (n instanceof com.github.javaparser.ast.expr.AssignExpr a && a.getTarget().toString().equals(name)) {
            value = a.getValue();
        } else if (n instanceof com.github.javaparser.ast.body.VariableDeclarator v && v.getNameAsString().equals(name)) {
            value = v.getInitializer().orElse(null);
        }
        return value != null && (value instanceof MethodCallExpr m && READS.contains(m.getNameAsString()));
    }

    private static boolean isCharset(Expression e) {
        if (e instanceof FieldAccessExpr f) {
            return f.getScope().toString().endsWith("StandardCharsets");
        }
        if (e instanceof NameExpr n) {
            return Set.of("UTF_8", "US_ASCII", "ISO_8859_1", "UTF_16", "UTF_16BE", "UTF_16LE").contains(n.getNameAsString());
        }
        if (e instanceof MethodCallExpr m) {
            return m.getNameAsString().equals("forName") && m.getScope().map(Object::toString).orElse("").endsWith("Charset");
        }
        return e instanceof StringLiteralExpr s && Set.of("UTF-8", "US-ASCII", "ISO-8859-1", "UTF8", "ASCII")
                .contains(s.getValue().toUpperCase(java.util.Locale.ROOT));
    }

    private static void platformCharset(CompilationUnit cu, List<Operator.Site> out) {
        for (Node n : cu.findAll(Node.class, n -> n instanceof MethodCallExpr || n instanceof ObjectCreationExpr)) {
            NodeWithArguments<?> call = (NodeWithArguments<?>) n;
            if (n instanceof MethodCallExpr m && m.getNameAsString().equals("forName")) {
                continue;
            }
            for (int i = 0; i < call.getArguments().size(); i++) {
                Expression arg = call.getArguments().get(i);
                if (isCharset(arg)) {
                    out.add(new Operator.Site(arg, () -> call.getArguments().remove(arg)));
                }
            }
        }
    }

    private static void byteOrder(CompilationUnit cu, List<Operator.Site> out) {
        for (FieldAccessExpr f : cu.findAll(FieldAccessExpr.class)) {
            if (!f.getScope().toString().endsWith("ByteOrder")) {
                continue;
            }
            String name = f.getNameAsString();
            if (name.equals("BIG_ENDIAN") || name.equals("LITTLE_ENDIAN")) {
                out.add(new Operator.Site(f, () -> f.setName(name.equals("BIG_ENDIAN") ? "LITTLE_ENDIAN" : "BIG_ENDIAN")));
            }
        }
    }

    private static void getByName(CompilationUnit cu, List<Operator.Site> out) {
        for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
            if (Ast.isCall(m, "getAllByName", 1)) {
                out.add(new Operator.Site(m, () -> m.replace(Ast.expr("new java.net.InetAddress[] {java.net.InetAddress.getByName("
                        + m.getArgument(0) + ")}"))));
            }
        }
    }
}
