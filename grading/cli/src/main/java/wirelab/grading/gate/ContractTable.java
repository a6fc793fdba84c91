package wirelab.grading.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The clauses of a lab's {@code CONTRACT.md}, read as GitHub renders it (CommonMark with GFM
 * tables, so a table inside a code fence is an example, not a contract). A contract table is one
 * whose header's first column is {@code id} and last is {@code tests}; each row is a clause. What
 * breaks the format (an id that is missing, malformed or used twice, a tests cell with no test or
 * with something other than backticked references) is a problem, named with its line.
 */
public record ContractTable(List<Clause> clauses, List<String> problems, int tables) {

    /** One row: {@code line} is 1-based in CONTRACT.md. */
    public record Clause(String id, List<Ref> tests, int line) {
    }

    /** {@code Class#method}, or {@code Class} alone (method null): a whole class. */
    public record Ref(String className, String method) {

        @Override
        public String toString() {
            return method == null ? className : className + "#" + method;
        }
    }

    private static final Pattern ID = Pattern.compile("[A-Z0-9-]+");
    private static final Pattern REF = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)(?:#([A-Za-z_$][A-Za-z0-9_$]*))?");
    /** What may stand between the references of a tests cell. */
    private static final Pattern SEPARATOR = Pattern.compile("[\\s,;]*");

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    public static ContractTable parse(String markdown) {
        List<Clause> clauses = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int[] tables = {0};
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock table && isContract(table)) {
                    tables[0]++;
                    read(table, clauses, problems);
                } else {
                    visitChildren(block);
                }
            }
        });
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (Clause c : clauses) {
            Integer earlier = firstLine.putIfAbsent(c.id(), c.line());
            if (earlier != null) {
                problems.add("clause id " + c.id() + " is used twice (lines " + earlier + " and " + c.line() + ")");
            }
        }
        return new ContractTable(List.copyOf(clauses), List.copyOf(problems), tables[0]);
    }

    private static boolean isContract(TableBlock table) {
        List<String> header = cells(firstRow(table, TableHead.class)).stream().map(ContractTable::plain)
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        return header.size() >= 2 && header.get(0).equals("id") && header.get(header.size() - 1).equals("tests");
    }

    private static void read(TableBlock table, List<Clause> clauses, List<String> problems) {
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            if (!(section instanceof TableBody)) {
                continue;
            }
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (row instanceof TableRow r) {
                    clause(r, problems).ifPresent(clauses::add);
                }
            }
        }
    }

    private static java.util.Optional<Clause> clause(TableRow row, List<String> problems) {
        int line = row.getSourceSpans().isEmpty() ? 0 : row.getSourceSpans().get(0).getLineIndex() + 1;
        List<TableCell> cells = cells(row);
        String id = plain(cells.get(0)).strip();
        if (id.isEmpty()) {
            problems.add("line " + line + ": a clause without an id");
            return java.util.Optional.empty();
        }
        if (!ID.matcher(id).matches()) {
            problems.add("line " + line + ": clause id '" + id + "' is not capitals, digits and dashes (e.g. TH-CNT-1)");
            return java.util.Optional.empty();
        }
        List<Ref> refs = new ArrayList<>();
        for (Node n = cells.get(cells.size() - 1).getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Code code) {
                java.util.regex.Matcher m = REF.matcher(code.getLiteral().strip());
                if (m.matches()) {
                    refs.add(new Ref(m.group(1), m.group(2)));
                } else {
                    problems.add("clause " + id + ": `" + code.getLiteral() + "` is not a test reference"
                            + " (SimpleClassName#methodName, or SimpleClassName for a whole class)");
                }
            } else if (!(n instanceof SoftLineBreak || n instanceof HardLineBreak)
                    && !(n instanceof Text t && SEPARATOR.matcher(t.getLiteral()).matches())) {
                problems.add("clause " + id + ": the tests cell holds '" + plain(n).strip()
                        + "'; write each test as a backticked reference, `Class#method`");
            }
        }
        if (refs.isEmpty()) {
            problems.add("clause " + id + " has no test");
        }
        return java.util.Optional.of(new Clause(id, List.copyOf(refs), line));
    }

    private static TableRow firstRow(TableBlock table, Class<? extends Node> section) {
        for (Node s = table.getFirstChild(); s != null; s = s.getNext()) {
            if (section.isInstance(s) && s.getFirstChild() instanceof TableRow r) {
                return r;
            }
        }
        return null;
    }

    private static List<TableCell> cells(TableRow row) {
        List<TableCell> out = new ArrayList<>();
        if (row != null) {
            for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof TableCell cell) {
                    out.add(cell);
                }
            }
        }
        return out;
    }

    /** The text of a node without its markup ({@code `TH-1`} → TH-1). */
    private static String plain(Node node) {
        StringBuilder sb = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak b) {
                sb.append(' ');
            }
        });
        return sb.toString();
    }
}
