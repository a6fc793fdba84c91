package wirelab.grading.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import wirelab.grading.course.Lab;

/**
 * The release gate's memory: {@code ./wirelab check} stamps each lab it checked with a hash of
 * the lab's solutions/ sources and its verdict; publish releases a lab only when its stamp says
 * PASS for exactly the sources on disk now. Running the whole gate inside publish would cost
 * a minute per lab (jcstress); the stamp makes publish instant and still honest.
 * Stamps live in .wirelab/check/ (gitignored): a fresh clone must run check before it publishes.
 */
public final class GateStamps {

    private final Path dir;

    public GateStamps(Path dir) {
        this.dir = dir;
    }

    public static GateStamps of(Path courseRoot) {
        return new GateStamps(courseRoot.resolve(".wirelab/check"));
    }

    /** Records one lab's verdict for its current sources. */
    public void record(Lab lab, boolean passed, boolean withRaceTests) {
        record(lab, passed, withRaceTests, List.of());
    }

    /** @param unchecked tests this machine could not check (a peer program missing), each with why */
    public void record(Lab lab, boolean passed, boolean withRaceTests, List<String> unchecked) {
        Properties p = new Properties();
        p.setProperty("lab", lab.name());
        p.setProperty("sources", hash(lab));
        p.setProperty("verdict", passed ? "PASS" : "FAIL");
        p.setProperty("race", Boolean.toString(withRaceTests));
        p.setProperty("checked", java.time.Instant.now().toString());
        p.setProperty("unchecked", String.join(" | ", unchecked));
        try {
            Files.createDirectories(dir);
            try (var out = Files.newBufferedWriter(dir.resolve(lab.name() + ".stamp"))) {
                p.store(out, "written by ./wirelab check; read by ./wirelab publish --week");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lab's stamp, or null when check has not passed for it here. */
    private Properties stamp(Lab lab) {
        Path file = dir.resolve(lab.name() + ".stamp");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Why each lab may not be released (empty: every lab passed check on its current sources). */
    public List<String> refusals(List<Lab> labs) {
        List<String> out = new ArrayList<>();
        for (Lab lab : labs) {
            Properties p = stamp(lab);
            if (p == null) {
                out.add(lab.name() + ": ./wirelab check has not passed for it on this machine");
            } else if (!"PASS".equals(p.getProperty("verdict"))) {
                out.add(lab.name() + ": the last ./wirelab check FAILED (" + p.getProperty("checked") + ")");
            } else if (!hash(lab).equals(p.getProperty("sources"))) {
                out.add(lab.name() + ": solutions/" + lab.name() + " changed since ./wirelab check passed ("
                        + p.getProperty("checked") + ")");
            }
        }
        return out;
    }

    /**
     * What the stamps of these labs did not check (tests skipped for a missing peer program), one
     * line per lab: publish still releases them, and says so.
     */
    public List<String> warnings(List<Lab> labs) {
        List<String> out = new ArrayList<>();
        for (Lab lab : labs) {
            Properties p = stamp(lab);
            String unchecked = p == null ? "" : p.getProperty("unchecked", "").strip();
            if (!unchecked.isEmpty()) {
                out.add(lab.name() + ": ./wirelab check could not run " + unchecked.split(" \\| ").length
                        + " test(s) on " + "its machine (" + p.getProperty("checked") + "): " + unchecked);
            }
        }
        return out;
    }

    /** SHA-256 over every file of solutions/<lab> (paths and contents), build output excluded. */
    public static String hash(Lab lab) {
        try (Stream<Path> walk = Files.walk(lab.solutionDir())) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : walk.filter(Files::isRegularFile).filter(f -> !buildOutput(lab.solutionDir().relativize(f)))
                    .sorted().toList()) {
                md.update(lab.solutionDir().relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(f));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean buildOutput(Path rel) {
        for (Path part : rel) {
            String n = part.toString();
            if (n.equals("target") || n.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
