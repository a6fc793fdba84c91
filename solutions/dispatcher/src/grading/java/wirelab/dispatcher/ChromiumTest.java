package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import wirelab.testkit.Needs;
import wirelab.testkit.Points;
import wirelab.testkit.Tools;

/** Hidden: a real browser (headless Chromium, Debian package chromium) loads a page, its stylesheet and its image. */
@Timeout(120)
class ChromiumTest {

    @TempDir
    Path tmp;

    /** The static servlet, plus a log of every path it answered with 200. */
    static final class Logged extends StaticFileServlet {
        final Set<String> served = ConcurrentHashMap.newKeySet();

        Logged(Path root) {
            super(root);
        }

        @Override
        protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
            super.doGet(request, response);
            if (response.getStatus() == 200) {
                served.add(request.getPath());
            }
        }
    }

    @Test
    @Points(4)
    @Needs("chromium")
    @DisplayName("headless Chromium loads index.html with its stylesheet and image from the dispatcher")
    void test01_browserLoadsPageStylesheetAndImage() throws Exception {
        Path chromium = Tools.require("chromium", "apt-get install chromium");
        Path www = Files.createDirectories(tmp.resolve("www"));
        Files.writeString(www.resolve("index.html"), """
                <!DOCTYPE html>
                <html><head><title>wirelab</title><link rel="stylesheet" href="/css/site.css"></head>
                <body><h1 id="title">Served by the dispatcher</h1><img id="logo" src="/img/logo.png">
                <p id="result">loading</p>
                <script>
                  window.addEventListener('load', () => {
                    const h1 = getComputedStyle(document.getElementById('title')).color;
                    const img = document.getElementById('logo');
                    document.getElementById('result').textContent = 'color=' + h1 + ' width=' + img.naturalWidth;
                  });
                </script></body></html>
                """);
        Files.createDirectories(www.resolve("css"));
        Files.writeString(www.resolve("css/site.css"), "h1 { color: rgb(255, 0, 0); }\n");
        Files.createDirectories(www.resolve("img"));
        BufferedImage image = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", www.resolve("img/logo.png").toFile());

        Logged files = new Logged(www);
        try (TestServer server = new TestServer(new Dispatcher().map("/", files))) {
            // a plain client first: a file the server does not serve fails here, with its status,
            // rather than after a browser start (two core-seconds) that shows only what was missing
            for (String path : List.of("/index.html", "/css/site.css", "/img/logo.png")) {
                String before = "GET " + path + " with a plain client, before starting the browser: ";
                RawHttp.Response r;
                try (RawHttp http = server.connect()) {
                    r = http.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").readHead();
                } catch (IOException | AssertionError e) {
                    throw new AssertionError(before + e.getMessage(), e);
                }
                assertEquals(200, r.status(), before + r.statusLine());
            }
            files.served.clear();
            Path profile = Files.createDirectories(tmp.resolve("profile"));
            List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--dump-dom", server.uri("/index.html").toString()));
            Processes.Result r = Processes.run(command, tmp, 90);
            assertTrue(files.served.containsAll(Set.of("/index.html", "/css/site.css", "/img/logo.png")),
                    "the browser should have fetched the page, its stylesheet and its image; the server answered "
                            + files.served + "; chromium's stderr:\n" + Processes.tail(r.err()));
            assertTrue(r.out().contains("color=rgb(255, 0, 0) width=7"),
                    "the page should see the stylesheet applied (red title) and the 7-pixel-wide image; the DOM was:\n"
                            + Processes.tail(r.out()) + "\nchromium's stderr:\n" + Processes.tail(r.err()));
        }
    }
}
