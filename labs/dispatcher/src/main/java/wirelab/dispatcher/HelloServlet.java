package wirelab.dispatcher;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * The lecture's {@code MyServlet}, on this course's servlet API: set the content type and other
 * headers first, then write the body. {@code GET /hello?name=Ada} greets Ada.
 */
public class HelloServlet extends HttpServlet {

    @Override
    protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
        String name = request.getParameter("name");
        String title = "MyServlet Output";
        response.setContentType("text/html");
        PrintWriter out = response.getWriter();
        out.println("<HTML><HEAD><TITLE>");
        out.println(title);
        out.println("</TITLE></HEAD><BODY>");
        out.println("<H1>" + title + "</H1>");
        out.println("<P>Hello " + (name == null ? "World" : escape(name)) + "!");
        out.println("</BODY></HTML>");
    }

    /** Never echo client text into HTML unescaped. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
