package wirelab.grading.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import wirelab.grading.course.Course;
import wirelab.grading.doctor.Doctor;
import wirelab.grading.result.Points;
import wirelab.grading.run.Sandbox;
import wirelab.grading.run.Threat;
import wirelab.grading.sandbox.Exposure;
import wirelab.grading.sandbox.Isolation;
import wirelab.grading.sandbox.WorkFolders;
import wirelab.grading.similarity.Jdks;
import wirelab.testkit.Peers;

/** {@code wirelab doctor}: what this machine can do for the course, and what it lacks. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        header = "What this machine can do: JDKs, grading isolation, the peer programs the tests drive.",
        description = {"Lists the JDKs found and which one runs what, the isolation grading will use and what it",
            "means, and each peer program the tests drive (chromium, curl, nc, python3, ...) with its version,",
            "or the command that installs it and the labs, tests and points that wait for it.",
            "Exits 0 when everything is present, 1 otherwise (a missing program is not graded, never failed)."})
final class DoctorCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Course course = Course.locate();
        PrintStream out = System.out;
        Path tool = Path.of(System.getProperty("java.home"));

        out.println("JDKs");
        Map<Path, Integer> jdks = Doctor.jdks();
        Path similarity = Jdks.newest(21, null).map(Jdks.Jdk::home).orElse(null);
        jdks.forEach((home, feature) -> {
            StringBuilder uses = new StringBuilder();
            if (home.equals(real(tool))) {
                uses.append("runs ./wirelab and every test JVM it starts; Maven (./mvnw) too, via JAVA_HOME or PATH");
            }
            if (home.equals(similarity)) {
                uses.append(uses.length() > 0 ? "; " : "").append("runs JPlag for ./wirelab similarity (needs 21+)");
            }
            if (feature >= 25 && !home.equals(real(tool))) {
                uses.append(uses.length() > 0 ? "; " : "").append("CI runs the threads lab on it (JAVA_HOME=" + home + ")");
            }
            out.printf(Locale.ROOT, "  %-3d %-48s %s%n", feature, home, uses.length() == 0 ? "(not used)" : uses);
        });
        if (similarity == null) {
            out.println("  no JDK 21+: ./wirelab similarity (JPlag 6) cannot run; apt-get install openjdk-21-jdk-headless");
        }
        if (jdks.values().stream().noneMatch(f -> f >= 25)) {
            out.println("  no JDK 25: CI's threads-on-25 step is skipped here (the course targets 17 and runs on 25)");
        }

        out.println();
        out.println("Isolation (what a submission graded here is kept from doing)");
        Sandbox sandbox = Isolation.detect(tool, WorkFolders.base());
        wrap(sandbox.describe(), 96).forEach(line -> out.println("  " + line));
        for (Threat t : Threat.values()) {
            kind(out, t.word(), sandbox.explain(t));
        }
        List<Path> secrets = course.labList().stream().map(l -> Exposure.anyFileIn(l.hiddenTests()))
                .flatMap(java.util.Optional::stream).toList();
        for (Sandbox.Remark r : sandbox.remarks(course.root(), secrets)) {
            if (r.kind() != null) {
                kind(out, r.kind(), r.text());
            } else {
                out.println("  " + r.text());
            }
        }
        for (String advice : sandbox.advice()) {
            String indent = advice.substring(0, advice.length() - advice.stripLeading().length());
            wrap(advice.strip(), 96 - indent.length()).forEach(line -> out.println("  " + indent + line));
        }
        String warning = Confinement.warning(sandbox);
        if (warning != null) {
            out.println(warning);
        }

        out.println();
        out.println("Peer programs");
        List<Doctor.Program> programs = new Doctor(course).programs();
        for (Doctor.Program p : programs) {
            out.printf(Locale.ROOT, "  %-9s %s%n", p.name(), p.present()
                    ? "ok       " + p.version() + " (" + p.path().get() + ")"
                    : "MISSING  " + Peers.installHint(p.name()));
            boolean runs = p.present() && sandbox.canRun(p.name());
            if (p.present() && !runs && !p.dependents().isEmpty()) {
                out.printf(Locale.ROOT, "  %-9s BUT a sandbox uid cannot run it (a folder on its way is closed to other"
                        + " users): its tests are NOT GRADED; install it where every user may run it%n", "");
            }
            if (!p.usedFor().isEmpty()) {
                out.printf(Locale.ROOT, "  %-9s used by  %s%n", "", p.usedFor());
            }
            for (Doctor.Dependent d : p.dependents()) {
                out.printf(Locale.ROOT, "  %-9s %s %s/%s (%s pts)%n", "", runs ? "graded " : "NOT GRADED",
                        d.lab(), d.test(), Points.of(d.points()));
            }
        }
        List<String> missing = Doctor.missing(programs);
        out.println();
        if (missing.isEmpty()) {
            out.println("doctor: everything is here: every test can be graded and checked on this machine");
            return 0;
        }
        out.println("doctor: " + summary(programs, sandbox));
        out.println("  install: sudo " + Peers.installCommand(missing));
        return 1;
    }

    /** The demo's first line: what is missing, and what it costs. */
    static String summary(List<Doctor.Program> programs, Sandbox sandbox) {
        List<Doctor.Program> absent = programs.stream().filter(p -> !p.present()).toList();
        long tests = absent.stream().mapToLong(p -> p.dependents().size()).sum();
        double points = absent.stream().mapToDouble(Doctor.Program::points).sum();
        String iso = sandbox.level();
        if (absent.isEmpty()) {
            return "isolation " + iso + "; every peer program present: every test is graded here";
        }
        return "isolation " + iso + "; missing " + String.join(", ", absent.stream().map(Doctor.Program::name).toList())
                + (tests == 0 ? "" : ": " + tests + " test(s), " + Points.of(points) + " point(s) of "
                        + String.join(", ", Doctor.labsOf(absent)) + " NOT GRADED here (left out of the maximum)");
    }

    /** "  read      confined: …", the text wrapped under itself. */
    private static void kind(PrintStream out, String word, String text) {
        List<String> lines = wrap(text, 86);
        for (int i = 0; i < lines.size(); i++) {
            out.printf(Locale.ROOT, "  %-9s %s%n", i == 0 ? word : "", lines.get(i));
        }
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            return p;
        }
    }
}
