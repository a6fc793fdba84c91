package wirelab.grading.handouts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import wirelab.testkit.Tools;

/**
 * Renders Mermaid diagrams with the Mermaid CLI ({@code mmdc}, from npm), which draws them in a real
 * headless Chromium through Puppeteer: the system's Chromium, never a downloaded one. A diagram
 * GitHub cannot draw fails here with Mermaid's own parse error.
 *
 * <p>All the diagrams go through one browser start (mmdc's Markdown mode); when that fails, each
 * diagram is drawn on its own so that every broken one is named, not only the first.
 */
final class Mmdc {

    /** Where {@code .ci/run} installs the pinned mmdc when it is not on PATH (npm ci in .ci/mermaid). */
    static final String LOCAL = ".ci/mermaid/node_modules/.bin/mmdc";
    static final String INSTALL = "PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix .ci/mermaid";

    /** What became of one diagram: empty {@code error} when it rendered. */
    record Outcome(MermaidBlocks.Block block, String error) {
    }

    private final Path mmdc;
    private final Path work;
    private final Path puppeteerConfig;

    Mmdc(Path mmdc, Path chromium, Path work) throws IOException {
        this.mmdc = mmdc;
        this.work = Files.createDirectories(work);
        // as root, Chromium refuses to start with its sandbox
        String args = "root".equals(System.getProperty("user.name")) ? "[\"--no-sandbox\", \"--disable-gpu\"]" : "[\"--disable-gpu\"]";
        this.puppeteerConfig = Files.writeString(work.resolve("puppeteer.json"),
                "{\"executablePath\": \"" + chromium + "\", \"args\": " + args + "}\n");
    }

    /** mmdc on PATH, else the copy .ci/run installs in the course. */
    static Optional<Path> find(Path courseRoot) {
        return Tools.find("mmdc").or(() -> Optional.of(courseRoot.resolve(LOCAL)).filter(Files::isExecutable));
    }

    /** Every diagram's outcome, in order. */
    List<Outcome> render(List<MermaidBlocks.Block> blocks) throws IOException, InterruptedException {
        StringBuilder md = new StringBuilder();
        for (MermaidBlocks.Block b : blocks) {
            md.append("```mermaid\n").append(b.source()).append("```\n\n");
        }
        Path in = Files.writeString(work.resolve("all.md"), md);
        Run all = run(in, work.resolve("all-out.md"), 60L + 30L * blocks.size());
        List<Outcome> out = new ArrayList<>();
        if (all.exit == 0) {
            for (int i = 0; i < blocks.size(); i++) {
                out.add(new Outcome(blocks.get(i), svgProblem(blocks.get(i), work.resolve("all-out-" + (i + 1) + ".svg"))));
            }
            return out;
        }
        for (int i = 0; i < blocks.size(); i++) {
            out.add(renderOne(blocks.get(i), "one-" + (i + 1)));
        }
        if (out.stream().allMatch(o -> o.error().isEmpty())) {
            throw new AssertionError("mmdc failed on the diagrams together but drew each on its own:\n" + all.output);
        }
        return out;
    }

    private Outcome renderOne(MermaidBlocks.Block block, String name) throws IOException, InterruptedException {
        Path in = Files.writeString(work.resolve(name + ".mmd"), block.source());
        Path svg = work.resolve(name + ".svg");
        Run r = run(in, svg, 90);
        return new Outcome(block, r.exit != 0 ? mermaidError(r.output) : svgProblem(block, svg));
    }

    /** What is wrong with a drawn diagram: no picture, Mermaid's error picture, or words of a sequence diagram lost. */
    static String svgProblem(MermaidBlocks.Block block, Path svg) throws IOException {
        if (!Files.isRegularFile(svg)) {
            return "mmdc wrote no picture";
        }
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        if (!text.contains("<svg") || text.contains("Syntax error in text")) {
            return "mmdc drew Mermaid's error picture instead of the diagram";
        }
        List<String> lost = lostWords(block.source(), text);
        return lost.isEmpty() ? "" : "the picture lacks words of its labels (a # or ; in a label?): " + lost;
    }

    private static final Pattern MESSAGE = Pattern.compile(
            "^\\s*(?:[\\w ]+?(?:-->>|->>|--x|-x|--\\)|-\\)|-->|->)[\\w ]+?|Note (?:over|left of|right of) [\\w, ]+?)\\s*:(.*)$");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{3,}");

    /**
     * In a sequence diagram, the words of each message and note that the picture does not show:
     * Mermaid reads {@code #…;} as a character entity and {@code ;} as the end of a statement, so a
     * label with them can lose its text and still render.
     */
    static List<String> lostWords(String source, String svg) {
        List<String> lost = new ArrayList<>();
        if (!source.strip().startsWith("sequenceDiagram")) {
            return lost;
        }
        for (String line : source.split("\n")) {
            Matcher m = MESSAGE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Matcher w = WORD.matcher(m.group(1));
            while (w.find()) {
                if (!svg.contains(w.group()) && !lost.contains(w.group())) {
                    lost.add(w.group());
                }
            }
        }
        return lost;
    }

    /** Mermaid's message, without the stack trace of the browser automation below it. */
    static String mermaidError(String output) {
        List<String> keep = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.strip().startsWith("at ") || line.contains("Generating single mermaid chart")) {
                continue;
            }
            if (!line.isBlank()) {
                keep.add(line.strip());
            }
        }
        return keep.isEmpty() ? "mmdc failed without a message" : String.join("\n", keep.subList(0, Math.min(6, keep.size())));
    }

    private record Run(int exit, String output) {
    }

    private Run run(Path in, Path out, long seconds) throws IOException, InterruptedException {
        Path log = work.resolve(out.getFileName() + ".log");
        Process p = new ProcessBuilder(mmdc.toString(), "--quiet", "--puppeteerConfigFile", puppeteerConfig.toString(),
                "--input", in.toString(), "--output", out.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return new Run(-1, "mmdc did not finish within " + seconds + " s\n" + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log));
    }
}
