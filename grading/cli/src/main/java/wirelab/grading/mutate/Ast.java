package wirelab.grading.mutate;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import java.util.Optional;
import java.util.Set;

/** Small questions and edits on the syntax tree that several operators share. */
final class Ast {

    private Ast() {
    }

    /** A call of one of these method names, with this many arguments (-1: any). */
    static boolean isCall(Node n, Set<String> names, int args) {
        return n instanceof MethodCallExpr m && names.contains(m.getNameAsString())
                && (args < 0 || m.getArguments().size() == args);
    }

    static boolean isCall(Node n, String name, int args) {
        return isCall(n, Set.of(name), args);
    }

    /** The call a statement is made of ({@code x.close();}), if it is one. */
    static Optional<MethodCallExpr> callStatement(Statement s) {
        if (s instanceof ExpressionStmt e && e.getExpression() instanceof MethodCallExpr m) {
            return Optional.of(m);
        }
        return Optional.empty();
    }

    /** True when the statement sits in a block, so removing it leaves valid syntax. */
    static boolean removable(Statement s) {
        return s.getParentNode().filter(p -> p instanceof BlockStmt).isPresent();
    }

    /** Expressions safe to evaluate twice (a name, a field, this.x). */
    static boolean repeatable(Expression e) {
        return e instanceof NameExpr || e instanceof ThisExpr
                || e instanceof FieldAccessExpr f && repeatable(f.getScope());
    }

    /**
     * A copy that the lexical-preserving printer prints anew: a clone keeps the original's text,
     * so edits made to it would not show.
     */
    @SuppressWarnings("unchecked")
    static <T extends Node> T fresh(T node) {
        T copy = (T) node.clone();
        copy.walk(n -> {
            if (n.containsData(LexicalPreservingPrinter.NODE_TEXT_DATA)) {
                n.removeData(LexicalPreservingPrinter.NODE_TEXT_DATA);
            }
        });
        return copy;
    }

    /**
     * Inserts a statement before another in the same block. Before the block's first statement
     * the printer would indent it like the brace, so there it goes after, and a copy of the first
     * statement (with its own text) after it.
     */
    static void addBefore(NodeList<Statement> block, Statement added, Statement anchor) {
        if (block.indexOf(anchor) > 0) {
            block.addBefore(added, anchor);
            return;
        }
        block.addAfter(added, anchor);
        Statement copy = anchor.clone();
        anchor.remove();
        block.addAfter(copy, added);
    }

    static Expression expr(String code) {
        return StaticJavaParser.parseExpression(code);
    }

    static Statement stmt(String code) {
        return StaticJavaParser.parseStatement(code);
    }

    /** The statement that holds an expression. */
    static Optional<Statement> statementOf(Node n) {
        Node p = n;
        while (p != null && !(p instanceof Statement)) {
            p = p.getParentNode().orElse(null);
        }
        return Optional.ofNullable((Statement) p);
    }

    /** True when the expression's value is thrown away ({@code x.incrementAndGet();}). */
    static boolean valueUnused(Expression e) {
        return e.getParentNode().filter(p -> p instanceof ExpressionStmt).isPresent();
    }
}
