package wirelab.grading.autograder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.course.LabPoints;
import wirelab.grading.course.Week;
import wirelab.testkit.Peers;
import wirelab.grading.sandbox.SandboxUids;

/**
 * The Gradescope autograder for one lab, as the zip Gradescope wants: setup.sh and run_autograder
 * at the root, and under course/ the part of this repository the harness needs (the tool's
 * sources, the test kit, the lab's solution with its hidden and race tests, the week's
 * descriptor). setup.sh builds it once into the image; run_autograder grades one submission.
 */
public final class AutograderBundle {

    private static final Set<String> EXECUTABLE = Set.of("setup.sh", "run_autograder", "course/mvnw", "course/wirelab");

    private final Course course;
    private final Lab lab;

    public AutograderBundle(Course course, Lab lab) {
        this.course = course;
        this.lab = lab;
    }

    /** Path in the zip → content. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> out = new TreeMap<>();
        out.put("setup.sh", bytes(setup().replace("@UID_FIRST@", Integer.toString(SETUP_UIDS[0]))
                .replace("@UID_LAST@", Integer.toString(SETUP_UIDS[1]))));
        out.put("run_autograder", bytes(RUN.replace("@LAB@", lab.name())));
        out.put("README.md", bytes(README.replace("@LAB@", lab.name()).replace("@TOTAL@", total().describe())));
        Path root = course.root();
        out.put("course/pom.xml", bytes(rootPom(read(root.resolve("pom.xml")))));
        for (String f : List.of("mvnw", "wirelab")) {
            out.put("course/" + f, readBytes(root.resolve(f)));
        }
        copy(root.resolve(".mvn"), "course/.mvn", out);
        for (String module : List.of("grading/testkit", "grading/runner", "grading/cli")) {
            out.put("course/" + module + "/pom.xml", readBytes(root.resolve(module).resolve("pom.xml")));
            copy(root.resolve(module).resolve("src/main"), "course/" + module + "/src/main", out);
        }
        copy(lab.solutionDir(), "course/solutions/" + lab.name(), out);
        Week week = course.weekOf(lab).orElseThrow(() -> new IllegalArgumentException(
                "no modules/week*/module.yaml lists the lab " + lab.name() + ": the autograder needs its due date and late policy"));
        String moduleDir = "course/modules/" + week.dir().getFileName();
        out.put(moduleDir + "/module.yaml", readBytes(week.descriptor()));
        if (Files.isRegularFile(week.handoutFile())) {
            out.put(moduleDir + "/" + week.handout(), readBytes(week.handoutFile()));
        }
        return out;
    }

    /** What the lab is worth on Gradescope: every counted test, since setup.sh installs every program they drive. */
    public LabPoints total() {
        return LabPoints.of(lab);
    }

    /**
     * The programs the lab's tests drive ({@code @Needs} in its public and hidden tests), sorted:
     * setup.sh installs each of them, so every counted test is graded on Gradescope.
     */
    public List<String> peerPrograms() {
        Set<String> programs = new TreeSet<>();
        for (Path root : List.of(lab.publicTests(), lab.hiddenTests())) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher needs = NEEDS.matcher(Files.readString(f));
                    while (needs.find()) {
                        Matcher name = QUOTED.matcher(needs.group(1));
                        while (name.find()) {
                            programs.add(name.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(programs);
    }

    private static final Pattern NEEDS = Pattern.compile("@Needs\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    /** setup.sh for this lab: the JDK and bubblewrap, the Debian/Ubuntu packages of its peers, and Chromium its own way. */
    String setup() {
        List<String> peers = peerPrograms();
        Set<String> packages = new TreeSet<>();
        peers.stream().filter(p -> !p.equals("chromium")).forEach(p -> packages.add(Peers.debianPackage(p)));
        String list = packages.isEmpty() ? "" : " " + String.join(" ", packages);
        return SETUP.replace("@LAB@", lab.name())
                .replace("@PEERS@", peers.isEmpty() ? "none" : String.join(", ", peers))
                .replace("@PACKAGES@", list)
                .replace("@BROWSER@", peers.contains("chromium") ? CHROMIUM : "");
    }

    /** Our root pom, building only the tool and this lab. */
    String rootPom(String pom) {
        return wirelab.grading.publish.StudentPoms.withoutSimilarity(pom).replaceFirst("(?s)<modules>.*?</modules>", Matcher.quoteReplacement("""
                <modules>
                    <module>grading/testkit</module>
                    <module>grading/runner</module>
                    <module>grading/cli</module>
                    <module>solutions/%s</module>
                  </modules>""".formatted(lab.name())));
    }

    public void write(Path zip) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(buf)) {
            for (Map.Entry<String, byte[]> e : files().entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(0L);   // the same inputs give the same zip
                z.putNextEntry(entry);
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (zip.getParent() != null) {
                Files.createDirectories(zip.getParent());
            }
            Files.write(zip, withUnixModes(buf.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * java.util.zip records no Unix permissions; unzip (and Gradescope) would then drop the
     * executable bit of run_autograder. Patch the central directory: "made by Unix", mode 755 or 644.
     */
    static byte[] withUnixModes(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 <= zip.length; ) {
            if (b.getInt(i) != 0x02014b50) {
                i++;
                continue;
            }
            int nameLen = b.getShort(i + 28) & 0xffff;
            int extraLen = b.getShort(i + 30) & 0xffff;
            int commentLen = b.getShort(i + 32) & 0xffff;
            String name = new String(zip, i + 46, nameLen, StandardCharsets.UTF_8);
            b.putShort(i + 4, (short) ((3 << 8) | 20));   // version made by: Unix, 2.0
            int mode = EXECUTABLE.contains(name) ? 0100755 : 0100644;
            b.putInt(i + 38, mode << 16);
            i += 46 + nameLen + extraLen + commentLen;
        }
        return zip;
    }

    private static void copy(Path dir, String prefix, Map<String, byte[]> out) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = dir.relativize(f);
                boolean skip = false;
                for (Path part : rel) {
                    String n = part.toString();
                    skip |= n.equals("target") || (n.startsWith(".") && !prefix.endsWith(".mvn"));
                }
                if (!skip) {
                    out.put(prefix + "/" + rel.toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        return new String(readBytes(f), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The sandbox uids setup.sh gives accounts: the start of the grader's default range, one per test JVM at a time. */
    static final int[] SETUP_UIDS = {SandboxUids.DEFAULT_FIRST, SandboxUids.DEFAULT_FIRST + 63};

    static final String SETUP = """
            #!/usr/bin/env bash
            # Gradescope runs this once while it builds the autograder image (Ubuntu, as root, with network).
            # It installs a JDK, bubblewrap (the harness's sandbox) and every program the lab's graded tests
            # drive (@PEERS@), so that every test that counts is graded here, then builds the grading tool
            # and the lab's tests once, so that run_autograder needs no network and no build.
            set -euo pipefail
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -q
            apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless bubblewrap@PACKAGES@
            @BROWSER@export JAVA_HOME="$(ls -d /usr/lib/jvm/java-17-openjdk-* | head -n 1)"
            # The sandbox users: the grader runs as root and starts every test JVM as one of these uids
            # (never as root), whether or not bubblewrap works here (Gradescope's containers usually refuse its
            # namespaces). The course and the results are closed to them.
            for uid in $(seq @UID_FIRST@ @UID_LAST@); do
              getent passwd "$uid" >/dev/null || useradd --system --no-create-home --home-dir /nonexistent \
                --shell /usr/sbin/nologin --no-user-group --uid "$uid" "wirelab-sandbox-$((uid - @UID_FIRST@))"
            done
            mkdir -p /autograder/results
            chmod 700 /autograder/source /autograder/results
            cd /autograder/source/course
            chmod +x mvnw wirelab /autograder/source/run_autograder
            ./mvnw -B -q -DskipTests install
            # the launcher copies the tool out of target/ once; grading the reference warms the lab's test bundle
            ./wirelab grade solutions/@LAB@ --lab @LAB@ --out /tmp/wirelab-warmup --jobs 1 > /tmp/wirelab-warmup.log 2>&1 || true
            """;

    /**
     * Chromium on Gradescope's Ubuntu images: Ubuntu's chromium-browser is a snap wrapper, which does
     * not run in a container, so setup.sh installs Google Chrome from Google's .deb (apt brings its
     * dependencies from Ubuntu) under the name the tests look for, in /usr/bin (the sandbox's PATH),
     * and proves it renders a page headless before the image is kept.
     */
    static final String CHROMIUM = """
            # Chromium: Ubuntu's chromium-browser is a snap wrapper that does not run in a container, so
            # Google Chrome from Google's .deb, named chromium where the tests look for it (/usr/bin)
            if ! chromium --version 2>/dev/null | grep -qiE 'chrom(e|ium) [0-9]'; then
              apt-get install -y -q --no-install-recommends ca-certificates curl
              curl -fsSL -o /tmp/google-chrome.deb https://dl.google.com/linux/direct/google-chrome-stable_current_amd64.deb
              apt-get install -y -q /tmp/google-chrome.deb
              rm -f /tmp/google-chrome.deb
              ln -sf "$(command -v google-chrome-stable)" /usr/bin/chromium
            fi
            # the browser test counts in the total: the image is kept only if a headless page renders
            probe="$(mktemp -d)"
            chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir="$probe/profile" \\
                --dump-dom 'data:text/html,<p id=probe>wirelab</p><script>probe.textContent="browser runs"</script>' \\
                > "$probe/dom.html" 2> "$probe/err.txt" || true
            grep -q 'browser runs' "$probe/dom.html" || { echo "setup.sh: headless Chromium did not render a page:" >&2; cat "$probe/err.txt" >&2; exit 1; }
            rm -rf "$probe"
            """;

    static final String RUN = """
            #!/usr/bin/env bash
            # Gradescope runs this once per submission: wirelab's harness grades /autograder/submission
            # (lab @LAB@) and writes /autograder/results/results.json (public tests visible, hidden tests
            # after the due date, the week's late policy applied). WIRELAB_GRADESCOPE_ROOT replaces
            # /autograder, which is how the course's tests simulate Gradescope.
            set -uo pipefail
            export WIRELAB_GRADESCOPE_ROOT="${WIRELAB_GRADESCOPE_ROOT:-/autograder}"
            jdk17="$(ls -d /usr/lib/jvm/java-17-openjdk-* 2>/dev/null | head -n 1)"
            [[ -z "${JAVA_HOME:-}" && -n "$jdk17" ]] && export JAVA_HOME="$jdk17"
            course="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/course"
            [[ -d "$course" ]] || course="$WIRELAB_GRADESCOPE_ROOT/source/course"
            mkdir -p "$WIRELAB_GRADESCOPE_ROOT/results"
            exec "$course/wirelab" autograder --run --lab @LAB@
            """;

    static final String README = """
            # Gradescope autograder for the lab @LAB@

            Generated by `./wirelab autograder --lab @LAB@ --out FILE.zip`. Upload the zip as a
            "Zip file upload" autograder on Gradescope (Ubuntu base image). `setup.sh` installs a JDK
            17, bubblewrap and the programs the lab's tests drive, creates the sandbox users (uids
            61000-61063) and closes /autograder/source and /autograder/results to them, and builds the
            grading tool; `run_autograder` grades each submission with the course's harness. Students
            upload their lab folder or its `src/main/java`. Hidden tests count at once but are shown to
            students after the due date.

            The assignment's total: @TOTAL@. Enter it as the assignment's points on Gradescope;
            a submission of the reference solution gets exactly that.

            Student code never runs as root: each test JVM runs as a sandbox uid, in a work folder
            only that uid may write; it cannot read the course (hidden tests, reference solution) or
            the results; every process it starts is ended with its JVM; what it leaves in /tmp,
            /var/tmp or /dev/shm is reported and removed; processes, memory, disk and CPU time are
            limited. Where bubblewrap works its namespaces come on top (private files and network);
            in Gradescope's containers they usually do not, and the network stays open. The run
            refuses to grade (results.json says so) rather than run student code unconfined.
            """;
}
