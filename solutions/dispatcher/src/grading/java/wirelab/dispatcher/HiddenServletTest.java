package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Points;

/** Hidden: every method of the servlet API's table with its answer. */
@Timeout(10)
@TestMethodOrder(MethodOrderer.MethodName.class)
class HiddenServletTest {

    /** Overrides every doXxx and answers which one ran. */
    static class Everything extends HttpServlet {
        @Override
        protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
            response.getWriter().print("doGet");
        }

        @Override
        protected void doHead(HttpRequest request, HttpResponse response) throws IOException {
            response.getWriter().print("doHead");
        }

        @Override
        protected void doPost(HttpRequest request, HttpResponse response) throws IOException {
            response.getWriter().print("doPost");
        }

        @Override
        protected void doPut(HttpRequest request, HttpResponse response) throws IOException {
            response.getWriter().print("doPut");
        }

        @Override
        protected void doDelete(HttpRequest request, HttpResponse response) throws IOException {
            response.getWriter().print("doDelete");
        }

        @Override
        protected void doOptions(HttpRequest request, HttpResponse response) throws IOException {
            response.getWriter().print("doOptions");
        }
    }

    /** Supports POST only: every other method it does not override. */
    static class PostOnly extends HttpServlet {
        @Override
        protected void doPost(HttpRequest request, HttpResponse response) throws IOException {
            response.getWriter().print("posted");
        }
    }

    static HttpResponse call(Servlet servlet, String method) throws Exception {
        return Part2ServletTest.call(servlet, method + " /x HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    @Points(1)
    @DisplayName("service() calls doGet, doHead, doPost, doPut, doDelete and doOptions for GET, HEAD, POST, PUT, DELETE and OPTIONS")
    void test01_everyMethodCallsItsDoMethod() throws Exception {
        for (String method : List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS")) {
            String expected = "do" + method.charAt(0) + method.substring(1).toLowerCase();
            HttpResponse r = call(new Everything(), method);
            assertEquals(200, r.getStatus(), method + " on a servlet that overrides " + expected);
            assertEquals(expected, Part2ServletTest.body(r), method + " should run " + expected + " (the servlet"
                    + " overrides every doXxx and writes the name of the one that ran)");
        }
    }

    @Test
    @Points(1)
    @DisplayName("OPTIONS on a servlet without doOptions answers 204 with an Allow header; TRACE and CONNECT are 501")
    void test02_optionsAndOtherMethods() throws Exception {
        HttpResponse options = call(new PostOnly(), "OPTIONS");
        assertEquals(204, options.getStatus(), "OPTIONS calls doOptions, whose default answers 204 No Content");
        String allow = options.getHeader("Allow");
        assertNotNull(allow, "OPTIONS answers which methods the resource allows, in an Allow header");
        assertTrue(allow.contains("POST") && allow.contains("OPTIONS") && !allow.contains("GET"),
                "Allow for a servlet with doPost only, got: " + allow);
        for (String method : List.of("TRACE", "CONNECT", "PROPFIND")) {
            assertEquals(501, call(new Everything(), method).getStatus(), method + " is not one of GET, HEAD, POST, PUT,"
                    + " DELETE and OPTIONS: 501 Not Implemented, whatever the servlet overrides");
        }
    }

    @Test
    @Points(1)
    @DisplayName("each method a servlet does not override is 405 with an Allow header: GET, HEAD, PUT, DELETE on a POST-only servlet")
    void test03_405ForEveryMethodNotOverridden() throws Exception {
        for (String method : List.of("GET", "HEAD", "PUT", "DELETE")) {
            HttpResponse r = call(new PostOnly(), method);
            assertEquals(405, r.getStatus(), method + " on a servlet that overrides only doPost: 405 Method Not Allowed");
            String allow = r.getHeader("Allow");
            assertNotNull(allow, method + " answered 405 without an Allow header: a 405 must say what is allowed");
            assertTrue(allow.contains("POST") && allow.contains("OPTIONS"), method + ": Allow should list POST and"
                    + " OPTIONS, got: " + allow);
            assertFalse(allow.contains("GET") || allow.contains("PUT") || allow.contains("DELETE"), method + ": Allow"
                    + " lists only what the servlet supports, got: " + allow);
        }
        assertEquals("posted", Part2ServletTest.body(call(new PostOnly(), "POST")), "POST still runs doPost");
    }
}
