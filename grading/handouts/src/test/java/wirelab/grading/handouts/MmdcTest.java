package wirelab.grading.handouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.Course;
import wirelab.testkit.Peers;
import wirelab.testkit.Tools;

/** The rendering check itself: a broken diagram fails, with Mermaid's message and its line. */
class MmdcTest {

    @TempDir
    Path tmp;

    static final List<String> HANDOUT = List.of(
            "# A handout",
            "",
            "```mermaid",
            "sequenceDiagram",
            "    C->>S: request",
            "    S->>C: reply",
            "```",
            "",
            "1. A task",
            "",
            "   ```mermaid",
            "   sequenceDiagram",
            "       C->>S request without its colon",
            "   ```",
            "",
            "```mermaid",
            "sequenceDiagram",
            "    C->>S: #1 a label Mermaid reads as a character entity",
            "```");

    @Test
    @DisplayName("Mermaid blocks are found with their lines, also when indented in a list")
    void findsTheBlocks() {
        List<MermaidBlocks.Block> blocks = MermaidBlocks.in(Path.of("h.md"), HANDOUT);
        assertEquals(List.of(3, 11, 16), blocks.stream().map(MermaidBlocks.Block::line).toList());
        assertEquals("sequenceDiagram\n    C->>S request without its colon\n", blocks.get(1).source());
    }

    @Test
    @DisplayName("a label whose words are missing from the picture is named")
    void lostWordsAreNamed() {
        String source = "sequenceDiagram\n    C->>S: seq 1 request\n    Note over C: waits for the reply\n";
        assertEquals(List.of(), Mmdc.lostWords(source, "<svg><text>seq 1 request</text><text>waits for the reply</text></svg>"));
        assertEquals(List.of("request"), Mmdc.lostWords(source, "<svg><text>seq 1</text><text>waits for the reply</text></svg>"));
    }

    @Test
    @DisplayName("a broken diagram fails the check, with Mermaid's parse error and the diagram's line; a good one passes")
    void brokenDiagramFails() throws Exception {
        Path chromium = Tools.require("chromium", Peers.installHint("chromium"));
        Path mmdc = Mmdc.find(Course.locate().root()).orElseGet(() -> Tools.require("mmdc", Mmdc.INSTALL));
        List<Mmdc.Outcome> out = new Mmdc(mmdc, chromium, tmp).render(MermaidBlocks.in(Path.of("h.md"), HANDOUT));
        assertEquals("", out.get(0).error(), "the good diagram renders");
        assertTrue(out.get(1).error().contains("Parse error on line 2"), "Mermaid's message: " + out.get(1).error());
        assertEquals("h.md:11", out.get(1).block().where());
        assertTrue(out.get(2).error().contains("lacks words"), "the swallowed label is noticed: " + out.get(2).error());
    }
}
