package wirelab.grading.handouts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.Course;
import wirelab.testkit.Peers;
import wirelab.testkit.Tools;

/**
 * The pictures of the handouts: every handout has at least one Mermaid diagram, and every diagram
 * of the handouts, the README and docs/ renders in a real browser (mmdc drives the system's
 * Chromium). Without mmdc or Chromium the rendering is skipped, NOT CHECKED, as every test that
 * drives a peer program; on CI (CI=true) it must run.
 */
class HandoutDiagramsTest {

    @TempDir
    Path tmp;

    static List<Path> handouts(Course course) {
        try (Stream<Path> weeks = Files.list(course.modules())) {
            return weeks.filter(d -> d.getFileName().toString().matches("week\\d+-.*"))
                    .map(d -> d.resolve("README.md")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> guides(Course course) {
        List<Path> out = new ArrayList<>(List.of(course.root().resolve("README.md")));
        try (Stream<Path> docs = Files.list(course.root().resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Test
    @DisplayName("every handout has at least one Mermaid diagram")
    void everyHandoutHasADiagram() {
        List<Path> handouts = handouts(Course.locate());
        assertTrue(handouts.size() >= 4, "the handouts of modules/: " + handouts);
        for (Path h : handouts) {
            assertTrue(!MermaidBlocks.in(h).isEmpty(), h + " has no ```mermaid diagram: draw at least one"
                    + " of the ideas that are pictures (a sequence of calls, states, a lock cycle)");
        }
    }

    @Test
    @DisplayName("every Mermaid diagram of the handouts, the README and docs/ renders in Chromium")
    void everyDiagramRendersInChromium() throws Exception {
        Course course = Course.locate();
        List<MermaidBlocks.Block> blocks = new ArrayList<>();
        Stream.concat(handouts(course).stream(), guides(course).stream()).forEach(f -> blocks.addAll(MermaidBlocks.in(f)));
        Path chromium = Tools.require("chromium", Peers.installHint("chromium"));
        Path mmdc = Mmdc.find(course.root()).orElseGet(() -> Tools.require("mmdc", Mmdc.INSTALL));
        List<String> broken = new ArrayList<>();
        for (Mmdc.Outcome o : new Mmdc(mmdc, chromium, tmp).render(blocks)) {
            if (!o.error().isEmpty()) {
                broken.add(o.block().where() + ": " + o.error());
            }
        }
        assertTrue(broken.isEmpty(), broken.size() + " of " + blocks.size() + " diagrams do not render:\n"
                + String.join("\n\n", broken));
    }
}
