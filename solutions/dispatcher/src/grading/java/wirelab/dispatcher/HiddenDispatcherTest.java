package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Points;

/** Hidden: the mapping rules on the paths the public tests do not try. */
@Timeout(10)
@TestMethodOrder(MethodOrderer.MethodName.class)
class HiddenDispatcherTest {

    static String chosen(Dispatcher d, String path) {
        return Part3DispatcherTest.chosen(d, path);
    }

    @Test
    @Points(1)
    @DisplayName("the extension is what follows the last dot of the last segment: /.bop and /v1.2/a.b.bop are *.bop, /a.bop/ is not")
    void test01_extensionEdges() {
        Dispatcher d = Part3DispatcherTest.specExample();
        assertEquals("servlet4", chosen(d, "/.bop"), "/.bop with *.bop mapped: the last segment '.bop' has the extension"
                + " 'bop' (the part after its last dot, even when the dot is its first character; Tomcat and Jetty"
                + " map /.bop to *.bop too)");
        assertEquals("servlet4", chosen(d, "/v1.2/a.b.bop"), "/v1.2/a.b.bop: the last segment is a.b.bop, its extension bop");
        assertEquals("default", chosen(d, "/a.bop/"), "/a.bop/ ends with '/': its last segment is empty and has no"
                + " extension, so the default servlet");
        assertEquals("default", chosen(d, "/v1.bop/page"), "/v1.bop/page: the dot is in a folder's name, not in the"
                + " last segment 'page'");
    }

    @Test
    @Points(1)
    @DisplayName("the Match says which pattern matched and how the path splits: servlet path and path info")
    void test02_matchFields() {
        Dispatcher d = Part3DispatcherTest.specExample();
        expect(d, "/catalog", "/catalog", "/catalog", null);
        expect(d, "/baz", "/baz/*", "/baz", null);
        expect(d, "/baz/a/b.html", "/baz/*", "/baz", "/a/b.html");
        expect(d, "/catalog/racecar.bop", "*.bop", "/catalog/racecar.bop", null);
        expect(d, "/catalog/index.html", "/", "/catalog/index.html", null);
        Dispatcher all = new Dispatcher().map("/*", new Part3DispatcherTest.Named("all"));
        expect(all, "/x/y.html", "/*", "", "/x/y.html");
    }

    @Test
    @Points(1)
    @DisplayName("the longest prefix wins whatever order the patterns were mapped in")
    void test03_longestPrefixInAnyOrder() {
        String[] patterns = {"/a/*", "/a/b/*", "/a/b/c/*", "/shop/*", "/shop/cart/*", "/x/*", "/x/y/z/*"};
        for (boolean shortestFirst : new boolean[] {true, false}) {
            Dispatcher d = new Dispatcher();
            for (int i = 0; i < patterns.length; i++) {
                String p = patterns[shortestFirst ? i : patterns.length - 1 - i];
                d.map(p, new Part3DispatcherTest.Named(p));
            }
            String order = shortestFirst ? " (the shorter prefixes were mapped first)" : " (the longer prefixes were mapped first)";
            String[][] cases = {{"/a/b/c/d", "/a/b/c/*"}, {"/a/b/x", "/a/b/*"}, {"/a/x", "/a/*"}, {"/a/bc", "/a/*"},
                {"/a/b", "/a/b/*"}, {"/shop/cart/1", "/shop/cart/*"}, {"/shop/cartoon", "/shop/*"}, {"/x/y/z", "/x/y/z/*"},
                {"/x/y/q", "/x/*"}};
            for (String[] c : cases) {
                assertEquals(c[1], chosen(d, c[0]), c[0] + " with " + String.join(", ", patterns) + " mapped" + order
                        + ": the LONGEST matching prefix wins, not the first one found");
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("matching is case-sensitive (Servlet spec 12.1): /CATALOG, /Foo/bar/x and /x.BOP match none of /catalog, /foo/bar/*, *.bop")
    void test04_caseSensitive() {
        Dispatcher d = Part3DispatcherTest.specExample();
        assertEquals("default", chosen(d, "/CATALOG"), "/CATALOG with /catalog mapped: the container compares paths"
                + " case-sensitively (Servlet spec 12.1), so only the default servlet is left");
        assertEquals("default", chosen(d, "/Foo/bar/index.html"), "/Foo/bar/index.html with /foo/bar/* mapped: case-sensitive");
        assertEquals("default", chosen(d, "/x.BOP"), "/x.BOP with *.bop mapped: the extension BOP is not bop (case-sensitive)");
        assertEquals("servlet4", chosen(d, "/X.bop"), "/X.bop with *.bop mapped");
    }

    @Test
    @Points(1)
    @DisplayName("the Match at the edges: /baz/ has path info /, / under /* has servlet path \"\" and path info /")
    void test05_matchFieldsAtTheEdges() {
        Dispatcher d = Part3DispatcherTest.specExample();
        expect(d, "/baz/", "/baz/*", "/baz", "/");
        expect(d, "/foo/bar/", "/foo/bar/*", "/foo/bar", "/");
        expect(d, "/", "/", "/", null);
        Dispatcher all = new Dispatcher().map("/*", new Part3DispatcherTest.Named("all"));
        expect(all, "/", "/*", "", "/");
        Dispatcher exactRoot = new Dispatcher().map("/*", new Part3DispatcherTest.Named("all"))
                .map("/index.html", new Part3DispatcherTest.Named("index"));
        expect(exactRoot, "/index.html", "/index.html", "/index.html", null);
    }

    private static void expect(Dispatcher d, String path, String pattern, String servletPath, String pathInfo) {
        Dispatcher.Match m = d.match(path);
        assertNotNull(m, "match(\"" + path + "\") found nothing, but " + pattern + " matches it");
        String what = "match(\"" + path + "\"), matched by " + pattern + ": ";
        assertEquals(pattern, m.pattern(), what + "the pattern, as it was mapped");
        assertEquals(servletPath, m.servletPath(), what + "the servlet path (the prefix for a /prefix/* match, \"\" for"
                + " /*, the whole path otherwise)");
        assertEquals(pathInfo, m.pathInfo(), what + "the path info (what follows the prefix for a /prefix/* match, null"
                + " when nothing follows it and for every other kind of match)");
    }
}
