package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Points;

/**
 * Task 2, the servlet API: {@link HttpServlet#service} calls the right doXxx method.
 * Run: {@code ./mvnw -q test -Dtest=Part2ServletTest}
 */
@Timeout(10)
@TestMethodOrder(MethodOrderer.MethodName.class)
class Part2ServletTest {

    /** Supports GET and POST only. */
    static class GuestBook extends HttpServlet {
        @Override
        protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print("entries: 0");
        }

        @Override
        protected void doPost(HttpRequest request, HttpResponse response) throws IOException {
            response.setStatus(201);
            response.getWriter().print("thanks " + request.getParameter("name"));
        }
    }

    static HttpResponse call(Servlet servlet, String requestText) throws Exception {
        HttpRequest request = Part1ParserTest.parse(requestText);
        HttpResponse response = new HttpResponse();
        servlet.service(request, response);
        return response;
    }

    static String body(HttpResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    @Points(2)
    @DisplayName("GET calls doGet: the lecture's MyServlet answers an HTML page")
    void test01_getCallsDoGet() throws Exception {
        HttpResponse r = call(new HelloServlet(), "GET /hello?name=Ada HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(200, r.getStatus(), "status");
        assertEquals("text/html", r.getContentType(), "MyServlet calls setContentType(\"text/html\")");
        assertTrue(body(r).contains("Hello Ada!"), "expected the page to greet Ada, got: " + body(r));
    }

    @Test
    @Points(2)
    @DisplayName("POST calls doPost, with the form fields of the body as parameters")
    void test02_postCallsDoPost() throws Exception {
        HttpResponse r = call(new GuestBook(), "POST /guestbook HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 8\r\n\r\nname=Ada");
        assertEquals(201, r.getStatus(), "doPost sets 201");
        assertEquals("thanks Ada", body(r), "doPost's body");
    }

    @Test
    @Points(3)
    @DisplayName("a method the servlet does not override answers 405 with an Allow header")
    void test03_unsupportedMethodIs405WithAllow() throws Exception {
        HttpResponse r = call(new GuestBook(), "DELETE /guestbook HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(405, r.getStatus(), "DELETE on a servlet without doDelete");
        String allow = r.getHeader("Allow");
        assertNotNull(allow, "a 405 must say which methods are allowed in an Allow header");
        assertTrue(allow.contains("GET") && allow.contains("POST") && !allow.contains("DELETE"),
                "Allow should list GET and POST (what GuestBook overrides) and not DELETE, got: " + allow);
        HttpResponse put = call(new HelloServlet(), "PUT /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        assertEquals(405, put.getStatus(), "PUT on the lecture's servlet (doGet only)");
    }

    @Test
    @Points(1)
    @DisplayName("HEAD runs doGet (the server drops the body)")
    void test04_headRunsDoGet() throws Exception {
        HttpResponse r = call(new GuestBook(), "HEAD /guestbook HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(200, r.getStatus(), "HEAD on a servlet with doGet");
        assertEquals("text/plain", r.getContentType(), "HEAD gets the headers of GET");
    }

    @Test
    @Points(1)
    @DisplayName("a method the server does not know at all (BREW, PATCH) is 501 Not Implemented, not 405")
    void test05_unknownMethodIs501() throws Exception {
        for (String method : new String[] {"BREW", "PATCH", "BUZZ"}) {
            HttpResponse r = call(new GuestBook(), method + " /guestbook HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(501, r.getStatus(), method + " is not a method of HttpServlet at all: 501 Not Implemented"
                    + " (405 means this resource does not allow a method the server knows, such as DELETE)");
        }
    }
}
