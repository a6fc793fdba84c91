package wirelab.grading.demo;

import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.patch.VerifyChunk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A sample's mistake stated as a unified diff of one main-source file ({@code diff -u BASE MINE},
 * stored as {@code <file>.diff} where the file would stand), applied strictly: every hunk must
 * match the base at the line it names, as written, or the sample does not build. A hunk that no
 * longer matches means the base changed under the sample; the message names the sample, the
 * patch, the hunk and the line that differs, and says how to make the patch again.
 */
final class SamplePatch {

    static final String SUFFIX = ".diff";

    private final Sample sample;
    private final String patchName;
    private final List<String> diff;

    /**
     * @param patchName the patch's path in the sample folder ("src/main/java/…/X.java.diff")
     * @param diff the patch's text
     */
    SamplePatch(Sample sample, String patchName, String diff) {
        this.sample = sample;
        this.patchName = patchName;
        this.diff = List.of(diff.split("\n"));
    }

    /**
     * The base file with the patch applied.
     *
     * @param base the base file's bytes (UTF-8, lines ending in '\n')
     * @param baseShown where a reader finds the base ("solutions/threads/src/main/java/…/X.java")
     */
    byte[] applyTo(byte[] base, String baseShown) {
        if (diff.stream().anyMatch(l -> l.startsWith("\\ No newline at end of file"))) {
            throw fail("it holds a file that does not end with a newline (\"\\\\ No newline at end of file\"):"
                    + " end the base and the copy with one", baseShown);
        }
        Patch<String> patch = UnifiedDiffUtils.parseUnifiedDiff(diff);
        if (patch.getDeltas().isEmpty()) {
            throw fail("it holds no hunk (\"@@ -L,N +L,N @@\"): write it with diff -u", baseShown);
        }
        String text = new String(base, StandardCharsets.UTF_8);
        boolean endsInNewline = text.endsWith("\n");
        List<String> lines = Arrays.asList((endsInNewline ? text.substring(0, text.length() - 1) : text).split("\n", -1));
        List<AbstractDelta<String>> deltas = patch.getDeltas();
        for (int i = 0; i < deltas.size(); i++) {
            Chunk<String> expected = deltas.get(i).getSource();
            try {
                if (expected.verifyChunk(lines) != VerifyChunk.OK) {
                    throw fail(hunk(i, deltas.size()) + " no longer applies to " + baseShown + ": "
                            + firstDifference(expected, lines), baseShown);
                }
            } catch (PatchFailedException e) {
                throw fail(hunk(i, deltas.size()) + " no longer applies to " + baseShown + ": " + e.getMessage(), baseShown);
            }
        }
        List<String> patched;
        try {
            patched = patch.applyTo(lines);
        } catch (PatchFailedException e) {
            throw fail("its hunks do not apply together to " + baseShown + " (" + e.getMessage() + ")", baseShown);
        }
        return (String.join("\n", patched) + (endsInNewline ? "\n" : "")).getBytes(StandardCharsets.UTF_8);
    }

    /** "hunk 2 of 3 (line 14 of the patch: @@ -30,7 +30,7 @@)": hunks are numbered as the patch lists them. */
    private String hunk(int index, int count) {
        int seen = -1;
        for (int n = 0; n < diff.size(); n++) {
            if (diff.get(n).startsWith("@@ ") && ++seen == index) {
                return "hunk " + (index + 1) + " of " + count + " (line " + (n + 1) + " of the patch: " + diff.get(n) + ")";
            }
        }
        return "hunk " + (index + 1) + " of " + count;
    }

    private static String firstDifference(Chunk<String> expected, List<String> lines) {
        List<String> want = expected.getLines();
        for (int k = 0; k < want.size(); k++) {
            int at = expected.getPosition() + k;
            if (at >= lines.size()) {
                return "it expects line " + (at + 1) + " to read \"" + want.get(k).strip() + "\", but the base has only "
                        + lines.size() + " lines";
            }
            if (!lines.get(at).equals(want.get(k))) {
                return "line " + (at + 1) + " of the base reads \"" + lines.get(at).strip() + "\", the hunk expects \""
                        + want.get(k).strip() + "\"";
            }
        }
        return "its lines do not match the base at line " + (expected.getPosition() + 1);
    }

    private IllegalArgumentException fail(String why, String baseShown) {
        String patch = shown(sample.dir()) + "/" + patchName;
        return new IllegalArgumentException("sample " + sample.lab() + "/" + sample.name() + ": " + patchName + ": " + why
                + ".\n  Make the mistake again on the current base and write the patch anew, e.g.:\n"
                + "    patch -o /tmp/mine " + baseShown + " " + patch + "   (places what still fits; check the result)\n"
                + "    diff -u " + baseShown + " /tmp/mine > " + patch);
    }

    /** A path as a reader at the course's root types it (absolute when it lies elsewhere). */
    static String shown(Path path) {
        Path here = Path.of("").toAbsolutePath();
        Path abs = path.toAbsolutePath().normalize();
        return (abs.startsWith(here) ? here.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
